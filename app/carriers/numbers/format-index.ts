/**
 * Formats indexed by the first character of the number, so a number is tried only against the rows
 * that can start with it. The characters are read from each pattern's opening (`\d`, `[AFC]`, `LP`,
 * a group that is not optional, alternatives); an opening less plain than that counts as "any
 * character", so the index can only ever widen, never hide, a row.
 */
import { NUMBER_FORMATS } from "./formats/index.ts";
import type { NumberFormat } from "./types.ts";

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The top-level `|` positions of a regex body and where the group opening at 0 (if any) closes. */
function scan(body: string): { bars: number[]; firstGroupEnd: number } {
  const bars: number[] = [];
  let firstGroupEnd = -1;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") {
      depth--;
      if (depth === 0 && firstGroupEnd < 0 && body[0] === "(") firstGroupEnd = i;
    } else if (char === "|" && depth === 0) bars.push(i);
  }
  return { bars, firstGroupEnd };
}

function expandClass(set: string): string {
  let chars = "";
  for (let i = 0; i < set.length; i++) {
    if (set[i + 1] === "-" && i + 2 < set.length) {
      for (let c = set.charCodeAt(i); c <= set.charCodeAt(i + 2); c++) chars += String.fromCharCode(c);
      i += 2;
    } else chars += set[i];
  }
  return chars;
}

function isOptional(body: string, after: number): boolean {
  return body[after] === "?" || body[after] === "*";
}

/** The characters a regex body can start with (ALNUM when unsure). */
export function firstCharacters(body: string): string {
  const { bars, firstGroupEnd } = scan(body);
  if (bars.length > 0) {
    const starts = [0, ...bars.map((bar) => bar + 1)];
    const ends = [...bars, body.length];
    return [...new Set(starts.flatMap((start, k) => [...firstCharacters(body.slice(start, ends[k]))]))].join("");
  }
  if (body.startsWith("\\d")) return isOptional(body, 2) ? ALNUM : "0123456789";
  if (body.startsWith("(")) {
    if (firstGroupEnd < 0 || isOptional(body, firstGroupEnd + 1)) return ALNUM;
    return firstCharacters(body.slice(1, firstGroupEnd).replace(/^\?(?:<[A-Za-z]+>|:)/, ""));
  }
  if (body.startsWith("[")) {
    const close = body.indexOf("]");
    const set = body.slice(1, close);
    if (close < 0 || set.startsWith("^") || set.includes("\\") || isOptional(body, close + 1)) return ALNUM;
    return expandClass(set);
  }
  return ALNUM.includes(body[0] ?? "") && !isOptional(body, 1) ? body[0] : ALNUM;
}

export const FORMATS_BY_FIRST: ReadonlyMap<string, readonly NumberFormat[]> = (() => {
  const index = new Map<string, NumberFormat[]>();
  for (const char of ALNUM) index.set(char, []);
  for (const format of NUMBER_FORMATS) {
    const source = format.pattern.source;
    const chars = source.startsWith("^") ? firstCharacters(source.slice(1)) : ALNUM;
    for (const char of chars) index.get(char)?.push(format);
  }
  return index;
})();
