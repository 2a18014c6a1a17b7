import type { Policy } from "./policy.ts";

/** US Fair Credit Billing Act: written billing-error notice (consumer-law summaries, confidence M). */
export const US_FCBA: Policy<{ noticeWithinDaysOfStatement: number }> = {
  id: "us-fcba",
  version: 1,
  name: "US Fair Credit Billing Act",
  date: "2024-01-01",
  source: "US consumer-law summaries (15 U.S.C. 1666)",
  confidence: "M",
  rules: { noticeWithinDaysOfStatement: 60 },
};

/** UK card chargeback: a voluntary scheme, normally 120 days (UK banks, MoneyHelper). */
export const UK_CHARGEBACK: Policy<{ filingDays: number }> = {
  id: "uk-chargeback",
  version: 1,
  name: "UK chargeback (MoneyHelper)",
  date: "2025-01-01",
  source: "UK banks and MoneyHelper",
  confidence: "M",
  rules: { filingDays: 120 },
};

/** UK Consumer Credit Act s.75: credit card purchases over £100 up to £30,000, 6 years (5 in Scotland). */
export const UK_SECTION_75: Policy<{ minAmountGbp: number; maxAmountGbp: number; claimYears: number; claimYearsScotland: number }> = {
  id: "uk-section-75",
  version: 1,
  name: "UK Consumer Credit Act 1974, section 75",
  date: "2025-01-01",
  source: "MoneyHelper and UK banks",
  confidence: "M",
  rules: { minAmountGbp: 100, maxAmountGbp: 30000, claimYears: 6, claimYearsScotland: 5 },
};

/**
 * Which consumer law applies is guessed from the buyer's time zone: the only locale fact an order
 * carries. A guess is fine here because these deadlines are later fallbacks, never the first step.
 */
export const JURISDICTION_BY_TIME_ZONE: ReadonlyArray<readonly [RegExp, "US" | "UK"]> = [
  [/^Europe\/(London|Belfast)$|^GB$/, "UK"],
  [
    /^America\/(New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Adak|Boise|Detroit|Juneau|Sitka|Nome|Yakutat|Metlakatla|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)$|^Pacific\/Honolulu$|^US\/.+$/,
    "US",
  ],
];

export function jurisdictionOf(timeZone: string | null | undefined): "US" | "UK" | null {
  if (!timeZone) return null;
  return JURISDICTION_BY_TIME_ZONE.find(([pattern]) => pattern.test(timeZone))?.[1] ?? null;
}
