import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // JSON text: ["app","email","webhook"]
    .addColumn("channels", "text", (c) => c.notNull())
    // JSON text: [7,3,1]
    .addColumn("lead_days", "text", (c) => c.notNull())
    .addColumn("send_time", "text", (c) => c.notNull().defaultTo("09:00"))
    .addColumn("quiet_start", "text")
    .addColumn("quiet_end", "text")
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("webhook_url", "text")
    .addColumn("webhook_secret", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("reminders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("lead_days", "integer")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("reason", "text")
    .addColumn("source", "text")
    .addColumn("deadline_due", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("lease_owner", "text")
    .addColumn("lease_expires_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    // Alert reminders: set when the alert goes away, so its next appearance is a new reminder.
    .addColumn("resolved_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reminders_claim").on("reminders").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("reminders_order").on("reminders").columns(["order_id", "status"]).execute();
  await db.schema.createIndex("reminders_user").on("reminders").columns(["user_id", "status"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("order_id", "text", (c) => c.references("orders.id").onDelete("cascade"))
    // One notification per in-app reminder, even if the sweep delivers it twice.
    .addColumn("reminder_key", "text", (c) => c.unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // SHA-256 of the token: a leaked database does not leak working feed URLs.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("calendar_feeds_user").on("calendar_feeds").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["calendar_feeds", "notifications", "reminders", "reminder_preferences"]) {
    await db.schema.dropTable(table).execute();
  }
}
