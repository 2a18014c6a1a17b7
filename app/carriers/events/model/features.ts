/**
 * Turns one event line into hashed feature ids for the linear model (linear-model.ts). The same
 * function serves training and reading, so the two can never disagree about what a feature is.
 *
 * Features (each hashed into one of FEATURE_BUCKETS rows, so unseen words cost nothing to store):
 * - character 3- and 4-grams of the folded text (text-folding.ts: lowercase, no accents, digits
 *   as 0) with a space at both ends: they carry misspellings, inflections and compounds
 *   ("zugestellt"/"zustellung"); for Chinese, Japanese and Korean, single characters and pairs as
 *   well, which do the work of a word segmenter (character bigrams are the standard unit there);
 * - folded words and word pairs; a word after a negation ("not", "nicht", "не", …, taken from the
 *   phrase tables' negation rows) is a different feature from the same word un-negated;
 * - status codes as the carrier wrote them, unfolded: in brackets ("[700]", "【EMC】") or leading
 *   the line before a dash or colon ("EMB - …", "H10:"), since folding turns every digit into 0;
 * - the scripts present (Latin, Han, Hangul, kana, Cyrillic, …), a mix of scripts, and an
 *   upper-case line;
 * - a bias.
 * `Intl.Segmenter` is not used at run time: it costs ~40 µs per Chinese line, 10× the whole budget.
 */
import { DROPPED, FOLD, SEPARATOR, isUnspacedScript, foldText } from "../text-folding.ts";
import { PHRASE_TABLES } from "../phrases/index.ts";

export const FEATURE_BITS = 17;
export const FEATURE_BUCKETS = 1 << FEATURE_BITS;
const MASK = FEATURE_BUCKETS - 1;
/** Only the first this many folded units of a line are read by the model (a pasted page is not an event). */
export const MAX_UNITS = 400;
/** Upper bound on the features of one line (char n-grams dominate: ≤ 4 per unit). */
export const MAX_FEATURES = MAX_UNITS * 6 + 64;

const SALT_CHAR = 0x2f1a9c3d;
const SALT_WORD = 0x5bd1e995;
const SALT_PAIR = 0x1b873593;
const SALT_NEG = 0x7feb352d;
const SALT_CODE = 0x68e31da4;
const SALT_FLAG = 0x0f0e0d0c;

function mix(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}
function bucket(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & MASK;
}
function hashString(text: string, salt: number): number {
  let h = salt;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** Folded negation words of the phrase tables (single words only). */
const NEGATION_WORDS = PHRASE_TABLES.flatMap((table) => table.rows)
  .filter((row) => row[1] === "not")
  .map((row) => foldText(row[0]).trim())
  .filter((word) => word.length > 0 && !word.includes(" ") && !isUnspacedScript(word.charCodeAt(0)));
const NEGATIONS: ReadonlySet<number> = new Set(NEGATION_WORDS.map((word) => hashString(word, SALT_WORD)));
/** Longer words are not looked up (a set lookup per word is a measurable part of the cost). */
const MAX_NEGATION_LENGTH = Math.max(...NEGATION_WORDS.map((word) => word.length));

const FLAG = {
  bias: 1,
  caps: 2,
  latin: 3,
  cyrillic: 4,
  han: 5,
  kana: 6,
  hangul: 7,
  arabic: 8,
  hebrew: 9,
  greek: 10,
  thai: 11,
  mixed: 12,
  bracketCode: 13,
} as const;
const flagBucket = (flag: number) => bucket(mix(SALT_FLAG, flag));

// Scratch (reading is synchronous, so never shared mid-call).
const units = new Uint16Array(MAX_UNITS + 2);

/**
 * The "evidence" of the latest extractFeatures call: buckets of its words (two letters or more) and
 * of its CJK character pairs. The model only speaks about a line holding at least one evidence
 * bucket seen in training: a tracking number, a place name never seen or "transitional
 * arrangements" give no reading, whatever their character n-grams happen to weigh.
 */
export const evidence = new Int32Array(2 * MAX_UNITS + 4);
let evidenceCount = 0;
export const latestEvidenceCount = () => evidenceCount;

/**
 * Writes the feature buckets of text[start, end) into `out` (a bucket may repeat: it counts twice)
 * and returns how many were written.
 */
export function extractFeatures(text: string, start: number, end: number, out: Int32Array): number {
  let n = 0;
  evidenceCount = 0;
  out[n++] = flagBucket(FLAG.bias);

  // Fold, collapsing separators, with a space at both ends; note scripts and case on the way.
  let length = 0;
  units[length++] = SEPARATOR;
  let scripts = 0;
  let upper = 0;
  let lower = 0;
  for (let i = start; i < end && length < MAX_UNITS + 1; i++) {
    const unit = text.charCodeAt(i);
    const folded = FOLD[unit];
    if (folded === DROPPED) continue;
    if (folded === SEPARATOR) {
      if (units[length - 1] !== SEPARATOR) units[length++] = SEPARATOR;
      continue;
    }
    units[length++] = folded;
    if (unit < 0x80) {
      if (unit >= 65 && unit <= 90) upper++;
      else if (unit >= 97 && unit <= 122) lower++;
      if (unit >= 65) scripts |= 1 << FLAG.latin;
    } else if (unit >= 0x400 && unit <= 0x4ff) scripts |= 1 << FLAG.cyrillic;
    else if ((unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf)) scripts |= 1 << FLAG.han;
    else if (unit >= 0x3040 && unit <= 0x30ff) scripts |= 1 << FLAG.kana;
    else if ((unit >= 0xac00 && unit <= 0xd7af) || (unit >= 0x1100 && unit <= 0x11ff)) scripts |= 1 << FLAG.hangul;
    else if (unit >= 0x600 && unit <= 0x6ff) scripts |= 1 << FLAG.arabic;
    else if (unit >= 0x590 && unit <= 0x5ff) scripts |= 1 << FLAG.hebrew;
    else if (unit >= 0x370 && unit <= 0x3ff) scripts |= 1 << FLAG.greek;
    else if (unit >= 0xe00 && unit <= 0xe7f) scripts |= 1 << FLAG.thai;
    else if (unit < 0x250) scripts |= 1 << FLAG.latin;
  }
  if (units[length - 1] !== SEPARATOR) units[length++] = SEPARATOR;
  if (length <= 1) return n; // nothing but separators: the bias alone

  let scriptCount = 0;
  for (let flag: number = FLAG.latin; flag <= FLAG.thai; flag++) {
    if (scripts & (1 << flag)) {
      out[n++] = flagBucket(flag);
      scriptCount++;
    }
  }
  if (scriptCount > 1) out[n++] = flagBucket(FLAG.mixed);
  if (upper >= 4 && upper > 4 * lower) out[n++] = flagBucket(FLAG.caps);

  // Character 3- and 4-grams starting at each position; for unspaced scripts (CJK) also single
  // characters and pairs, their unit of meaning. (Latin pairs cost a third of the features and
  // carried little: the words and 3-grams already hold them.)
  for (let s = 0; s < length - 2; s++) {
    const first = units[s];
    const cjk = first !== SEPARATOR && isUnspacedScript(first);
    let h = mix(mix(SALT_CHAR, first), units[s + 1]);
    if (cjk) {
      out[n++] = bucket(mix(SALT_CHAR, first));
      out[n++] = bucket(h);
      if (isUnspacedScript(units[s + 1]) && evidenceCount < evidence.length) evidence[evidenceCount++] = out[n - 1];
    }
    h = mix(h, units[s + 2]);
    out[n++] = bucket(h);
    if (s + 3 < length) out[n++] = bucket(mix(h, units[s + 3]));
  }

  // Words, word pairs, negated words.
  let previous = 0;
  let havePrevious = false;
  let negatedFor = 0;
  let h = SALT_WORD;
  let letters = 0;
  let wordLength = 0;
  for (let i = 1; i < length; i++) {
    const unit = units[i];
    if (unit !== SEPARATOR) {
      h = mix(h, unit);
      wordLength++;
      if (unit !== 48) letters++;
      continue;
    }
    const word = bucket(h);
    if (letters >= 2 && evidenceCount < evidence.length) evidence[evidenceCount++] = word;
    letters = 0;
    const wordUnits = wordLength;
    wordLength = 0;
    if (negatedFor > 0) {
      out[n++] = bucket(h ^ SALT_NEG);
      negatedFor--;
    } else out[n++] = word;
    if (havePrevious) out[n++] = bucket(mix(previous, h) ^ SALT_PAIR);
    if (wordUnits <= MAX_NEGATION_LENGTH && NEGATIONS.has(h)) negatedFor = 2;
    previous = h;
    havePrevious = true;
    h = SALT_WORD;
  }

  n = statusCodes(text, start, end, out, n);
  return n;
}

/** Bracketed codes anywhere ("[700]", "【EMC】", "(H10)") and a leading code before "-" or ":". */
function statusCodes(text: string, start: number, end: number, out: Int32Array, n: number): number {
  const limit = Math.min(end, start + MAX_UNITS);
  let codes = 0;
  for (let i = start; i < limit && codes < 4; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x5b && unit !== 0x3010 && unit !== 0x28) continue; // [ 【 (
    let j = i + 1;
    let h = SALT_CODE;
    while (j < limit && j - i <= 7 && isCodeUnit(text.charCodeAt(j))) h = mix(h, text.charCodeAt(j++));
    const close = j < limit ? text.charCodeAt(j) : 0;
    if (j - i >= 2 && (close === 0x5d || close === 0x3011 || close === 0x29)) {
      out[n++] = bucket(h);
      codes++;
    }
  }
  if (codes > 0) out[n++] = flagBucket(FLAG.bracketCode);
  // Leading code: 2–6 capitals/digits, then optional spaces and a dash or colon.
  let i = start;
  while (i < limit && text.charCodeAt(i) === 32) i++;
  let j = i;
  let h = SALT_CODE ^ 0x55;
  while (j < limit && j - i < 7 && isCodeUnit(text.charCodeAt(j))) h = mix(h, text.charCodeAt(j++));
  if (j - i >= 2 && j - i <= 6) {
    let k = j;
    while (k < limit && text.charCodeAt(k) === 32) k++;
    const mark = k < limit ? text.charCodeAt(k) : 0;
    if (mark === 0x2d || mark === 0x3a || mark === 0x2013 || mark === 0xff1a) out[n++] = bucket(h);
  }
  return n;
}

function isCodeUnit(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || unit === 95;
}
