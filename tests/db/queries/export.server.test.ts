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
    .values({
      id: `secret-session-of-${userId}`,
      user_id: userId,
      created_at: "2026-03-01T00:00:00.000Z",
      expires_at: "2026-04-01T00:00:00.000Z",
      user_agent: "Firefox",
    })
    .execute();
  const order = await createOrder(t.db, userId, orderFields({ item: `item of ${label}` }));
  await addTrackingNumbers(t.db, userId, order.id, [{ number: `LP${label}0000000001`, source: "user" }]);
  await addTrackingEvents(t.db, userId, order.id, [
    { at: "2026-03-04T08:00:00Z", text: `event of ${label}`, source: "provider", milestone: "in_transit", raw: { label } },
  ]);
  await addReport(t.db, userId, order.id, {
    kind: "checklist_step",
    at: "2026-04-01T00:00:00Z",
    note: `report of ${label}`,
    data: { step: "photos" },
  });
  const at = "2026-03-05T00:00:00.000Z";
  await t.db
    .insertInto("provider_trackings")
    .values({
      id: `pt-${label}`,
      order_id: order.id,
      tracking_number: `LP${label}0000000001`,
      provider: "17track",
      registered_at: at,
      last_refreshed_at: null,
      next_refresh_at: at,
      failures: 0,
      last_error: null,
      last_error_kind: null,
      created_at: at,
    })
    .execute();
  await t.db
    .insertInto("reminder_preferences")
    .values({
      user_id: userId,
      channels: '["app","webhook"]',
      lead_days: "[7,3,1]",
      send_time: "09:00",
      quiet_start: null,
      quiet_end: null,
      time_zone: "Europe/Paris",
      email: null,
      webhook_url: `https://hooks.example/${label}`,
      webhook_secret: `whsec-${label}`,
      updated_at: at,
    })
    .execute();
  await t.db
    .insertInto("reminders")
    .values({
      id: `r-${label}`,
      key: `key-${label}`,
      order_id: order.id,
      user_id: userId,
      subject: "protection_ends",
      kind: "ahead",
      lead_days: 7,
      channel: "app",
      due_at: at,
      title: `reminder of ${label}`,
      reason: null,
      source: null,
      deadline_due: null,
      status: "pending",
      lease_owner: `worker-${label}`,
      lease_expires_at: null,
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      message_id: `<m-${label}@claimtrail>`,
      sent_at: null,
      resolved_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await t.db
    .insertInto("notifications")
    .values({
      id: `n-${label}`,
      user_id: userId,
      order_id: order.id,
      reminder_key: `key-${label}`,
      title: `notice of ${label}`,
      body: "…",
      link: `/orders/${order.id}`,
      created_at: at,
      read_at: null,
    })
    .execute();
  await t.db
    .insertInto("calendar_feeds")
    .values({ id: `c-${label}`, user_id: userId, token_hash: `tokenhash-${label}`, created_at: at, revoked_at: null })
    .execute();
  await t.db
    .insertInto("evidence_files")
    .values({
      id: `e-${label}`,
      order_id: order.id,
      user_id: userId,
      original_name: `photo of ${label}.jpg`,
      stored_name: `storedname-${label}.jpg`,
      content_type: "image/jpeg",
      bytes: 1234,
      sha256: `sha-${label}`.padEnd(64, "0"),
      width: 640,
      height: 480,
      uploaded_at: at,
      checklist_step: "photos",
      note: `evidence note of ${label}`,
    })
    .execute();
  await t.db
    .insertInto("order_drafts")
    .values({ id: `d-${label}`, user_id: userId, step: "facts", data: JSON.stringify({ item: `draft of ${label}` }), created_at: at, updated_at: at })
    .execute();
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

    expect(order.provider_trackings).toMatchObject([{ tracking_number: "LPALICE0000000001", provider: "17track" }]);
    expect(data?.reminder_preferences).toMatchObject({ webhook_url: "https://hooks.example/ALICE", lead_days: "[7,3,1]" });
    expect(data?.reminders).toMatchObject([{ id: "r-ALICE", title: "reminder of ALICE", order_id: orderId }]);
    expect(data?.notifications).toMatchObject([{ id: "n-ALICE", title: "notice of ALICE" }]);
    expect(data?.calendar_feeds).toEqual([{ id: "c-ALICE", created_at: "2026-03-05T00:00:00.000Z", revoked_at: null }]);

    expect(order.evidence_files).toEqual([
      {
        id: "e-ALICE",
        original_name: "photo of ALICE.jpg",
        content_type: "image/jpeg",
        bytes: 1234,
        sha256: "sha-ALICE".padEnd(64, "0"),
        width: 640,
        height: 480,
        uploaded_at: "2026-03-05T00:00:00.000Z",
        checklist_step: "photos",
        note: "evidence note of ALICE",
      },
    ]);
    expect(data?.order_drafts).toEqual([
      {
        id: "d-ALICE",
        step: "facts",
        data: { item: "draft of ALICE" },
        created_at: "2026-03-05T00:00:00.000Z",
        updated_at: "2026-03-05T00:00:00.000Z",
      },
    ]);

    const text = JSON.stringify(data);
    expect(text).not.toMatch(/whsec|tokenhash|worker-ALICE|storedname/);
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
    for (const table of ["sessions", "reminder_preferences", "calendar_feeds"] as const) {
      expect(await t.db.selectFrom(table).select("user_id").execute()).toEqual([{ user_id: "bob" }]);
    }
    for (const table of ["orders", "tracking_numbers", "tracking_events", "reports", "provider_trackings", "reminders", "notifications"] as const) {
      const ids = await t.db
        .selectFrom(table)
        .select(table === "orders" ? "id" : "order_id")
        .execute();
      expect(ids.map((r) => Object.values(r)[0])).toEqual([bobsOrder]);
    }
    expect(t.sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(await deleteUser(t.db, "alice")).toBe(false);
  });
});
