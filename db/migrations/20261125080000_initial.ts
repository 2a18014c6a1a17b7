import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("orders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("platform_name", "text")
    .addColumn("order_number", "text")
    .addColumn("ordered_at", "text", (c) => c.notNull())
    .addColumn("shipped_at", "text")
    .addColumn("item", "text")
    .addColumn("seller", "text")
    .addColumn("amount_value", "text")
    .addColumn("currency", "text")
    .addColumn("payment_method", "text")
    .addColumn("card_network", "text")
    .addColumn("protection_ends_at", "text")
    .addColumn("promised_delivery_at", "text")
    .addColumn("estimated_delivery_earliest", "text")
    .addColumn("estimated_delivery_latest", "text")
    .addColumn("time_zone", "text")
    .addColumn("snapshot", "text")
    .addColumn("snapshot_version", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("orders_user_id").on("orders").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("tracking_numbers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("carrier", "text")
    .addColumn("leg", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tracking_numbers_order_number", ["order_id", "number"])
    .execute();
  await db.schema.createIndex("tracking_numbers_number").on("tracking_numbers").column("number").execute();

  await db.schema
    .createTable("tracking_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("tracking_number_id", "text", (c) => c.references("tracking_numbers.id").onDelete("set null"))
    .addColumn("occurred_at", "text")
    .addColumn("location", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("carrier", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("milestone", "text", (c) => c.notNull())
    .addColumn("confidence", "real", (c) => c.notNull().defaultTo(0))
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    .addColumn("raw", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tracking_events_order_dedupe", ["order_id", "dedupe_key"])
    .execute();
  await db.schema.createIndex("tracking_events_order_time").on("tracking_events").columns(["order_id", "occurred_at"]).execute();

  await db.schema
    .createTable("reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("reference", "text")
    .addColumn("data", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reports_order_at").on("reports").columns(["order_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["reports", "tracking_events", "tracking_numbers", "orders", "sessions", "users"]) {
    await db.schema.dropTable(table).execute();
  }
}
