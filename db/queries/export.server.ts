/**
 * A person's data as one JSON object ("export all my data"), and erasing it ("delete my account").
 * Both are the user's own rows only; later tables add their section here, in the same shape.
 */
import type { DB } from "../client.server.ts";
import type { Order, Report, TrackingEvent, TrackingNumber, User } from "../schema.ts";
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
}

/** An order with everything stored under it. The snapshot is left out: it is derived from these facts. */
export type OrderExport = Omit<Order, "user_id" | "snapshot" | "snapshot_version"> & {
  tracking_numbers: Array<Omit<TrackingNumber, "order_id">>;
  tracking_events: Array<Omit<TrackingEvent, "order_id" | "raw"> & { raw: Json }>;
  reports: Array<Omit<Report, "order_id" | "data"> & { data: Json }>;
};

/** Everything stored for the user, or null when there is no such user. */
export async function exportUserData(db: DB, userId: string, now: Date = new Date()): Promise<UserExport | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "time_zone", "created_at", "updated_at"])
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
  const orders = rows
    .sort((a, b) => (a.order.created_at < b.order.created_at ? -1 : a.order.created_at > b.order.created_at ? 1 : 0))
    .map(({ order: { user_id: _owner, snapshot: _snapshot, snapshot_version: _version, ...order }, numbers, events, reports }): OrderExport => ({
      ...order,
      tracking_numbers: numbers.map(({ order_id: _order, ...number }) => number),
      tracking_events: events.map(({ order_id: _order, tracking_number: _number, raw, ...event }) => ({ ...event, raw: parseJsonColumn(raw) })),
      reports: reports.map(({ order_id: _order, data, ...report }) => ({ ...report, data: parseJsonColumn(data) })),
    }));

  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), user, sessions, orders };
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
 * Deletes the user and, by foreign-key cascade, their sessions, orders, tracking numbers, events
 * and reports, in one statement. False when there was no such user.
 */
export async function deleteUser(db: DB, userId: string): Promise<boolean> {
  const result = await db.deleteFrom("users").where("id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
