import { afterEach, beforeEach, expect, it } from "vitest";
import { replanAllReminders } from "../../../app/reminders/replan.server.ts";
import { turnsGivenDuring } from "../../factories/event-loop-turns.ts";
import { addOrder, addUser, createTestDb, type TestDb } from "./reminder-db.ts";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const now = new Date("2026-03-02T10:00:00Z");

async function ordersWithPendingReminders(): Promise<number> {
  const rows = await t.db.selectFrom("reminders").select("order_id").where("status", "=", "pending").distinct().execute();
  return rows.length;
}

it("re-plans every person's orders across many pages, and the same again changes nothing", async () => {
  const alice = await addUser(t.db, { channels: ["app"] });
  const bob = await addUser(t.db, { channels: ["app", "email"] });
  for (let i = 0; i < 130; i++) await addOrder(t.db, i % 2 === 0 ? alice : bob);
  const first = await replanAllReminders(t.db, { now, messageDomain: "claimtrail.test" });
  expect(first.orders).toBe(130);
  expect(first.inserted).toBeGreaterThan(0);
  expect(await ordersWithPendingReminders()).toBe(130);
  expect(await replanAllReminders(t.db, { now, messageDomain: "claimtrail.test" })).toEqual({ orders: 130, inserted: 0, cancelled: 0 });
});

it("lets other work run while it goes, instead of holding the event loop until the end", async () => {
  const alice = await addUser(t.db, { channels: ["app"] });
  for (let i = 0; i < 120; i++) await addOrder(t.db, alice);
  const { turns } = await turnsGivenDuring(() => replanAllReminders(t.db, { now, messageDomain: "claimtrail.test" }));
  // 120 orders are three pages; other work gets a turn after each one.
  expect(turns).toBeGreaterThanOrEqual(2);
});
