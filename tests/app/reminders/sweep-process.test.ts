/**
 * The sweep as `npm run reminders` runs it: a separate process running the bundle in dist/. One test kills it with SIGKILL in
 * the middle of a batch and restarts it; another runs two at once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { addDueReminders, addOrder, addUser } from "./reminder-db.ts";
import { useSweepTestBed } from "./test-bed.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const LEASE_MS = 1500;

const bed = useSweepTestBed();

function startSweep(): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["dist/reminders.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${bed.t.file}`,
      SMTP_URL: bed.mailbox.url,
      APP_URL: "https://claimtrail.test",
      REMINDER_BATCH: "25",
      REMINDER_CONCURRENCY: "4",
      REMINDER_SMTP_CONNECTIONS: "4",
      REMINDER_LEASE_MS: String(LEASE_MS),
      REMINDER_REPLAN_MS: "0", // these reminders are seeded directly, not planned from orders
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c) => (stdout += c));
  child.stderr!.on("data", (c) => (stderr += c));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((res) =>
    child.on("exit", (code) => res({ code, stdout, stderr })),
  );
  return { child, done };
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function unsent(): Promise<number> {
  const row = await bed.t.db
    .selectFrom("reminders")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["pending", "claimed"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

it("loses nothing when the sweep is killed mid-batch; a duplicate carries the same Message-ID", async () => {
  const user = await addUser(bed.t.db);
  const order = await addOrder(bed.t.db, user);
  await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 200, channel: "email" });
  const stored = await bed.t.db.selectFrom("reminders").select(["message_id"]).execute();
  bed.mailbox.delayMs = 8; // slow enough that the kill lands while a batch is in flight

  const first = startSweep();
  await waitFor(() => bed.mailbox.messages.length >= 60, 30_000);
  first.child.kill("SIGKILL");
  const killed = await first.done;
  expect(killed.code).toBeNull(); // it really died, it did not finish
  const afterKill = bed.mailbox.messages.length;
  expect(afterKill).toBeLessThan(200);
  expect(await unsent()).toBeGreaterThan(0);

  // Restart until everything is out; rows the dead sweep held come back once its lease expires.
  const deadline = Date.now() + 60_000;
  while ((await unsent()) > 0) {
    if (Date.now() > deadline) throw new Error("reminders were not all delivered after the restart");
    const run = await startSweep().done;
    expect(run.code, run.stderr).toBe(0);
    if ((await unsent()) > 0) await new Promise((r) => setTimeout(r, 300));
  }

  const received = bed.mailbox.messages.map((m) => m.messageId);
  const expected = new Set(stored.map((r) => r.message_id));
  expect(new Set(received)).toEqual(expected); // every reminder arrived, and nothing else did
  const duplicates = received.length - expected.size;
  // Only the batch in flight when it died (25 rows) can repeat: earlier batches were marked first.
  expect(duplicates).toBeLessThanOrEqual(25);
  const statuses = await bed.t.db.selectFrom("reminders").select("status").distinct().execute();
  expect(statuses).toEqual([{ status: "sent" }]);
  console.info(`kill test: ${afterKill} delivered before SIGKILL, ${duplicates} duplicate(s) after restart, all with their original Message-ID`);
}, 120_000);

it("two sweep processes at once never send a reminder twice", async () => {
  const user = await addUser(bed.t.db);
  const orders = [await addOrder(bed.t.db, user), await addOrder(bed.t.db, user)];
  for (const order of orders) await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 150, channel: "email" });
  bed.mailbox.delayMs = 5;

  const [a, b] = await Promise.all([startSweep().done, startSweep().done]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  const statsA = JSON.parse(a.stdout);
  const statsB = JSON.parse(b.stdout);
  expect(statsA.claimed + statsB.claimed).toBe(300);

  const ids = bed.mailbox.messages.map((m) => m.messageId);
  expect(ids).toHaveLength(300);
  expect(new Set(ids).size).toBe(300);
  console.info(`two sweeps: ${statsA.claimed} and ${statsB.claimed} claimed, 300 delivered once each`);
}, 120_000);
