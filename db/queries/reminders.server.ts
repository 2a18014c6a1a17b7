/**
 * Reminder storage: preferences, planned reminders and their delivery lease, in-app
 * notifications and calendar feed tokens. Every read of a person's data is scoped by their id;
 * the sweep's claim/mark functions work across people by design (they only touch what they claimed).
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { PlannedReminder } from "../../machines/reminder-plan.ts";
import type { Database, RemindersTable } from "../schema.ts";

type Db = Kysely<Database>;
export type ReminderRow = Selectable<RemindersTable>;

// ---------------------------------------------------------------- preferences

export interface StoredReminderPreferences {
  channels: string[];
  leadDays: number[];
  sendTime: string;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  email: string | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
  /** false when the person never saved preferences and these are the defaults. */
  saved: boolean;
}

export async function getReminderPreferences(db: Db, userId: string): Promise<StoredReminderPreferences | null> {
  const row = await db
    .selectFrom("users")
    .leftJoin("reminder_preferences as p", "p.user_id", "users.id")
    .select([
      "users.email as account_email",
      "users.time_zone as account_zone",
      "p.user_id",
      "p.channels",
      "p.lead_days",
      "p.send_time",
      "p.quiet_start",
      "p.quiet_end",
      "p.time_zone",
      "p.email",
      "p.webhook_url",
      "p.webhook_secret",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.user_id) {
    return {
      channels: ["app", "email"],
      leadDays: [7, 3, 1],
      sendTime: "09:00",
      quietHours: null,
      timeZone: row.account_zone || "UTC",
      email: row.account_email,
      webhookUrl: null,
      webhookSecret: null,
      saved: false,
    };
  }
  return {
    channels: parseJsonArray(row.channels).filter((c): c is string => typeof c === "string"),
    leadDays: parseJsonArray(row.lead_days).filter((d): d is number => typeof d === "number"),
    sendTime: row.send_time ?? "09:00",
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    timeZone: row.time_zone ?? row.account_zone ?? "UTC",
    email: row.email ?? row.account_email,
    webhookUrl: row.webhook_url,
    webhookSecret: row.webhook_secret,
    saved: true,
  };
}

function parseJsonArray(text: string | null): unknown[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export async function saveReminderPreferences(db: Db, userId: string, prefs: Omit<StoredReminderPreferences, "saved">, now: Date): Promise<void> {
  const values = {
    channels: JSON.stringify(prefs.channels),
    lead_days: JSON.stringify(prefs.leadDays),
    send_time: prefs.sendTime,
    quiet_start: prefs.quietHours?.start ?? null,
    quiet_end: prefs.quietHours?.end ?? null,
    time_zone: prefs.timeZone,
    email: prefs.email,
    webhook_url: prefs.webhookUrl,
    webhook_secret: prefs.webhookSecret,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("reminder_preferences")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

// ---------------------------------------------------------------- planning state and sync

export interface OrderReminderState {
  existingKeys: Set<string>;
  /** Alert → the due time of its open (unresolved) reminder. */
  openAlerts: Record<string, string>;
}

export async function getOrderReminderState(db: Db, orderId: string): Promise<OrderReminderState> {
  const rows = await db
    .selectFrom("reminders")
    .select(["key", "kind", "subject", "due_at", "resolved_at", "status"])
    .where("order_id", "=", orderId)
    .execute();
  const openAlerts: Record<string, string> = {};
  const existingKeys = new Set<string>();
  for (const row of rows) {
    if (row.status !== "cancelled") existingKeys.add(row.key);
    if (row.kind === "alert" && row.resolved_at === null && row.status !== "cancelled") {
      const known = openAlerts[row.subject];
      if (!known || row.due_at < known) openAlerts[row.subject] = row.due_at;
    }
  }
  return { existingKeys, openAlerts };
}

export function messageIdFor(key: string, domain: string): string {
  // Deterministic: the same reminder always has the same Message-ID, so a re-send after a crash
  // is recognisable (and collapsed by many mail clients).
  const local = Buffer.from(key).toString("base64url");
  return `<reminder.${local}@${domain}>`;
}

/**
 * Makes the stored reminders of one order match the plan: inserts new keys, cancels pending ones
 * no longer planned, and closes the episode of alerts that went away. Run inside a write transaction.
 */
export async function syncOrderReminders(
  db: Db,
  args: { orderId: string; userId: string; planned: PlannedReminder[]; activeAlerts: readonly string[]; now: Date; messageDomain: string },
): Promise<{ inserted: number; cancelled: number }> {
  const now = args.now.toISOString();
  const keys = args.planned.map((p) => p.key);
  let inserted = 0;
  // SQLite caps bound parameters; 25 columns × 40 rows stays well inside it.
  for (let i = 0; i < args.planned.length; i += 40) {
    const chunk = args.planned.slice(i, i + 40);
    const result = await db
      .insertInto("reminders")
      .values(
        chunk.map((p) => ({
          id: randomUUID(),
          key: p.key,
          order_id: args.orderId,
          user_id: args.userId,
          subject: p.subject,
          kind: p.kind,
          lead_days: p.leadDays,
          channel: p.channel,
          due_at: p.dueAt,
          title: p.title,
          reason: p.reason,
          source: p.source,
          deadline_due: p.deadlineDue,
          status: "pending",
          attempts: 0,
          next_attempt_at: p.dueAt,
          message_id: messageIdFor(p.key, args.messageDomain),
          created_at: now,
          updated_at: now,
        })),
      )
      // A key cancelled earlier and planned again (a deadline moved back, a case reopened) comes
      // back to life; any other existing row is left as it is.
      .onConflict((oc) =>
        oc
          .column("key")
          .doUpdateSet((eb) => ({
            status: "pending",
            attempts: 0,
            next_attempt_at: eb.ref("excluded.next_attempt_at"),
            title: eb.ref("excluded.title"),
            reason: eb.ref("excluded.reason"),
            source: eb.ref("excluded.source"),
            deadline_due: eb.ref("excluded.deadline_due"),
            last_error: null,
            updated_at: now,
          }))
          .where("reminders.status", "=", "cancelled"),
      )
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  let cancelQuery = db
    .updateTable("reminders")
    .set({ status: "cancelled", updated_at: now, lease_owner: null, lease_expires_at: null })
    .where("order_id", "=", args.orderId)
    .where("status", "=", "pending");
  if (keys.length > 0) cancelQuery = cancelQuery.where("key", "not in", keys);
  const cancelled = await cancelQuery.executeTakeFirst();

  let resolveQuery = db
    .updateTable("reminders")
    .set({ resolved_at: now, updated_at: now })
    .where("order_id", "=", args.orderId)
    .where("kind", "=", "alert")
    .where("resolved_at", "is", null);
  if (args.activeAlerts.length > 0) resolveQuery = resolveQuery.where("subject", "not in", [...args.activeAlerts]);
  await resolveQuery.execute();

  return { inserted, cancelled: Number(cancelled.numUpdatedRows) };
}

/** A deleted order loses its reminders by cascade; this is for orders that stay but need none. */
export async function cancelOrderReminders(db: Db, orderId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("reminders")
    .set({ status: "cancelled", updated_at: now.toISOString(), lease_owner: null, lease_expires_at: null })
    .where("order_id", "=", orderId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------- the sweep's lease

/**
 * Claims up to `limit` due reminders for `owner`: pending ones whose time has come, and claimed
 * ones whose lease expired (their sweep died). Call inside writeTransaction (BEGIN IMMEDIATE) so
 * two sweeps never claim the same row.
 */
export async function claimDueReminders(db: Db, args: { owner: string; now: Date; leaseMs: number; limit: number }): Promise<ReminderRow[]> {
  const now = args.now.toISOString();
  const leaseExpiresAt = new Date(args.now.getTime() + args.leaseMs).toISOString();
  const due = db
    .selectFrom("reminders")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "claimed"), eb("lease_expires_at", "<=", now)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(args.limit);
  return db
    .updateTable("reminders")
    .set((eb) => ({
      status: "claimed",
      lease_owner: args.owner,
      lease_expires_at: leaseExpiresAt,
      attempts: eb("attempts", "+", 1),
      updated_at: now,
    }))
    .where("id", "in", due)
    .returningAll()
    .execute();
}

/** Extends this owner's leases: a slow batch keeps what it claimed instead of letting it be taken twice. */
export async function renewLeases(db: Db, args: { owner: string; now: Date; leaseMs: number }): Promise<number> {
  const result = await db
    .updateTable("reminders")
    .set({ lease_expires_at: new Date(args.now.getTime() + args.leaseMs).toISOString() })
    .where("status", "=", "claimed")
    .where("lease_owner", "=", args.owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks delivered what this owner still holds; returns how many rows it marked. */
export async function markRemindersSent(db: Db, args: { owner: string; ids: string[]; now: Date }): Promise<number> {
  if (args.ids.length === 0) return 0;
  const now = args.now.toISOString();
  let marked = 0;
  for (let i = 0; i < args.ids.length; i += 500) {
    const result = await db
      .updateTable("reminders")
      .set({ status: "sent", sent_at: now, updated_at: now, lease_owner: null, lease_expires_at: null, last_error: null })
      .where("id", "in", args.ids.slice(i, i + 500))
      .where("status", "=", "claimed")
      .where("lease_owner", "=", args.owner)
      .executeTakeFirst();
    marked += Number(result.numUpdatedRows);
  }
  return marked;
}

/** A temporary failure: back to pending, to be tried again at `nextAttemptAt`. */
export async function rescheduleReminder(db: Db, args: { owner: string; id: string; nextAttemptAt: Date; error: string; now: Date }): Promise<void> {
  await db
    .updateTable("reminders")
    .set({
      status: "pending",
      next_attempt_at: args.nextAttemptAt.toISOString(),
      last_error: args.error,
      lease_owner: null,
      lease_expires_at: null,
      updated_at: args.now.toISOString(),
    })
    .where("id", "=", args.id)
    .where("status", "=", "claimed")
    .where("lease_owner", "=", args.owner)
    .execute();
}

/** A permanent failure: stops retrying and shows in the app. */
export async function failReminder(db: Db, args: { owner: string; id: string; error: string; now: Date }): Promise<void> {
  await db
    .updateTable("reminders")
    .set({ status: "failed", last_error: args.error, lease_owner: null, lease_expires_at: null, updated_at: args.now.toISOString() })
    .where("id", "=", args.id)
    .where("status", "=", "claimed")
    .where("lease_owner", "=", args.owner)
    .execute();
}

/** Deliveries that gave up, newest first, for the notifications page. */
export async function listFailedReminders(db: Db, userId: string, limit = 20): Promise<ReminderRow[]> {
  return db
    .selectFrom("reminders")
    .selectAll()
    .where("user_id", "=", userId)
    .where("status", "=", "failed")
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
}

/** Reminders of one order, for the order page and tests. */
export async function listOrderReminders(db: Db, userId: string, orderId: string): Promise<ReminderRow[]> {
  return db
    .selectFrom("reminders")
    .selectAll()
    .where("user_id", "=", userId)
    .where("order_id", "=", orderId)
    .orderBy("due_at")
    .orderBy("key")
    .execute();
}

// ---------------------------------------------------------------- in-app notifications

export interface NewNotification {
  userId: string;
  orderId: string | null;
  reminderKey: string | null;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

/** Idempotent per reminder: delivering the same in-app reminder twice adds one notification. */
export async function insertNotifications(db: Db, notifications: NewNotification[]): Promise<void> {
  for (let i = 0; i < notifications.length; i += 100) {
    const chunk = notifications.slice(i, i + 100);
    if (chunk.length === 0) continue;
    await db
      .insertInto("notifications")
      .values(
        chunk.map((n) => ({
          id: randomUUID(),
          user_id: n.userId,
          order_id: n.orderId,
          reminder_key: n.reminderKey,
          title: n.title,
          body: n.body,
          link: n.link,
          created_at: n.createdAt.toISOString(),
          read_at: null,
        })),
      )
      .onConflict((oc) => oc.column("reminder_key").doNothing())
      .execute();
  }
}

export async function listNotifications(db: Db, userId: string, limit = 100) {
  return db.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
}

export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Returns false when the notification is not this person's (the route answers 404). */
export async function markNotificationRead(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const exists = await db.selectFrom("notifications").select("id").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (!exists) return false;
  await db
    .updateTable("notifications")
    .set({ read_at: now.toISOString() })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
  return true;
}

export async function markAllNotificationsRead(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable("notifications").set({ read_at: now.toISOString() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

// ---------------------------------------------------------------- calendar feed tokens

/** Revokes the person's feeds and stores a new one (regenerate). */
export async function replaceCalendarFeed(db: Db, userId: string, tokenHash: string, now: Date): Promise<void> {
  await revokeCalendarFeeds(db, userId, now);
  await db
    .insertInto("calendar_feeds")
    .values({ id: randomUUID(), user_id: userId, token_hash: tokenHash, created_at: now.toISOString(), revoked_at: null })
    .execute();
}

export async function revokeCalendarFeeds(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

export async function findCalendarFeedOwner(db: Db, tokenHash: string): Promise<string | null> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select("user_id")
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function getActiveCalendarFeed(db: Db, userId: string): Promise<{ createdAt: string } | null> {
  const row = await db
    .selectFrom("calendar_feeds")
    .select("created_at")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row ? { createdAt: row.created_at } : null;
}
