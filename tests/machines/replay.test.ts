import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { assessOrder, assessSnapshot } from "../../machines/assess.ts";
import { ORDER_MACHINE_ID, ORDER_MACHINE_VERSION, orderMachine, stateOf } from "../../machines/order.machine.ts";
import { orderEventsOf, orderMachineInput, persistSnapshot, replay, restoreSnapshot, type RestoreOutcome } from "../../machines/replay.ts";
import { carrierEvent, day, journey, nowAt, orderFacts, report } from "../factories/order-facts.ts";

const facts = orderFacts({
  trackingNumbers: ["LP00123456789012", "9400111899223100000000"],
  events: [
    ...journey(["info_received", "picked_up", "departed_origin", "arrived_destination", "customs_pending", "customs_cleared"]).map((e) => ({
      ...e,
      trackingNumber: "LP00123456789012",
    })),
    carrierEvent("at_delivery_office", 15, { trackingNumber: "9400111899223100000000" }),
  ],
  reports: [report("not_received", 30), report("checklist_step", 31, { step: "neighbours" })],
});

describe("replay: the state is a pure function of the facts and now", () => {
  it("gives the same answer for reversed events and reports", () => {
    const reversed = { ...facts, events: [...facts.events].reverse(), reports: [...facts.reports!].reverse() };
    expect(assessOrder(reversed, nowAt(32))).toEqual(assessOrder(facts, nowAt(32)));
  });

  it("ignores duplicates, even with a different text spacing or case", () => {
    const doubled = {
      ...facts,
      events: [...facts.events, { ...facts.events[2], text: `  ${facts.events[2].text.toUpperCase()} ` }, ...facts.events],
      reports: [...facts.reports!, ...facts.reports!],
    };
    expect(assessOrder(doubled, nowAt(32))).toEqual(assessOrder(facts, nowAt(32)));
    expect(replay(doubled, nowAt(32)).context.eventCount).toBe(facts.events.length);
  });

  it("events without a time count as the oldest: they never hide a dated one", () => {
    const withUndated = { ...facts, events: [...facts.events, carrierEvent("delivered", null, { text: "Delivered (no date)" })] };
    expect(assessOrder(withUndated, nowAt(16)).state).toBe("with_local_carrier");
    const onlyUndated = orderFacts({ events: [carrierEvent("in_transit", null)] });
    expect(assessOrder(onlyUndated, nowAt(3)).state).toBe("in_transit");
  });

  it("events whose milestone is unknown or missing change nothing", () => {
    const noisy = {
      ...facts,
      events: [...facts.events, carrierEvent("unknown", 20, { text: "Shenzhen hub scan" }), { at: day(21), text: "unclassified" }],
    };
    expect(assessOrder(noisy, nowAt(32))).toEqual(assessOrder(facts, nowAt(32)));
  });

  it("a late, older event changes nothing about where the parcel is", () => {
    const late = { ...facts, events: [...facts.events, carrierEvent("in_transit", 5, { text: "Late scan from the origin hub" })] };
    expect(stateOf(replay(late, nowAt(32)))).toBe("with_local_carrier");
  });

  it("the local carrier's events supersede the first carrier's silence", () => {
    const answer = assessOrder(facts, nowAt(21));
    expect(answer.state).toBe("with_local_carrier");
    expect(answer.alerts).not.toContain("no_update");
  });
});

describe("replay steps the machine exactly as XState's pure transition API does", () => {
  it.each([
    ["a two-leg journey with reports", facts],
    ["no tracking number yet", orderFacts({ trackingNumbers: [] })],
    [
      "a protection extension and a dispute",
      orderFacts({
        events: [carrierEvent("in_transit", 3)],
        reports: [report("protection_extended", 20, { protectionEndsAt: day(70) }), report("dispute_opened", 40)],
      }),
    ],
  ])("%s", (_label, order) => {
    const now = nowAt(45);
    let [expected] = initialTransition(orderMachine, orderMachineInput(order, now));
    for (const event of orderEventsOf(order)) [expected] = transition(orderMachine, expected, event);
    const actual = replay(order, now);
    expect(actual.value).toEqual(expected.value);
    expect(actual.context).toEqual(expected.context);
  });
});

describe("persist → restore", () => {
  const now = nowAt(32);
  const persisted = persistSnapshot(replay(facts, now), facts);

  it("the stored snapshot is plain JSON with the machine's id and version", () => {
    const json = JSON.parse(JSON.stringify(persisted));
    expect(json).toEqual(persisted);
    expect(json.machineId).toBe(ORDER_MACHINE_ID);
    expect(json.version).toBe(ORDER_MACHINE_VERSION);
  });

  // One row per machine version we have shipped or may meet: only the current one is trusted.
  const versions: Array<{ label: string; stored: unknown; outcome: RestoreOutcome }> = [
    { label: `current version ${ORDER_MACHINE_VERSION}, as an object`, stored: persisted, outcome: "restored" },
    { label: `current version ${ORDER_MACHINE_VERSION}, as JSON text`, stored: JSON.stringify(persisted), outcome: "restored" },
    { label: "an older version", stored: { ...persisted, version: ORDER_MACHINE_VERSION - 1 }, outcome: "rebuilt_other_version" },
    { label: "a newer, unknown version", stored: { ...persisted, version: ORDER_MACHINE_VERSION + 41 }, outcome: "rebuilt_other_version" },
    { label: "another machine's snapshot", stored: { ...persisted, machineId: "reminder" }, outcome: "rebuilt_other_machine" },
    { label: "a snapshot of other facts", stored: persistSnapshot(replay(orderFacts(), now), orderFacts()), outcome: "rebuilt_stale_facts" },
    {
      label: "a state name that does not exist",
      stored: { ...persisted, value: { parcel: "teleported", case: "none" } },
      outcome: "rebuilt_unreadable",
    },
    { label: "a context missing fields", stored: { ...persisted, context: { platform: "aliexpress" } }, outcome: "rebuilt_unreadable" },
    { label: "truncated JSON text", stored: JSON.stringify(persisted).slice(0, 40), outcome: "rebuilt_unreadable" },
    { label: "null", stored: null, outcome: "rebuilt_unreadable" },
    { label: "a number", stored: 42, outcome: "rebuilt_unreadable" },
  ];

  it.each(versions)("$label → $outcome, with the same answer as a fresh replay", ({ stored, outcome }) => {
    const restored = restoreSnapshot(stored, facts, now);
    expect(restored.outcome).toBe(outcome);
    expect(assessSnapshot(facts, restored.snapshot, now)).toEqual(assessOrder(facts, now));
  });

  it("a restored snapshot is moved to the new now", () => {
    const later = nowAt(60);
    const restored = restoreSnapshot(persisted, facts, later);
    expect(restored.outcome).toBe("restored");
    expect(restored.snapshot.context.now).toBe(later.toISOString());
    expect(assessSnapshot(facts, restored.snapshot, later)).toEqual(assessOrder(facts, later));
  });

  it("a cache built before a new event arrived is rebuilt, not trusted", () => {
    const more = { ...facts, events: [...facts.events, carrierEvent("delivered", 33)] };
    const restored = restoreSnapshot(persisted, more, nowAt(34));
    expect(restored.outcome).toBe("rebuilt_stale_facts");
    expect(stateOf(restored.snapshot)).toBe("delivered");
  });
});
