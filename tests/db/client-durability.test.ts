/**
 * The durability promises of ../shared/RELIABILITY.md that the database layer keeps by itself,
 * each against a real file and, where it matters, a real second process.
 */
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { writeTransaction } from "../../db/client.server.ts";
import { describeDatabaseError } from "../../db/errors.server.ts";
import { createOrder } from "../../db/queries/orders.server.ts";
import { addReport } from "../../db/queries/reports.server.ts";
import { addTrackingEvents } from "../../db/queries/tracking.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../factories/db.ts";
import { startChild } from "./helpers/child-process.ts";

const holdWriteLock = fileURLToPath(new URL("./helpers/hold-write-lock.mjs", import.meta.url));

let t: TestDatabase;
afterEach(async () => {
  await t?.close();
});

describe("write transactions under contention and failure", () => {
  it("50 concurrent writes all succeed while a second process holds the write lock for 2 s", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "u1" });
    const order = await createOrder(t.db, "u1", orderFields());
    const holder = startChild(process.execPath, [holdWriteLock, t.file, "2000"]);
    await holder.waitForLine((line) => line === "locked");

    // The lock really is taken: a writer that does not wait is refused.
    const impatient = new SQLite(t.file, { timeout: 0 });
    expect(() => impatient.exec("begin immediate")).toThrow(/locked|busy/i);
    impatient.close();

    // Each transaction reads before it writes: the shape a deferred BEGIN turns into SQLITE_BUSY.
    const writes = Array.from({ length: 50 }, (_, i) =>
      writeTransaction(t.db, async (trx) => {
        await addTrackingEvents(trx, "u1", order.id, [
          { at: `2026-03-04T08:${String(i).padStart(2, "0")}:00Z`, text: "Accepted", source: "manual", milestone: "picked_up" },
        ]);
        await addReport(trx, "u1", order.id, { kind: "checklist_step", at: "2026-03-20T10:00:00Z", data: { step: `step-${i}` } });
      }),
    );
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await holder.exit()).toBe(0);
    expect(holder.lines).toContain("released");

    expect(await t.db.selectFrom("tracking_events").select("id").execute()).toHaveLength(50);
    expect(await t.db.selectFrom("reports").select("id").execute()).toHaveLength(50);
    // The other process's write is there too: nobody's commit was lost.
    expect(await t.db.selectFrom("users").select("id").where("id", "=", "lock-holder").executeTakeFirst()).toBeDefined();
  });

  it("100 concurrent two-statement transactions, every tenth failing half-way: exactly 90 complete, the failed left nothing", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "u1" });
    const attempts = Array.from({ length: 100 }, (_, i) =>
      writeTransaction(t.db, async (trx) => {
        const order = await createOrder(trx, "u1", orderFields({ order_number: `attempt-${i}` }));
        // The second statement of every tenth attempt breaks a constraint in the database itself.
        await trx
          .insertInto("tracking_numbers")
          .values({
            id: `tn-${i}`,
            order_id: i % 10 === 9 ? "no-such-order" : order.id,
            number: `LP${1000 + i}`,
            leg: 0,
            source: "user",
            created_at: "2026-03-02T00:00:00.000Z",
          })
          .execute();
        return i;
      }),
    );
    const results = await Promise.allSettled(attempts);
    const failed = results.flatMap((r, i) => (r.status === "rejected" ? [i] : []));
    expect(failed).toEqual([9, 19, 29, 39, 49, 59, 69, 79, 89, 99]);
    for (const r of results) if (r.status === "rejected") expect(describeDatabaseError(r.reason)?.kind).toBe("missing_reference");

    const orders = await t.db.selectFrom("orders").select("order_number").execute();
    expect(orders).toHaveLength(90);
    expect(orders.map((o) => o.order_number)).not.toContain("attempt-9");
    expect(await t.db.selectFrom("tracking_numbers").select("id").execute()).toHaveLength(90);
  });

  it("a full disk fails the write with a readable message, stores nothing of it, and writes work again once there is room", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "u1" });
    const before = await createOrder(t.db, "u1", orderFields({ order_number: "stored-before" }));
    const pages = Number(t.sqlite.pragma("page_count", { simple: true }));
    t.sqlite.pragma(`max_page_count = ${pages + 4}`);

    const bigWrite = () =>
      writeTransaction(t.db, async (trx) => {
        const order = await createOrder(trx, "u1", orderFields({ order_number: "too-big" }));
        const events = Array.from({ length: 200 }, (_, i) => ({
          at: `2026-03-04T08:${String(i % 60).padStart(2, "0")}:00Z`,
          text: `Arrived at sorting center ${i} `.padEnd(1900, "."),
          source: "paste" as const,
          milestone: "in_transit" as const,
        }));
        await addTrackingEvents(trx, "u1", order.id, events);
      });

    const error = await bigWrite().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "SQLITE_FULL" });
    expect(describeDatabaseError(error)?.message).toBe("The server's disk is full; nothing was saved.");
    // Nothing partial: no order without its events, and what was stored before is untouched.
    expect((await t.db.selectFrom("orders").select("order_number").execute()).map((o) => o.order_number)).toEqual(["stored-before"]);
    expect(await t.db.selectFrom("tracking_events").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("orders").select("id").where("id", "=", before.id).executeTakeFirst()).toEqual({ id: before.id });

    // Room returns (same connection, no restart): the same write now succeeds.
    t.sqlite.pragma("max_page_count = 1073741823");
    await bigWrite();
    expect(await t.db.selectFrom("tracking_events").select("id").execute()).toHaveLength(200);
    expect(t.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});

describe("a crash in the middle of writing", () => {
  const writeUntilKilled = fileURLToPath(new URL("./helpers/write-until-killed.ts", import.meta.url));

  it("kill -9 while 50 writers commit, three times over: every acknowledged write survives whole, the file stays sound", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "u1" });
    await t.db.destroy();
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const child = startChild(process.execPath, ["--import", "tsx", writeUntilKilled, t.file, "u1"]);
      await child.waitForLine((_line, count) => count >= 100, 20_000);
      child.process.kill("SIGKILL");
      await child.exit();
      acknowledged.push(...child.lines.filter((line) => line.length > 0));
    }

    const check = new SQLite(t.file);
    try {
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(check.pragma("foreign_key_check")).toEqual([]);
      const stored = new Set((check.prepare("select id from orders").all() as { id: string }[]).map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      // Whole transactions only: no order without the event written in the same transaction.
      expect(check.prepare("select count(*) as n from orders where id not in (select order_id from tracking_events)").get()).toEqual({ n: 0 });
    } finally {
      check.close();
    }
  });
});
