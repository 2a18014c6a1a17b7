import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { CASE_OF_REPORT, caseOf, orderMachine, stateOf, type OrderEvent, type OrderSnapshot } from "../../machines/order.machine.ts";
import { REPORT_KINDS, STATE_OF_MILESTONE, type Milestone } from "../../machines/vocabulary.ts";
import { day } from "../factories/order-facts.ts";

function start(hasTracking = true): OrderSnapshot {
  return initialTransition(orderMachine, { platform: "aliexpress", orderedAt: day(0), hasTracking })[0];
}

function send(snapshot: OrderSnapshot, ...events: OrderEvent[]): OrderSnapshot {
  return events.reduce((s, e) => transition(orderMachine, s, e)[0], snapshot);
}

const carrier = (milestone: Milestone, atDay: number | null, leg = 0): OrderEvent => ({
  type: "carrier.event",
  milestone,
  at: atDay === null ? null : day(atDay),
  leg,
});

describe("order machine: the parcel follows the latest milestone (contract §2)", () => {
  it("starts awaiting shipment without a tracking number and label_created with one", () => {
    expect(stateOf(start(false))).toBe("awaiting_shipment");
    expect(stateOf(start(true))).toBe("label_created");
    expect(caseOf(start(true))).toBe("none");
  });

  it.each(Object.entries(STATE_OF_MILESTONE))("milestone %s gives state %s", (milestone, state) => {
    const snapshot = send(start(), carrier(milestone as Milestone, 3));
    expect(stateOf(snapshot)).toBe(state);
    expect(snapshot.value).toEqual({ parcel: state, case: "none" });
    expect(snapshot.context.latestMilestone).toBe(milestone);
  });

  it("an unknown milestone changes nothing", () => {
    const before = send(start(), carrier("in_transit", 3));
    const after = send(before, carrier("unknown", 9));
    expect(stateOf(after)).toBe("in_transit");
    expect(after.context).toEqual(before.context);
  });

  it("a late-arriving older event does not move the state back", () => {
    const snapshot = send(start(), carrier("delivered", 10), carrier("in_transit", 4));
    expect(stateOf(snapshot)).toBe("delivered");
    expect(snapshot.context.lastEventAt).toBe(day(10));
    expect(snapshot.context.firstEventAt).toBe(day(4));
  });

  it("at the same time, the later leg's event wins", () => {
    const snapshot = send(start(), carrier("handed_over", 5, 1), carrier("in_transit", 5, 0));
    expect(stateOf(snapshot)).toBe("with_local_carrier");
  });

  it("a batch in any order lands where the newest event says", () => {
    const events = [
      { milestone: "customs_pending" as const, at: day(9), leg: 0 },
      { milestone: "picked_up" as const, at: day(2), leg: 0 },
      { milestone: "customs_held" as const, at: day(11), leg: 0 },
    ];
    const snapshot = send(start(), { type: "carrier.events", events });
    expect(stateOf(snapshot)).toBe("customs_held");
    // Pending then held is one customs stay, begun at the first customs event.
    expect(snapshot.context.customsSince).toBe(day(9));
  });

  it("order.updated with a tracking number moves awaiting_shipment to label_created, and back when removed", () => {
    const withNumber = send(start(false), { type: "order.updated", platform: "aliexpress", orderedAt: day(0), hasTracking: true, shippedAt: null });
    expect(stateOf(withNumber)).toBe("label_created");
    const without = send(withNumber, { type: "order.updated", platform: "aliexpress", orderedAt: day(0), hasTracking: false, shippedAt: null });
    expect(stateOf(without)).toBe("awaiting_shipment");
  });

  it("order.updated never undoes a carrier milestone", () => {
    const snapshot = send(start(), carrier("in_transit", 3), {
      type: "order.updated",
      platform: "aliexpress",
      orderedAt: day(0),
      hasTracking: false,
      shippedAt: null,
    });
    expect(stateOf(snapshot)).toBe("in_transit");
  });

  it("clock.tick only records the time", () => {
    const before = send(start(), carrier("in_transit", 3));
    const after = send(before, { type: "clock.tick", now: day(30) });
    expect(after.value).toEqual(before.value);
    expect(after.context.now).toBe(day(30));
  });
});

describe("order machine: the buyer's latest report decides the case (contract §2)", () => {
  it.each(REPORT_KINDS.map((kind) => [kind, CASE_OF_REPORT[kind]]))("report %s gives case %s", (kind, expected) => {
    const snapshot = send(start(), { type: `report.${kind}`, at: day(20) } as OrderEvent);
    expect(caseOf(snapshot)).toBe(expected);
    expect(stateOf(snapshot)).toBe("label_created");
  });

  it("the latest report by time wins, whatever order they arrive in", () => {
    const snapshot = send(start(), { type: "report.dispute_opened", at: day(25) }, { type: "report.not_received", at: day(20) });
    expect(caseOf(snapshot)).toBe("dispute_open");
    expect(snapshot.context.disputeOpenedAt).toBe(day(25));
  });

  it("a refund after a dispute closes the matter; received means closed", () => {
    expect(caseOf(send(start(), { type: "report.dispute_opened", at: day(20) }, { type: "report.refunded", at: day(30) }))).toBe("refunded");
    expect(caseOf(send(start(), { type: "report.not_received", at: day(20) }, { type: "report.received", at: day(22) }))).toBe("closed");
  });

  it("a checklist step without a report starts the checklist; after another report it only records the step", () => {
    const fresh = send(start(), { type: "report.checklist_step", at: day(20), step: "neighbours" });
    expect(caseOf(fresh)).toBe("checklist");
    expect(fresh.context.checklistSteps).toEqual(["neighbours"]);
    const contacted = send(
      start(),
      { type: "report.contacted_seller", at: day(19) },
      { type: "report.checklist_step", at: day(20), step: "neighbours" },
    );
    expect(caseOf(contacted)).toBe("contacted_seller");
    expect(contacted.context.checklistSteps).toEqual(["neighbours"]);
  });

  it("protection_extended records the new end date without changing the case", () => {
    const snapshot = send(start(), { type: "report.protection_extended", at: day(30), protectionEndsAt: day(75) });
    expect(caseOf(snapshot)).toBe("none");
    expect(snapshot.context.protectionExtendedTo).toBe(day(75));
  });

  it("parcel and case move independently", () => {
    const snapshot = send(start(), { type: "report.not_received", at: day(20) }, carrier("delivered", 18));
    expect(snapshot.value).toEqual({ parcel: "delivered", case: "checklist" });
  });
});

describe("order machine: checklist steps and the dispute they open (issue 13)", () => {
  const step = (name: string, atDay: number, skipped = false): OrderEvent => ({ type: "report.checklist_step", at: day(atDay), step: name, skipped });
  const reportAt = (kind: (typeof REPORT_KINDS)[number], atDay: number): OrderEvent => ({ type: `report.${kind}`, at: day(atDay) });

  it.each([
    { rule: "a done step is done", events: [step("ask_household", 13)], done: ["ask_household"], skipped: [] },
    { rule: "a skipped step is skipped, not done", events: [step("ask_household", 13, true)], done: [], skipped: ["ask_household"] },
    {
      rule: "a later 'done' replaces an earlier 'skipped'",
      events: [step("ask_household", 13, true), step("ask_household", 14)],
      done: ["ask_household"],
      skipped: [],
    },
    {
      rule: "an older report arriving late changes nothing",
      events: [step("ask_household", 14), step("ask_household", 13, true)],
      done: ["ask_household"],
      skipped: [],
    },
  ])("$rule", ({ events, done, skipped }) => {
    const snapshot = send(start(), carrier("delivered", 12), reportAt("not_received", 12.5), ...events);
    expect(snapshot.context.checklistSteps).toEqual(done);
    expect(snapshot.context.skippedSteps).toEqual(skipped);
    expect(caseOf(snapshot)).toBe("checklist");
  });

  it("a done 'open a case on the marketplace' step opens the dispute and starts its clock", () => {
    const snapshot = send(start(), carrier("delivered", 12), reportAt("not_received", 12.5), step("open_marketplace_case", 15));
    expect(caseOf(snapshot)).toBe("dispute_open");
    expect(snapshot.context.disputeOpenedAt).toBe(day(15));
  });

  it("skipping that step opens nothing", () => {
    const snapshot = send(start(), reportAt("not_received", 12.5), step("open_marketplace_case", 15, true));
    expect(caseOf(snapshot)).toBe("checklist");
    expect(snapshot.context.disputeOpenedAt).toBeNull();
  });

  it("recording the step after escalating does not bring the case back to dispute_open", () => {
    const snapshot = send(start(), reportAt("dispute_opened", 14), reportAt("escalated", 18), step("open_marketplace_case", 19));
    expect(caseOf(snapshot)).toBe("escalated");
    expect(snapshot.context.disputeOpenedAt).toBe(day(14));
  });
});
