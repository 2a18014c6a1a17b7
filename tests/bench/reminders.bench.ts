/**
 * Reminder figures (issue 7): a sweep over 10,000 orders with 30,000 due reminders delivered to a
 * local SMTP server (goal < 60 s), and planning alone, no sending (goal < 2 s).
 */
import { fork } from "node:child_process";
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { DEFAULT_REMINDER_PREFERENCES, planReminders } from "../../machines/reminder-plan.ts";
import { ALERTS } from "../../machines/vocabulary.ts";
import { replanOrderReminders } from "../../app/reminders/replan.server.ts";
import { loadSweepConfig } from "../../app/reminders/sweep-config.server.ts";
import { runSweep } from "../../app/reminders/sweep.server.ts";
import { addDueReminders, addOrder, addUser, createTestDb } from "../app/reminders/reminder-db.ts";

/** The SMTP server runs in its own process, as a real one would; it reports what it received. */
async function startSmtpSink() {
  const child = fork(resolve(import.meta.dirname, "../app/reminders/smtp-sink-process.ts"), [], { execArgv: ["--import", "tsx"] });
  const url = await new Promise<string>((res) => child.once("message", (m: { url: string }) => res(m.url)));
  return {
    url,
    received: () =>
      new Promise<{ ids: string[]; cpuMs: number }>((res) => {
        child.once("message", (m: { ids: string[]; cpuMs: number }) => res(m));
        child.send("ids");
      }),
    close: () =>
      new Promise<void>((res) => {
        child.once("exit", () => res());
        child.send("stop");
      }),
  };
}

const ORDERS = 10_000;
const PER_ORDER = 3;
const USERS = 1_000;
/**
 * SMTP is round-trip bound (several commands per message), not CPU bound: measured on this
 * machine, 8 pooled connections gave ~160 messages/s, 32 ~570/s, 64 ~600–840/s, 128 fewer again.
 * Production keeps the default (5, REMINDER_SMTP_CONNECTIONS) unless its mail server allows more.
 */
const SMTP_CONNECTIONS = 64;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Wall time on a shared 2-core machine says as much about the neighbours as about us: print both. */
function measured<T>(fn: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number; load: string }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  return fn().then((result) => {
    const used = process.cpuUsage(cpu);
    return { result, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, load: loadavg()[0]!.toFixed(1) };
  });
}

function exampleDeadlines(i: number) {
  const base = Date.parse("2026-04-01T10:00:00Z") + (i % 60) * 86_400_000;
  return ["dispute_opens", "protection_ends", "chargeback_limit"].map((id, k) => ({
    id,
    due: new Date(base + k * 7 * 86_400_000).toISOString(),
    title: `Deadline ${id}`,
    reason: "A rule of the buyer's guide.",
    source: "buyer's guide",
  }));
}

async function benchSweep(): Promise<void> {
  const t = await createTestDb();
  const mailbox = await startSmtpSink();
  try {
    const seedStart = performance.now();
    await t.db.transaction().execute(async (trx) => {
      const users: string[] = [];
      for (let u = 0; u < USERS; u++) users.push(await addUser(trx));
      for (let i = 0; i < ORDERS; i++) {
        const userId = users[i % USERS]!;
        const orderId = await addOrder(trx, userId);
        await addDueReminders(trx, { userId, orderId, count: PER_ORDER, channel: "email" });
      }
    });
    console.log(`reminders: seeded ${ORDERS} orders, ${ORDERS * PER_ORDER} due e-mail reminders in ${seconds(performance.now() - seedStart)}`);

    const config = {
      ...loadSweepConfig({ SMTP_URL: mailbox.url, APP_URL: "https://claimtrail.test" }),
      batchSize: 2000,
      concurrency: 256,
      smtpConnections: SMTP_CONNECTIONS,
    };
    const { result: stats, wallMs: elapsed, cpuMs, load } = await measured(() => runSweep(t.db, { config }));
    const { ids: received, cpuMs: serverCpuMs } = await mailbox.received();
    const unique = new Set(received).size;
    console.log(
      `reminders: sweep delivered ${received.length} e-mails (${unique} distinct Message-IDs; claimed ${stats.claimed}, sent ${stats.sent}, retried ${stats.retried}, failed ${stats.failed}) ` +
        `in ${seconds(elapsed)} wall (sweep ${seconds(cpuMs)} CPU, SMTP server process ${seconds(serverCpuMs)} CPU, load average ${load}) — ${Math.round(received.length / (elapsed / 1000))}/s (goal < 60 s; pooled SMTP, ${SMTP_CONNECTIONS} connections; smtp-server in a child process)`,
    );
  } finally {
    await mailbox.close();
    await t.close();
  }
}

async function benchPlanning(): Promise<void> {
  const now = new Date("2026-03-01T08:00:00Z");
  const preferences = {
    ...DEFAULT_REMINDER_PREFERENCES,
    channels: ["app", "email", "webhook"] as ("app" | "email" | "webhook")[],
    timeZone: "Europe/Paris",
    quietHours: { start: "22:00", end: "07:00" },
  };
  const inputs = Array.from({ length: ORDERS }, (_, i) => ({
    orderId: `order-${i}`,
    deadlines: exampleDeadlines(i),
    alerts: i % 3 === 0 ? [ALERTS[i % ALERTS.length]!] : [],
    caseState: "none" as const,
    preferences,
    now,
  }));
  const {
    result: planned,
    wallMs,
    cpuMs,
    load,
  } = await measured(async () => {
    let count = 0;
    for (const input of inputs) count += planReminders(input).length;
    return count;
  });
  console.log(
    `reminders: planning alone for ${ORDERS} orders (3 deadlines each, 3 channels, quiet hours, Europe/Paris) → ${planned} reminders in ${seconds(wallMs)} wall, ${seconds(cpuMs)} CPU, load average ${load} (goal < 2 s)`,
  );

  // Planning plus storing (one write transaction per order, as an order update does it).
  const t = await createTestDb();
  try {
    const STORED = 1_000;
    const userId = await addUser(t.db, { channels: ["app", "email", "webhook"], timeZone: "Europe/Paris" });
    const orderIds: string[] = [];
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < STORED; i++) orderIds.push(await addOrder(trx, userId));
    });
    const storeStart = performance.now();
    for (let i = 0; i < STORED; i++) {
      await replanOrderReminders(t.db, {
        orderId: orderIds[i]!,
        userId,
        assessment: { deadlines: exampleDeadlines(i), alerts: [], case: "none" },
        now,
        messageDomain: "claimtrail.test",
      });
    }
    const storeElapsed = performance.now() - storeStart;
    console.log(
      `reminders: re-plan and store ${STORED} orders (one transaction each) in ${seconds(storeElapsed)} — ${(storeElapsed / STORED).toFixed(2)} ms per order`,
    );
  } finally {
    await t.close();
  }
}

export async function run(): Promise<void> {
  await benchPlanning();
  await benchSweep();
}
