/**
 * Direct database access for integration tests: the app has no "add order" screen yet, so tests
 * create orders in the server's SQLite file (a second connection, as the CLI would) and read back
 * what the server stored.
 */
import { openDatabase, type DB } from "../../../db/client.server.ts";
import { createOrder, type OrderFields } from "../../../db/queries/orders.server.ts";

export async function withDb<T>(dbFile: string, fn: (db: DB) => Promise<T>): Promise<T> {
  const { db } = openDatabase(dbFile);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

export async function userIdOf(db: DB, email: string): Promise<string> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirstOrThrow();
  return row.id;
}

/** Creates an order for the user with that e-mail; returns its id. */
export async function seedOrder(dbFile: string, email: string, fields: Partial<OrderFields> = {}): Promise<string> {
  return withDb(dbFile, async (db) => {
    const order = await createOrder(db, await userIdOf(db, email), {
      platform: "aliexpress",
      order_number: "8191234567890123",
      ordered_at: "2026-03-01T10:00:00Z",
      item: "USB-C charging cable, 2 m",
      ...fields,
    });
    return order.id;
  });
}
