import { describe, expect, it } from "vitest";
import { assessOrder } from "../../machines/assess.ts";
import type { NextAction, OrderFacts } from "../../machines/order-facts.ts";
import { carrierEvent, day, nowAt, orderFacts, report } from "../factories/order-facts.ts";

interface Row {
  situation: string;
  facts: Partial<OrderFacts>;
  now: number;
  expected: Array<Pick<NextAction, "id" | "urgency"> & { title: string | RegExp }>;
}

// The guide's situations, and the concrete step each should lead to (dates in the buyer's words).
const rows: Row[] = [
  {
    situation: "held at customs",
    facts: { events: [carrierEvent("customs_held", 12)] },
    now: 13,
    expected: [{ id: "pay-import-fee", urgency: "now", title: "Pay the import fee or contact the local post" }],
  },
  {
    situation: "nothing shipped a week after the order",
    facts: { trackingNumbers: [] },
    now: 7,
    expected: [{ id: "ask-seller-for-tracking", urgency: "now", title: /ordered on 1 March/ }],
  },
  {
    situation: "AliExpress protection about to end while the parcel is still travelling",
    facts: { events: [carrierEvent("in_transit", 40)], protectionEndsAt: day(45) },
    now: 42,
    expected: [{ id: "extend-protection", urgency: "now", title: "Ask the seller to extend purchase protection before 15 April" }],
  },
  {
    situation: "AliExpress protection far away: the extension is a later step with its date",
    facts: { events: [carrierEvent("in_transit", 9)], protectionEndsAt: day(45) },
    now: 10,
    expected: [{ id: "extend-protection", urgency: "later", title: "Ask the seller to extend purchase protection before 8 April" }],
  },
  {
    situation: "no progress for two weeks on AliExpress: contact the seller and open a dispute",
    facts: { events: [carrierEvent("departed_origin", 3)], protectionEndsAt: day(45) },
    now: 18,
    expected: [
      { id: "contact-seller-no-progress", urgency: "now", title: /no progress since 4 March/ },
      { id: "open-dispute", urgency: "now", title: "Open an 'item not received' dispute now: the window closes on 30 April" },
    ],
  },
  {
    situation: "delivered but not received: the missing-parcel checklist first",
    facts: { events: [carrierEvent("delivered", 12)], reports: [report("not_received", 13)] },
    now: 13.5,
    expected: [{ id: "missing-parcel-checklist", urgency: "now", title: /^Start the missing-parcel checklist/ }],
  },
  {
    situation: "Temu parcel silent for a week: Temu's in-app support",
    facts: { platform: "temu", events: [carrierEvent("in_transit", 3)] },
    now: 11,
    expected: [{ id: "chase-no-update", urgency: "soon", title: "Contact Temu support in the app: no tracking update since 4 March" }],
  },
  {
    situation: "PayPal dispute open: escalate before the 20 days run out",
    facts: { platform: "other", paymentMethod: "paypal", events: [carrierEvent("in_transit", 3)], reports: [report("dispute_opened", 20)] },
    now: 36,
    expected: [{ id: "escalate-paypal", urgency: "now", title: "Escalate the PayPal dispute to a claim before 10 April" }],
  },
  {
    situation: "returned to sender",
    facts: { events: [carrierEvent("returned", 20)] },
    now: 21,
    expected: [{ id: "contact-seller-returned", urgency: "now", title: /going back/ }],
  },
  {
    situation: "the carrier declares the parcel lost: the seller first, and the dispute with its closing date",
    facts: { events: [carrierEvent("in_transit", 5), carrierEvent("exception", 12, { text: "Item lost" })], protectionEndsAt: day(45) },
    now: 13,
    expected: [
      { id: "report-carrier-problem", urgency: "now", title: /lost, damaged or seized/ },
      { id: "open-dispute", urgency: "now", title: "Open an 'item not received' dispute now: the window closes on 30 April" },
    ],
  },
  {
    situation: "in transit, all normal: nothing to do but wait, with the day to look again",
    facts: { events: [carrierEvent("in_transit", 3)] },
    now: 5,
    expected: [{ id: "wait", urgency: "later", title: "Nothing to do yet: check the tracking again on 11 March" }],
  },
];

describe("next actions are concrete steps with dates", () => {
  it.each(rows)("$situation", ({ facts, now, expected }) => {
    const actions = assessOrder(orderFacts(facts), nowAt(now)).actions;
    for (const want of expected) {
      const got = actions.find((a) => a.id === want.id);
      expect(got, `${want.id} in ${JSON.stringify(actions)}`).toBeDefined();
      expect(got!.urgency).toBe(want.urgency);
      if (typeof want.title === "string") expect(got!.title).toBe(want.title);
      else expect(got!.title).toMatch(want.title);
    }
  });

  it("a fee at customs is the buyer's own step, not a reason to claim a refund", () => {
    const facts = orderFacts({ platform: "temu", events: [carrierEvent("customs_held", 10)], reports: [report("contacted_seller", 11)] });
    const ids = assessOrder(facts, nowAt(12)).actions.map((a) => a.id);
    expect(ids).toContain("pay-import-fee");
    expect(ids).not.toContain("open-dispute");
  });

  it("the seller was asked and the parcel is still silent: claim the refund", () => {
    const facts = orderFacts({ platform: "temu", events: [carrierEvent("in_transit", 3)], reports: [report("contacted_seller", 9)] });
    expect(assessOrder(facts, nowAt(11)).actions.map((a) => a.id)).toContain("open-dispute");
  });

  it("lists the most urgent first", () => {
    const actions = assessOrder(orderFacts({ events: [carrierEvent("departed_origin", 3)] }), nowAt(18)).actions;
    const rank = { now: 0, soon: 1, later: 2 };
    expect(actions.map((a) => rank[a.urgency])).toEqual([...actions.map((a) => rank[a.urgency])].sort());
  });

  it("asks nothing more once refunded", () => {
    expect(assessOrder(orderFacts({ events: [carrierEvent("in_transit", 3)], reports: [report("refunded", 30)] }), nowAt(40)).actions).toEqual([]);
  });

  it("writes dates in the buyer's time zone", () => {
    // 23:30 UTC on 14 April is already 15 April in Paris.
    const facts = orderFacts({ events: [carrierEvent("in_transit", 40)], protectionEndsAt: "2026-04-21T23:30:00.000Z", timeZone: "Europe/Paris" });
    const extend = assessOrder(facts, nowAt(42)).actions.find((a) => a.id === "extend-protection");
    expect(extend!.title).toBe("Ask the seller to extend purchase protection before 15 April");
  });
});
