import type { Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
// The buyer's own details (issue 13), so letters and the packet carry them instead of blanks, and
// the facts a document needs that only the buyer can give (kept on the order they belong to).
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ["full_name", "postal_address", "country", "phone", "language"]) {
    await db.schema.alterTable("users").addColumn(column, "text").execute();
  }
  for (const column of ["payment_reference", "carrier_case_number"]) {
    await db.schema.alterTable("orders").addColumn(column, "text").execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["payment_reference", "carrier_case_number"]) {
    await db.schema.alterTable("orders").dropColumn(column).execute();
  }
  for (const column of ["full_name", "postal_address", "country", "phone", "language"]) {
    await db.schema.alterTable("users").dropColumn(column).execute();
  }
}
