import { describe, expect, it } from "vitest";
import { draftToOrder } from "../../../../app/orders/wizard/draft-order.ts";

describe("draftToOrder", () => {
  it("needs a marketplace and an order date", () => {
    expect(draftToOrder({ item: "x" }, "UTC")).toBeNull();
    expect(draftToOrder({ platform: "temu", orderedOn: "2026-02-30" }, "UTC")).toBeNull();
  });

  it("turns typed values into stored ones in the buyer's zone", () => {
    const planned = draftToOrder(
      {
        platform: "aliexpress",
        orderedOn: "2026-03-01",
        item: " Earbuds ",
        amount: "12,34",
        currency: "eur",
        paymentMethod: "paypal",
        cardNetwork: "visa",
        protectionEndsOn: "2026-04-20",
      },
      "Europe/Paris",
    )!;
    expect(planned.fields).toMatchObject({
      ordered_at: "2026-03-01T11:00:00.000Z",
      item: "Earbuds",
      amount_value: "12.34",
      currency: "EUR",
      payment_method: "paypal",
      card_network: null,
      protection_ends_at: "2026-04-20T21:59:59.000Z",
    });
    expect(planned.facts.protectionEndsAt).toBe("2026-04-20T21:59:59.000Z");
  });

  it("keeps only the ticked events and follows a hand-over's new number as the second leg", () => {
    const planned = draftToOrder(
      {
        platform: "aliexpress",
        orderedOn: "2026-03-01",
        numbers: [{ number: "LP00512345678901", carrier: "cainiao" }],
        events: [
          {
            at: "2026-03-18T08:00:00Z",
            location: null,
            text: "Handed over to the last mile carrier, tracking number 9400111202555842332669",
            milestone: "handed_over",
            keep: true,
          },
          { at: "2026-03-05T08:00:00Z", location: null, text: "Departed", milestone: "departed_origin", keep: false },
        ],
      },
      "UTC",
    )!;
    expect(planned.events.map((e) => e.text)).toEqual(["Handed over to the last mile carrier, tracking number 9400111202555842332669"]);
    expect(planned.numbers).toEqual([
      { number: "LP00512345678901", carrier: "cainiao", leg: 0, source: "user" },
      { number: "9400111202555842332669", carrier: "usps", leg: 1, source: "handover" },
    ]);
  });

  it("has no numbers when there is no tracking yet", () => {
    const planned = draftToOrder({ platform: "temu", orderedOn: "2026-03-01", noTracking: true, numbers: [{ number: "X", carrier: null }] }, "UTC")!;
    expect(planned.numbers).toEqual([]);
    expect(planned.facts.trackingNumbers).toEqual([]);
  });
});
