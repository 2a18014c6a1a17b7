/**
 * The reminder pages and calendar addresses, through the real server (built app, its own SQLite
 * file): who may see what, the settings form without JavaScript, and revoked feed tokens.
 */
import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "../server/http-client.ts";
import { seedOrder, userIdOf, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";

let server: RunningServer;
let owner: Client;
let other: Client;
let ownerEmail: string;
let orderId: string;

beforeAll(async () => {
  server = await startServer({ env: { REMINDER_REPLAN_MS: "0" } });
  const a = await signedUpClient(server.url, "owner");
  const b = await signedUpClient(server.url, "other");
  owner = a.client;
  other = b.client;
  ownerEmail = a.email;
  orderId = await seedOrder(server.dbFile, a.email, {
    item: "Bluetooth earbuds",
    shipped_at: "2026-03-03T10:00:00Z",
    protection_ends_at: "2026-12-20T22:00:00Z",
  });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
}

async function feedUrlFrom(res: Response): Promise<string> {
  const html = await res.text();
  const match = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(html);
  if (!match) throw new Error(`no feed address in the page (status ${res.status})`);
  return `/calendar/${match[1]}.ics`;
}

describe("/orders/:id/calendar.ics", () => {
  it("gives the owner a valid calendar of the order's deadlines", async () => {
    const res = await owner.get(`/orders/${orderId}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="claimtrail-order-/);
    const list = events(await res.text());
    const protection = list.find((e) => e.startDate.toJSDate().toISOString() === "2026-12-20T22:00:00.000Z");
    expect(protection?.summary).toContain("Bluetooth earbuds");
    expect(protection?.description).toContain(`${server.url}/orders/${orderId}`);
  });

  it("answers 404 to another person and for an unknown id, and sends a visitor to log in", async () => {
    const res = await other.get(`/orders/${orderId}/calendar.ics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Bluetooth earbuds");
    expect((await owner.get(`/orders/${randomUUID()}/calendar.ics`)).status).toBe(404);
    const anonymous = await new Client(server.url).get(`/orders/${orderId}/calendar.ics`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("/calendar/:token.ics", () => {
  it("serves the feed for a fresh token, and 404 once it is revoked or regenerated", async () => {
    const first = await feedUrlFrom(await owner.post("/settings/reminders", { intent: "feed-regenerate" }));
    const anyone = new Client(server.url); // calendar apps poll without a session
    const ok = await anyone.get(first);
    expect(ok.status).toBe(200);
    expect(events(await ok.text()).some((e) => e.summary.includes("Bluetooth earbuds"))).toBe(true);

    const second = await feedUrlFrom(await owner.post("/settings/reminders", { intent: "feed-regenerate" }));
    expect(second).not.toBe(first);
    expect((await anyone.get(first)).status).toBe(404);
    expect((await anyone.get(second)).status).toBe(200);

    const revoked = await owner.post("/settings/reminders", { intent: "feed-revoke" });
    expect(revoked.status).toBe(200);
    const gone = await anyone.get(second);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/revoked/);
  });

  it("answers 404 to made-up tokens and other file names", async () => {
    const anyone = new Client(server.url);
    expect((await anyone.get(`/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await anyone.get("/calendar/short.ics")).status).toBe(404);
    expect((await anyone.get(`/calendar/${"A".repeat(43)}`)).status).toBe(404);
  });

  it("does not show another person's orders in one's own feed", async () => {
    const feed = await feedUrlFrom(await other.post("/settings/reminders", { intent: "feed-regenerate" }));
    const text = await (await new Client(server.url).get(feed)).text();
    expect(events(text)).toHaveLength(0);
  });
});

describe("/settings/reminders", () => {
  it("explains what to fix with a 400 and keeps the stored settings", async () => {
    const res = await owner.post("/settings/reminders", {
      intent: "save",
      channels: "email",
      leadDays: "7, banana",
      sendTime: "25:00",
      timeZone: "Mars/Olympus",
      email: "",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Give whole numbers of days from 0 to 60");
    expect(html).toContain("Give the time to send reminders as HH:MM");
    expect(html).toContain("That is not a time zone we know");
    const saved = await withDb(server.dbFile, async (db) => db.selectFrom("reminder_preferences").selectAll().execute());
    expect(saved.filter((p) => p.time_zone === "Mars/Olympus")).toEqual([]);
  });

  it("saves without JavaScript (a plain form post) and re-plans the person's reminders", async () => {
    const form = new URLSearchParams([
      ["intent", "save"],
      ["channels", "app"],
      ["channels", "webhook"],
      ["leadDays", "10, 2"],
      ["sendTime", "08:30"],
      ["timeZone", "America/New_York"],
      ["quietStart", "22:00"],
      ["quietEnd", "07:00"],
      ["email", ownerEmail],
      ["webhookUrl", "https://ntfy.example/claimtrail"],
      ["webhookSecret", ""],
    ]);
    // Repeated names (two ticked channels) as a browser sends them; the helper's form takes one each.
    const saved = await fetch(server.url + "/settings/reminders", {
      method: "POST",
      headers: { Cookie: owner.cookie!, Origin: server.url, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved. Reminders for 1 order follow your new settings.");

    await withDb(server.dbFile, async (db) => {
      const userId = await userIdOf(db, ownerEmail);
      const prefs = await db.selectFrom("reminder_preferences").selectAll().where("user_id", "=", userId).executeTakeFirstOrThrow();
      expect(JSON.parse(prefs.channels)).toEqual(["app", "webhook"]);
      expect(JSON.parse(prefs.lead_days)).toEqual([10, 2]);
      expect(prefs.webhook_secret).toMatch(/^[A-Za-z0-9_-]{32}$/); // made for the person
      const reminders = await db.selectFrom("reminders").selectAll().where("order_id", "=", orderId).where("status", "=", "pending").execute();
      const ahead = reminders.filter((r) => r.deadline_due === "2026-12-20T22:00:00.000Z" && r.kind === "ahead" && r.channel === "app");
      // 10 and 2 days before 2026-12-20 17:00 in New York, at 08:30 EST (13:30 UTC).
      expect(ahead.map((r) => r.due_at).sort()).toEqual(["2026-12-10T13:30:00.000Z", "2026-12-18T13:30:00.000Z"]);
      expect(reminders.some((r) => r.channel === "email")).toBe(false);
    });
  });
});

describe("/notifications", () => {
  it("lists the person's notifications with the unread count, and marks one read", async () => {
    const id = randomUUID();
    await withDb(server.dbFile, async (db) => {
      await db
        .insertInto("notifications")
        .values({
          id,
          user_id: await userIdOf(db, ownerEmail),
          order_id: orderId,
          reminder_key: `test-${id}`,
          title: "Buyer protection ends: 3 days left",
          body: "Open a dispute before it ends.",
          link: `/orders/${orderId}`,
          created_at: new Date().toISOString(),
          read_at: null,
        })
        .execute();
    });
    const page = await owner.get("/notifications");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Buyer protection ends: 3 days left");
    expect(html).toMatch(/1 unread/);
    expect(html).toContain(`href="/orders/${orderId}"`);

    // Someone else cannot see it or mark it.
    expect(await (await other.get("/notifications")).text()).not.toContain("Buyer protection ends: 3 days left");
    expect((await other.post("/notifications", { intent: "read", id })).status).toBe(404);

    expect((await owner.post("/notifications", { intent: "read", id })).status).toBe(200);
    const after = await (await owner.get("/notifications")).text();
    expect(after).not.toMatch(/\d+ unread/);
  });

  it("puts the unread count in the header's Notifications link on every page, in words", async () => {
    // A person of their own: nothing plans reminders for them, so only these rows count.
    const { client: reader, email } = await signedUpClient(server.url, "reader");
    const readerOrder = await seedOrder(server.dbFile, email, { item: "Desk lamp" });
    const header = async (client: Client) => {
      const html = await (await client.get("/orders")).text();
      return html.match(/<a[^>]*href="\/notifications"[^>]*>(.*?)<\/a>/s)?.[1]?.replace(/<[^>]+>/g, "") ?? null;
    };
    expect(await header(reader)).toBe("Notifications");
    const ids = [randomUUID(), randomUUID()];
    await withDb(server.dbFile, async (db) => {
      const userId = await userIdOf(db, email);
      for (const id of ids) {
        await db
          .insertInto("notifications")
          .values({
            id,
            user_id: userId,
            order_id: readerOrder,
            reminder_key: `header-${id}`,
            title: "Dispute window closes soon",
            body: "Open a dispute.",
            link: `/orders/${readerOrder}`,
            created_at: new Date().toISOString(),
            read_at: null,
          })
          .execute();
      }
    });
    expect(await header(reader)).toBe("Notifications (2 unread)");
    expect(await header(other)).toBe("Notifications");
    expect((await reader.post("/notifications", { intent: "read", id: ids[0]! })).status).toBe(200);
    expect(await header(reader)).toBe("Notifications (1 unread)");
  });

  it("shows reminders that could not be delivered, to their owner only", async () => {
    await withDb(server.dbFile, async (db) => {
      const now = new Date().toISOString();
      await db
        .insertInto("reminders")
        .values({
          id: randomUUID(),
          key: `failed-${randomUUID()}`,
          order_id: orderId,
          user_id: await userIdOf(db, ownerEmail),
          subject: "protection_ends",
          kind: "ahead",
          lead_days: 3,
          channel: "email",
          due_at: now,
          title: "Buyer protection ends",
          reason: null,
          source: null,
          deadline_due: null,
          status: "failed",
          attempts: 1,
          next_attempt_at: now,
          last_error: "mail server refused (550): 5.1.1 Mailbox unavailable",
          message_id: "<x@claimtrail.test>",
          created_at: now,
          updated_at: now,
        })
        .execute();
    });
    expect(await (await owner.get("/notifications")).text()).toContain("mail server refused (550): 5.1.1 Mailbox unavailable");
    expect(await (await other.get("/notifications")).text()).not.toContain("Mailbox unavailable");
  });

  it("sends a visitor to log in", async () => {
    const res = await new Client(server.url).get("/notifications");
    expect(res.status).toBe(302);
  });
});
