/**
 * What the person pasted in the tracking step, read: a list of numbers (one per line, or separated
 * by commas), or a whole shipping e-mail. Each number gets a verdict the page can show — recognised,
 * ambiguous (offer the candidates), a failed check digit (a typo), or not a tracking number at all.
 * Used on submit and, with JavaScript, live as the person types (routes/orders.new.detect.tsx).
 */
import { parseShippingEmail } from "~/carriers/email/parse-shipping-email.ts";
import { detectNumber } from "~/carriers/numbers/detect.ts";
import { carrierLabel } from "~/components/order-words.ts";
import type { Platform } from "../../../machines/vocabulary.ts";

export type NumberVerdict = "ok" | "ambiguous" | "check_failed" | "unknown";

export interface RecognisedNumber {
  input: string;
  number: string;
  carrier: string | null;
  verdict: NumberVerdict;
  candidates: Array<{ carrier: string; name: string; confidence: number }>;
  /** A sentence for the person: what was recognised, or what to fix. */
  message: string;
}

export interface TrackingRecognition {
  numbers: RecognisedNumber[];
  /** Facts an e-mail gave besides the numbers, to fill blanks of the order. */
  email: { orderNumber: string | null; estimatedDelivery: { earliest: string; latest: string } | null } | null;
  /** Said when nothing could be read at all. */
  problem: string | null;
}

/** Below this, a top candidate that shares the shape with others is a guess the person should confirm. */
const SURE = 0.75;
const MAX_NUMBERS = 20;

function verdictOf(input: string, platform: Platform | undefined): RecognisedNumber {
  const d = detectNumber(input, platform ? { platform } : undefined);
  const candidates = d.candidates.map((c) => ({ carrier: c.carrier, name: carrierLabel(c.carrier), confidence: c.confidence }));
  const base = { input, number: d.normalized, carrier: d.carrier, candidates };
  if (candidates.length === 0) {
    return {
      ...base,
      verdict: "unknown",
      message: `“${input}” is not a tracking number we recognise. Copy it again from the order page: tracking numbers are 8 to 40 letters and digits, such as LP00123456789012 or RR123456785CN.`,
    };
  }
  if (!d.valid) {
    return {
      ...base,
      verdict: "check_failed",
      message: `“${input}” looks like a ${carrierLabel(d.carrier)} number, but its check digit does not match: a character is probably mistyped.`,
    };
  }
  if (candidates.length > 1 && candidates[0]!.confidence < SURE) {
    return {
      ...base,
      verdict: "ambiguous",
      message: `${d.normalized} could be ${candidates.map((c) => c.name).join(" or ")}. Choose the carrier the order page names.`,
    };
  }
  return { ...base, verdict: "ok", message: `${d.normalized}: ${carrierLabel(d.carrier)}` };
}

/** A list of numbers has short lines; anything with sentences or headers is read as an e-mail. */
function looksLikeFreeText(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim().length > 40) || /[@:]/.test(text) || /\p{L}{3,}\s+\p{L}{3,}/u.test(text);
}

export async function recogniseTracking(text: string, platform: Platform | undefined, timeZone: string): Promise<TrackingRecognition> {
  const trimmed = text.trim();
  if (trimmed === "") return { numbers: [], email: null, problem: null };
  if (!looksLikeFreeText(trimmed)) {
    const inputs = [
      ...new Set(
        trimmed
          .split(/[\r\n,;]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].slice(0, MAX_NUMBERS);
    const numbers = inputs.map((input) => verdictOf(input, platform));
    // The same number typed twice (with and without spaces) is one number.
    const unique = numbers.filter((n, i) => numbers.findIndex((m) => m.number === n.number) === i);
    return { numbers: unique, email: null, problem: null };
  }
  let facts;
  try {
    facts = await parseShippingEmail(trimmed, { timeZone });
  } catch (error) {
    return {
      numbers: [],
      email: null,
      problem: error instanceof RangeError ? `That text could not be read: ${error.message}.` : "That text could not be read as an e-mail.",
    };
  }
  const numbers = facts.trackingNumbers.slice(0, MAX_NUMBERS).map((t) => {
    const verdict = verdictOf(t.number, platform);
    // The e-mail may name the carrier beside the number; that settles an ambiguous shape.
    return t.carrier && verdict.verdict === "ambiguous"
      ? { ...verdict, carrier: t.carrier, verdict: "ok" as const, message: `${verdict.number}: ${carrierLabel(t.carrier)} (named in the e-mail)` }
      : verdict;
  });
  return {
    numbers,
    email: { orderNumber: facts.orderNumber, estimatedDelivery: facts.estimatedDelivery },
    problem:
      numbers.length === 0
        ? "We found no tracking number in that text. Paste just the number from the order page, e.g. LP00123456789012, or tick “No tracking number yet”."
        : null,
  };
}
