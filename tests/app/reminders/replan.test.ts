import { afterEach, beforeEach, expect, it } from "vitest";
import { listOrderReminders } from "../../../db/queries/reminders.server.ts";
import { replanOrderReminders, type ReminderAssessment } from "../../../app/reminders/replan.server.ts";
import { addOrder, addUser, createTestDb, type TestDb } from "./reminder-db.ts";

let t: TestDb;
let user: string;
let order: string;
beforeEach(async () => {
  t = await createTestDb();
  user = await addUser(t.db, { channels: ["app", "email"], timeZone: "Europe/Paris" });
  order = await addOrder(t.db, user);
});
afterEach(() => t.close());

const deadline = (due: string) => ({
  id: "dispute_window_closes",
  due,
  title: "Open a dispute",
  reason: "The protection window ends.",
  source: "buyer's guide",
});

function replan(assessment: Partial<ReminderAssessment>, now: string) {
  return replanOrderReminders(t.db, {
    orderId: order,
    userId: user,
    assessment: { deadlines: [], alerts: [], case: "none", ...assessment },
    now: new Date(now),
    messageDomain: "claimtrail.test",
  });
}

async function live() {
  return (await listOrderReminders(t.db, user, order)).filter((r) => r.status === "pending");
}

it("stores the plan once: re-planning the same facts adds and cancels nothing", async () => {
  const first = await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-01T10:00:00Z");
  expect(first).toEqual({ inserted: 8, cancelled: 0 }); // (3 ahead + 1 passed) × app, email
  const again = await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-02T10:00:00Z");
  expect(again).toEqual({ inserted: 0, cancelled: 0 });
  const rows = await live();
  expect(rows.filter((r) => r.channel === "email").map((r) => r.due_at)).toEqual([
    "2026-04-03T07:00:00.000Z", // 09:00 CEST
    "2026-04-07T07:00:00.000Z",
    "2026-04-09T07:00:00.000Z",
    "2026-04-10T10:00:00.000Z",
  ]);
  expect(new Set(rows.map((r) => r.message_id)).size).toBe(rows.length);
});

it("moves the reminders when the deadline moves, cancelling the old pending ones", async () => {
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-01T10:00:00Z");
  const moved = await replan({ deadlines: [deadline("2026-04-20T10:00:00Z")] }, "2026-03-02T10:00:00Z");
  expect(moved).toEqual({ inserted: 8, cancelled: 8 });
  const rows = await live();
  expect(rows.every((r) => r.deadline_due === "2026-04-20T10:00:00Z")).toBe(true);
});

it("brings cancelled reminders back when the deadline moves back, or the case reopens", async () => {
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-01T10:00:00Z");
  await replan({ deadlines: [deadline("2026-04-20T10:00:00Z")] }, "2026-03-02T10:00:00Z");
  const back = await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-03T10:00:00Z");
  expect(back).toEqual({ inserted: 8, cancelled: 8 });
  expect((await live()).every((r) => r.deadline_due === "2026-04-10T10:00:00Z")).toBe(true);
  expect(await live()).toHaveLength(8);

  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")], case: "closed" }, "2026-03-04T10:00:00Z");
  expect(await live()).toHaveLength(0);
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")], case: "dispute_open" }, "2026-03-05T10:00:00Z");
  expect(await live()).toHaveLength(8);
});

it("keeps what was already sent when the deadline moves", async () => {
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-01T10:00:00Z");
  await t.db.updateTable("reminders").set({ status: "sent" }).where("lead_days", "=", 7).execute();
  await replan({ deadlines: [deadline("2026-04-20T10:00:00Z")] }, "2026-04-05T10:00:00Z");
  const all = await listOrderReminders(t.db, user, order);
  expect(all.filter((r) => r.status === "sent")).toHaveLength(2);
});

it("cancels everything pending when the case is closed", async () => {
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")], alerts: ["no_update"] }, "2026-03-01T10:00:00Z");
  const closed = await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")], alerts: ["no_update"], case: "closed" }, "2026-03-02T10:00:00Z");
  expect(closed.cancelled).toBe(10);
  expect(await live()).toEqual([]);
});

it("loses the reminders with the order when it is deleted", async () => {
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-01T10:00:00Z");
  await t.db.deleteFrom("orders").where("id", "=", order).execute();
  const left = await t.db.selectFrom("reminders").select("id").execute();
  expect(left).toEqual([]);
});

it("reminds of an alert once while it stays, and again when it comes back after going away", async () => {
  await replan({ alerts: ["no_update"] }, "2026-03-08T10:00:00Z");
  await replan({ alerts: ["no_update"] }, "2026-03-09T10:00:00Z");
  await replan({ alerts: ["no_update"] }, "2026-03-10T10:00:00Z");
  let rows = await listOrderReminders(t.db, user, order);
  expect(rows.map((r) => `${r.channel}@${r.due_at}`)).toEqual(["app@2026-03-08T10:00:00.000Z", "email@2026-03-08T10:00:00.000Z"]);

  await replan({ alerts: [] }, "2026-03-11T10:00:00Z"); // a new carrier event: the alert goes away
  await replan({ alerts: ["no_update"] }, "2026-03-19T10:00:00Z"); // and comes back
  rows = await listOrderReminders(t.db, user, order);
  expect(rows.filter((r) => r.channel === "email").map((r) => r.due_at)).toEqual(["2026-03-08T10:00:00.000Z", "2026-03-19T10:00:00.000Z"]);
});

it("shows one person's reminders to nobody else", async () => {
  await replan({ deadlines: [deadline("2026-04-10T10:00:00Z")] }, "2026-03-01T10:00:00Z");
  const stranger = await addUser(t.db);
  expect(await listOrderReminders(t.db, stranger, order)).toEqual([]);
});
