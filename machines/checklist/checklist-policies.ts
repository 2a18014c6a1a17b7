import type { Policy } from "../policies/policy.ts";

/**
 * The dated rules the missing-parcel checklist leans on (../../../shared/POLICIES.md rows). Kept as
 * policies, like the deadlines' rules, so each step can say where its advice comes from.
 */

/** Temu FAQ copies: a parcel may show up to 48 hours after "Delivered" (a hint only, confidence L). */
export const TEMU_DELIVERED_GRACE: Policy<{ graceHours: number; supportOption: string }> = {
  id: "temu-delivered-grace",
  version: 1,
  name: "Temu FAQ: delivered but not received",
  date: "2026-03-01",
  source: "Temu FAQ copies",
  confidence: "L",
  rules: { graceHours: 48, supportOption: "package shows delivered but not received" },
};

/** USPS "Missing Mail – The Basics": a search request once an item is 7 or more days late or missing. */
export const USPS_MISSING_MAIL: Policy<{ searchAfterDays: number }> = {
  id: "usps-missing-mail",
  version: 1,
  name: "USPS Missing Mail – The Basics",
  date: "2026-03-01",
  source: 'USPS "Missing Mail – The Basics"',
  confidence: "M",
  rules: { searchAfterDays: 7 },
};

/** Royal Mail guidance: for items posted abroad, compensation is the sender's matter. */
export const ROYAL_MAIL_FROM_ABROAD: Policy<Record<string, never>> = {
  id: "royal-mail-from-abroad",
  version: 1,
  name: "Royal Mail guidance for items posted abroad",
  date: "2026-03-01",
  source: "Royal Mail guidance",
  confidence: "M",
  rules: {},
};

/** AliExpress Buyer Protection page copy: "delivered" records need strong evidence. */
export const ALIEXPRESS_DELIVERED_EVIDENCE: Policy<Record<string, never>> = {
  id: "aliexpress-delivered-evidence",
  version: 1,
  name: "AliExpress Buyer Protection (not covered: delivered per carrier records)",
  date: "2026-03-01",
  source: "AliExpress Buyer Protection page copy",
  confidence: "L",
  rules: {},
};
