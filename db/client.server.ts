import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type DialectAdapter,
  type Migration,
  type MigrationProvider,
  type Transaction,
} from "kysely";
import { migrations as registeredMigrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** The database, or a transaction on it: every query function accepts either. */
export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_FILE = "./data/claimtrail.sqlite";

/** Pragmas every connection gets (../shared/RELIABILITY.md "Known traps"); tests read them back. */
export const CONNECTION_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 2, // FULL: a commit is on disk before it is acknowledged
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

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
 * Kysely's SQLite driver opens transactions with a deferred BEGIN, which fails at once with
 * SQLITE_BUSY (ignoring busy_timeout) when a read-then-write transaction meets another process's
 * write lock. This one takes the write lock up front, so `db.transaction()` is as safe as
 * `writeTransaction`.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // After SQLITE_FULL or an I/O error SQLite may roll the whole transaction back by itself; if the
    // callback swallowed that error, a plain COMMIT would report success for work that is gone.
    if (!this.#sqlite.inTransaction) {
      throw new Error("the database rolled this transaction back after an earlier error; it was not saved");
    }
    await super.commitTransaction(connection);
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // A second ROLLBACK after SQLite's own would throw and hide the error that caused it.
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

/**
 * SQLite's DDL is transactional, but Kysely's adapter says otherwise, so its Migrator would run
 * migrations outside any transaction and record them separately. Saying so lets each migration and
 * its bookkeeping row commit together, under the write lock.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ClaimTrailSqliteDialect extends SqliteDialect {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#sqlite);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * Opens the SQLite file with the pragmas ../shared/RELIABILITY.md requires on every connection.
 * Kysely's SqliteDialect keeps one connection and queues callers, so two requests never interleave
 * inside one transaction. Close with `await db.destroy()`.
 */
export function openDatabase(file: string): { db: DB; sqlite: SQLite.Database } {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SQLite(file, { timeout: CONNECTION_PRAGMAS.busy_timeout });
  try {
    const mode = sqlite.pragma("journal_mode = WAL", { simple: true });
    // A file system without shared memory (some network mounts) silently stays in rollback mode,
    // where readers block the writer; better to stop than to run with different guarantees.
    if (file !== ":memory:" && mode !== "wal") {
      throw new Error(`the database ${file} cannot use write-ahead logging (journal_mode is ${String(mode)}); put it on a local disk`);
    }
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma(`busy_timeout = ${CONNECTION_PRAGMAS.busy_timeout}`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new ClaimTrailSqliteDialect(sqlite) });
  return { db, sqlite };
}

/**
 * A write transaction that takes the write lock up front (BEGIN IMMEDIATE): a deferred BEGIN that
 * reads and then writes fails with SQLITE_BUSY at once, ignoring busy_timeout, when another process
 * holds the lock. Keep only database calls inside `fn`: the one connection is held until it ends,
 * so awaiting a PDF, an e-mail or an HTTP call here stalls every request. Called with a
 * transaction, it joins it.
 */
export async function writeTransaction<T>(db: DB, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}

/** Our own provider over the static index (no folder scan, so bundlers and tsx see the same list). */
export class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration> = registeredMigrations) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...this.migrations };
  }
}

/**
 * Brings the schema up to date; returns the names of the migrations it applied. Each migration runs
 * in its own BEGIN IMMEDIATE transaction together with the row that records it, so a failure or a
 * crash leaves no half schema, and two processes migrating at once apply each migration once.
 */
export async function migrateToLatest(db: DB, provider: MigrationProvider = new StaticMigrationProvider()): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const applied: string[] = [];
  for (;;) {
    // One step per call: the Migrator wraps each call in one transaction.
    const { error, results } = await migrator.migrateUp();
    if (error) {
      const failed = results?.find((r) => r.status === "Error")?.migrationName;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`database migration ${failed ? failed + " " : ""}failed: ${reason}`);
    }
    const done = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    if (done.length === 0) return applied;
    applied.push(...done);
  }
}
