import type SQLite from "better-sqlite3";
import { openDatabase, type DB } from "../../db/client.server.ts";
import { getConfig } from "./config.server.ts";

export type { DB };

// One connection per process. The server entry and the Remix bundle each hold a copy of this
// module, so the handle lives on globalThis: two connections would let their transactions race
// for the write lock instead of queueing inside Kysely.
const KEY = Symbol.for("claimtrail.db");
type Holder = { [KEY]?: { db: DB; sqlite: SQLite.Database } };

export function getDatabase(): { db: DB; sqlite: SQLite.Database } {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDatabase(getConfig().databaseFile);
  return holder[KEY];
}

export function getDb(): DB {
  return getDatabase().db;
}

/** Closes the connection (graceful shutdown); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const open = holder[KEY];
  if (!open) return;
  delete holder[KEY];
  await open.db.destroy();
}
