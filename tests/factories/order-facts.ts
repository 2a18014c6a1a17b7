/**
 * Builders for the engine's OrderFacts: an order, its carrier events and the buyer's reports, with
 * times given as "days after the order" so a test row reads like the buyer's guide.
 */
import type { BuyerReportFact, OrderFacts, TrackingEventFact } from "../../machines/order-facts.ts";
import type { Milestone } from "../../machines/vocabulary.ts";

export const ORDERED_AT = "2026-03-01T10:00:00.000Z";
const DAY_MS = 86_400_000;

/** ISO time `days` (may be fractional) after `from` (default: the order time). */
export function day(days: number, from: string = ORDERED_AT): string {
  return new Date(Date.parse(from) + days * DAY_MS).toISOString();
}

/** `now` as a Date, `days` after the order. */
export function nowAt(days: number): Date {
  return new Date(day(days));
}

export function carrierEvent(milestone: Milestone, atDay: number | null, extra: Partial<TrackingEventFact> = {}): TrackingEventFact {
  return { at: atDay === null ? null : day(atDay), text: `${milestone} reported`, milestone, ...extra };
}

export function report(kind: BuyerReportFact["kind"], atDay: number, extra: Partial<BuyerReportFact> = {}): BuyerReportFact {
  return { at: day(atDay), kind, ...extra };
}

export function orderFacts(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    platform: "aliexpress",
    orderedAt: ORDERED_AT,
    trackingNumbers: ["LP00123456789012"],
    events: [],
    reports: [],
    ...overrides,
  };
}

/** A parcel that moved normally from label to local carrier over `days` days. */
export function journey(milestones: Milestone[], startDay = 2, everyDays = 2): TrackingEventFact[] {
  return milestones.map((m, i) => carrierEvent(m, startDay + i * everyDays));
}
