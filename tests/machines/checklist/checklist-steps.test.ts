import { describe, expect, it } from "vitest";
import { CHECKLIST_STEPS, stepText } from "../../../machines/checklist/checklist-steps.ts";
import { ALL_POLICIES } from "../../../machines/policies/index.ts";
import { sourceOf } from "../../../machines/policies/policy.ts";
import { PLATFORMS } from "../../../machines/vocabulary.ts";

describe("the checklist's step table", () => {
  const known = new Set(ALL_POLICIES.map(sourceOf));

  it("every variant names its source: the buyer's guide or a dated policy the engine knows", () => {
    for (const row of CHECKLIST_STEPS) {
      for (const platform of PLATFORMS) {
        for (const carrier of ["usps", "royal-mail", "local"] as const) {
          for (const country of ["US", "UK", null] as const) {
            const text = stepText(row, platform, carrier, country);
            for (const part of text.source.split("; ")) expect(known.has(part) || part === "buyer's guide", `${row.id}: ${part}`).toBe(true);
          }
        }
      }
    }
  });

  it("the most specific variant wins field by field, the rest comes from the base text", () => {
    const row = CHECKLIST_STEPS.find((r) => r.id === "carrier_complaint")!;
    const usps = stepText(row, "temu", "usps", "UK");
    expect(usps.title).toBe("File a USPS Missing Mail search");
    const royal = stepText(row, "aliexpress", "royal-mail", null);
    expect(royal.title).toBe("Ask Royal Mail where the parcel was delivered");
    // Royal Mail's row says nothing about what to write down: the base text stays.
    expect(royal.writeDown).toBe(row.base.writeDown);
  });
});
