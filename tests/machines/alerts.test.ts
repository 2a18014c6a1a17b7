import { describe, expect, it } from "vitest";
import { assessOrder } from "../../machines/assess.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import type { Alert, OrderState } from "../../machines/vocabulary.ts";
import { carrierEvent, day, journey, nowAt, orderFacts, report } from "../factories/order-facts.ts";

interface Row {
  rule: string;
  facts: Partial<OrderFacts>;
  now: number;
  state: OrderState;
  alerts: Alert[];
}

// One row per rule of the buyer's guide (../shared/POLICIES.md), and the day just before it fires.
const rows: Row[] = [
  { rule: "no tracking number 5 days after the order: not yet", facts: { trackingNumbers: [] }, now: 5, state: "awaiting_shipment", alerts: [] },
  {
    rule: "no tracking number more than 5 days after the order",
    facts: { trackingNumbers: [] },
    now: 5.1,
    state: "awaiting_shipment",
    alerts: ["not_shipped"],
  },
  { rule: "a tracking number but no carrier event after 5 days", facts: {}, now: 6, state: "label_created", alerts: ["not_shipped"] },
  { rule: "'label created' a week ago: normal", facts: { events: [carrierEvent("info_received", 2)] }, now: 9, state: "label_created", alerts: [] },
  {
    rule: "'label created' and then more than 7 days without an update",
    facts: { events: [carrierEvent("info_received", 2)] },
    now: 12,
    state: "label_created",
    alerts: ["no_update"],
  },
  {
    rule: "only 'label created' for more than 10 days",
    facts: { events: [carrierEvent("info_received", 2)] },
    now: 12.5,
    state: "label_created",
    alerts: ["no_update", "label_stuck"],
  },
  {
    rule: "7 quiet days in transit are normal",
    facts: { events: journey(["info_received", "picked_up", "in_transit"]) },
    now: 13,
    state: "in_transit",
    alerts: [],
  },
  {
    rule: "more than 7 days without an update in transit",
    facts: { events: journey(["info_received", "picked_up", "in_transit"]) },
    now: 13.5,
    state: "in_transit",
    alerts: ["no_update"],
  },
  {
    rule: "updates but no progress for more than 14 days",
    facts: { events: [3, 6, 9, 12, 15, 18].map((d) => carrierEvent("in_transit", d, { text: `Transit hub ${d}` })) },
    now: 18,
    state: "in_transit",
    alerts: ["no_progress"],
  },
  {
    rule: "a week without an update and then two: no progress either",
    facts: { events: [carrierEvent("departed_origin", 3)] },
    now: 17.5,
    state: "in_transit",
    alerts: ["no_update", "no_progress"],
  },
  {
    rule: "customs for 10 days is normal",
    facts: { events: [carrierEvent("customs_pending", 10), carrierEvent("customs_pending", 15, { text: "Inspection" })] },
    now: 20,
    state: "in_customs",
    alerts: [],
  },
  {
    rule: "in customs for more than 10 days",
    facts: { events: [carrierEvent("customs_pending", 10), carrierEvent("customs_pending", 15, { text: "Inspection" })] },
    now: 20.5,
    state: "in_customs",
    alerts: ["customs_delay"],
  },
  {
    rule: "held at customs needs attention at once",
    facts: { events: [carrierEvent("customs_held", 10)] },
    now: 10.5,
    state: "customs_held",
    alerts: ["customs_action"],
  },
  {
    rule: "returned to sender needs attention at once",
    facts: { events: [carrierEvent("in_transit", 5), carrierEvent("returned", 15)] },
    now: 15.5,
    state: "returned",
    alerts: ["returned_to_sender"],
  },
  {
    rule: "a failed delivery attempt",
    facts: { events: [carrierEvent("out_for_delivery", 14), carrierEvent("delivery_failed", 14.5)] },
    now: 15,
    state: "delivery_failed",
    alerts: ["delivery_failed"],
  },
  {
    rule: "delivered, nothing reported: no alert, however long ago",
    facts: { events: [carrierEvent("delivered", 12)] },
    now: 40,
    state: "delivered",
    alerts: [],
  },
  {
    rule: "delivered but the buyer reports it not received",
    facts: { events: [carrierEvent("delivered", 12)], reports: [report("not_received", 13)] },
    now: 13.5,
    state: "delivered",
    alerts: ["missing_after_delivered"],
  },
  {
    rule: "delivered, reported missing, then the seller contacted: still missing",
    facts: { events: [carrierEvent("delivered", 12)], reports: [report("not_received", 13), report("contacted_seller", 14)] },
    now: 14.5,
    state: "delivered",
    alerts: ["missing_after_delivered"],
  },
  {
    rule: "delivered, reported missing, then received after all: nothing to do",
    facts: { events: [carrierEvent("delivered", 12)], reports: [report("not_received", 13), report("received", 14)] },
    now: 14.5,
    state: "delivered",
    alerts: [],
  },
  {
    rule: "a local carrier's new number carries on where the first one went quiet",
    facts: {
      trackingNumbers: ["LP00123456789012", "9400111899223100000000"],
      events: [
        carrierEvent("departed_origin", 3, { trackingNumber: "LP00123456789012" }),
        carrierEvent("handed_over", 12, { trackingNumber: "LP00123456789012" }),
        carrierEvent("at_delivery_office", 16, { trackingNumber: "9400111899223100000000" }),
      ],
    },
    now: 22,
    state: "with_local_carrier",
    alerts: [],
  },
  {
    rule: "protection ending in more than 5 days",
    facts: { events: [carrierEvent("in_transit", 5)], protectionEndsAt: day(20) },
    now: 11.5,
    state: "in_transit",
    alerts: [],
  },
  {
    rule: "protection ending within 5 days",
    facts: { events: [carrierEvent("in_transit", 10)], protectionEndsAt: day(20) },
    now: 16,
    state: "in_transit",
    alerts: ["protection_expiring"],
  },
  {
    rule: "a refunded order needs nothing",
    facts: { events: [carrierEvent("in_transit", 3)], reports: [report("not_received", 20), report("refunded", 25)] },
    now: 40,
    state: "in_transit",
    alerts: [],
  },
];

describe("alerts follow the buyer's guide (contract §2)", () => {
  it.each(rows)("$rule", ({ facts, now, state, alerts }) => {
    const answer = assessOrder(orderFacts(facts), nowAt(now));
    expect(answer.state).toBe(state);
    expect(answer.alerts).toEqual(alerts);
  });

  it("a parcel waiting at the pickup point for more than a week: no update, but no 'no progress'", () => {
    const answer = assessOrder(orderFacts({ events: [carrierEvent("available_for_pickup", 10)] }), nowAt(25));
    expect(answer.state).toBe("available_for_pickup");
    expect(answer.alerts).toEqual(["no_update"]);
  });

  it("no update and no progress are never raised on a delivered or returned parcel", () => {
    for (const milestone of ["delivered", "returned"] as const) {
      const answer = assessOrder(orderFacts({ events: [carrierEvent("in_transit", 2), carrierEvent(milestone, 4)] }), nowAt(90));
      expect(answer.alerts).not.toContain("no_update");
      expect(answer.alerts).not.toContain("no_progress");
    }
  });

  it("a protection window that already ended is not 'expiring'", () => {
    const answer = assessOrder(orderFacts({ platform: "other", events: [carrierEvent("in_transit", 2)], protectionEndsAt: day(10) }), nowAt(12));
    expect(answer.alerts).not.toContain("protection_expiring");
  });

  it("an open dispute silences protection_expiring: the buyer already acted", () => {
    const facts = orderFacts({ events: [carrierEvent("in_transit", 10)], protectionEndsAt: day(20), reports: [report("dispute_opened", 15)] });
    expect(assessOrder(facts, nowAt(16)).alerts).not.toContain("protection_expiring");
  });
});
