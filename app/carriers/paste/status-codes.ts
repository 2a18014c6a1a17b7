/**
 * Carrier status codes printed before the event text ("ITM_IMP_10  Mailed" on Swiss Post,
 * "EMA Posting/Collection" in UPU EDI feeds, "[DL] Delivered"): the code is for machines; the words
 * after it are the event. Only shapes no sentence starts with are taken off: a code with an
 * underscore or a digit run glued to capitals, a bracketed code, or a UPU event code (E + M/D/X +
 * one letter) — and only when words follow it.
 */
const LEADING_CODE =
  /^(?:[A-Z]{1,6}(?:_[A-Z0-9]{1,8}){1,5}|[A-Z]{1,4}\d{1,4}[A-Z]?|\d{1,3}[A-Z]{1,3}|E[MDX][A-J]|[[(][A-Z0-9_-]{1,10}[\])])[\s:–-]{1,6}(?=[\p{L}])/u;

const WORD_BREAK = /[^\p{L}]+/u;

export function withoutStatusCode(text: string): string {
  const match = LEADING_CODE.exec(text);
  if (!match) return text;
  const rest = text.slice(match[0].length);
  // "A1 Post" or "M25 closed": a code needs more than one word after it to be taken for one.
  // (Counted with a split, which is linear; a regex such as /\p{L}{2,}\P{L}+\p{L}{2,}/ is quadratic
  // on one long word.)
  const words = rest.split(WORD_BREAK).filter((word) => word.length >= 2).length;
  return words >= 2 || match[0].includes("_") || match[0].startsWith("[") || match[0].startsWith("(") ? rest : text;
}
