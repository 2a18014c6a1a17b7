/** A migrated SQLite file of its own per test, with builders for people, orders and due reminders. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase, type DB } from "../../../db/client.server.ts";
import { messageIdFor, saveReminderPreferences } from "../../../db/queries/reminders.server.ts";

export interface TestDb {
  db: DB;
  file: string;
  close(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-reminders-"));
  const file = join(dir, "test.sqlite");
  const { db } = openDatabase(file);
  await migrateToLatest(db);
  return {
    db,
    file,
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const T0 = "2026-03-01T00:00:00.000Z";

export async function addUser(
  db: DB,
  options: { email?: string; timeZone?: string; channels?: string[]; webhookUrl?: string | null; webhookSecret?: string | null } = {},
): Promise<string> {
  const id = randomUUID();
  const email = options.email ?? `${id.slice(0, 8)}@buyer.example`;
  await db
    .insertInto("users")
    .values({ id, email, password_hash: "x", time_zone: options.timeZone ?? "UTC", created_at: T0, updated_at: T0 })
    .execute();
  if (options.channels || options.webhookUrl) {
    await saveReminderPreferences(
      db,
      id,
      {
        channels: options.channels ?? ["app", "email"],
        leadDays: [7, 3, 1],
        sendTime: "09:00",
        quietHours: null,
        timeZone: options.timeZone ?? "UTC",
        email,
        webhookUrl: options.webhookUrl ?? null,
        webhookSecret: options.webhookSecret ?? null,
      },
      new Date(T0),
    );
  }
  return id;
}

export async function addOrder(db: DB, userId: string, id: string = randomUUID()): Promise<string> {
  await db
    .insertInto("orders")
    .values({
      id,
      user_id: userId,
      platform: "aliexpress",
      platform_name: null,
      order_number: null,
      ordered_at: T0,
      shipped_at: null,
      item: "Phone case",
      seller: null,
      amount_value: null,
      currency: null,
      payment_method: null,
      card_network: null,
      protection_ends_at: null,
      promised_delivery_at: null,
      estimated_delivery_earliest: null,
      estimated_delivery_latest: null,
      time_zone: null,
      snapshot: null,
      snapshot_version: null,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  return id;
}

/** Due reminders written directly (the planner is tested on its own): `count` per channel. */
export async function addDueReminders(
  db: DB,
  args: { userId: string; orderId: string; count: number; channel: "app" | "email" | "webhook"; dueAt?: string; prefix?: string },
): Promise<string[]> {
  const keys: string[] = [];
  const rows = [];
  for (let i = 0; i < args.count; i++) {
    const key = `${args.orderId}:${args.prefix ?? "deadline"}-${i}:ahead-1d:${args.dueAt ?? T0}:${args.channel}`;
    keys.push(key);
    rows.push({
      id: randomUUID(),
      key,
      order_id: args.orderId,
      user_id: args.userId,
      subject: `${args.prefix ?? "deadline"}-${i}`,
      kind: "ahead",
      lead_days: 1,
      channel: args.channel,
      due_at: args.dueAt ?? T0,
      title: `Open a dispute (${i})`,
      reason: "The protection window ends.",
      source: "buyer's guide",
      deadline_due: "2026-03-02T09:00:00.000Z",
      status: "pending",
      attempts: 0,
      next_attempt_at: args.dueAt ?? T0,
      message_id: messageIdFor(key, "claimtrail.test"),
      created_at: T0,
      updated_at: T0,
    });
  }
  for (let i = 0; i < rows.length; i += 30)
    await db
      .insertInto("reminders")
      .values(rows.slice(i, i + 30))
      .execute();
  return keys;
}
