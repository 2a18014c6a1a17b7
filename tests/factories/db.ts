/**
 * A real, migrated SQLite file per test (never a shared one), and builders for the rows tests need.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type SQLite from "better-sqlite3";
import { migrateToLatest, openDatabase, type DB } from "../../db/client.server.ts";
import { createOrder, type OrderFields } from "../../db/queries/orders.server.ts";
import type { Order, User } from "../../db/schema.ts";

export interface TestDatabase {
  db: DB;
  sqlite: SQLite.Database;
  /** The database file. */
  file: string;
  /** A private folder for the file and anything else the test writes (backups, …). */
  dir: string;
  close(): Promise<void>;
}

/** Opens a fresh database file in its own temporary folder; `migrate: false` leaves it empty. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-db-"));
  const file = join(dir, "test.sqlite");
  const { db, sqlite } = openDatabase(file);
  if (options.migrate !== false) await migrateToLatest(db);
  let closed = false;
  return {
    db,
    sqlite,
    file,
    dir,
    async close() {
      if (!closed) {
        closed = true;
        await db.destroy();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inserts a user directly (the password hash is a placeholder: these tests never log in). */
export async function insertUser(db: DB, overrides: Partial<User> = {}): Promise<User> {
  const id = overrides.id ?? randomUUID();
  const at = "2026-03-01T09:00:00.000Z";
  return db
    .insertInto("users")
    .values({
      id,
      email: `${id}@example.test`,
      password_hash: "not-a-real-hash",
      time_zone: "Europe/Paris",
      created_at: at,
      updated_at: at,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An AliExpress order paid by card, as the order form would send it. */
export function orderFields(overrides: Partial<OrderFields> = {}): OrderFields {
  return {
    platform: "aliexpress",
    order_number: "8190000012345678",
    ordered_at: "2026-03-01T10:00:00Z",
    item: "USB-C cable, 2 m",
    seller: "Cable World Store",
    amount_value: "12.34",
    currency: "EUR",
    payment_method: "card",
    card_network: "visa",
    protection_ends_at: "2026-05-15T00:00:00Z",
    ...overrides,
  };
}

/** A fresh database with two users, "alice" and "bob", and one order of Alice's: the access tests' setting. */
export async function createTwoUserDatabase(): Promise<{ t: TestDatabase; order: Order }> {
  const t = await createTestDatabase();
  await insertUser(t.db, { id: "alice" });
  await insertUser(t.db, { id: "bob" });
  const order = await createOrder(t.db, "alice", orderFields());
  return { t, order };
}
