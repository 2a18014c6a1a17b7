import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedUpClient, type Client } from "../server/http-client.ts";
import { seedOrder, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";

/** Changes made from the web re-plan the order's reminders before the page comes back. */
let server: RunningServer;
let owner: Client;
let orderId: string;

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  // The periodic re-plan is off, so only the requests under test can plan reminders.
  server = await startServer({ env: { REMINDER_REPLAN_MS: "0", PROVIDER_REFRESH_MS: "0" } });
  const a = await signedUpClient(server.url, "reminder-owner");
  owner = a.client;
  orderId = await seedOrder(server.dbFile, a.email, { item: "Lamp", ordered_at: new Date(Date.now() - 30 * DAY).toISOString() });
});
afterAll(async () => {
  await server?.stop();
});

/** Pending reminders for the protection deadline (weeks away, so the sweep never sends them here). */
async function pendingProtection(): Promise<string[]> {
  return withDb(server.dbFile, async (db) =>
    (
      await db
        .selectFrom("reminders")
        .select("due_at")
        .where("order_id", "=", orderId)
        .where("status", "=", "pending")
        .where("subject", "=", "aliexpress-protection-ends")
        .execute()
    )
      .map((r) => r.due_at)
      .sort(),
  );
}

async function pendingPlan(): Promise<string[]> {
  return withDb(server.dbFile, async (db) =>
    (await db.selectFrom("reminders").select("key").where("order_id", "=", orderId).where("status", "=", "pending").execute())
      .map((r) => r.key)
      .sort(),
  );
}

async function pendingCount(): Promise<number> {
  return withDb(
    server.dbFile,
    async (db) => (await db.selectFrom("reminders").select("id").where("order_id", "=", orderId).where("status", "=", "pending").execute()).length,
  );
}

describe("reminders follow the order's facts", () => {
  it("plans them when the order is edited and moves them when an event moves the deadline", async () => {
    expect(await pendingProtection()).toEqual([]);
    expect((await owner.post(`/orders/${orderId}/edit`, { orderedOn: day(-30), item: "Lamp" })).status).toBe(303);
    const before = await pendingProtection();
    expect(before.length).toBeGreaterThan(0);

    // Shipping 25 days ago starts the protection period later than the order date did.
    const history = `${new Date(Date.now() - 25 * DAY).toISOString().slice(0, 16).replace("T", " ")}\nDeparted from sorting center`;
    expect((await owner.post(`/orders/${orderId}`, { intent: "add-events", history })).status).toBe(303);
    const after = await pendingProtection();
    expect(after.length).toBe(before.length);
    expect(after[0]! > before[0]!).toBe(true);
  });

  it("re-plans after an event posted to /orders/:id/events", async () => {
    const before = await pendingPlan();
    const delivered = await owner.request(`/orders/${orderId}/events`, {
      json: { text: "Delivered", occurredAt: new Date(Date.now() - DAY).toISOString() },
    });
    expect(delivered.status).toBe(201);
    expect(await pendingPlan()).not.toEqual(before);
  });

  it("cancels every pending reminder as soon as the parcel is recorded as received", async () => {
    expect(await pendingCount()).toBeGreaterThan(0);
    expect((await owner.post(`/orders/${orderId}`, { intent: "report", kind: "received" })).status).toBe(303);
    expect(await pendingCount()).toBe(0);
  });
});
