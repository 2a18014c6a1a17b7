/**
 * Turns what a person typed or pasted into the bare number: upper case, without spaces, dashes or
 * zero-width characters, full-width digits and letters folded to ASCII. One pass, no regex.
 */

/** Longer than any known tracking number (DHL eCommerce allows 41); anything longer is not one. */
export const MAX_NUMBER_LENGTH = 48;

function isSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x2d || // -
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200d) || // en quad … zero-width joiner
    (code >= 0x2010 && code <= 0x2015) || // hyphen … horizontal bar
    code === 0x2212 ||
    code === 0xfe63 ||
    code === 0xff0d ||
    code === 0x202f ||
    code === 0x2060
  );
}

export interface NormalizedNumber {
  /** Upper case, separators removed; other characters are kept so the caller sees what was wrong. */
  text: string;
  /** True when only A–Z and 0–9 remain. */
  alphanumeric: boolean;
}

function isUpperAlnum(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return true;
}

export function normalizeNumber(input: string): NormalizedNumber {
  // Most bulk input is already clean; skip rebuilding the string then.
  if (isUpperAlnum(input)) return { text: input, alphanumeric: true };
  let text = "";
  let alphanumeric = true;
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i);
    if (isSeparator(code)) continue;
    if (code >= 0xff10 && code <= 0xff5a) code -= 0xfee0; // full-width ０-９ Ａ-Ｚ ａ-ｚ
    if (code >= 97 && code <= 122) code -= 32;
    const isAlnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    if (!isAlnum) alphanumeric = false;
    text += String.fromCharCode(code);
  }
  return { text, alphanumeric };
}
