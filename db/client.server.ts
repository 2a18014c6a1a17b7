import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql, type Migration, type MigrationProvider, type Transaction } from "kysely";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_FILE = "./data/claimtrail.sqlite";

/**
 * Turns DATABASE_URL (unset, `file:…`, or a bare path) into a file path; anything else is a
 * configuration error the caller reports in one line.
 */
export function databaseFileFromUrl(url: string | undefined): string {
  if (!url || url.trim() === "") return DEFAULT_DATABASE_FILE;
  const value = url.trim();
  if (value === ":memory:" || value === "file::memory:") return ":memory:";
  if (value.startsWith("file:")) {
    const path = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!path) throw new Error(`DATABASE_URL "${url}" names no file; use file:./data/claimtrail.sqlite`);
    return path;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new Error(`DATABASE_URL "${url}" is not supported yet; use file:PATH for an SQLite file`);
  }
  return value;
}

/**
 * Opens the SQLite file with the pragmas ../shared/RELIABILITY.md requires on every connection.
 * Kysely's SqliteDialect keeps one connection and queues callers, so two requests never interleave
 * inside one transaction.
 */
export function openDatabase(file: string): { db: DB; sqlite: SQLite.Database } {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}

/**
 * A write transaction that takes the write lock up front (BEGIN IMMEDIATE): a deferred BEGIN that
 * reads and then writes fails with SQLITE_BUSY at once, ignoring busy_timeout, when another process
 * holds the lock. Keep only database calls inside `fn`.
 */
export async function writeTransaction<T>(db: DB, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** Our own provider over the static index; each migration runs inside its own transaction. */
class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const wrapped: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(migrations)) {
      wrapped[name] = {
        // SQLite's DDL is transactional, but Kysely does not wrap migrations on SQLite: a crash
        // half-way would leave half a schema.
        up: (db) => db.transaction().execute((trx: Transaction<any>) => migration.up(trx)),
        down: migration.down
          ? (db) => db.transaction().execute((trx: Transaction<any>) => migration.down!(trx))
          : undefined,
      };
    }
    return wrapped;
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${(error as Error).message ?? error}`.replace("  ", " "));
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
