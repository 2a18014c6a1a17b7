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

describe("next actions follow the buyer's progress (issue 13)", () => {
  const delivered = { events: [carrierEvent("delivered", 12)], protectionEndsAt: day(45) };
  const ids = (facts: Partial<OrderFacts>, now: number) => assessOrder(orderFacts(facts), nowAt(now)).actions.map((a) => a.id);
  const action = (facts: Partial<OrderFacts>, now: number, id: string) => assessOrder(orderFacts(facts), nowAt(now)).actions.find((a) => a.id === id);

  // The web app records "I opened a dispute" either as the report or as the checklist's done step with its reference.
  it.each([
    ["the dispute_opened report", [report("not_received", 13), report("dispute_opened", 20, { reference: "D-123" })]],
    [
      "the done 'open a case' checklist step",
      [report("not_received", 13), report("checklist_step", 20, { step: "open_marketplace_case", reference: "D-123" })],
    ],
  ])("after %s the actions are the seller's reply and the escalation dates, not 'open a dispute'", (_how, reports) => {
    const facts = { ...delivered, reports };
    const got = ids(facts, 21);
    expect(got).not.toContain("open-dispute");
    expect(got).not.toContain("missing-parcel-checklist");
    // Opened on 21 March: seller rulebook 5 days (26 March), buyer help 15 days (5 April); escalate from 24 March.
    expect(action(facts, 21, "seller-reply")?.title).toBe(
      "Answer the seller in the dispute: they should reply by 26 March (seller rules: 5 days), at the latest by 5 April (buyer help: 15 days)",
    );
    expect(action(facts, 21, "escalate-dispute")).toEqual({
      id: "escalate-dispute",
      urgency: "later",
      title: "You can escalate the dispute to AliExpress from 24 March if the seller offers no solution",
    });
  });

  it("once the rulebook's 5 days pass without an answer, escalating is the step to do now", () => {
    const facts = { ...delivered, reports: [report("dispute_opened", 20)] };
    expect(action(facts, 26, "escalate-dispute")).toMatchObject({ urgency: "now", title: /their answer was due by 26 March/ });
    expect(action(facts, 36, "escalate-dispute")).toMatchObject({ urgency: "now", title: /time to answer is over/ });
    expect(ids(facts, 36)).not.toContain("seller-reply");
  });

  it("eBay: the seller's 3 business days, then ask eBay to step in", () => {
    const facts: Partial<OrderFacts> = { platform: "ebay", events: [carrierEvent("in_transit", 3)], reports: [report("dispute_opened", 20)] };
    expect(action(facts, 21, "seller-reply")?.title).toBe("The seller has until 25 March (3 business days) to answer your eBay request");
    expect(action(facts, 21, "escalate-dispute")?.title).toBe("Ask eBay to step in after 25 March if there is no solution, and before 20 April");
    expect(ids(facts, 21)).not.toContain("open-dispute");
  });

  it("once the dispute is open, the early 'message the seller' steps give way to the dispute's dates", () => {
    const silent: Partial<OrderFacts> = { platform: "ebay", events: [carrierEvent("departed_origin", 3)] };
    expect(ids(silent, 21)).toEqual(expect.arrayContaining(["contact-seller-no-progress", "chase-no-update"]));
    const disputed = ids({ ...silent, reports: [report("dispute_opened", 20)] }, 21);
    expect(disputed).not.toContain("contact-seller-no-progress");
    expect(disputed).not.toContain("chase-no-update");
    expect(disputed).toEqual(expect.arrayContaining(["seller-reply", "escalate-dispute"]));
  });

  it("a marketplace without dated dispute rules gets a plain follow-up, no invented date", () => {
    const facts: Partial<OrderFacts> = { platform: "temu", events: [carrierEvent("in_transit", 3)], reports: [report("dispute_opened", 20)] };
    expect(action(facts, 21, "follow-dispute")?.title).not.toMatch(/\d/);
    expect(ids(facts, 21)).not.toContain("seller-reply");
  });

  it("done checklist steps are not asked again, and the checklist action counts what is left", () => {
    const done = (step: string, at: number) => report("checklist_step", at, { step });
    const facts = { ...delivered, reports: [report("not_received", 13), done("wait_grace", 13.2), done("check_safe_places", 13.3)] };
    expect(action(facts, 14, "missing-parcel-checklist")?.title).toBe(
      'Finish the missing-parcel checklist: 6 steps left, next "Ask your household and neighbours"',
    );
  });

  it("a step skipped with a reason is not 'to do'", () => {
    const skip = (step: string, at: number) => report("checklist_step", at, { step, skipped: true, note: "I live alone" });
    const facts = { ...delivered, reports: [report("not_received", 13), skip("ask_household", 13.2)] };
    expect(action(facts, 14, "missing-parcel-checklist")?.title).not.toMatch(/household/i);
    // Skipping "open a case" (the buyer chose another route) drops the open-dispute action too.
    const skippedCase = { ...delivered, reports: [report("not_received", 13), skip("open_marketplace_case", 13.2)] };
    expect(ids(skippedCase, 14)).not.toContain("open-dispute");
    expect(ids({ ...delivered, reports: [report("not_received", 13)] }, 14)).toContain("open-dispute");
  });

  it("with every step done or skipped, 'finish the checklist' is gone", () => {
    const steps = [
      "wait_grace",
      "check_safe_places",
      "ask_household",
      "proof_of_delivery",
      "carrier_complaint",
      "do_not_confirm",
      "escalate_payment",
    ];
    const facts = {
      ...delivered,
      reports: [
        report("not_received", 13),
        ...steps.map((step, i) => report("checklist_step", 13.1 + i / 100, { step, skipped: step === "escalate_payment" })),
      ],
    };
    // open_marketplace_case is the one left: the checklist asks for it by name.
    expect(action(facts, 14, "missing-parcel-checklist")?.title).toMatch(/1 step left, next "Open an AliExpress/);
    const all = { ...facts, reports: [...facts.reports, report("checklist_step", 13.5, { step: "open_marketplace_case", skipped: true })] };
    expect(ids(all, 14)).not.toContain("missing-parcel-checklist");
  });

  it("the promised delivery date passing is an action with that date", () => {
    const facts: Partial<OrderFacts> = { platform: "other", events: [carrierEvent("in_transit", 3)], estimatedDelivery: { latest: day(8) } };
    expect(ids(facts, 8.5)).toContain("promised-date-passed");
    expect(action(facts, 8.5, "promised-date-passed")).toMatchObject({ urgency: "soon", title: /you were given \(9 March\) has passed/ });
    expect(ids(facts, 7)).not.toContain("promised-date-passed");
    expect(ids({ ...facts, events: [carrierEvent("delivered", 10)] }, 11)).not.toContain("promised-date-passed");
  });

  it("keeps exactly the contract's fields", () => {
    for (const a of assessOrder(orderFacts({ ...delivered, reports: [report("dispute_opened", 20)] }), nowAt(21)).actions) {
      expect(Object.keys(a).sort()).toEqual(["id", "title", "urgency"]);
    }
  });
});
