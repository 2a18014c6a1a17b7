import { sql, type Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { StaticMigrationProvider, databaseFileFromUrl, migrateToLatest, writeTransaction } from "../../db/client.server.ts";
import { migrations } from "../../db/migrations/index.ts";
import { createTestDatabase, insertUser, type TestDatabase } from "../factories/db.ts";

let opened: TestDatabase[] = [];
async function fresh(options?: { migrate?: boolean }): Promise<TestDatabase> {
  const t = await createTestDatabase(options);
  opened.push(t);
  return t;
}
afterEach(async () => {
  await Promise.all(opened.map((t) => t.close()));
  opened = [];
});

async function tableNames(t: TestDatabase): Promise<string[]> {
  return (t.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);
}

describe("openDatabase", () => {
  it("sets the pragmas every connection needs, and they read back as set", async () => {
    const { sqlite } = await fresh();
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("enforces foreign keys: an order for a user that does not exist is refused", async () => {
    const { db } = await fresh();
    const insert = db
      .insertInto("orders")
      .values({ id: "o1", user_id: "nobody", platform: "temu", ordered_at: "2026-03-01T00:00:00.000Z", created_at: "x", updated_at: "x" })
      .execute();
    await expect(insert).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" });
  });
});

describe("databaseFileFromUrl", () => {
  it.each([
    [undefined, "./data/claimtrail.sqlite"],
    ["", "./data/claimtrail.sqlite"],
    ["file:./data/x.sqlite", "./data/x.sqlite"],
    ["file:///var/lib/claimtrail.sqlite", "/var/lib/claimtrail.sqlite"],
    ["/tmp/x.sqlite", "/tmp/x.sqlite"],
    [":memory:", ":memory:"],
  ])("reads %j as %j", (url, file) => {
    expect(databaseFileFromUrl(url)).toBe(file);
  });

  it("refuses a server URL with a sentence saying what to use", () => {
    expect(() => databaseFileFromUrl("postgres://db/claimtrail")).toThrow(/use file:PATH/);
  });
});

describe("migrateToLatest", () => {
  it("applies every migration once; running it again applies nothing and keeps the data", async () => {
    const t = await fresh({ migrate: false });
    expect(await migrateToLatest(t.db)).toEqual(Object.keys(migrations).sort());
    await insertUser(t.db, { id: "u1" });
    expect(await migrateToLatest(t.db)).toEqual([]);
    expect(await t.db.selectFrom("users").select("id").execute()).toEqual([{ id: "u1" }]);
  });

  it("rolls a failing migration back whole: no half schema, nothing recorded, earlier migrations kept", async () => {
    const t = await fresh({ migrate: false });
    const broken = {
      ...migrations,
      "29990101000000_broken": {
        async up(db: Kysely<any>) {
          await db.schema
            .createTable("half_done")
            .addColumn("id", "text", (c) => c.primaryKey())
            .execute();
          await db.schema.alterTable("no_such_table").addColumn("x", "text").execute();
        },
      },
    };
    await expect(migrateToLatest(t.db, new StaticMigrationProvider(broken))).rejects.toThrow(
      /database migration 29990101000000_broken failed: .*no_such_table/,
    );
    const tables = await tableNames(t);
    expect(tables).not.toContain("half_done");
    expect(tables).toContain("orders");
    const recorded = await t.db
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    expect(recorded.map((r: Record<string, unknown>) => r.name)).toEqual(Object.keys(migrations).sort());

    // Once fixed, the same migration applies cleanly.
    const fixed = {
      ...migrations,
      "29990101000000_broken": {
        async up(db: Kysely<any>) {
          await db.schema
            .createTable("half_done")
            .addColumn("id", "text", (c) => c.primaryKey())
            .execute();
        },
      },
    };
    expect(await migrateToLatest(t.db, new StaticMigrationProvider(fixed))).toEqual(["29990101000000_broken"]);
    expect(await tableNames(t)).toContain("half_done");
  });
});

describe("writeTransaction", () => {
  it("commits everything or, when the callback throws, nothing", async () => {
    const { db } = await fresh();
    await writeTransaction(db, async (trx) => {
      await insertUser(trx, { id: "kept" });
    });
    await expect(
      writeTransaction(db, async (trx) => {
        await insertUser(trx, { id: "dropped" });
        throw new Error("half-way");
      }),
    ).rejects.toThrow("half-way");
    expect((await db.selectFrom("users").select("id").execute()).map((r) => r.id)).toEqual(["kept"]);
  });

  it("joins a transaction it is given instead of failing on a nested BEGIN", async () => {
    const { db } = await fresh();
    await expect(
      writeTransaction(db, async (trx) => {
        await insertUser(trx, { id: "outer" });
        await writeTransaction(trx, async (inner) => {
          await insertUser(inner, { id: "inner" });
        });
        throw new Error("undo both");
      }),
    ).rejects.toThrow("undo both");
    expect(await db.selectFrom("users").select("id").execute()).toEqual([]);
  });

  it("does not report success for a transaction the database already rolled back", async () => {
    const { db } = await fresh();
    // Stands in for SQLite's own rollback after an I/O error or a full disk mid-transaction.
    const write = writeTransaction(db, async (trx) => {
      await insertUser(trx, { id: "lost" });
      await sql`rollback`.execute(trx);
    });
    await expect(write).rejects.toThrow("the database rolled this transaction back after an earlier error; it was not saved");
    expect(await db.selectFrom("users").select("id").execute()).toEqual([]);
  });
});
