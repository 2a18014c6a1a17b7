/** Letter kinds, exactly as contract §4 names them. */
export const LETTER_KINDS = ["seller", "marketplace", "carrier", "customs", "card-issuer", "paypal"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}
