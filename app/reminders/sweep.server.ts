/**
 * The reminder sweep: claim → send → mark, with a lease (../shared/RELIABILITY.md "Reminders").
 *
 * - Claiming is one UPDATE inside BEGIN IMMEDIATE, so two sweeps (processes or app instances on
 *   one database) never hold the same reminder; nothing but database calls happen in it.
 * - Sending happens outside any transaction. A sweep that dies leaves its rows "claimed"; once the
 *   lease expires another sweep takes them again. A live sweep renews its leases while it sends. Only what was sent but not yet marked can go out
 *   twice, and it carries the same Message-ID (and webhook delivery id).
 * - Marks are written in small groups (a few milliseconds apart) rather than one commit per message:
 *   with synchronous=FULL every commit is an fsync. That widens the "sent, not marked" window from one
 *   message to the messages of one group, all still with their deterministic ids.
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { writeTransaction, type DB } from "../../db/client.server.ts";
import {
  claimDueReminders,
  failReminder,
  getReminderPreferences,
  insertNotifications,
  markRemindersSent,
  renewLeases,
  rescheduleReminder,
  type ReminderRow,
  type StoredReminderPreferences,
} from "../../db/queries/reminders.server.ts";
import { nextAttemptDelayMs, type DeliveryOutcome } from "./delivery-outcome.ts";
import { createEmailSender, type EmailSender } from "./email-sender.server.ts";
import { renderReminderMessage, type ReminderMessageInput } from "./reminder-message.ts";
import type { SweepConfig } from "./sweep-config.server.ts";
import { replanAllReminders } from "./replan.server.ts";
import { postWebhook } from "./webhook-sender.server.ts";
import { webhookTargetProblem } from "./webhook-target.server.ts";

export interface SweepStats {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export interface SweepOptions {
  config: SweepConfig;
  /** Identifies this sweep's leases; unique per process by default. */
  owner?: string;
  clock?: () => Date;
  /** Reuse one pooled transport across sweeps (the in-server loop does). */
  emailSender?: EmailSender | null;
  /** Stop after this many batches (tests); default: until nothing is due. */
  maxBatches?: number;
}

const MARK_FLUSH_MS = 20;
const MARK_FLUSH_SIZE = 200;

export function sweepOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Delivers everything due now; returns what it did. */
export async function runSweep(db: DB, options: SweepOptions): Promise<SweepStats> {
  const { config } = options;
  const clock = options.clock ?? (() => new Date());
  const owner = options.owner ?? sweepOwner();
  const ownSender = options.emailSender === undefined && config.smtpUrl !== null;
  const emailSender =
    options.emailSender !== undefined
      ? options.emailSender
      : config.smtpUrl
        ? createEmailSender({
            smtpUrl: config.smtpUrl,
            from: config.mailFrom,
            maxConnections: config.smtpConnections,
            timeoutMs: config.sendTimeoutMs,
          })
        : null;
  const stats: SweepStats = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const preferences = new Map<string, StoredReminderPreferences | null>();
  try {
    for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch++) {
      const rows = await writeTransaction(db, (trx) =>
        claimDueReminders(trx, { owner, now: clock(), leaseMs: config.leaseMs, limit: config.batchSize }),
      );
      if (rows.length === 0) break;
      stats.claimed += rows.length;
      // Renewed at a third of the lease, so only a sweep that stopped running loses its rows.
      const heartbeat = setInterval(
        () => {
          void writeTransaction(db, (trx) => renewLeases(trx, { owner, now: clock(), leaseMs: config.leaseMs })).catch(() => undefined);
        },
        Math.max(50, Math.floor(config.leaseMs / 3)),
      );
      try {
        await deliverBatch(db, rows, { config, owner, clock, emailSender, preferences, stats });
      } finally {
        clearInterval(heartbeat);
      }
      // In the server, requests waiting behind the sweep run between batches: the database calls
      // never wait, so without this thousands of due reminders hold every request until the end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    if (ownSender) emailSender?.close();
  }
  return stats;
}

interface BatchContext {
  config: SweepConfig;
  owner: string;
  clock: () => Date;
  emailSender: EmailSender | null;
  preferences: Map<string, StoredReminderPreferences | null>;
  stats: SweepStats;
}

async function deliverBatch(db: DB, rows: ReminderRow[], ctx: BatchContext): Promise<void> {
  for (const userId of new Set(rows.map((r) => r.user_id))) {
    if (!ctx.preferences.has(userId)) ctx.preferences.set(userId, await getReminderPreferences(db, userId));
  }

  // In-app reminders: the notification and the mark commit together, so they arrive exactly once.
  const inApp = rows.filter((r) => r.channel === "app");
  if (inApp.length > 0) {
    const now = ctx.clock();
    ctx.stats.sent += await writeTransaction(db, async (trx) => {
      // Only rows still ours: an order deleted since the claim took its reminders with it (and a
      // notification for it would break the foreign key), a lost lease means another sweep has it.
      const held = new Set(
        (
          await trx
            .selectFrom("reminders")
            .select("id")
            .where(
              "id",
              "in",
              inApp.map((r) => r.id),
            )
            .where("status", "=", "claimed")
            .where("lease_owner", "=", ctx.owner)
            .execute()
        ).map((r) => r.id),
      );
      await insertNotifications(
        trx,
        inApp
          .filter((r) => held.has(r.id))
          .map((r) => {
            const message = renderReminderMessage(messageInput(r), ctx.config.appUrl);
            return {
              userId: r.user_id,
              orderId: r.order_id,
              reminderKey: r.key,
              title: message.headline,
              body: message.body,
              link: `/orders/${r.order_id}`,
              createdAt: now,
            };
          }),
      );
      return markRemindersSent(trx, { owner: ctx.owner, ids: [...held], now });
    });
  }

  const marker = new SentMarker(db, ctx);
  const outbound = rows.filter((r) => r.channel !== "app");
  let next = 0;
  const worker = async () => {
    while (next < outbound.length) {
      const row = outbound[next++]!;
      let outcome: DeliveryOutcome;
      try {
        outcome = await deliverOne(row, ctx);
      } catch (error) {
        // A bug or an odd row must not stall the batch; the attempt limit ends it.
        outcome = { ok: false, permanent: false, error: `could not send: ${(error as Error).message ?? String(error)}` };
      }
      if (outcome.ok) marker.add(row.id);
      else await recordFailure(db, row, outcome, ctx);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ctx.config.concurrency, outbound.length) }, worker));
  await marker.flush();
}

async function deliverOne(row: ReminderRow, ctx: BatchContext): Promise<DeliveryOutcome> {
  const prefs = ctx.preferences.get(row.user_id);
  const message = renderReminderMessage(messageInput(row), ctx.config.appUrl);
  if (row.channel === "email") {
    if (!prefs?.email) return { ok: false, permanent: true, error: "no e-mail address: add one in your reminder settings" };
    if (!ctx.emailSender) return { ok: false, permanent: false, error: "e-mail is not set up on this server (SMTP_URL is missing)" };
    return ctx.emailSender.send({ to: prefs.email, subject: message.subject, text: message.text, html: message.html, messageId: row.message_id });
  }
  if (row.channel === "webhook") {
    if (!prefs?.webhookUrl || !prefs.webhookSecret) return { ok: false, permanent: true, error: "no webhook URL: add one in your reminder settings" };
    const problem = await webhookTargetProblem(prefs.webhookUrl, {
      allowPrivate: ctx.config.webhookNetworks !== "public",
      allowLoopback: ctx.config.webhookNetworks === "any",
    });
    if (problem) return { ok: false, permanent: true, error: problem };
    const body = JSON.stringify({
      type: "claimtrail.reminder",
      id: row.key,
      kind: row.kind,
      subject: row.subject,
      order: { id: row.order_id, url: message.link },
      title: message.headline,
      text: message.body,
      due: row.kind === "alert" ? null : row.deadline_due,
      remindAt: row.due_at,
    });
    return postWebhook({
      url: prefs.webhookUrl,
      secret: prefs.webhookSecret,
      body,
      deliveryId: row.message_id,
      now: ctx.clock(),
      timeoutMs: ctx.config.sendTimeoutMs,
    });
  }
  return { ok: false, permanent: true, error: `unknown channel "${row.channel}"` };
}

async function recordFailure(db: DB, row: ReminderRow, outcome: Extract<DeliveryOutcome, { ok: false }>, ctx: BatchContext): Promise<void> {
  const now = ctx.clock();
  // row.attempts already counts this attempt (the claim increments it).
  if (outcome.permanent || row.attempts >= ctx.config.retry.maxAttempts) {
    const error = outcome.permanent ? outcome.error : `gave up after ${row.attempts} attempts: ${outcome.error}`;
    await failReminder(db, { owner: ctx.owner, id: row.id, error, now });
    ctx.stats.failed++;
    return;
  }
  const delay = nextAttemptDelayMs(row.attempts, ctx.config.retry);
  await rescheduleReminder(db, { owner: ctx.owner, id: row.id, nextAttemptAt: new Date(now.getTime() + delay), error: outcome.error, now });
  ctx.stats.retried++;
}

/** Collects sent ids and writes them in small groups (see the note at the top). */
class SentMarker {
  private pending: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DB,
    private readonly ctx: BatchContext,
  ) {}

  add(id: string): void {
    this.pending.push(id);
    if (this.pending.length >= MARK_FLUSH_SIZE) this.schedule(0);
    else if (!this.timer) this.schedule(MARK_FLUSH_MS);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, delayMs);
  }

  private write(): Promise<void> {
    const ids = this.pending;
    this.pending = [];
    if (ids.length === 0) return this.chain;
    this.chain = this.chain.then(async () => {
      await writeTransaction(this.db, (trx) => markRemindersSent(trx, { owner: this.ctx.owner, ids, now: this.ctx.clock() }));
      this.ctx.stats.sent += ids.length;
    });
    return this.chain;
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.write();
    await this.chain;
  }
}

function messageInput(row: ReminderRow): ReminderMessageInput {
  return {
    key: row.key,
    orderId: row.order_id,
    kind: row.kind,
    subject: row.subject,
    leadDays: row.lead_days,
    dueAt: row.due_at,
    title: row.title,
    reason: row.reason,
    source: row.source,
    deadlineDue: row.deadline_due,
  };
}

export interface ReminderSweepHandle {
  /** Runs one sweep now (waits for a running one first). */
  runNow(): Promise<SweepStats>;
  stop(): Promise<void>;
}

/**
 * The in-server loop: a sweep every `intervalMs`, never two at once in this process (other
 * processes are kept apart by the lease). Errors are reported and the loop carries on.
 */
export function startReminderSweep(
  db: DB,
  config: SweepConfig,
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void } = {
    info: () => undefined,
    error: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
  },
): ReminderSweepHandle {
  const owner = sweepOwner();
  const emailSender = config.smtpUrl
    ? createEmailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, maxConnections: config.smtpConnections, timeoutMs: config.sendTimeoutMs })
    : null;
  let running: Promise<SweepStats> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastReplan = 0;

  const runNow = async (): Promise<SweepStats> => {
    while (running) await running.catch(() => undefined);
    running = (async () => {
      const now = Date.now();
      if (config.replanEveryMs > 0 && now - lastReplan >= config.replanEveryMs) {
        lastReplan = now;
        const replanned = await replanAllReminders(db, { now: new Date(now), messageDomain: config.messageDomain });
        log.info({ ...replanned }, "reminders re-planned");
      }
      return runSweep(db, { config, owner, emailSender });
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const tick = async () => {
    try {
      const stats = await runNow();
      if (stats.claimed > 0) log.info({ ...stats }, "reminder sweep");
    } catch (error) {
      log.error({ error: (error as Error).message }, "reminder sweep failed; will try again");
    }
    if (!stopped) {
      timer = setTimeout(tick, config.intervalMs);
      timer.unref();
    }
  };
  timer = setTimeout(tick, Math.min(5_000, config.intervalMs));
  timer.unref();

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      emailSender?.close();
    },
  };
}
