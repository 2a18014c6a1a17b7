import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeTransaction } from "../../../db/client.server.ts";
import { claimDueReminders, countUnreadNotifications, listFailedReminders, listNotifications } from "../../../db/queries/reminders.server.ts";
import { loadSweepConfig, type SweepConfig } from "../../../app/reminders/sweep-config.server.ts";
import { runSweep } from "../../../app/reminders/sweep.server.ts";
import { signWebhook } from "../../../app/reminders/webhook-sender.server.ts";
import { webhookTargetProblem } from "../../../app/reminders/webhook-target.server.ts";
import { addDueReminders, addOrder, addUser } from "./reminder-db.ts";
import { startMailbox } from "./smtp-mailbox.ts";
import { turnsGivenDuring } from "../../factories/event-loop-turns.ts";
import { useSweepTestBed } from "./test-bed.ts";

const bed = useSweepTestBed();

function config(overrides: Partial<SweepConfig> = {}): SweepConfig {
  return {
    ...loadSweepConfig({ SMTP_URL: bed.mailbox.url, APP_URL: "https://claimtrail.test" }),
    retry: { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 5 },
    sendTimeoutMs: 2_000,
    webhookNetworks: "any", // the test receiver listens on 127.0.0.1
    ...overrides,
  };
}

const clockAt = (iso: string) => () => new Date(iso);

async function statuses() {
  return bed.t.db
    .selectFrom("reminders")
    .select(["key", "status", "attempts", "next_attempt_at", "last_error", "message_id"])
    .orderBy("key")
    .execute();
}

describe("e-mail", () => {
  it("delivers each due reminder once to the real SMTP server, plain text and HTML, with its stored Message-ID", async () => {
    const user = await addUser(bed.t.db, { email: "ana@buyer.example" });
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 5, channel: "email" });
    // one not yet due
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 1, channel: "email", dueAt: "2026-03-09T09:00:00.000Z", prefix: "later" });

    const stats = await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(stats).toMatchObject({ claimed: 5, sent: 5, failed: 0, retried: 0 });

    const rows = await statuses();
    const sent = rows.filter((r) => r.status === "sent");
    expect(sent).toHaveLength(5);
    expect(bed.mailbox.messages.map((m) => m.messageId).sort()).toEqual(sent.map((r) => r.message_id).sort());
    const mail = bed.mailbox.messages[0]!;
    expect(mail.to).toEqual(["ana@buyer.example"]);
    expect(mail.subject).toMatch(/^ClaimTrail: Open a dispute \(\d\): 1 day left$/);
    expect(mail.text).toContain(`https://claimtrail.test/orders/${order}`);
    expect(mail.html).toContain(`<a href="https://claimtrail.test/orders/${order}">`);
    expect(rows.find((r) => r.key.includes("later"))!.status).toBe("pending");

    const again = await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:05:00Z") });
    expect(again.claimed).toBe(0);
    expect(bed.mailbox.messages).toHaveLength(5);
  });

  it("retries a 4xx answer with growing backoff, not in a tight loop, then delivers", async () => {
    const user = await addUser(bed.t.db);
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 1, channel: "email" });
    bed.mailbox.respond = (_mail, index) => (index < 2 ? { code: 451, message: "4.3.0 Try again later" } : undefined);

    const first = await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(first).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    let [row] = await statuses();
    expect(row).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: "2026-03-01T09:01:00.000Z" });
    expect(row!.last_error).toContain("451");

    // Right after the failure nothing is due: no tight loop.
    expect((await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:30Z") })).claimed).toBe(0);

    await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:01:00Z") });
    [row] = await statuses();
    expect(row).toMatchObject({ status: "pending", attempts: 2, next_attempt_at: "2026-03-01T09:03:00.000Z" });

    await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:03:00Z") });
    [row] = await statuses();
    expect(row).toMatchObject({ status: "sent", attempts: 3 });
    expect(bed.mailbox.messages).toHaveLength(1);
  });

  it("stops on a 5xx answer and shows the failure in the app", async () => {
    const user = await addUser(bed.t.db, { email: "nobody@buyer.example" });
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 1, channel: "email" });
    bed.mailbox.respond = () => ({ code: 550, message: "5.1.1 Mailbox unavailable" });

    const stats = await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(stats).toMatchObject({ failed: 1, retried: 0 });
    const failed = await listFailedReminders(bed.t.db, user);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.last_error).toMatch(/refused \(550\)/);
    // Never tried again.
    expect((await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-02T09:00:00Z") })).claimed).toBe(0);
    // Another person sees nothing of it.
    expect(await listFailedReminders(bed.t.db, await addUser(bed.t.db))).toHaveLength(0);
  });

  it("keeps reminders when the SMTP server is unreachable and gives up after the attempt limit", async () => {
    const user = await addUser(bed.t.db);
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 2, channel: "email" });
    await bed.mailbox.close();
    const unreachable = config({ smtpUrl: bed.mailbox.url, retry: { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 2 } });

    await runSweep(bed.t.db, { config: unreachable, clock: clockAt("2026-03-01T09:00:00Z") });
    let rows = await statuses();
    expect(rows.map((r) => r.status)).toEqual(["pending", "pending"]);
    expect(rows[0]!.last_error).toMatch(/unreachable/);

    await runSweep(bed.t.db, { config: unreachable, clock: clockAt("2026-03-01T09:01:00Z") });
    rows = await statuses();
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(rows[0]!.last_error).toMatch(/^gave up after 2 attempts/);
    bed.mailbox = await startMailbox(); // for afterEach
  });
  it("treats an SMTP server that never answers as a timeout and retries later", async () => {
    const silent = createNetServer(() => undefined); // accepts, never greets
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const user = await addUser(bed.t.db);
      await addDueReminders(bed.t.db, { userId: user, orderId: await addOrder(bed.t.db, user), count: 1, channel: "email" });
      // The server never greets: only the send time limit can end this sweep (else the test times out).
      const cfg = config({ smtpUrl: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, sendTimeoutMs: 300 });
      const stats = await runSweep(bed.t.db, { config: cfg, clock: clockAt("2026-03-01T09:00:00Z") });
      expect(stats.retried).toBe(1);
      const [row] = await statuses();
      expect(row).toMatchObject({ status: "pending", next_attempt_at: "2026-03-01T09:01:00.000Z" });
      expect(row!.last_error).toMatch(/ETIMEDOUT/);
    } finally {
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe("leases", () => {
  it("a slow batch keeps its rows: nobody else can claim them while it is still sending", async () => {
    const user = await addUser(bed.t.db);
    await addDueReminders(bed.t.db, { userId: user, orderId: await addOrder(bed.t.db, user), count: 12, channel: "email" });
    bed.mailbox.delayMs = 100; // 12 messages one at a time: ~1.2 s, four times the lease
    const cfg = config({ leaseMs: 300, concurrency: 1, smtpConnections: 1 });
    const sweeping = runSweep(bed.t.db, { config: cfg });
    let stolen = 0;
    let done = false;
    void sweeping.finally(() => (done = true));
    while (!done) {
      await new Promise((r) => setTimeout(r, 100));
      const claimed = await writeTransaction(bed.t.db, (trx) =>
        claimDueReminders(trx, { owner: "intruder", now: new Date(), leaseMs: 60_000, limit: 100 }),
      );
      stolen += claimed.length;
    }
    expect((await sweeping).sent).toBe(12);
    expect(stolen).toBe(0);
    expect(bed.mailbox.messages).toHaveLength(12);
  });
});

describe("in the app", () => {
  it("adds one notification per reminder, unread until read, even if delivered again", async () => {
    const user = await addUser(bed.t.db);
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 3, channel: "app" });
    await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(await countUnreadNotifications(bed.t.db, user)).toBe(3);
    const list = await listNotifications(bed.t.db, user);
    expect(list[0]!.link).toBe(`/orders/${order}`);
    // A crashed sweep's lease expiring makes the rows claimable again: no second notification.
    await bed.t.db.updateTable("reminders").set({ status: "claimed", lease_owner: "dead", lease_expires_at: "2026-03-01T09:00:00.000Z" }).execute();
    await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T10:00:00Z") });
    expect(await countUnreadNotifications(bed.t.db, user)).toBe(3);
    expect(await countUnreadNotifications(bed.t.db, await addUser(bed.t.db))).toBe(0);
  });
});

describe("between batches", () => {
  it("lets other work run, instead of holding the event loop until every batch is done", async () => {
    const user = await addUser(bed.t.db);
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 30, channel: "app" });
    const { result: stats, turns } = await turnsGivenDuring(() =>
      runSweep(bed.t.db, { config: config({ batchSize: 10 }), clock: clockAt("2026-03-01T09:00:00Z") }),
    );
    expect(stats.sent).toBe(30);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});

describe("webhook", () => {
  let server: Server;
  let url: string;
  let handler: (req: IncomingMessage, body: string) => number | "hang";
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];

  beforeEach(async () => {
    received.length = 0;
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        const answer = handler(req, body);
        if (answer === "hang") return; // never answers
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("posts JSON signed with HMAC-SHA256 over timestamp and body", async () => {
    handler = () => 204;
    const user = await addUser(bed.t.db, { channels: ["webhook"], webhookUrl: url, webhookSecret: "s3cret-s3cret" });
    const order = await addOrder(bed.t.db, user);
    await addDueReminders(bed.t.db, { userId: user, orderId: order, count: 1, channel: "webhook" });
    const stats = await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(stats.sent).toBe(1);
    const [hit] = received;
    const timestamp = Number(hit!.headers["x-claimtrail-timestamp"]);
    expect(timestamp).toBe(Date.parse("2026-03-01T09:00:00Z") / 1000);
    expect(hit!.headers["x-claimtrail-signature"]).toBe(signWebhook("s3cret-s3cret", timestamp, hit!.body));
    expect(hit!.headers["x-claimtrail-signature"]).not.toBe(signWebhook("another-secret", timestamp, hit!.body));
    const payload = JSON.parse(hit!.body);
    expect(payload).toMatchObject({ type: "claimtrail.reminder", order: { id: order, url: `https://claimtrail.test/orders/${order}` } });
    expect(hit!.headers["content-type"]).toBe("application/json");
  });

  it("retries a 500 later instead of looping", async () => {
    handler = () => 500;
    const user = await addUser(bed.t.db, { channels: ["webhook"], webhookUrl: url, webhookSecret: "k" });
    await addDueReminders(bed.t.db, { userId: user, orderId: await addOrder(bed.t.db, user), count: 1, channel: "webhook" });
    const stats = await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(stats).toMatchObject({ retried: 1, sent: 0 });
    expect(received).toHaveLength(1);
    const [row] = await statuses();
    expect(row).toMatchObject({ status: "pending", next_attempt_at: "2026-03-01T09:01:00.000Z", last_error: "webhook answered 500" });
  });

  it("gives up on a receiver that hangs after the timeout, and retries later", async () => {
    handler = () => "hang";
    const user = await addUser(bed.t.db, { channels: ["webhook"], webhookUrl: url, webhookSecret: "k" });
    await addDueReminders(bed.t.db, { userId: user, orderId: await addOrder(bed.t.db, user), count: 1, channel: "webhook" });
    // The receiver never answers: only the send time limit can end this sweep (else the test times out).
    const stats = await runSweep(bed.t.db, { config: config({ sendTimeoutMs: 300 }), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(stats.retried).toBe(1);
    const [row] = await statuses();
    expect(row).toMatchObject({ status: "pending", last_error: "webhook did not answer in time" });
  });

  it("refuses loopback and metadata addresses unless the operator allows them", async () => {
    handler = () => 204;
    const user = await addUser(bed.t.db, { channels: ["webhook"], webhookUrl: url, webhookSecret: "k" });
    await addDueReminders(bed.t.db, { userId: user, orderId: await addOrder(bed.t.db, user), count: 1, channel: "webhook" });
    await runSweep(bed.t.db, { config: config({ webhookNetworks: "private" }), clock: clockAt("2026-03-01T09:00:00Z") });
    expect(received).toHaveLength(0);
    const [failed] = await listFailedReminders(bed.t.db, user);
    expect(failed!.last_error).toMatch(/private or local network/);
    for (const target of ["http://169.254.169.254/latest/meta-data", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://10.0.0.8/hook"]) {
      expect(await webhookTargetProblem(target, { allowPrivate: false }), target).not.toBeNull();
    }
    expect(await webhookTargetProblem("http://10.0.0.8/hook", { allowPrivate: true })).toBeNull();
    expect(await webhookTargetProblem("https://93.184.215.14/hook", { allowPrivate: false })).toBeNull();
  });

  it("stops on a 404 and says to check the URL", async () => {
    handler = () => 404;
    const user = await addUser(bed.t.db, { channels: ["webhook"], webhookUrl: url, webhookSecret: "k" });
    await addDueReminders(bed.t.db, { userId: user, orderId: await addOrder(bed.t.db, user), count: 1, channel: "webhook" });
    await runSweep(bed.t.db, { config: config(), clock: clockAt("2026-03-01T09:00:00Z") });
    const [failed] = await listFailedReminders(bed.t.db, user);
    expect(failed!.last_error).toMatch(/404; check the URL/);
  });
});
