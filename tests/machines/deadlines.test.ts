import { describe, expect, it } from "vitest";
import { assessOrder } from "../../machines/assess.ts";
import { FROM_ORDER_PAGE } from "../../machines/deadlines.ts";
import type { Deadline, OrderFacts } from "../../machines/order-facts.ts";
import { parseOrderInput } from "../../app/orders/order-input-schema.ts";
import { carrierEvent, day, nowAt, orderFacts, report } from "../factories/order-facts.ts";

function deadlinesOf(facts: Partial<OrderFacts>, now = 10): Map<string, Deadline> {
  return new Map(assessOrder(orderFacts(facts), nowAt(now)).deadlines.map((d) => [d.id, d]));
}

interface Row {
  rule: string;
  facts: Partial<OrderFacts>;
  id: string;
  /** Days after the order (UTC), an exact ISO time (other zones), or null: the deadline must not exist. */
  due: number | string | null;
  source?: RegExp | string;
  reason?: RegExp;
  now?: number;
}

const shipped = { shippedAt: day(2), events: [carrierEvent("in_transit", 4)] };
const card = (network: OrderFacts["cardNetwork"], extra: Partial<OrderFacts> = {}): Partial<OrderFacts> => ({
  platform: "other",
  paymentMethod: "card",
  cardNetwork: network,
  ...extra,
});

// One row per policy rule (../shared/POLICIES.md).
const rows: Row[] = [
  {
    rule: "AliExpress protection: 60-day cap from shipment when the page's date is unknown",
    facts: shipped,
    id: "aliexpress-protection-ends",
    due: 62,
    source: /AliExpress Buyer Protection/,
    reason: /60 days \(others say 90\)/,
  },
  {
    rule: "AliExpress protection: the latest estimate on the order page comes first when earlier",
    facts: { ...shipped, estimatedDelivery: { latest: day(30) } },
    id: "aliexpress-protection-ends",
    due: 30,
    reason: /estimated delivery/,
    source: FROM_ORDER_PAGE,
  },
  {
    rule: "AliExpress protection: the order page's countdown wins",
    facts: { ...shipped, protectionEndsAt: day(40) },
    id: "aliexpress-protection-ends",
    due: 40,
    source: FROM_ORDER_PAGE,
  },
  {
    rule: "AliExpress protection: an extension the seller approved wins over the page's old date",
    facts: { ...shipped, protectionEndsAt: day(40), reports: [report("protection_extended", 30, { protectionEndsAt: day(75) })] },
    id: "aliexpress-protection-ends",
    due: 75,
    source: FROM_ORDER_PAGE,
  },
  {
    rule: "AliExpress extension: ask 7 days (the earlier of 5–7) before protection ends",
    facts: { ...shipped, protectionEndsAt: day(40) },
    id: "aliexpress-request-extension",
    due: 33,
    reason: /5 to 7 days/,
  },
  {
    rule: "AliExpress extension: not asked for a delivered parcel",
    facts: { shippedAt: day(2), events: [carrierEvent("delivered", 9)] },
    id: "aliexpress-request-extension",
    due: null,
  },
  {
    rule: "AliExpress first dispute day: 5 days after shipment (copies say 6 or 11)",
    facts: shipped,
    id: "aliexpress-dispute-opens",
    due: 7,
    reason: /day 6 or 11/,
  },
  {
    rule: "AliExpress last dispute day: 15 days after protection ends",
    facts: { ...shipped, protectionEndsAt: day(40) },
    id: "aliexpress-dispute-closes",
    due: 55,
    source: /AliExpress.*your order page/,
  },
  {
    rule: "AliExpress last dispute day: 15 days after confirming receipt when that is earlier",
    facts: { ...shipped, events: [carrierEvent("delivered", 15)], reports: [report("received", 16)] },
    id: "aliexpress-dispute-closes",
    due: 31,
    reason: /confirmed receipt/,
  },
  {
    rule: "AliExpress dispute: the seller has 15 days to answer",
    facts: { ...shipped, reports: [report("dispute_opened", 20)] },
    id: "aliexpress-seller-response",
    due: 35,
  },
  // 1 March 2026 is a Sunday: a dispute opened on day 20 (Saturday 21 March) starts the clocks below.
  {
    rule: "AliExpress dispute: the seller rulebook gives the seller 5 days (shown beside the FAQ's 15)",
    facts: { ...shipped, reports: [report("dispute_opened", 20)] },
    id: "aliexpress-seller-response-rulebook",
    due: 25,
    source: /seller rulebook/,
    reason: /buyer help says 15 days/,
  },
  {
    rule: "AliExpress dispute: escalation possible 3 days after opening",
    facts: { ...shipped, reports: [report("dispute_opened", 20)] },
    id: "aliexpress-escalate-opens",
    due: 23,
    source: /AliExpress help/,
  },
  {
    rule: "AliExpress dispute: a done 'open a case' checklist step opens the dispute",
    facts: { ...shipped, reports: [report("checklist_step", 20, { step: "open_marketplace_case", reference: "D-1" })] },
    id: "aliexpress-escalate-opens",
    due: 23,
  },
  { rule: "AliExpress dispute dates: none before a dispute is open", facts: shipped, id: "aliexpress-seller-response-rulebook", due: null },
  {
    rule: "eBay: report an item not received up to 30 days after the estimated delivery",
    facts: { platform: "ebay", estimatedDelivery: { latest: day(20) } },
    id: "ebay-report-closes",
    due: 50,
    source: /eBay Money Back Guarantee.*your order page/,
  },
  {
    rule: "eBay: the seller has 3 business days to answer (weekend skipped)",
    facts: { platform: "ebay", reports: [report("dispute_opened", 20)] },
    id: "ebay-seller-response",
    due: 24,
    source: /eBay/,
  },
  {
    rule: "eBay: ask eBay to step in within 21 business days of opening",
    facts: { platform: "ebay", reports: [report("dispute_opened", 20)] },
    id: "ebay-step-in-closes",
    due: 50,
    reason: /21 business days/,
  },
  {
    rule: "Amazon A-to-z: eligible 3 days after the latest estimated delivery",
    facts: { platform: "amazon", estimatedDelivery: { latest: day(20) } },
    id: "amazon-a-to-z-opens",
    due: 23,
    source: /A-to-z/,
    reason: /48 hours/,
  },
  {
    rule: "Amazon A-to-z: closes 90 days after the latest estimated delivery",
    facts: { platform: "amazon", estimatedDelivery: { latest: day(20) } },
    id: "amazon-a-to-z-closes",
    due: 110,
  },
  { rule: "Amazon A-to-z: no window without an estimated delivery date", facts: { platform: "amazon" }, id: "amazon-a-to-z-closes", due: null },
  {
    rule: "Wish: ask for a refund within 30 days after the maximum delivery date",
    facts: { platform: "wish", estimatedDelivery: { latest: day(20) } },
    id: "wish-refund-closes",
    due: 50,
    source: /Wish/,
  },
  {
    rule: "Temu late-delivery credit: 48 h after the latest estimate",
    facts: { platform: "temu", estimatedDelivery: { earliest: day(8), latest: day(12) } },
    id: "temu-late-delivery-credit",
    due: 14,
    source: "Temu Late Delivery Compensation Policy (2023-09-15)",
  },
  {
    rule: "Temu late-delivery credit: none when delivered in time",
    facts: { platform: "temu", estimatedDelivery: { latest: day(12) }, events: [carrierEvent("delivered", 11)] },
    id: "temu-late-delivery-credit",
    due: null,
  },
  { rule: "Temu returns: 90 days from purchase", facts: { platform: "temu" }, id: "temu-return-window", due: 90, source: /Temu Purchase Protection/ },
  {
    rule: "The order page's latest estimated delivery is a dated fact of its own",
    facts: { platform: "temu", estimatedDelivery: { earliest: day(8), latest: day(12) } },
    id: "estimated-delivery",
    due: 12,
    source: FROM_ORDER_PAGE,
  },
  {
    rule: "No delivery estimate once delivered",
    facts: { platform: "temu", estimatedDelivery: { latest: day(12) }, events: [carrierEvent("delivered", 11)] },
    id: "estimated-delivery",
    due: null,
  },
  {
    rule: "Other marketplace: a protection date from the order page",
    facts: { platform: "other", protectionEndsAt: day(45) },
    id: "protection-ends",
    due: 45,
    source: FROM_ORDER_PAGE,
  },
  { rule: "PayPal: open a dispute within 180 days", facts: { paymentMethod: "paypal" }, id: "paypal-dispute-closes", due: 180, source: /PayPal/ },
  {
    rule: "PayPal: escalate within 20 days of opening",
    facts: { paymentMethod: "paypal", reports: [report("dispute_opened", 30)] },
    id: "paypal-escalate-by",
    due: 50,
  },
  {
    rule: "Visa 13.1: 120 days from the latest expected delivery",
    facts: card("visa", { estimatedDelivery: { latest: day(20) } }),
    id: "chargeback-closes",
    due: 140,
    source: /Visa/,
  },
  {
    rule: "Visa 13.1: never more than 540 days after the purchase",
    facts: card("visa", { estimatedDelivery: { latest: day(500) } }),
    id: "chargeback-closes",
    due: 540,
    reason: /540 days/,
  },
  { rule: "Visa 13.1: without a delivery date, 120 days from the purchase", facts: card("visa"), id: "chargeback-closes", due: 120 },
  { rule: "Visa 13.1: without a delivery date, file after 15 days", facts: card("visa"), id: "chargeback-opens", due: 15 },
  {
    rule: "Mastercard 4853: sources disagree, the earlier date is used",
    facts: card("mastercard", { estimatedDelivery: { latest: day(20) } }),
    id: "chargeback-closes",
    due: 120,
    reason: /sources disagree.*earlier/,
  },
  { rule: "Mastercard 4853: without a delivery date, file after 30 days", facts: card("mastercard"), id: "chargeback-opens", due: 30 },
  {
    rule: "Amex: 120 days, the earlier of purchase and expected receipt",
    facts: card("amex", { estimatedDelivery: { latest: day(20) } }),
    id: "chargeback-closes",
    due: 120,
    source: /American Express/,
  },
  {
    rule: "Unknown card network: the earliest network deadline, and it says so",
    facts: card(null, { estimatedDelivery: { latest: day(20) } }),
    id: "chargeback-closes",
    due: 120,
    reason: /differ between networks/,
  },
  { rule: "Unknown card network: the latest waiting time before filing", facts: card("other"), id: "chargeback-opens", due: 30, reason: /later day/ },
  {
    rule: "Expected delivery known: a chargeback can be filed once it has passed",
    facts: card("visa", { estimatedDelivery: { latest: day(25) } }),
    id: "chargeback-opens",
    due: 25,
    source: FROM_ORDER_PAGE,
    reason: /Visa/,
  },
  // 1 March 10:00 UTC is 05:00 EST in New York; 60 calendar days later is 05:00 EDT on 30 April.
  {
    rule: "US Fair Credit Billing Act: 60 days, counted from the purchase",
    facts: card("visa", { timeZone: "America/New_York" }),
    id: "fcba-billing-notice",
    due: "2026-04-30T09:00:00.000Z",
    source: /Fair Credit Billing Act/,
  },
  { rule: "FCBA only in the US", facts: card("visa", { timeZone: "Europe/Paris" }), id: "fcba-billing-notice", due: null },
  {
    rule: "UK chargeback: 120 days from purchase beats Visa's 120 from delivery",
    facts: card("visa", { timeZone: "Europe/London", estimatedDelivery: { latest: day(20) } }),
    id: "chargeback-closes",
    // 10:00 GMT on 1 March, plus 120 calendar days in London: 10:00 BST, 09:00 UTC.
    due: "2026-06-29T09:00:00.000Z",
    source: /UK chargeback/,
  },
  {
    rule: "UK section 75: over £100 by credit card, 5 years (the Scottish limit, the earlier)",
    facts: card("visa", { timeZone: "Europe/London", amount: { value: "150.00", currency: "GBP" } }),
    id: "section-75-claim",
    due: 365 * 5 + 1,
    reason: /6 years \(5 in Scotland/,
  },
  {
    rule: "UK section 75: not for £100 or less",
    facts: card("visa", { timeZone: "Europe/London", amount: { value: "100", currency: "GBP" } }),
    id: "section-75-claim",
    due: null,
  },
  {
    rule: "Buyer's guide: a tracking number within 5 days",
    facts: { trackingNumbers: [] },
    id: "guide-tracking-expected",
    due: 5,
    source: "buyer's guide",
    now: 1,
  },
  {
    rule: "Buyer's guide: label stuck after 10 days",
    facts: { events: [carrierEvent("info_received", 3)] },
    id: "guide-label-stuck",
    due: 13,
    source: "buyer's guide",
    now: 4,
  },
  {
    rule: "Buyer's guide: an update within 7 days",
    facts: { events: [carrierEvent("in_transit", 4)] },
    id: "guide-no-update",
    due: 11,
    source: "buyer's guide",
  },
  {
    rule: "Buyer's guide: progress within 14 days",
    facts: { events: [carrierEvent("in_transit", 4)] },
    id: "guide-no-progress",
    due: 18,
    source: "buyer's guide",
  },
  {
    rule: "Buyer's guide: customs within 10 days",
    facts: { events: [carrierEvent("customs_pending", 4)] },
    id: "guide-customs-delay",
    due: 14,
    source: "buyer's guide",
  },
];

describe("a date without a time is the whole day in the buyer's zone (contract §4 input)", () => {
  const assessInput = (input: Record<string, unknown>, now: string) => {
    const parsed = parseOrderInput({ orderedAt: "2026-03-01T10:00:00Z", trackingNumbers: ["LP00123456789012"], ...input });
    if (!parsed.ok) throw new Error(parsed.error);
    return new Map(assessOrder(parsed.input, new Date(now)).deadlines.map((d) => [d.id, d]));
  };

  it("Visa 13.1 counts 120 days from the end of the promised day, in the buyer's zone", () => {
    const deadlines = assessInput(
      { platform: "other", paymentMethod: "card", cardNetwork: "visa", timeZone: "Europe/Madrid", estimatedDelivery: { latest: "2026-03-21" } },
      "2026-03-10T10:00:00Z",
    );
    // 21 March ends at 22:59:59 UTC (CET); 120 days later is 19 July, ending at 21:59:59 UTC (CEST).
    expect(deadlines.get("estimated-delivery")?.due).toBe("2026-03-21T22:59:59.000Z");
    expect(deadlines.get("chargeback-closes")?.due).toBe("2026-07-19T21:59:59.000Z");
    expect(deadlines.get("chargeback-closes")?.reason).toMatch(/latest expected delivery/);
  });

  it("Mastercard takes the earlier of the purchase and the promised day", () => {
    const early = assessInput(
      { platform: "other", paymentMethod: "card", cardNetwork: "mastercard", estimatedDelivery: { latest: "2026-02-20" } },
      "2026-03-10T10:00:00Z",
    );
    expect(early.get("chargeback-closes")?.due).toBe("2026-06-20T23:59:59.000Z");
    const late = assessInput(
      { platform: "other", paymentMethod: "card", cardNetwork: "mastercard", estimatedDelivery: { latest: "2026-03-21" } },
      "2026-03-10T10:00:00Z",
    );
    expect(late.get("chargeback-closes")?.due).toBe("2026-06-29T10:00:00.000Z");
  });

  it("Temu's late credit is due 48 hours after the whole latest estimated day", () => {
    const deadlines = assessInput({ platform: "temu", estimatedDelivery: { earliest: "2026-03-08", latest: "2026-03-12" } }, "2026-03-10T10:00:00Z");
    expect(deadlines.get("temu-late-delivery-credit")?.due).toBe("2026-03-14T23:59:59.000Z");
  });
});

describe("deadlines follow the dated policies", () => {
  it.each(rows)("$rule", ({ facts, id, due, source, reason, now }) => {
    const deadline = deadlinesOf(facts, now).get(id);
    if (due === null) {
      expect(deadline).toBeUndefined();
      return;
    }
    expect(deadline, `no ${id}`).toBeDefined();
    expect(deadline!.due).toBe(typeof due === "number" ? day(due) : due);
    if (source) expect(deadline!.source).toMatch(source);
    if (reason) expect(deadline!.reason).toMatch(reason);
  });

  it("says whether each deadline has passed", () => {
    const list = [...deadlinesOf(card("visa"), 20).values()];
    expect(list.find((d) => d.id === "chargeback-opens")!.past).toBe(true);
    expect(list.find((d) => d.id === "chargeback-closes")!.past).toBe(false);
  });

  it("lists deadlines earliest first", () => {
    const dues = assessOrder(orderFacts({ ...shipped, paymentMethod: "card", cardNetwork: "visa" }), nowAt(10)).deadlines.map((d) => d.due);
    expect(dues).toEqual([...dues].sort());
  });

  it("counts calendar days on the buyer's wall clock across a daylight-saving change", () => {
    // Paris moves to summer time on 29 March 2026: 5 days after 11:00 CET is 11:00 CEST, one UTC hour earlier.
    const facts = orderFacts({ orderedAt: "2026-03-27T10:00:00.000Z", shippedAt: "2026-03-27T10:00:00.000Z", timeZone: "Europe/Paris" });
    const opens = assessOrder(facts, new Date("2026-03-28T00:00:00Z")).deadlines.find((d) => d.id === "aliexpress-dispute-opens");
    expect(opens!.due).toBe("2026-04-01T09:00:00.000Z");
  });

  it("the server's own time zone changes nothing", async () => {
    const facts = orderFacts({ shippedAt: day(2), timeZone: "America/New_York", paymentMethod: "card", cardNetwork: "visa" });
    const here = assessOrder(facts, nowAt(10));
    const original = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      expect(assessOrder(facts, nowAt(10))).toEqual(here);
    } finally {
      process.env.TZ = original;
    }
  });

  it("a refunded order keeps no payment or guide deadlines", () => {
    const ids = [...deadlinesOf({ ...shipped, paymentMethod: "card", cardNetwork: "visa", reports: [report("refunded", 9)] }).keys()];
    expect(ids.some((id) => id.startsWith("guide-") || id.startsWith("chargeback"))).toBe(false);
  });
});
