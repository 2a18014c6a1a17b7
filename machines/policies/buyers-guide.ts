import type { Policy } from "./policy.ts";

/** The product's own rules of thumb (POLICIES.md, "The buyer's guide"); the alerts follow them. */
export const BUYERS_GUIDE: Policy<{
  /** A tracking number or first carrier event is expected within this many days of the order. */
  notShippedDays: number;
  /** Worry after this many days without a carrier update. */
  noUpdateDays: number;
  /** Stuck at "label created" longer than this is a delay. */
  labelStuckDays: number;
  /** No progress for longer than this: contact the seller, consider a refund or dispute. */
  noProgressDays: number;
  /** Customs usually takes 2–10 days. */
  customsDelayDays: number;
  /** The marketplace window is "expiring" when it ends within this many days. */
  protectionExpiringDays: number;
}> = {
  id: "buyers-guide",
  version: 1,
  name: "ClaimTrail buyer's guide",
  date: "2026-03-01",
  source: "buyer's guide",
  confidence: "H",
  rules: {
    notShippedDays: 5,
    noUpdateDays: 7,
    labelStuckDays: 10,
    noProgressDays: 14,
    customsDelayDays: 10,
    protectionExpiringDays: 5,
  },
};
