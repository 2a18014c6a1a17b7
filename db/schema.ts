/**
 * The database as SQLite really returns it: times are ISO-8601 UTC text, booleans 0/1, JSON as
 * text. Generated<> marks columns the database fills in.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  /** IANA zone: from the browser at sign-up, changeable in the profile; "UTC" without either. */
  time_zone: string;
  created_at: string;
  updated_at: string;
  /** The buyer's own details for letters and the packet (issue 13); null until they fill them in. */
  full_name: string | null;
  /** As it goes on an envelope, lines separated by newlines. */
  postal_address: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  phone: string | null;
  /** Preferred language for letters (en, es, pt, fr, de, pl, it). */
  language: string | null;
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
  /** Facts only the buyer can give, asked for on the documents page: the PayPal transaction id or card statement line. */
  payment_reference: string | null;
  /** The local carrier's case or claim number. */
  carrier_case_number: string | null;
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

/** One row per person; absent means the defaults (app + e-mail, 7/3/1 days, 09:00, the account's zone). */
export interface ReminderPreferencesTable {
  user_id: string;
  /** JSON text: ["app","email","webhook"] */
  channels: string;
  /** JSON text: [7,3,1] */
  lead_days: string;
  send_time: string;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string;
  email: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  updated_at: string;
}

export interface RemindersTable {
  id: string;
  /** order:subject:kind:due:channel — planning twice gives the same key. */
  key: string;
  order_id: string;
  user_id: string;
  /** The deadline id or the alert. */
  subject: string;
  /** ahead | passed | alert */
  kind: string;
  lead_days: number | null;
  /** app | email | webhook */
  channel: string;
  due_at: string;
  title: string | null;
  reason: string | null;
  source: string | null;
  deadline_due: string | null;
  /** pending | claimed | sent | failed | cancelled */
  status: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  /** Deterministic, so a re-sent reminder carries the same Message-ID. */
  message_id: string;
  sent_at: string | null;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  order_id: string | null;
  reminder_key: string | null;
  title: string;
  body: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** One tracking number registered with one provider, and when to ask it again. */
export interface ProviderTrackingsTable {
  id: string;
  order_id: string;
  tracking_number: string;
  /** 17track | aftership */
  provider: string;
  registered_at: string | null;
  last_refreshed_at: string | null;
  /** null: never again (delivered and closed). */
  next_refresh_at: string | null;
  failures: number;
  /** The last failure in plain words ("17TRACK quota reached; next try at 14:00 UTC"). */
  last_error: string | null;
  last_error_kind: string | null;
  created_at: string;
}

/** An order being added through the wizard: one row per unfinished order, deleted on create. */
export interface OrderDraftsTable {
  id: string;
  user_id: string;
  /** The wizard step the person is on: marketplace | facts | tracking | history | review */
  step: string;
  /** What was typed so far, as JSON text (app/orders/wizard/draft-data.ts). */
  data: string;
  created_at: string;
  updated_at: string;
}

/** A photo, screenshot or PDF the buyer attached to an order; the bytes live on disk under stored_name. */
export interface EvidenceFilesTable {
  id: string;
  order_id: string;
  user_id: string;
  /** The name the buyer's device gave the file (shown and used for downloads, never for paths). */
  original_name: string;
  /** Generated file name inside the evidence folder. */
  stored_name: string;
  /** Read from the bytes, never from the upload's headers or extension. */
  content_type: string;
  bytes: number;
  /** Of the stored (re-encoded) bytes, so the packet's hash matches what a download returns. */
  sha256: string;
  width: number | null;
  height: number | null;
  uploaded_at: string;
  checklist_step: string | null;
  note: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  orders: OrdersTable;
  tracking_numbers: TrackingNumbersTable;
  tracking_events: TrackingEventsTable;
  reports: ReportsTable;
  reminder_preferences: ReminderPreferencesTable;
  reminders: RemindersTable;
  notifications: NotificationsTable;
  calendar_feeds: CalendarFeedsTable;
  provider_trackings: ProviderTrackingsTable;
  order_drafts: OrderDraftsTable;
  evidence_files: EvidenceFilesTable;
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
export type EvidenceFile = Selectable<EvidenceFilesTable>;

// Re-exported so later tables can use them without importing kysely in every file.
export type { ColumnType, Generated };
