/**
 * Check-digit algorithms named by the format tables. The definitions follow
 * jkeen/tracking_number_data's CHECKSUM_ALGORITHMS.md (mod10, mod7, s10, sum-product with
 * weightings), the UPU S10 standard, Luhn (ISO/IEC 7812) and ISO/IEC 7064 MOD 37,36 (DPD).
 * Each runs in one pass over a short string and never throws.
 */
import type { CheckSpec } from "./types.ts";

const ZERO = 48;
const NINE = 57;
const UPPER_A = 65;
const UPPER_Z = 90;

/** Digit value; letters map as the dataset's UPS rule does ((code − 3) mod 10); -1 otherwise. */
function mod10Value(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  if (code >= UPPER_A && code <= UPPER_Z) return (code - 3) % 10;
  return -1;
}

function digitOf(check: string): number {
  if (check.length !== 1) return -1;
  const code = check.charCodeAt(0);
  return code >= ZERO && code <= NINE ? code - ZERO : -1;
}

/** `reverse` counts positions from the right (the dataset's USPS IMpb N), else from the left. */
function mod10(serial: string, check: string, evens: number, odds: number, reverse: boolean): boolean {
  const expected = digitOf(check);
  if (expected < 0) return false;
  let sum = 0;
  const last = serial.length - 1;
  for (let i = 0; i < serial.length; i++) {
    const value = mod10Value(serial.charCodeAt(i));
    if (value < 0) return false;
    const position = reverse ? last - i : i;
    sum += value * (position % 2 === 0 ? evens : odds);
  }
  return (10 - (sum % 10)) % 10 === expected;
}

function mod7(serial: string, check: string): boolean {
  const expected = digitOf(check);
  if (expected < 0 || serial.length === 0) return false;
  let remainder = 0;
  for (let i = 0; i < serial.length; i++) {
    const digit = digitOf(serial[i]);
    if (digit < 0) return false;
    remainder = (remainder * 10 + digit) % 7;
  }
  return remainder === expected;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The UPU S10 check digit of an eight-digit serial, or -1 when the serial is not eight digits. */
export function s10CheckDigit(serial: string): number {
  if (serial.length !== S10_WEIGHTS.length) return -1;
  let sum = 0;
  for (let i = 0; i < S10_WEIGHTS.length; i++) {
    const digit = digitOf(serial[i]);
    if (digit < 0) return -1;
    sum += digit * S10_WEIGHTS[i];
  }
  const remainder = 11 - (sum % 11);
  if (remainder === 10) return 0;
  if (remainder === 11) return 5;
  return remainder;
}

function weightedMod(serial: string, check: string, weights: readonly number[], modulo1: number, modulo2: number): boolean {
  const expected = digitOf(check);
  if (expected < 0) return false;
  let sum = 0;
  const n = Math.min(serial.length, weights.length);
  for (let i = 0; i < n; i++) {
    const digit = digitOf(serial[i]);
    if (digit < 0) return false;
    sum += digit * weights[i];
  }
  return (sum % modulo1) % modulo2 === expected;
}

function luhn(serial: string, check: string): boolean {
  const expected = digitOf(check);
  if (expected < 0) return false;
  let sum = 0;
  // The check digit sits to the right, so the serial's rightmost digit is the first one doubled.
  for (let i = serial.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = digitOf(serial[i]);
    if (digit < 0) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === expected;
}

function alnumValue(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  if (code >= UPPER_A && code <= UPPER_Z) return code - UPPER_A + 10;
  return -1;
}

/** ISO/IEC 7064 MOD 37,36 (hybrid system), as DPD's 28-character parcel labels use it. */
function iso7064Mod37_36(serial: string, check: string): boolean {
  const modulus = 36;
  const checkValue = check.length === 1 ? alnumValue(check.charCodeAt(0)) : -1;
  if (checkValue < 0) return false;
  let product = modulus;
  for (let i = 0; i < serial.length; i++) {
    const value = alnumValue(serial.charCodeAt(i));
    if (value < 0) return false;
    let sum = (product + value) % modulus;
    if (sum === 0) sum = modulus;
    product = (sum * 2) % (modulus + 1);
  }
  return (product + checkValue) % modulus === 1;
}

/** Does `check` hold for `serial` under `spec`? */
export function checkDigitHolds(spec: CheckSpec, serial: string, check: string): boolean {
  switch (spec.algorithm) {
    case "mod10":
      return mod10(serial, check, spec.evens, spec.odds, spec.reverse === true);
    case "mod7":
      return mod7(serial, check);
    case "s10": {
      const expected = s10CheckDigit(serial);
      return expected >= 0 && expected === digitOf(check);
    }
    case "weighted-mod":
      return weightedMod(serial, check, spec.weights, spec.modulo1, spec.modulo2);
    case "luhn":
      return luhn(serial, check);
    case "iso7064-mod37-36":
      return iso7064Mod37_36(serial, check);
  }
}
