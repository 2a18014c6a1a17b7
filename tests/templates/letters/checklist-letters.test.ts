import { describe, expect, it } from "vitest";
import { assessOrder } from "../../../machines/assess.ts";
import type { OrderFacts } from "../../../machines/order-facts.ts";
import { writeLetter } from "../../../templates/letters/letter-templates.server.ts";
import { LETTER_LENGTH_LIMIT, type LetterKind } from "../../../templates/letters/render-letter.ts";

/**
 * The missing-parcel checklist in the letters (issue 8): each step recorded on the checklist page
 * (a checklist_step report with its title) appears once, in words, with its date.
 */
const NOW = new Date("2026-03-24T12:00:00Z");

function facts(platform: OrderFacts["platform"]): OrderFacts {
  return {
    platform,
    orderedAt: "2026-03-01T10:00:00Z",
    trackingNumbers: ["9400111206213859496109"],
    paymentMethod: "paypal",
    orderNumber: "8191234567890123",
    events: [
      { at: "2026-03-05T08:00:00Z", text: "Departure from outward office of exchange", milestone: "departed_origin" },
      { at: "2026-03-20T15:00:00Z", text: "Delivered, In/At Mailbox", milestone: "delivered", carrier: "usps" },
    ],
    reports: [
      { at: "2026-03-21T09:00:00Z", kind: "not_received" },
      { at: "2026-03-21T12:00:00Z", kind: "checklist_step", step: "check_safe_places", stepTitle: "Check every safe place", note: "Mailbox and locker empty" },
      { at: "2026-03-22T12:00:00Z", kind: "checklist_step", step: "ask_household", stepTitle: "Ask your household and neighbours", skipped: true, note: "I live alone" },
      { at: "2026-03-23T12:00:00Z", kind: "checklist_step", step: "carrier_complaint", stepTitle: "File a USPS Missing Mail search", reference: "MM-4471829" },
    ],
    // What the database loader also derives from the same reports: told once, not twice.
    checklist: [
      { step: "Check every safe place", doneAt: "2026-03-21T12:00:00Z", note: "Mailbox and locker empty" },
      { step: "Ask your household and neighbours", doneAt: null, note: "I live alone" },
      { step: "File a USPS Missing Mail search", doneAt: "2026-03-23T12:00:00Z" },
    ],
  };
}

const letter = (kind: LetterKind, f: OrderFacts) => writeLetter(kind, f, assessOrder(f, NOW), NOW);

describe("checklist steps in the letters", () => {
  for (const kind of ["carrier", "paypal", "card-issuer"] as const) {
    it(`${kind}: every step once, in words, with its date and reference`, async () => {
      const text = await letter(kind, { ...facts("aliexpress"), paymentMethod: kind === "card-issuer" ? "card" : "paypal" });
      expect(text).toContain("- 21 March 2026: Checklist: Check every safe place — Mailbox and locker empty");
      expect(text).toContain("- 22 March 2026: Checklist: Ask your household and neighbours (skipped) — I live alone");
      expect(text).toContain("- 23 March 2026: Checklist: File a USPS Missing Mail search (reference MM-4471829)");
      expect(text.match(/Check every safe place/g)).toHaveLength(1);
      expect(text).not.toContain("check_safe_places");
    });
  }

  for (const platform of ["aliexpress", "temu"] as const) {
    it(`marketplace (${platform}): the steps in one short line, within the form's limit`, async () => {
      const text = await letter("marketplace", facts(platform));
      expect(text).toContain("Steps I took: 21 March 2026 Check every safe place; 22 March 2026 Ask your household and neighbours (skipped)");
      expect(text.length).toBeLessThanOrEqual(LETTER_LENGTH_LIMIT[`marketplace-${platform}`]!);
    });
  }

  it("marketplace: no steps line when nothing was recorded", async () => {
    const f = { ...facts("temu"), reports: [], checklist: [] };
    expect(await letter("marketplace", f)).not.toContain("Steps I took");
  });
});
