import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createOrder,
  deleteOrder,
  getOrder,
  listOrders,
  loadOrderSnapshot,
  saveOrderSnapshot,
  updateOrder,
} from "../../../db/queries/orders.server.ts";
import { addReport } from "../../../db/queries/reports.server.ts";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { id: "alice" });
  await insertUser(t.db, { id: "bob" });
});
afterEach(async () => {
  await t.close();
});

describe("orders are their owner's only", () => {
  it("creates an order with normalised values and reads it back for its owner", async () => {
    const order = await createOrder(
      t.db,
      "alice",
      orderFields({ ordered_at: "2026-03-01T11:00:00+01:00", currency: "eur" }),
      new Date("2026-03-02T08:00:00Z"),
    );
    expect(order).toMatchObject({
      user_id: "alice",
      platform: "aliexpress",
      ordered_at: "2026-03-01T10:00:00.000Z",
      currency: "EUR",
      created_at: "2026-03-02T08:00:00.000Z",
    });
    expect(await getOrder(t.db, "alice", order.id)).toEqual(order);
  });

  it("refuses malformed fields, naming the field", async () => {
    await expect(createOrder(t.db, "alice", orderFields({ ordered_at: "last Tuesday" }))).rejects.toThrow(
      "order not saved: ordered_at must be an ISO-8601 date and time with a time zone",
    );
    await expect(createOrder(t.db, "alice", orderFields({ amount_value: "12,34" }))).rejects.toThrow(/amount_value/);
    await expect(createOrder(t.db, "alice", orderFields({ platform: "etsy" as never }))).rejects.toThrow(/platform/);
    expect(await listOrders(t.db, "alice")).toEqual([]);
  });

  it("lists only the user's orders, newest first", async () => {
    const first = await createOrder(t.db, "alice", orderFields({ order_number: "A1" }), new Date("2026-03-01T00:00:00Z"));
    const second = await createOrder(t.db, "alice", orderFields({ order_number: "A2" }), new Date("2026-03-02T00:00:00Z"));
    await createOrder(t.db, "bob", orderFields({ order_number: "B1" }));
    expect((await listOrders(t.db, "alice")).map((o) => o.id)).toEqual([second.id, first.id]);
    expect((await listOrders(t.db, "alice", { limit: 1 })).map((o) => o.id)).toEqual([second.id]);
  });

  it("another user's order id reads as null and cannot be changed, deleted or snapshotted", async () => {
    const order = await createOrder(t.db, "alice", orderFields());
    expect(await getOrder(t.db, "bob", order.id)).toBeNull();
    expect(await updateOrder(t.db, "bob", order.id, { item: "stolen" })).toBeNull();
    expect(await deleteOrder(t.db, "bob", order.id)).toBe(false);
    expect(await saveOrderSnapshot(t.db, "bob", order.id, { value: "delivered" }, 1)).toBe(false);
    expect(await getOrder(t.db, "alice", order.id)).toEqual(order);
  });

  it("updates only the given fields and the update time", async () => {
    const order = await createOrder(t.db, "alice", orderFields(), new Date("2026-03-01T00:00:00Z"));
    const updated = await updateOrder(t.db, "alice", order.id, { item: "HDMI cable", protection_ends_at: null }, new Date("2026-03-05T00:00:00Z"));
    expect(updated).toEqual({ ...order, item: "HDMI cable", protection_ends_at: null, updated_at: "2026-03-05T00:00:00.000Z" });
  });

  it("deleting an order removes its numbers, events and reports with it", async () => {
    const order = await createOrder(t.db, "alice", orderFields());
    const kept = await createOrder(t.db, "alice", orderFields({ order_number: "kept" }));
    for (const o of [order, kept]) {
      await addTrackingNumbers(t.db, "alice", o.id, [{ number: "LP00123456789012", source: "user" }]);
      await addTrackingEvents(t.db, "alice", o.id, [
        { at: "2026-03-04T08:00:00Z", text: "Accepted", source: "paste", milestone: "picked_up", trackingNumber: "LP00123456789012" },
      ]);
      await addReport(t.db, "alice", o.id, { kind: "not_received", at: "2026-04-01T00:00:00Z" });
    }
    expect(await deleteOrder(t.db, "alice", order.id)).toBe(true);
    for (const table of ["tracking_numbers", "tracking_events", "reports"] as const) {
      const rows = await t.db.selectFrom(table).select("order_id").execute();
      expect(rows.map((r) => r.order_id)).toEqual([kept.id]);
    }
    expect(await deleteOrder(t.db, "alice", order.id)).toBe(false);
  });
});

describe("the snapshot cache", () => {
  it("is returned only for the machine version that wrote it", async () => {
    const order = await createOrder(t.db, "alice", orderFields());
    const snapshot = { value: { parcel: "in_transit" }, context: { n: 1 } };
    expect(await saveOrderSnapshot(t.db, "alice", order.id, snapshot, 3)).toBe(true);
    expect(await loadOrderSnapshot(t.db, "alice", order.id, 3)).toEqual(snapshot);
    expect(await loadOrderSnapshot(t.db, "alice", order.id, 4)).toBeNull();
    expect(await loadOrderSnapshot(t.db, "bob", order.id, 3)).toBeNull();
  });

  it("is dropped when the order's facts change, so a stale state is never served", async () => {
    const order = await createOrder(t.db, "alice", orderFields());
    const changes = [
      () => updateOrder(t.db, "alice", order.id, { item: "changed" }),
      () => addTrackingNumbers(t.db, "alice", order.id, [{ number: "LP00123456789012", source: "user" }]),
      () => addTrackingEvents(t.db, "alice", order.id, [{ at: null, text: "Delivered", source: "manual", milestone: "delivered" }]),
      () => addReport(t.db, "alice", order.id, { kind: "received", at: "2026-04-01T00:00:00Z" }),
    ];
    for (const change of changes) {
      await saveOrderSnapshot(t.db, "alice", order.id, { value: "cached" }, 1);
      await change();
      expect(await loadOrderSnapshot(t.db, "alice", order.id, 1)).toBeNull();
    }
  });
});
