/**
 * Issue 7's "done when": a person gets the reminders of an example order in the app, in a
 * subscribed calendar (the .ics validates) and by e-mail — through the real engine, storage,
 * sweep and SMTP server.
 */
import ICAL from "ical.js";
import { expect, it } from "vitest";
import { countUnreadNotifications, listNotifications, revokeCalendarFeeds } from "../../../db/queries/reminders.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { feedCalendar, orderCalendar, regenerateCalendarFeed } from "../../../app/reminders/calendar-feed.server.ts";
import { replanStoredOrder, replanUserReminders } from "../../../app/reminders/replan.server.ts";
import { loadSweepConfig } from "../../../app/reminders/sweep-config.server.ts";
import { runSweep } from "../../../app/reminders/sweep.server.ts";
import { addUser } from "./reminder-db.ts";
import { useSweepTestBed } from "./test-bed.ts";

const bed = useSweepTestBed();
const APP_URL = "https://claimtrail.test";

it("delivers an example order's reminders in the app, by e-mail and in the calendar feed", async () => {
  const { db } = bed.t;
  const userId = await addUser(db, { email: "ana@buyer.example", channels: ["app", "email"], timeZone: "Europe/Paris" });
  const ordered = new Date("2026-03-01T10:00:00Z");
  const order = await createOrder(
    db,
    userId,
    {
      platform: "aliexpress",
      ordered_at: ordered.toISOString(),
      shipped_at: "2026-03-03T10:00:00Z",
      protection_ends_at: "2026-04-20T22:00:00Z",
      item: "Bluetooth earbuds",
      order_number: "8123456789",
    },
    ordered,
  );

  const planned = await replanUserReminders(db, { userId, now: ordered, messageDomain: "claimtrail.test" });
  expect(planned.orders).toBe(1);
  expect(planned.inserted).toBeGreaterThan(0);
  // Re-planning the same facts at the same time changes nothing.
  expect(await replanUserReminders(db, { userId, now: ordered, messageDomain: "claimtrail.test" })).toMatchObject({ inserted: 0, cancelled: 0 });

  const rows = await db.selectFrom("reminders").selectAll().where("order_id", "=", order.id).execute();
  const protection = rows.filter((r) => r.deadline_due === "2026-04-20T22:00:00.000Z" && r.kind === "ahead" && r.channel === "email");
  // 7, 3 and 1 days before 2026-04-21 00:00 Paris time, at 09:00 Paris time (CEST).
  expect(protection.map((r) => r.due_at).sort()).toEqual(["2026-04-14T07:00:00.000Z", "2026-04-18T07:00:00.000Z", "2026-04-20T07:00:00.000Z"]);

  // The sweep on the morning of the 1-day reminder sends everything due by then.
  const config = { ...loadSweepConfig({ SMTP_URL: bed.mailbox.url, APP_URL }), replanEveryMs: 0 };
  const stats = await runSweep(db, { config, clock: () => new Date("2026-04-20T07:00:00Z") });
  const dueByThen = rows.filter((r) => r.due_at <= "2026-04-20T07:00:00.000Z");
  expect(stats.sent).toBe(dueByThen.length);
  expect(stats.failed).toBe(0);

  const mails = bed.mailbox.messages.filter((m) => m.subject.includes("1 day left"));
  expect(mails.length).toBeGreaterThan(0);
  expect(mails[0]!.to).toEqual(["ana@buyer.example"]);
  expect(mails[0]!.text).toContain(`${APP_URL}/orders/${order.id}`);
  expect(await countUnreadNotifications(db, userId)).toBe(dueByThen.filter((r) => r.channel === "app").length);
  expect((await listNotifications(db, userId)).every((n) => n.link === `/orders/${order.id}`)).toBe(true);

  // The calendar: the order's download and the subscribed feed both parse and carry the deadline.
  const single = await orderCalendar(db, { userId, orderId: order.id, now: ordered, appUrl: APP_URL });
  const token = await regenerateCalendarFeed(db, userId, ordered);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const feed = await feedCalendar(db, { token, now: ordered, appUrl: APP_URL });
  for (const text of [single!, feed!]) {
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const protectionEvent = events.find((e) => e.startDate.toJSDate().toISOString() === "2026-04-20T22:00:00.000Z");
    expect(protectionEvent, text).toBeDefined();
    expect(protectionEvent!.summary).toContain("Bluetooth earbuds");
    expect(protectionEvent!.description).toContain(`${APP_URL}/orders/${order.id}`);
  }

  // Someone else's order gives no calendar; a regenerated token retires the old one; revoked → nothing.
  const stranger = await addUser(db);
  expect(await orderCalendar(db, { userId: stranger, orderId: order.id, now: ordered, appUrl: APP_URL })).toBeNull();
  const newer = await regenerateCalendarFeed(db, userId, ordered);
  expect(await feedCalendar(db, { token, now: ordered, appUrl: APP_URL })).toBeNull();
  expect(await feedCalendar(db, { token: newer, now: ordered, appUrl: APP_URL })).not.toBeNull();
  await revokeCalendarFeeds(db, userId, ordered);
  expect(await feedCalendar(db, { token: newer, now: ordered, appUrl: APP_URL })).toBeNull();
});

it("cancels the pending reminders when the buyer closes the case", async () => {
  const { db } = bed.t;
  const userId = await addUser(db, { channels: ["email"] });
  const now = new Date("2026-03-01T10:00:00Z");
  const order = await createOrder(
    db,
    userId,
    { platform: "aliexpress", ordered_at: now.toISOString(), protection_ends_at: "2026-04-20T22:00:00Z" },
    now,
  );
  await replanUserReminders(db, { userId, now, messageDomain: "claimtrail.test" });
  const pendingBefore = await db.selectFrom("reminders").select("id").where("order_id", "=", order.id).where("status", "=", "pending").execute();
  expect(pendingBefore.length).toBeGreaterThan(0);
  await db
    .insertInto("reports")
    .values({
      id: "r1",
      order_id: order.id,
      kind: "closed",
      at: "2026-03-05T10:00:00.000Z",
      note: null,
      reference: null,
      data: null,
      created_at: "2026-03-05T10:00:00.000Z",
    })
    .execute();
  await db.updateTable("orders").set({ snapshot: null }).where("id", "=", order.id).execute();
  expect(await replanStoredOrder(db, { userId, orderId: order.id, now: new Date("2026-03-05T10:00:00Z"), messageDomain: "claimtrail.test" })).toBe(
    true,
  );
  const pending = await db.selectFrom("reminders").select("id").where("order_id", "=", order.id).where("status", "=", "pending").execute();
  expect(pending).toEqual([]);
});
