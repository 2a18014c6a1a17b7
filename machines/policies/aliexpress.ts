import type { Policy } from "./policy.ts";

/** AliExpress Buyer Protection (POLICIES.md, "AliExpress"); the order page's countdown wins over these. */
export const ALIEXPRESS_PROTECTION: Policy<{
  /** Protection lasts the seller's promised delivery time from shipment, capped here by default. */
  protectionCapDays: number;
  /** Other copies say "up to 90 days"; the earlier cap is used and the reason says so. */
  protectionCapDaysAlternative: number;
  /** First day a "not received" dispute can be opened, counted from shipment (old official page). */
  earliestDisputeDays: number;
  /** Later help copies say day 6 or the 11th day. */
  earliestDisputeDaysAlternatives: number[];
  /** A dispute can still be opened this many days after protection ends or receipt is confirmed. */
  disputeAfterProtectionDays: number;
  /** Ask the seller to extend protection this many days before expiry (the earlier end of 5–7). */
  extensionLeadDays: number;
  /** The seller has this many days to answer a dispute before AliExpress steps in. */
  sellerResponseDays: number;
}> = {
  id: "aliexpress",
  version: 1,
  name: "AliExpress Buyer Protection",
  date: "2019-06-01",
  source: "AliExpress buyer protection process page and help copies",
  confidence: "L",
  rules: {
    protectionCapDays: 60,
    protectionCapDaysAlternative: 90,
    earliestDisputeDays: 5,
    earliestDisputeDaysAlternatives: [6, 11],
    disputeAfterProtectionDays: 15,
    extensionLeadDays: 7,
    sellerResponseDays: 15,
  },
};

/**
 * Once a dispute is open (POLICIES.md, "AliExpress"): the buyer FAQ gives the seller 15 days
 * (ALIEXPRESS_PROTECTION.sellerResponseDays) and lets the buyer escalate 3 days after opening; copies
 * of the seller rulebook give the seller only 5 days. Both are shown; reminders use the earlier.
 */
export const ALIEXPRESS_DISPUTE: Policy<{ escalateAfterDays: number }> = {
  id: "aliexpress-dispute",
  version: 1,
  name: "AliExpress help (dispute negotiation)",
  date: "2019-06-01",
  source: "AliExpress help: dispute negotiation",
  confidence: "L",
  rules: { escalateAfterDays: 3 },
};

export const ALIEXPRESS_SELLER_RULEBOOK: Policy<{ sellerResponseDays: number }> = {
  id: "aliexpress-seller-rulebook",
  version: 1,
  name: "AliExpress seller rulebook (copies)",
  date: "2026-01-01",
  source: "copies of the AliExpress seller rulebook",
  confidence: "L",
  rules: { sellerResponseDays: 5 },
};
