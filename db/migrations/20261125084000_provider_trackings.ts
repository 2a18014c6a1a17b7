import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("provider_trackings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("tracking_number", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("registered_at", "text")
    .addColumn("last_refreshed_at", "text")
    .addColumn("next_refresh_at", "text")
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("last_error_kind", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("provider_trackings_unique", ["order_id", "tracking_number", "provider"])
    .execute();
  await db.schema.createIndex("provider_trackings_due").on("provider_trackings").columns(["next_refresh_at"]).execute();
  await db.schema.createIndex("provider_trackings_number").on("provider_trackings").columns(["provider", "tracking_number"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("provider_trackings").execute();
}
