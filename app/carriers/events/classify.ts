import type { Milestone } from "../../../machines/vocabulary.ts";

export interface Classification {
  milestone: Milestone;
  /** 0..1; below 0.5 means "a guess", 0 means "nothing recognised". */
  confidence: number;
}

// First small table; replaced by the per-language phrase data and the automaton matcher.
const FIRST_PHRASES: ReadonlyArray<readonly [string, Milestone]> = [
  ["out for delivery", "out_for_delivery"],
  ["delivery attempt", "delivery_failed"],
  ["not delivered", "delivery_failed"],
  ["delivered", "delivered"],
  ["available for pickup", "available_for_pickup"],
  ["returned to sender", "returned"],
  ["customs clearance completed", "customs_cleared"],
  ["held at customs", "customs_held"],
  ["departure from outward office of exchange", "departed_origin"],
  ["arrival at inward office of exchange", "arrived_destination"],
  ["shipping label created", "info_received"],
  ["in transit", "in_transit"],
  ["已签收", "delivered"],
];

/** Reads one carrier event text and says which contract milestone (CONTRACT.md §1) it reports. */
export function classifyEvent(text: string): Classification {
  const lower = typeof text === "string" ? text.toLowerCase() : "";
  for (const [phrase, milestone] of FIRST_PHRASES) {
    if (lower.includes(phrase)) return { milestone, confidence: 0.6 };
  }
  return { milestone: "unknown", confidence: 0 };
}
