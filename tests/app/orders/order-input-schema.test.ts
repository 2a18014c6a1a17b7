import { describe, expect, it } from "vitest";
import { OrderInputSchema, parseOrderInput } from "../../../app/orders/order-input-schema.ts";

const minimal = { platform: "temu", orderedAt: "2026-03-01T10:00:00Z" };

describe("order input at the edge", () => {
  it("fills the defaults and stores every time as UTC", () => {
    const result = parseOrderInput({ ...minimal, events: [{ at: "2026-03-04T09:00:00+08:00", text: "Departed" }] });
    expect(result.ok && result.input).toMatchObject({
      orderedAt: "2026-03-01T10:00:00.000Z",
      trackingNumbers: [],
      reports: [],
      now: null,
      events: [{ at: "2026-03-04T01:00:00.000Z", text: "Departed", location: null }],
    });
  });

  it("reads a time without an offset, or a bare date, on the buyer's clock", () => {
    const result = parseOrderInput({ ...minimal, timeZone: "Europe/Paris", shippedAt: "2026-03-02 08:30", orderedAt: "2026-03-01" });
    expect(result.ok && result.input.shippedAt).toBe("2026-03-02T07:30:00.000Z");
    expect(result.ok && result.input.orderedAt).toBe("2026-02-28T23:00:00.000Z");
  });

  it("a bare date that ends a window or an estimate is that whole day in the buyer's zone, not an invented hour", () => {
    const result = parseOrderInput({
      ...minimal,
      timeZone: "Europe/Paris",
      protectionEndsAt: "2026-04-14",
      estimatedDelivery: { earliest: "2026-03-10", latest: "2026-03-18" },
    });
    // 14 April ends at 23:59:59 Paris time (UTC+2 in April); the estimate runs from 10 March 00:00 to 18 March 23:59:59 (UTC+1).
    expect(result.ok && result.input.protectionEndsAt).toBe("2026-04-14T21:59:59.000Z");
    expect(result.ok && result.input.estimatedDelivery).toEqual({ earliest: "2026-03-09T23:00:00.000Z", latest: "2026-03-18T22:59:59.000Z" });
  });

  it("accepts every field of the contract's assess input, the new ones included", () => {
    const result = parseOrderInput({
      platform: "ebay",
      orderedAt: "2026-03-01T10:00:00Z",
      destinationCountry: "es",
      paymentReference: "PAYID-123",
      carrierCaseNumber: "CASE-9",
      buyer: { name: "Ana", address: "Calle 1", email: "ana@example.test", country: "ES", language: "es" },
      checklist: [{ step: "ask_household", skipped: true, reason: "I live alone" }],
      reports: [
        { at: "2026-03-20T10:00:00Z", kind: "dispute_opened", reference: "D-1" },
        { at: "2026-03-25T10:00:00Z", kind: "escalated" },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.input).toMatchObject({
      platform: "ebay",
      destinationCountry: "ES",
      checklist: [{ step: "ask_household", skipped: true, reason: "I live alone", doneAt: null }],
      reports: [{ kind: "dispute_opened", reference: "D-1" }, { kind: "escalated" }],
    });
    for (const platform of ["amazon", "shein", "wish", "joom"]) expect(parseOrderInput({ ...minimal, platform }).ok).toBe(true);
  });

  it("keeps an event without a time as null and leaves its milestone to the classifier", () => {
    const result = parseOrderInput({ ...minimal, events: [{ at: null, text: "Arrived at hub" }] });
    expect(result.ok && result.input.events[0]).toEqual({
      at: null,
      text: "Arrived at hub",
      location: null,
      trackingNumber: null,
      carrier: null,
      source: null,
    });
  });

  it("carries the letter fields through", () => {
    const parsed = OrderInputSchema.parse({
      ...minimal,
      orderNumber: 8123456789,
      item: "Phone case",
      amount: { value: "12,50", currency: "eur" },
      seller: "Shop 123",
      buyer: { name: "Ana Lima", address: "1 Rue X, Paris", email: "ana@example.test" },
      checklist: [{ step: "neighbours", doneAt: "2026-03-20T10:00:00Z", note: "nobody saw it" }],
      reports: [{ at: "2026-03-20T10:00:00Z", kind: "protection_extended", protectionEndsAt: "2026-05-01T00:00:00Z" }],
    });
    expect(parsed).toMatchObject({
      orderNumber: "8123456789",
      amount: { value: "12,50", currency: "EUR" },
      buyer: { name: "Ana Lima", address: "1 Rue X, Paris", email: "ana@example.test" },
      checklist: [{ step: "neighbours", doneAt: "2026-03-20T10:00:00.000Z", note: "nobody saw it" }],
      reports: [{ kind: "protection_extended", protectionEndsAt: "2026-05-01T00:00:00.000Z" }],
    });
  });

  it.each([
    [{ ...minimal, orderedAt: "2026-02-30T10:00:00Z" }, "orderedAt: expected an ISO 8601 date such as 2026-03-01T10:00:00Z"],
    [{ ...minimal, paymentMethod: "cash" }, 'paymentMethod: expected one of card, paypal, other; got "cash"'],
    [{ ...minimal, amount: { value: 12 } }, "amount.currency: missing; expected a currency code such as EUR"],
    [{ ...minimal, estimatedDelivery: { latest: "soon" } }, "estimatedDelivery.latest: expected an ISO 8601 date such as 2026-03-01T10:00:00Z"],
    [{ ...minimal, trackingNumbers: "LP00123456789012" }, 'trackingNumbers: expected a list such as ["LP00123456789012"]'],
    [{ ...minimal, destinationCountry: "Spain" }, "destinationCountry: expected an ISO 3166-1 alpha-2 country code such as ES"],
  ])("names the field and the fix: %j", (input, message) => {
    expect(parseOrderInput(input)).toEqual({ ok: false, error: message });
  });
});
