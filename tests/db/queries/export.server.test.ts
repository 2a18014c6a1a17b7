import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteUser, exportUserData } from "../../../db/queries/export.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { addReport } from "../../../db/queries/reports.server.ts";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

/** Gives the user an order with one of everything; returns the order id. */
async function fillAccount(userId: string, label: string): Promise<string> {
  await t.db
    .insertInto("sessions")
    .values({ id: `secret-session-of-${userId}`, user_id: userId, created_at: "2026-03-01T00:00:00.000Z", expires_at: "2026-04-01T00:00:00.000Z", user_agent: "Firefox" })
    .execute();
  const order = await createOrder(t.db, userId, orderFields({ item: `item of ${label}` }));
  await addTrackingNumbers(t.db, userId, order.id, [{ number: `LP${label}0000000001`, source: "user" }]);
  await addTrackingEvents(t.db, userId, order.id, [{ at: "2026-03-04T08:00:00Z", text: `event of ${label}`, source: "provider", milestone: "in_transit", raw: { label } }]);
  await addReport(t.db, userId, order.id, { kind: "checklist_step", at: "2026-04-01T00:00:00Z", note: `report of ${label}`, data: { step: "photos" } });
  return order.id;
}

describe("exportUserData", () => {
  it("contains everything of the user and nothing of anyone else, without secrets", async () => {
    await insertUser(t.db, { id: "alice", email: "alice@example.test" });
    await insertUser(t.db, { id: "bob", email: "bob@example.test" });
    const orderId = await fillAccount("alice", "ALICE");
    await fillAccount("bob", "BOB");

    const data = await exportUserData(t.db, "alice", new Date("2026-05-01T00:00:00Z"));
    expect(data).toMatchObject({
      format: "claimtrail-export",
      version: 1,
      exportedAt: "2026-05-01T00:00:00.000Z",
      user: { id: "alice", email: "alice@example.test" },
      sessions: [{ user_agent: "Firefox" }],
    });
    expect(data?.orders).toHaveLength(1);
    const [order] = data!.orders;
    expect(order).toMatchObject({ id: orderId, item: "item of ALICE" });
    expect(order.tracking_numbers.map((n) => n.number)).toEqual(["LPALICE0000000001"]);
    expect(order.tracking_events).toMatchObject([{ text: "event of ALICE", raw: { label: "ALICE" } }]);
    expect(order.reports).toMatchObject([{ note: "report of ALICE", data: { step: "photos" } }]);

    const text = JSON.stringify(data);
    expect(text).not.toMatch(/BOB|bob@/);
    expect(text).not.toContain("password");
    expect(text).not.toContain("not-a-real-hash");
    expect(text).not.toContain("secret-session");
  });

  it("is null for a user that does not exist", async () => {
    expect(await exportUserData(t.db, "nobody")).toBeNull();
  });
});

describe("deleteUser", () => {
  it("removes the user and every row of theirs, and leaves other users untouched", async () => {
    await insertUser(t.db, { id: "alice" });
    await insertUser(t.db, { id: "bob" });
    await fillAccount("alice", "ALICE");
    const bobsOrder = await fillAccount("bob", "BOB");

    expect(await deleteUser(t.db, "alice")).toBe(true);
    expect(await t.db.selectFrom("users").select("id").execute()).toEqual([{ id: "bob" }]);
    expect(await t.db.selectFrom("sessions").select("user_id").execute()).toEqual([{ user_id: "bob" }]);
    for (const table of ["orders", "tracking_numbers", "tracking_events", "reports"] as const) {
      const ids = await t.db.selectFrom(table).select(table === "orders" ? "id" : "order_id").execute();
      expect(ids.map((r) => Object.values(r)[0])).toEqual([bobsOrder]);
    }
    expect(t.sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(await deleteUser(t.db, "alice")).toBe(false);
  });
});
