import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { signedUpClient } from "./http-client.ts";
import { seedOrder, withDb } from "./seed.ts";
import { ROOT, startServer, testSecret, type RunningServer } from "./server-process.ts";

const CLIENTS = 50;
const CRASHES = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
});

/** Starts a server that keeps its database directory for the test to reopen after crashes. */
async function startKeepingData(secret: string, dbFile?: string, port?: number): Promise<RunningServer> {
  const server = await startServer({ env: { SESSION_SECRET: secret }, dbFile, port });
  cleanup.push(() => (server.proc.exitCode === null && server.proc.signalCode === null ? server.kill9() : undefined));
  return server;
}

async function checkDatabase(dbFile: string) {
  return withDb(dbFile, async (db) => ({
    integrity: (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows.map((r) => r.integrity_check),
    foreignKeys: (await sql`pragma foreign_key_check`.execute(db)).rows,
  }));
}

describe("durability", () => {
  it("keeps every acknowledged event while the server is killed with SIGKILL again and again", async () => {
    const secret = testSecret();
    let server = await startKeepingData(secret);
    const { dbFile, port, dir } = server;
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const { client, email } = await signedUpClient(server.url, "durable");
    const orderId = await seedOrder(dbFile, email);
    const url = `${server.url}/orders/${orderId}/events`;

    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let running = true;
    async function writer(id: number) {
      for (let n = 0; running; n++) {
        const text = `Scan ${id}.${n} at sorting center`;
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "Content-Type": "application/json", Cookie: client.cookie!, Origin: server.url },
            body: JSON.stringify({ text }),
            redirect: "manual",
            signal: AbortSignal.timeout(15_000),
          });
          if (res.status === 201) acknowledged.push(text);
          else unexpected.push(`${res.status} ${await res.text()}`);
        } catch {
          // The server is down (killed or starting): this write was never acknowledged.
          await sleep(50);
        }
      }
    }
    const writers = Array.from({ length: CLIENTS }, (_, i) => writer(i));

    for (let crash = 0; crash < CRASHES; crash++) {
      const before = acknowledged.length;
      while (acknowledged.length < before + 60) await sleep(25);
      await server.kill9();
      server = await startKeepingData(secret, dbFile, port);
    }
    const beforeEnd = acknowledged.length;
    while (acknowledged.length < beforeEnd + 60) await sleep(25);
    running = false;
    await Promise.all(writers);
    await server.stop();

    expect(unexpected).toEqual([]);
    const stored = await withDb(dbFile, (db) => db.selectFrom("tracking_events").select("text").where("order_id", "=", orderId).execute());
    const storedTexts = new Set(stored.map((r) => r.text));
    const lost = acknowledged.filter((text) => !storedTexts.has(text));
    expect(lost).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60 * (CRASHES + 1));
    expect(await checkDatabase(dbFile)).toEqual({ integrity: ["ok"], foreignKeys: [] });
  }, 180_000);

  it("queues 50 concurrent writes behind another process's 2-second write lock instead of failing", async () => {
    const server = await startKeepingData(testSecret());
    cleanup.push(() => rmSync(server.dir, { recursive: true, force: true }));
    const { client, email } = await signedUpClient(server.url, "locked");
    const orderId = await seedOrder(server.dbFile, email);

    // A second process (as the CLI or a backup would be) takes the write lock and keeps it 2 s.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3");
           const db = new D(process.argv[1]);
           db.exec("BEGIN IMMEDIATE");
           console.log("locked");
           setTimeout(() => { db.exec("COMMIT"); db.close(); console.log("released"); }, 2000);`,
        server.dbFile,
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let holderOutput = "";
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on("data", (d: Buffer) => {
        holderOutput += d.toString();
        if (holderOutput.includes("locked")) resolve();
      });
      holder.once("exit", () => reject(new Error(`lock holder exited early: ${holderOutput}`)));
    });

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.request(`/orders/${orderId}/events`, { json: { text: `Waiting write ${i}` } }).then((r) => r.status),
      ),
    );
    const holderCode = await new Promise((r) => (holder.exitCode !== null ? r(holder.exitCode) : holder.once("exit", r)));

    expect(holderOutput).toContain("released");
    expect(holderCode).toBe(0);
    expect(responses).toEqual(Array(50).fill(201));
    const stored = await withDb(server.dbFile, (db) => db.selectFrom("tracking_events").select("id").where("order_id", "=", orderId).execute());
    expect(stored).toHaveLength(50);
    await server.stop();
  }, 120_000);
});
