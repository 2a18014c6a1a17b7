/**
 * Finds the tracking numbers inside free text: an e-mail, an order page copied whole, a chat
 * message. The text is cut once into runs of letters and digits; a number may span a few runs
 * printed with single spaces or dashes ("9400 1112 0108 …"). Each candidate goes through
 * detectNumber, so the time is linear in the text (a bounded number of joins per run, each at most
 * MAX_NUMBER_LENGTH characters).
 *
 * Shapes with a prefix or letters (LP…, RR…CN, 1Z…) are taken wherever they appear. Bare digit runs
 * are what order numbers, phone numbers and dates look like too, so they are taken only when a
 * tracking word is the nearest cue before them, or when a check digit holds and no order/phone
 * word is nearer.
 */
import { detectNumberDetails } from "./detect.ts";
import { MAX_NUMBER_LENGTH } from "./normalize.ts";
import type { DetectContext, Detection, DetectionDetails } from "./types.ts";

export interface FoundNumber extends Detection {
  /** Where the number starts in the text (UTF-16 index, as String.prototype.slice counts). */
  index: number;
  /** How many characters of the text it spans, separators included. */
  length: number;
}

/** At most this many runs are joined into one number ("4201 0023 3424 9200 …" has nine). */
const MAX_RUNS = 10;
const MIN_DIGITS = 5;
/** The shortest number any format accepts. */
const MIN_LENGTH = 8;
const CUE_WINDOW = 60;
/** A bare check-digit number needs this many digits to stand without a tracking word. */
const MIN_UNCUED_LENGTH = 12;

/** Words that announce a tracking number, lower case, in the languages the events table covers. */
const TRACKING_CUES = [
  "track",
  "trace",
  "awb",
  "waybill",
  "shipment",
  "shipping",
  "shipped",
  "parcel",
  "package",
  "consignment",
  "carrier",
  "logistic",
  "delivery",
  "sendung",
  "paket",
  "suivi",
  "colis",
  "envío",
  "envio",
  "seguimiento",
  "rastreio",
  "rastreamento",
  "spedizione",
  "przesył",
  "zending",
  "отслеж",
  "трек",
  "посылк",
  "运单",
  "单号",
  "物流",
  "快递",
  "追踪",
  "跟踪",
  "配送",
  "fedex",
  "dhl",
  "ups",
  "usps",
  "4px",
  "yanwen",
  "cainiao",
  "yunexpress",
  "purolator",
  "dpd",
  "gls",
  "canada post",
  "royal mail",
  "postnl",
  "evri",
  "ontrac",
  "lasership",
  "post",
] as const;

/** Words that say the number next to them is something else. */
const OTHER_NUMBER_CUES = [
  "order",
  "订单",
  "pedido",
  "commande",
  "bestell",
  "ordine",
  "zamówien",
  "заказ",
  "phone",
  "tel",
  "mobile",
  "whatsapp",
  "fax",
  "电话",
  "手机",
  "invoice",
  "rechnung",
  "factura",
  "facture",
  "iban",
  "account",
  "sku",
  "product",
  "item no",
  "item id",
  "transaction",
  "payment",
  "zip",
  "postcode",
  "postal code",
] as const;

interface Run {
  start: number;
  end: number;
  digits: number;
  letters: number;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code >= 48 && code <= 57) digits++;
      else if (isAsciiAlnum(code)) letters++;
      else break;
      i++;
    }
    runs.push({ start, end: i, digits, letters });
  }
  return runs;
}

/**
 * May run `next` continue the number that ends with `prev`? Only across one space or dash; a dash
 * not into a two-digit part (dates: 2026-03-04), yes into LaserShip's "-1"; letters only as a short
 * suffix (the "CN" of "RR 123 456 785 CN"), which ends the number.
 */
function joinable(text: string, prev: Run, next: Run): boolean {
  if (next.start - prev.end !== 1) return false;
  const separator = text[prev.end];
  const length = next.end - next.start;
  if (separator === "-") return length >= 3 || length === 1 || next.digits === 0;
  if (separator !== " " && separator !== "\u00a0") return false;
  return next.letters === 0 || length <= 4;
}

/**
 * Runs inside a chain of more than MAX_RUNS + 2 joinable runs: a table or a wall of digits, not a
 * number printed in groups. Those runs are read one by one, which keeps the work per run
 * constant however long the chain is.
 */
function crowdedRuns(text: string, runs: Run[]): boolean[] {
  const linked = (k: number) => k + 1 < runs.length && joinable(text, runs[k], runs[k + 1]);
  const crowded = new Array<boolean>(runs.length).fill(false);
  let start = 0;
  for (let k = 0; k < runs.length; k++) {
    if (linked(k)) continue;
    if (k - start + 1 > MAX_RUNS + 2) crowded.fill(true, start, k + 1);
    start = k + 1;
  }
  return crowded;
}

/** Phone numbers are printed 3-3-4, 3-4 or 3-4-4 (China mobile); tracking numbers rarely are. */
function looksLikePhone(text: string, runs: Run[], from: number, to: number): boolean {
  if (from > 0 && runs[from].start > 0 && text[runs[from].start - 1] === "+") return true;
  if (runs[from].start > 0 && text[runs[from].start - 1] === "(") return true;
  const digitRuns = runs.slice(from, to + 1).filter((run) => run.letters === 0);
  const lengths = digitRuns.map((run) => run.end - run.start).join("-");
  return /(?:^|-)(?:\d-)?3-3-4$|^3-4$|^3-4-4$/.test(lengths) && digitRuns.length === to - from + 1 - (runs[from].digits === 0 ? 1 : 0);
}

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && /^[a-z]$/.test(char);
}

/**
 * Last place `cue` starts in `window`. A Latin cue must begin a word ("tel" is not in "hotel";
 * "tracking" still finds "track"); a CJK cue may sit anywhere.
 */
function lastCue(window: string, cue: string): number {
  const latin = /^[a-z]/.test(cue);
  for (let at = window.lastIndexOf(cue); at >= 0; at = at === 0 ? -1 : window.lastIndexOf(cue, at - 1)) {
    if (!latin || !isAsciiLetter(window[at - 1])) return at;
  }
  return -1;
}

/** Which cue stands nearest before `index`: a tracking word, an other-number word, or none. */
function nearestCue(text: string, index: number): "tracking" | "other" | "none" {
  const window = text.slice(Math.max(0, index - CUE_WINDOW), index).toLowerCase();
  let tracking = -1;
  for (const cue of TRACKING_CUES) tracking = Math.max(tracking, lastCue(window, cue));
  let other = -1;
  for (const cue of OTHER_NUMBER_CUES) other = Math.max(other, lastCue(window, cue));
  if (tracking < 0 && other < 0) return "none";
  return tracking > other ? "tracking" : "other";
}

function quality(details: DetectionDetails, length: number): number {
  const verified = details.matches.some((match) => match.checkOk && match.format.check !== undefined);
  return (verified ? 4 : 0) + (details.distinctive ? 2 : 0) + length / 100;
}

function accept(text: string, runs: Run[], from: number, to: number, details: DetectionDetails): boolean {
  if (!details.valid) return false;
  const start = runs[from].start;
  const cue = nearestCue(text, start);
  if (looksLikePhone(text, runs, from, to)) return false;
  if (details.distinctive) return cue !== "other" || runs.slice(from, to + 1).some((run) => run.letters > 0);
  if (cue === "tracking") return true;
  if (cue === "other") return false;
  const verified = details.matches.some((match) => match.checkOk && match.format.check !== undefined);
  return verified && details.normalized.length >= MIN_UNCUED_LENGTH;
}

function toFound(details: DetectionDetails, index: number, length: number): FoundNumber {
  const { input, normalized, carrier, valid, country, candidates } = details;
  return country === undefined
    ? { input, normalized, carrier, valid, candidates, index, length }
    : { input, normalized, carrier, valid, country, candidates, index, length };
}

/** Every tracking number in `text`, in order of appearance, with where it stands. */
export function findTrackingNumbers(text: string, context?: DetectContext): FoundNumber[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const runs = runsOf(text);
  const crowded = crowdedRuns(text, runs);
  const found: FoundNumber[] = [];
  let i = 0;
  while (i < runs.length) {
    const first = runs[i];
    const firstLength = first.end - first.start;
    let best: { details: DetectionDetails; to: number; score: number } | null = null;
    // A run of letters alone may open a number only as a short prefix ("RR 123…", "TBA 5028…").
    if (first.digits > 0 || firstLength <= 3) {
      let length = 0;
      let digits = 0;
      const lastRun = crowded[i] ? i : Math.min(runs.length, i + MAX_RUNS) - 1;
      for (let j = i; j <= lastRun; j++) {
        if (j > i && !joinable(text, runs[j - 1], runs[j])) break;
        if (j > i && runs[j - 1].digits === 0 && (j - 1 > i || runs[j].digits === 0)) break; // letters end a number
        length += runs[j].end - runs[j].start;
        digits += runs[j].digits;
        if (length > MAX_NUMBER_LENGTH) break;
        if (digits < MIN_DIGITS || length < MIN_LENGTH) continue;
        const details = detectNumberDetails(text.slice(first.start, runs[j].end), context);
        if (!details.valid) continue;
        const score = quality(details, length);
        if (!best || score >= best.score) best = { details, to: j, score };
      }
    }
    if (best && accept(text, runs, i, best.to, best.details)) {
      found.push(toFound(best.details, first.start, runs[best.to].end - first.start));
      i = best.to + 1;
    } else {
      i++;
    }
  }
  return found;
}
