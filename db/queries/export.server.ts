/**
 * A person's data as one JSON object ("export all my data"), and erasing it ("delete my account").
 * Both are the user's own rows only; later tables add their section here, in the same shape.
 */
import type { DB } from "../client.server.ts";
import type { Selectable } from "kysely";
import type { Database, Order, Report, TrackingEvent, TrackingNumber, User } from "../schema.ts";
import { loadOrderRows } from "./order-rows.server.ts";

export const EXPORT_FORMAT = "claimtrail-export";
export const EXPORT_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface UserExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** The account without its password hash. */
  user: Omit<User, "password_hash">;
  /** Signed-in devices, without the session ids (those are bearer secrets). */
  sessions: Array<{ created_at: string; expires_at: string; user_agent: string | null }>;
  orders: OrderExport[];
  /** How and when the user wants reminders, without the webhook's signing secret. */
  reminder_preferences: ExportedRow<"reminder_preferences", typeof PREFERENCE_COLUMNS> | null;
  /** Reminders planned or sent, without the sending worker's lease. */
  reminders: Array<ExportedRow<"reminders", typeof REMINDER_COLUMNS>>;
  notifications: Array<ExportedRow<"notifications", typeof NOTIFICATION_COLUMNS>>;
  /** Calendar feeds by date only: the token hash would identify a working feed URL. */
  calendar_feeds: Array<ExportedRow<"calendar_feeds", typeof CALENDAR_FEED_COLUMNS>>;
  /** Orders started in the wizard and not created yet, with what was typed so far. */
  order_drafts: Array<Omit<ExportedRow<"order_drafts", typeof DRAFT_COLUMNS>, "data"> & { data: Json }>;
}

type ExportedRow<T extends keyof Database, C extends readonly (keyof Selectable<Database[T]> & string)[]> = Pick<Selectable<Database[T]>, C[number]>;

// Columns are listed, not `selectAll()`, so that a secret column added later stays out until
// someone decides it belongs in a person's export.
const PREFERENCE_COLUMNS = [
  "channels",
  "lead_days",
  "send_time",
  "quiet_start",
  "quiet_end",
  "time_zone",
  "email",
  "webhook_url",
  "updated_at",
] as const;
const REMINDER_COLUMNS = [
  "id",
  "order_id",
  "subject",
  "kind",
  "lead_days",
  "channel",
  "due_at",
  "title",
  "reason",
  "source",
  "deadline_due",
  "status",
  "attempts",
  "last_error",
  "sent_at",
  "resolved_at",
  "created_at",
  "updated_at",
] as const;
const NOTIFICATION_COLUMNS = ["id", "order_id", "title", "body", "link", "created_at", "read_at"] as const;
const CALENDAR_FEED_COLUMNS = ["id", "created_at", "revoked_at"] as const;
const DRAFT_COLUMNS = ["id", "step", "data", "created_at", "updated_at"] as const;
// The file's description and fingerprint, not its bytes (those are downloaded from the order's
// evidence page); the stored name is the server's own path detail.
const EVIDENCE_COLUMNS = [
  "order_id",
  "id",
  "original_name",
  "content_type",
  "bytes",
  "sha256",
  "width",
  "height",
  "uploaded_at",
  "checklist_step",
  "note",
] as const;
const PROVIDER_TRACKING_COLUMNS = [
  "order_id",
  "tracking_number",
  "provider",
  "registered_at",
  "last_refreshed_at",
  "next_refresh_at",
  "last_error",
  "created_at",
] as const;

/** An order with everything stored under it. The snapshot is left out: it is derived from these facts. */
export type OrderExport = Omit<Order, "user_id" | "snapshot" | "snapshot_version"> & {
  tracking_numbers: Array<Omit<TrackingNumber, "order_id">>;
  tracking_events: Array<Omit<TrackingEvent, "order_id" | "raw"> & { raw: Json }>;
  reports: Array<Omit<Report, "order_id" | "data"> & { data: Json }>;
  /** Which tracking services follow the order's numbers, and their last answer. */
  provider_trackings: Array<Omit<ExportedRow<"provider_trackings", typeof PROVIDER_TRACKING_COLUMNS>, "order_id">>;
  /** Photos, screenshots and PDFs attached to the order: metadata and SHA-256, no bytes. */
  evidence_files: Array<Omit<ExportedRow<"evidence_files", typeof EVIDENCE_COLUMNS>, "order_id">>;
};

/** Everything stored for the user, or null when there is no such user. */
export async function exportUserData(db: DB, userId: string, now: Date = new Date()): Promise<UserExport | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "time_zone", "created_at", "updated_at", "full_name", "postal_address", "country", "phone", "language"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;

  const sessions = await db
    .selectFrom("sessions")
    .select(["created_at", "expires_at", "user_agent"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
  const rows = await loadOrderRows(db, (eb) => eb("o.user_id", "=", userId));
  const [trackings, reminderPreferences, reminders, notifications, calendarFeeds, drafts, evidence] = await Promise.all([
    db
      .selectFrom("provider_trackings as p")
      .innerJoin("orders as o", "o.id", "p.order_id")
      .select(PROVIDER_TRACKING_COLUMNS.map((c) => `p.${c}` as const))
      .where("o.user_id", "=", userId)
      .orderBy("p.created_at")
      .execute(),
    db.selectFrom("reminder_preferences").select(PREFERENCE_COLUMNS).where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("reminders").select(REMINDER_COLUMNS).where("user_id", "=", userId).orderBy("due_at").orderBy("id").execute(),
    db.selectFrom("notifications").select(NOTIFICATION_COLUMNS).where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute(),
    db.selectFrom("calendar_feeds").select(CALENDAR_FEED_COLUMNS).where("user_id", "=", userId).orderBy("created_at").execute(),
    db.selectFrom("order_drafts").select(DRAFT_COLUMNS).where("user_id", "=", userId).orderBy("created_at").orderBy("id").execute(),
    db.selectFrom("evidence_files").select(EVIDENCE_COLUMNS).where("user_id", "=", userId).orderBy("uploaded_at").orderBy("id").execute(),
  ]);
  const orders = rows
    .sort((a, b) => (a.order.created_at < b.order.created_at ? -1 : a.order.created_at > b.order.created_at ? 1 : 0))
    .map(({ order: { user_id: _owner, snapshot: _snapshot, snapshot_version: _version, ...order }, numbers, events, reports }): OrderExport => ({
      ...order,
      tracking_numbers: numbers.map(({ order_id: _order, ...number }) => number),
      tracking_events: events.map(({ order_id: _order, tracking_number: _number, raw, ...event }) => ({ ...event, raw: parseJsonColumn(raw) })),
      reports: reports.map(({ order_id: _order, data, ...report }) => ({ ...report, data: parseJsonColumn(data) })),
      provider_trackings: trackings.filter((p) => p.order_id === order.id).map(({ order_id: _order, ...tracking }) => tracking),
      evidence_files: evidence.filter((f) => f.order_id === order.id).map(({ order_id: _order, ...file }) => file),
    }));

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    user,
    sessions,
    orders,
    reminder_preferences: reminderPreferences ?? null,
    reminders,
    notifications,
    calendar_feeds: calendarFeeds,
    order_drafts: drafts.map(({ data, ...draft }) => ({ ...draft, data: parseJsonColumn(data) })),
  };
}

/** JSON columns export as JSON, not as escaped strings; text that is not JSON stays text. */
function parseJsonColumn(value: string | null): Json {
  if (value === null) return null;
  try {
    return JSON.parse(value) as Json;
  } catch {
    return value;
  }
}

/**
 * Deletes the user and, by foreign-key cascade, everything of theirs (sessions, orders with their
 * numbers, events, reports, provider registrations and evidence rows, reminders, notifications,
 * calendar feeds, order drafts), in one statement. False when there was no such user.
 */
export async function deleteUser(db: DB, userId: string): Promise<boolean> {
  const result = await db.deleteFrom("users").where("id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
