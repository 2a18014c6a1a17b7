/**
 * The database as SQLite really returns it: times are ISO-8601 UTC text, booleans 0/1, JSON as
 * text. Generated<> marks columns the database fills in.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  time_zone: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface OrdersTable {
  id: string;
  user_id: string;
  /** aliexpress | temu | other */
  platform: string;
  /** The marketplace's name when platform is "other". */
  platform_name: string | null;
  order_number: string | null;
  ordered_at: string;
  shipped_at: string | null;
  item: string | null;
  seller: string | null;
  /** Decimal text ("12.34"), never a float: money is compared and printed, not summed. */
  amount_value: string | null;
  currency: string | null;
  /** card | paypal | other */
  payment_method: string | null;
  /** visa | mastercard | amex | other */
  card_network: string | null;
  /** What the marketplace's order page shows; these win over computed dates. */
  protection_ends_at: string | null;
  promised_delivery_at: string | null;
  estimated_delivery_earliest: string | null;
  estimated_delivery_latest: string | null;
  time_zone: string | null;
  /** A cache of the machine's snapshot (JSON) with its machine version; never the only truth. */
  snapshot: string | null;
  snapshot_version: number | null;
  created_at: string;
  updated_at: string;
}

export interface TrackingNumbersTable {
  id: string;
  order_id: string;
  number: string;
  carrier: string | null;
  /** 0 for the first carrier, 1 for the local carrier after a handover, … */
  leg: number;
  /** user | handover | provider | email */
  source: string;
  created_at: string;
}

export interface TrackingEventsTable {
  id: string;
  order_id: string;
  tracking_number_id: string | null;
  occurred_at: string | null;
  location: string | null;
  text: string;
  carrier: string | null;
  /** paste | provider | manual | email */
  source: string;
  milestone: string;
  confidence: number;
  /** Same number, time and text give the same key: a re-paste or a repeated push adds nothing. */
  dedupe_key: string;
  /** The provider's raw JSON for this event, kept for evidence and re-classification. */
  raw: string | null;
  created_at: string;
}

export interface ReportsTable {
  id: string;
  order_id: string;
  /** not_received | contacted_seller | protection_extended | dispute_opened | escalated | refunded | received | closed | checklist_step */
  kind: string;
  at: string;
  note: string | null;
  reference: string | null;
  /** Extra facts as JSON text (a new protection date, a checklist step id, …). */
  data: string | null;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  orders: OrdersTable;
  tracking_numbers: TrackingNumbersTable;
  tracking_events: TrackingEventsTable;
  reports: ReportsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Order = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderUpdate = Updateable<OrdersTable>;
export type TrackingNumber = Selectable<TrackingNumbersTable>;
export type TrackingEvent = Selectable<TrackingEventsTable>;
export type NewTrackingEvent = Insertable<TrackingEventsTable>;
export type Report = Selectable<ReportsTable>;
export type NewReport = Insertable<ReportsTable>;

// Re-exported so later tables can use them without importing kysely in every file.
export type { ColumnType, Generated };
