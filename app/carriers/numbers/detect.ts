/**
 * Which carrier a tracking number belongs to, from the number alone (and, when given, the
 * marketplace and origin). Every format in ./formats is tried on the normalised number; formats
 * whose check digit fails are kept only as a low-confidence guess. Linear in the input: the
 * normaliser is one pass and the patterns only ever see at most MAX_NUMBER_LENGTH characters.
 */
import { PLATFORMS, type CarrierId } from "../../../machines/vocabulary.ts";
import { checkDigitHolds } from "./check-digits.ts";
import { S10_BRANDS, S10_COUNTRIES, S10_NATIONAL_POSTS } from "./formats/upu-s10.ts";
import { formatsFor } from "./format-index.ts";
import { MAX_NUMBER_LENGTH, normalizeNumber } from "./normalize.ts";
import type { Candidate, DetectContext, Detection, DetectionDetails, FormatMatch, NumberFormat } from "./types.ts";

export type { Candidate, DetectContext, Detection, DetectionDetails } from "./types.ts";

const MIN_NUMBER_LENGTH = 8;
/** How much a matching marketplace or origin multiplies a format's prior. */
const CONTEXT_BOOST = 2.5;
/** A format whose check digit failed is still a hint ("typo?"), at this fraction of its prior. */
const FAILED_CHECK_FACTOR = 0.2;
/** The share of the prior a sister brand of a post gets (Parcelforce for Royal Mail's E…GB). */
const SISTER_BRAND_FACTOR = 0.5;

/**
 * A string of one repeated digit ("000000000000") passes several check digits (FedEx 12, GS1) but is
 * a placeholder, never a parcel: it is never valid.
 */
function isRepeatedDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) !== first) return false;
  return true;
}

function acceptable(normalized: { text: string; alphanumeric: boolean }): boolean {
  const text = normalized.text;
  return normalized.alphanumeric && text.length >= MIN_NUMBER_LENGTH && text.length <= MAX_NUMBER_LENGTH && !isRepeatedDigit(text);
}

interface CleanContext {
  platform?: string;
  origin?: string;
}

function cleanContext(context: DetectContext | undefined): CleanContext {
  if (!context || typeof context !== "object") return {};
  const platform = (PLATFORMS as readonly string[]).includes(context.platform as string) ? context.platform : undefined;
  const origin =
    typeof context.originCountry === "string" && /^[A-Za-z]{2}$/.test(context.originCountry) ? context.originCountry.toUpperCase() : undefined;
  return { platform, origin };
}

function isFavoured(format: NumberFormat, context: CleanContext, country: string | undefined): boolean {
  if (country && context.origin === country) return true;
  const favour = format.favouredBy;
  if (!favour) return false;
  if (context.platform && favour.platforms?.includes(context.platform as never)) return true;
  return Boolean(context.origin && favour.origins?.includes(context.origin));
}

/** The matches one format yields for `text` (S10 may name two brands of the same post). */
function evaluate(format: NumberFormat, text: string, context: CleanContext, seen: Map<string, RegExpExecArray | null>): FormatMatch[] {
  // Several rows share one shape (twelve digits: FedEx, Yamato, Japan Post, DHL Paket, …): run it once.
  const source = format.pattern.source;
  let found = seen.get(source);
  if (found === undefined) {
    found = format.pattern.exec(text);
    seen.set(source, found);
  }
  if (!found) return [];
  const groups = found.groups ?? {};
  if (format.services && !format.services.test(groups.service ?? "")) return [];
  if (format.containers && !format.containers.has(groups.container ?? "")) return [];

  let carrier: CarrierId = format.carrier;
  let country: string | undefined;
  if (format.s10Country) {
    country = groups.country;
    if (!country || !S10_COUNTRIES.has(country)) return [];
    carrier = S10_NATIONAL_POSTS[country] ?? "s10";
  }

  let checkOk = true;
  if (format.check) {
    let serial = groups.serial ?? "";
    const prepend = format.serialPrepend;
    if (prepend && !prepend.unlessStartsWith.test(serial)) serial = prepend.content + serial;
    checkOk = checkDigitHolds(format.check, serial, groups.check ?? "");
  }

  const routingPrefix = groups.routing;
  const routing = routingPrefix ? { prefix: routingPrefix, zip: groups.zip } : undefined;
  const number = routingPrefix ? text.slice(routingPrefix.length) : text;
  const boost = isFavoured(format, context, country) ? CONTEXT_BOOST : 1;
  const base = format.prior * boost * (checkOk ? 1 : FAILED_CHECK_FACTOR);
  const match: FormatMatch = { format, carrier, checkOk, country, number, routing, confidence: base };
  if (!country) return [match];

  const matches = [match];
  const service = groups.service ?? "";
  for (const brand of S10_BRANDS) {
    if (brand.country !== country || !brand.services.test(service)) continue;
    const sister = { ...match, carrier: brand.carrier, confidence: base * SISTER_BRAND_FACTOR };
    if (brand.first) {
      match.confidence = base * SISTER_BRAND_FACTOR;
      sister.confidence = base;
      matches.unshift(sister);
    } else {
      matches.push(sister);
    }
  }
  return matches;
}

/** Two decimals, never 0 (it matched) and never 1 (a shape alone is not proof). */
function round(confidence: number): number {
  return Math.min(0.99, Math.max(0.01, Math.round(confidence * 100) / 100));
}

/** Ranks matches: one entry per carrier (its best), most likely first, confidences summing to ≤ 1. */
function rank(matches: FormatMatch[]): FormatMatch[] {
  const best = new Map<CarrierId, FormatMatch>();
  for (const match of matches) {
    const seen = best.get(match.carrier);
    if (!seen || match.confidence > seen.confidence) best.set(match.carrier, match);
  }
  const ranked = [...best.values()].sort((a, b) => b.confidence - a.confidence);
  const total = ranked.reduce((sum, match) => sum + match.confidence, 0);
  const scale = total > 1 ? 1 / total : 1;
  return ranked.map((match) => ({ ...match, confidence: round(match.confidence * scale) }));
}

/** The contract's keys, in the contract's order (country before candidates), and nothing else. */
function toDetection(details: DetectionDetails): Detection {
  const { input, normalized, carrier, valid, country, candidates } = details;
  return country === undefined ? { input, normalized, carrier, valid, candidates } : { input, normalized, carrier, valid, country, candidates };
}

function matchText(text: string, context: CleanContext): FormatMatch[] {
  const all: FormatMatch[] = [];
  const seen = new Map<string, RegExpExecArray | null>();
  for (const format of formatsFor(text)) {
    for (const match of evaluate(format, text, context, seen)) all.push(match);
  }
  return all;
}

/**
 * Every format whose shape `input` has, whether or not its check digit held, before ranking
 * (one entry per format, not per carrier).
 */
export function matchFormats(input: string, context?: DetectContext): FormatMatch[] {
  const normalized = normalizeNumber(typeof input === "string" ? input : "");
  if (!acceptable(normalized)) return [];
  return matchText(normalized.text, cleanContext(context));
}

/** Everything the detector found out about `input`, for callers that want the reasoning too. */
export function detectNumberDetails(input: string, context?: DetectContext): DetectionDetails {
  const raw = typeof input === "string" ? input : "";
  const normalized = normalizeNumber(raw);
  const empty: DetectionDetails = {
    input: raw,
    normalized: normalized.text,
    carrier: null,
    valid: false,
    candidates: [],
    matches: [],
    checkDigitVerified: false,
    distinctive: false,
  };
  const text = normalized.text;
  if (!acceptable(normalized)) return empty;

  const all = matchText(text, cleanContext(context));
  const passing = all.filter((match) => match.checkOk);
  // A failed check digit on a distinctive shape is worth saying ("looks like China Post, typo?");
  // on a bare run of digits it is noise.
  const pool = passing.length > 0 ? passing : all.filter((match) => match.format.distinctive);
  if (pool.length === 0) return empty;

  const ranked = rank(pool);
  const top = ranked[0];
  const details: DetectionDetails = {
    input: raw,
    normalized: top.number,
    carrier: top.carrier,
    valid: passing.length > 0,
    candidates: ranked.map((match): Candidate => ({ carrier: match.carrier, confidence: match.confidence })),
    matches: ranked,
    checkDigitVerified: top.checkOk && top.format.check !== undefined,
    distinctive: top.format.distinctive,
  };
  if (top.country) details.country = top.country;
  if (top.routing) details.routing = top.routing;
  return details;
}

/** Contract §4 `detect`: the carrier of one tracking number, with ranked candidates. */
export function detectNumber(input: string, context?: DetectContext): Detection {
  return toDetection(detectNumberDetails(input, context));
}
