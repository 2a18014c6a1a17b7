/**
 * A fact the order does not give is never guessed: it becomes a blank the buyer can see and fill in
 * before sending. One marker shape everywhere, so tests (and people) can find every blank.
 */
export function blank(label: string): string {
  return `[${label} — fill in]`;
}

export const BLANK_PATTERN = /\[[^\]\n]+ — fill in\]/g;
