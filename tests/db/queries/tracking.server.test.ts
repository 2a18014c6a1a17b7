import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeTransaction } from "../../../db/client.server.ts";
import {
  addTrackingEvents,
  addTrackingNumbers,
  listTrackingEvents,
  listTrackingNumbers,
  type TrackingEventInput,
} from "../../../db/queries/tracking.server.ts";
import type { Order } from "../../../db/schema.ts";
import { createTwoUserDatabase, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
let order: Order;
beforeEach(async () => {
  ({ t, order } = await createTwoUserDatabase());
});
afterEach(async () => {
  await t.close();
});

const history: TrackingEventInput[] = [
  {
    at: "2026-03-04T08:00:00Z",
    text: "Departure from outward office of exchange",
    location: "Guangzhou",
    source: "paste",
    milestone: "departed_origin",
    trackingNumber: "LP00123456789012",
  },
  { at: "2026-03-09T14:30:00Z", text: "Handed over to local carrier", source: "paste", milestone: "handed_over", trackingNumber: "LP00123456789012" },
  { at: "2026-03-11T09:15:00Z", text: "Out for delivery", source: "paste", milestone: "out_for_delivery", trackingNumber: "3SAB12345678901" },
];

describe("tracking numbers", () => {
  it("keeps each number once per order, first leg first, learning a carrier later", async () => {
    await addTrackingNumbers(t.db, "alice", order.id, [{ number: "3SAB12345678901", leg: 1, source: "handover" }]);
    const numbers = await addTrackingNumbers(t.db, "alice", order.id, [
      { number: "lp 0012 3456 7890 12", carrier: "cainiao", leg: 0, source: "user" },
      { number: "3sab12345678901", carrier: "postnl", leg: 1, source: "user" },
    ]);
    expect(numbers?.map((n) => [n.number, n.carrier, n.leg, n.source])).toEqual([
      ["LP00123456789012", "cainiao", 0, "user"],
      ["3SAB12345678901", "postnl", 1, "handover"],
    ]);
  });

  it("takes a number given twice in one batch once", async () => {
    const numbers = await addTrackingNumbers(t.db, "alice", order.id, [
      { number: "LP00123456789012", source: "user" },
      { number: "lp00123456789012", source: "email" },
    ]);
    expect(numbers?.map((n) => [n.number, n.source])).toEqual([["LP00123456789012", "user"]]);
  });

  it("another user's order takes no number and shows none", async () => {
    await addTrackingNumbers(t.db, "alice", order.id, [{ number: "LP00123456789012", source: "user" }]);
    expect(await addTrackingNumbers(t.db, "bob", order.id, [{ number: "RR123456785CN", source: "user" }])).toBeNull();
    expect(await listTrackingNumbers(t.db, "bob", order.id)).toEqual([]);
    expect((await listTrackingNumbers(t.db, "alice", order.id)).map((n) => n.number)).toEqual(["LP00123456789012"]);
  });
});

describe("tracking events", () => {
  it("stores a history once: pasting it again, or a provider sending it again, adds nothing", async () => {
    await addTrackingNumbers(t.db, "alice", order.id, [{ number: "LP00123456789012", source: "user" }]);
    const first = await addTrackingEvents(t.db, "alice", order.id, history);
    expect(first?.added).toHaveLength(3);
    expect(first?.duplicates).toBe(0);

    const again = await addTrackingEvents(t.db, "alice", order.id, [
      ...history,
      // The same event as a provider reports it: other spacing, case, time notation and source.
      {
        at: "2026-03-04T09:00:00+01:00",
        text: "  DEPARTURE from outward   office of exchange",
        source: "provider",
        milestone: "departed_origin",
        trackingNumber: "lp00123456789012",
      },
    ]);
    expect(again).toEqual({ added: [], duplicates: 4 });
    expect(await listTrackingEvents(t.db, "alice", order.id)).toHaveLength(3);
  });

  it("two writers racing with the same event store it once", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => writeTransaction(t.db, (trx) => addTrackingEvents(trx, "alice", order.id, history.slice(0, 1)))),
    );
    expect(results.map((r) => r?.added.length).sort()).toEqual([0, 0, 1]);
    expect(await listTrackingEvents(t.db, "alice", order.id)).toHaveLength(1);
  });

  it("the same text at another time, or on another number, is a new event", async () => {
    const [e] = history;
    const result = await addTrackingEvents(t.db, "alice", order.id, [
      e,
      { ...e, at: "2026-03-05T08:00:00Z" },
      { ...e, trackingNumber: "RR123456785CN" },
      { ...e, at: null },
    ]);
    expect(result?.added).toHaveLength(4);
  });

  it("lists events newest first with their tracking number, events without a time last", async () => {
    await addTrackingNumbers(t.db, "alice", order.id, [
      { number: "LP00123456789012", source: "user" },
      { number: "3SAB12345678901", leg: 1, source: "handover" },
    ]);
    await addTrackingEvents(t.db, "alice", order.id, [
      ...history,
      { at: null, text: "Parcel is being processed", source: "manual", milestone: "unknown" },
    ]);
    const events = await listTrackingEvents(t.db, "alice", order.id);
    expect(events.map((e) => [e.occurred_at, e.tracking_number])).toEqual([
      ["2026-03-11T09:15:00.000Z", "3SAB12345678901"],
      ["2026-03-09T14:30:00.000Z", "LP00123456789012"],
      ["2026-03-04T08:00:00.000Z", "LP00123456789012"],
      [null, null],
    ]);
  });

  it("keeps the provider's raw event as JSON", async () => {
    const raw = { time_iso: "2026-03-04T16:00:00+08:00", description: "Departure", stage: "InTransit" };
    const result = await addTrackingEvents(t.db, "alice", order.id, [{ ...history[0], source: "provider", raw }]);
    expect(JSON.parse(result?.added[0].raw ?? "null")).toEqual(raw);
  });

  it("another user's order takes no event and shows none", async () => {
    await addTrackingEvents(t.db, "alice", order.id, history);
    expect(await addTrackingEvents(t.db, "bob", order.id, history)).toBeNull();
    expect(await listTrackingEvents(t.db, "bob", order.id)).toEqual([]);
    expect(await listTrackingEvents(t.db, "alice", order.id)).toHaveLength(3);
  });

  it("refuses a malformed event with a sentence naming the field, storing none of the batch", async () => {
    const bad = [history[0], { ...history[1], at: "9 March" }];
    await expect(addTrackingEvents(t.db, "alice", order.id, bad)).rejects.toThrow(
      "tracking events not saved: 1.at must be an ISO-8601 date and time",
    );
    expect(await listTrackingEvents(t.db, "alice", order.id)).toEqual([]);
  });
});
