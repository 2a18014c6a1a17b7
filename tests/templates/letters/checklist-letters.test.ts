import { describe, expect, it } from "vitest";
import { assessOrder } from "../../../machines/assess.ts";
import type { OrderFacts } from "../../../machines/order-facts.ts";
import { letterFactsFromStored } from "../../../templates/document/letter-facts.ts";
import { lettersThatFit } from "../../../templates/letters/letter-fit.ts";
import { writeLetter } from "../../../templates/letters/letter-templates.server.ts";
import { LETTER_LENGTH_LIMIT, type LetterKind } from "../../../templates/letters/render-letter.ts";

/**
 * The web app's path (issue 13): steps recorded on the checklist page are checklist_step reports,
 * and the database loader derives `checklist` entries from the same reports. A step is told done
 * only when it was recorded done; a skipped step says "Not done" with the buyer's reason.
 */
const NOW = new Date("2026-03-24T12:00:00Z");

function stored(platform: OrderFacts["platform"], paymentMethod: OrderFacts["paymentMethod"]): OrderFacts {
  return {
    platform,
    orderedAt: "2026-03-01T10:00:00Z",
    trackingNumbers: ["9400111206213859496109"],
    paymentMethod,
    orderNumber: "8191234567890123",
    events: [
      { at: "2026-03-05T08:00:00Z", text: "Departure from outward office of exchange", milestone: "departed_origin" },
      { at: "2026-03-20T15:00:00Z", text: "Delivered, In/At Mailbox", milestone: "delivered", carrier: "usps" },
    ],
    reports: [
      { at: "2026-03-21T09:00:00Z", kind: "not_received" },
      {
        at: "2026-03-21T12:00:00Z",
        kind: "checklist_step",
        step: "check_safe_places",
        stepTitle: "Check every safe place",
        note: "Mailbox and locker empty",
      },
      {
        at: "2026-03-22T12:00:00Z",
        kind: "checklist_step",
        step: "ask_household",
        stepTitle: "Ask your household and neighbours",
        skipped: true,
        note: "the neighbours were away",
      },
      {
        at: "2026-03-23T12:00:00Z",
        kind: "checklist_step",
        step: "carrier_complaint",
        stepTitle: "File a USPS Missing Mail search",
        reference: "MM-4471829",
      },
    ],
    // What db/queries/order-facts.server.ts also derives from the same reports: told once, not twice.
    checklist: [
      { step: "Check every safe place", doneAt: "2026-03-21T12:00:00Z", note: "Mailbox and locker empty" },
      { step: "Ask your household and neighbours", doneAt: null, note: "the neighbours were away" },
      { step: "File a USPS Missing Mail search", doneAt: "2026-03-23T12:00:00Z" },
    ],
  };
}

const letter = async (kind: LetterKind, f: OrderFacts) => (await writeLetter(kind, letterFactsFromStored(f, assessOrder(f, NOW)), NOW)).text;

describe("checklist steps from stored reports", () => {
  for (const kind of ["seller", "carrier", "paypal", "card-issuer", "marketplace"] as const) {
    it(`${kind}: done steps with their date and reference; the skipped step only as not done, with the reason`, async () => {
      const text = await letter(kind, stored("aliexpress", kind === "card-issuer" ? "card" : "paypal"));
      expect(text).toContain("- 21 March 2026: I checked every safe place at my address — Mailbox and locker empty");
      expect(text).toContain("- 23 March 2026: I contacted the local carrier and filed a complaint (reference MM-4471829)");
      expect(text).toContain('- Not done: "Ask the household and neighbours" (reason: the neighbours were away)');
      // The skipped step is never claimed: no sentence says the neighbours were asked.
      expect(text).not.toMatch(/I asked my household|checked with neighbours|my neighbours and the people/i);
      expect(text.match(/safe place/g)).toHaveLength(1);
      expect(text).not.toContain("check_safe_places");
      const limit = LETTER_LENGTH_LIMIT[`marketplace-aliexpress`]!;
      if (kind === "marketplace") expect(Array.from(text).length).toBeLessThanOrEqual(limit);
    });
  }

  it("a letter in another language says the steps in that language", async () => {
    const f = stored("temu", "paypal");
    const text = (await writeLetter("seller", letterFactsFromStored(f, assessOrder(f, NOW), { buyer: { language: "es" } }), NOW)).text;
    expect(text).toContain("- 21 de marzo de 2026: revisé todos los lugares seguros de mi dirección — Mailbox and locker empty");
    expect(text).toContain('- No realizado: "Preguntar en casa y a los vecinos" (motivo: the neighbours were away)');
  });

  it("the documents page's list: PayPal offered for a PayPal payment, not the chargeback; customs never for a delivered parcel", () => {
    const f = stored("aliexpress", "paypal");
    const fit = lettersThatFit(letterFactsFromStored(f, assessOrder(f, NOW)));
    expect(fit.paypal.fits).toBe(true);
    expect(fit["card-issuer"]).toEqual({ fits: false, reason: expect.stringMatching(/paid with PayPal/) });
    expect(fit.customs).toEqual({ fits: false, reason: expect.stringMatching(/never met customs/) });
    expect(fit.carrier.fits).toBe(true);
  });

  it("marketplace: no steps when nothing was recorded", async () => {
    const f = { ...stored("temu", "paypal"), reports: [], checklist: [] };
    const text = await letter("marketplace", f);
    expect(text).not.toMatch(/Steps I took|Not done/);
  });
});
