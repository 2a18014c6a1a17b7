import type { Policy } from "./policy.ts";

/** Temu's late-delivery credit (POLICIES.md, "Temu"; operator's own page). */
export const TEMU_LATE_DELIVERY: Policy<{ creditHoursAfterLatestEstimate: number }> = {
  id: "temu-late-delivery",
  version: 1,
  name: "Temu Late Delivery Compensation Policy",
  date: "2023-09-15",
  source: "Temu Late Delivery Compensation Policy",
  confidence: "H",
  rules: { creditHoursAfterLatestEstimate: 48 },
};

/** Temu Purchase Protection and returns (operator's own page). */
export const TEMU_PURCHASE_PROTECTION: Policy<{ returnWindowDays: number; shipReturnWithinDays: number }> = {
  id: "temu-purchase-protection",
  version: 1,
  name: "Temu Purchase Protection",
  date: "2026-03-01",
  source: "Temu Purchase Protection page",
  confidence: "H",
  rules: { returnWindowDays: 90, shipReturnWithinDays: 14 },
};
