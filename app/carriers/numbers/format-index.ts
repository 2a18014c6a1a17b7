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

/**
 * The shortest and longest string a pattern body can match, or null when the body holds something
 * this reader does not follow (then the row is tried on every length). Understands what the format
 * tables use: `\d`, classes, literal characters, groups (capturing, named, non-capturing) with
 * alternatives, lookarounds (zero width) and the quantifiers `?`, `{n}` and `{n,m}`.
 */
export function lengthRange(body: string): [number, number] | null {
  let pos = 0;
  function alternatives(): [number, number] | null {
    let best: [number, number] | null = null;
    for (;;) {
      const seq = sequence();
      if (!seq) return null;
      best = best ? [Math.min(best[0], seq[0]), Math.max(best[1], seq[1])] : seq;
      if (body[pos] !== "|") return best;
      pos += 1;
    }
  }
  function sequence(): [number, number] | null {
    let min = 0;
    let max = 0;
    while (pos < body.length && body[pos] !== "|" && body[pos] !== ")") {
      let atom: [number, number] | null;
      const char = body[pos];
      if (char === "^" || char === "$") {
        pos += 1;
        continue;
      }
      if (char === "(") {
        pos += 1;
        let zeroWidth = false;
        if (body.startsWith("?=", pos) || body.startsWith("?!", pos)) {
          zeroWidth = true;
          pos += 2;
        } else if (body.startsWith("?<=", pos) || body.startsWith("?<!", pos)) {
          zeroWidth = true;
          pos += 3;
        } else if (body.startsWith("?:", pos)) pos += 2;
        else if (body.startsWith("?<", pos)) {
          const close = body.indexOf(">", pos);
          if (close < 0) return null;
          pos = close + 1;
        }
        const inner = alternatives();
        if (!inner || body[pos] !== ")") return null;
        pos += 1;
        atom = zeroWidth ? [0, 0] : inner;
      } else if (char === "[") {
        const close = body.indexOf("]", pos + 1);
        if (close < 0 || body.slice(pos, close).includes("\\")) return null;
        pos = close + 1;
        atom = [1, 1];
      } else if (char === "\\") {
        const escaped = body[pos + 1];
        if (escaped === undefined || !/[dDwWsS.\-\\/[\](){}|?*+^$]/.test(escaped)) return null;
        pos += 2;
        atom = [1, 1];
      } else if (char === ".") {
        pos += 1;
        atom = [1, 1];
      } else if (/[A-Za-z0-9 _-]/.test(char)) {
        pos += 1;
        atom = [1, 1];
      } else return null;
      // Quantifier.
      const quantifier = /^(?:\?|\{(\d+)(?:,(\d+))?\})/.exec(body.slice(pos, pos + 12));
      if (body[pos] === "*" || body[pos] === "+") return null;
      if (quantifier) {
        pos += quantifier[0].length;
        if (quantifier[0] === "?") atom = [0, atom[1]];
        else {
          const low = Number(quantifier[1]);
          const high = quantifier[2] === undefined ? (quantifier[0].includes(",") ? Infinity : low) : Number(quantifier[2]);
          if (!Number.isFinite(high)) return null;
          atom = [atom[0] * low, atom[1] * high];
        }
      }
      min += atom[0];
      max += atom[1];
    }
    return [min, max];
  }
  const range = alternatives();
  return range && pos === body.length ? range : null;
}

/** Rows by first character and length ("1" + 12), built on first use from FORMATS_BY_FIRST. */
const byFirstAndLength = new Map<string, readonly NumberFormat[]>();
const RANGES = new Map<NumberFormat, [number, number] | null>(NUMBER_FORMATS.map((f) => [f, lengthRange(f.pattern.source)]));

/** The rows that can match `text`: same answer as FORMATS_BY_FIRST, fewer rows to try. */
export function formatsFor(text: string): readonly NumberFormat[] {
  const key = text[0] + text.length;
  let rows = byFirstAndLength.get(key);
  if (rows === undefined) {
    rows = (FORMATS_BY_FIRST.get(text[0]) ?? []).filter((format) => {
      const range = RANGES.get(format);
      return !range || (text.length >= range[0] && text.length <= range[1]);
    });
    if (byFirstAndLength.size < 4096) byFirstAndLength.set(key, rows);
  }
  return rows;
}
