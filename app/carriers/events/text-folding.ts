/**
 * Folds text for phrase matching, one UTF-16 code unit at a time through a table built once:
 * lowercase, accents dropped (é→e, ł→l, ß→s, ё→е), full-width forms to ASCII, every digit to "0",
 * and everything that is not a letter or digit (punctuation, symbols, controls, emoji halves) to a
 * separator. A table lookup per code unit keeps folding linear and allocation-free, which a
 * per-call `normalize()` + regex chain would not be.
 */

/** Folded value meaning "separator" (word boundary). */
export const SEPARATOR = 32;
/** Folded value meaning "drop this code unit" (combining marks). */
export const DROPPED = 0;

const EXTRA_FOLDS: Record<string, string> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  ß: "s",
  ı: "i",
  ħ: "h",
  ŀ: "l",
  œ: "o",
  æ: "a",
  þ: "t",
};

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let unit = 0; unit < 65536; unit++) {
    if ((unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xac00 && unit <= 0xd7a3)) {
      table[unit] = unit; // CJK ideographs and Hangul syllables: letters with no case or accents
      continue;
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      table[unit] = SEPARATOR; // astral characters (emoji, rare CJK) never appear in a phrase
      continue;
    }
    const char = String.fromCharCode(unit);
    if (mark.test(char)) {
      table[unit] = DROPPED;
      continue;
    }
    if (!letterOrDigit.test(char)) {
      table[unit] = SEPARATOR;
      continue;
    }
    if (/\p{N}/u.test(char)) {
      table[unit] = 48; // "0": numbers are never part of a phrase's meaning
      continue;
    }
    let folded = char.normalize("NFKD").toLowerCase();
    folded = EXTRA_FOLDS[folded[0]] ?? folded;
    const first = folded.charCodeAt(0);
    table[unit] = mark.test(folded[0]) || first === SEPARATOR ? DROPPED : first;
  }
  return table;
}

export const FOLD: Uint16Array = buildFoldTable();

/**
 * Punctuation that ends a clause. Folding turns it into a plain separator; the matcher still
 * notes where it stood so that a negation does not reach across it ("not collected, return to
 * sender" returns; "not delivered" fails).
 */
export const CLAUSE_BREAK: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (const char of ",.;:!?|/()[]{}<>\u2013\u2014\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u3010\u3011\uff08\uff09") table[char.charCodeAt(0)] = 1;
  return table;
})();

/** Scripts written without spaces: their phrases match anywhere, not as whole words. */
export function isUnspacedScript(unit: number): boolean {
  return (
    (unit >= 0x3040 && unit <= 0x30ff) || // kana
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0xf900 && unit <= 0xfaff) ||
    (unit >= 0xac00 && unit <= 0xd7af) // hangul syllables (words are spaced, but particles attach)
  );
}

/** Folds a whole string (for building patterns and for tests); collapses separators to one space. */
export function foldText(text: string): string {
  let out = "";
  let lastWasSeparator = true;
  for (let i = 0; i < text.length; i++) {
    const folded = FOLD[text.charCodeAt(i)];
    if (folded === DROPPED) continue;
    if (folded === SEPARATOR) {
      if (!lastWasSeparator) out += " ";
      lastWasSeparator = true;
    } else {
      out += String.fromCharCode(folded);
      lastWasSeparator = false;
    }
  }
  return out.trimEnd();
}
