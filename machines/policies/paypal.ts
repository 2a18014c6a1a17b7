import type { Policy } from "./policy.ts";

/** PayPal Buyer Protection (POLICIES.md, "Payment methods"; PayPal help, current). */
export const PAYPAL_BUYER_PROTECTION: Policy<{ disputeWithinDays: number; escalateWithinDays: number }> = {
  id: "paypal",
  version: 1,
  name: "PayPal Buyer Protection",
  date: "2026-03-01",
  source: "PayPal help",
  confidence: "H",
  rules: { disputeWithinDays: 180, escalateWithinDays: 20 },
};
