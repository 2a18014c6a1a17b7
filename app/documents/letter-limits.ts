/** Shared by the documents page (browser) and the letter routes (server). */
export const LETTER_FORMATS = ["txt", "pdf"] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/** Longest edited letter we take: far above any real letter, small enough to draw quickly. */
export const MAX_LETTER_CHARS = 20_000;
