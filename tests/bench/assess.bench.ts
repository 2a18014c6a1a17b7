/**
 * Re-assessing every stored order (after a classifier or policy change): 10,000 orders of 20 carrier
 * events each, loaded from a real SQLite file page by page and assessed at one `now`.
 * Goals (issue 4): under 2 s wall time, under 300 MB of memory.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { migrateToLatest, openDatabase } from "../../db/client.server.ts";
import { loadOrderFactsPage, orderFactsFromRows } from "../../db/queries/order-facts.server.ts";
import type { OrderRows, TrackingEventWithNumber } from "../../db/queries/order-rows.server.ts";
import type { Order, Report, TrackingNumber } from "../../db/schema.ts";
import { assessOrder, assessSnapshot } from "../../machines/assess.ts";
import { initialTransition, transition } from "xstate";
import { orderMachine } from "../../machines/order.machine.ts";
import { orderEventsOf, orderMachineInput, persistSnapshot, replay, restoreSnapshot } from "../../machines/replay.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import type { Milestone } from "../../machines/vocabulary.ts";

const ORDERS = 10_000;
const EVENTS_PER_ORDER = 20;
const USERS = 200;
const PAGE = 500;
const NOW = new Date("2026-04-15T12:00:00.000Z");

// A typical cross-border journey; the local carrier's number takes over at the hand-over.
const JOURNEY: Milestone[] = [
  "info_received",
  "picked_up",
  "in_transit",
  "departed_origin",
  "in_transit",
  "in_transit",
  "arrived_destination",
  "customs_pending",
  "customs_cleared",
  "handed_over",
  "in_transit",
  "at_delivery_office",
  "out_for_delivery",
  "delivery_failed",
  "available_for_pickup",
  "unknown",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "delivered",
];
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Europe/London"];
const PLATFORMS = ["aliexpress", "temu", "other"];
const PAYMENTS = [
  ["card", "visa"],
  ["card", "mastercard"],
  ["paypal", null],
  ["card", null],
] as const;

function seed(sqlite: ReturnType<typeof openDatabase>["sqlite"]): void {
  const created = "2026-03-01T00:00:00.000Z";
  const insertUser = sqlite.prepare("insert into users (id, email, password_hash, time_zone, created_at, updated_at) values (?, ?, 'x', ?, ?, ?)");
  const insertOrder = sqlite.prepare(
    "insert into orders (id, user_id, platform, ordered_at, shipped_at, payment_method, card_network, protection_ends_at, estimated_delivery_latest, time_zone, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertNumber = sqlite.prepare(
    "insert into tracking_numbers (id, order_id, number, carrier, leg, source, created_at) values (?, ?, ?, null, ?, 'user', ?)",
  );
  const insertEvent = sqlite.prepare(
    "insert into tracking_events (id, order_id, tracking_number_id, occurred_at, location, text, carrier, source, milestone, confidence, dedupe_key, raw, created_at) values (?, ?, ?, ?, 'Somewhere', ?, null, 'provider', ?, 0.9, ?, null, ?)",
  );
  const insertReport = sqlite.prepare(
    "insert into reports (id, order_id, kind, at, note, reference, data, created_at) values (?, ?, ?, ?, null, null, ?, ?)",
  );
  const users = Array.from({ length: USERS }, (_, i) => ({ id: randomUUID(), zone: ZONES[i % ZONES.length] }));
  sqlite.transaction(() => {
    for (const u of users) insertUser.run(u.id, `${u.id}@example.test`, u.zone, created, created);
  })();
  for (let start = 0; start < ORDERS; start += 1000) {
    sqlite.transaction(() => {
      for (let i = start; i < start + 1000; i++) {
        const orderId = randomUUID();
        const user = users[i % USERS];
        const ordered = Date.parse("2026-02-01T10:00:00.000Z") + (i % 40) * 86_400_000;
        const iso = (days: number) => new Date(ordered + days * 86_400_000).toISOString();
        const [payment, network] = PAYMENTS[i % PAYMENTS.length];
        insertOrder.run(
          orderId,
          user.id,
          PLATFORMS[i % 3],
          iso(0),
          i % 2 ? iso(2) : null,
          payment,
          network,
          i % 5 === 0 ? iso(50) : null,
          i % 7 === 0 ? iso(25) : null,
          i % 4 === 0 ? null : user.zone,
          created,
          created,
        );
        const legs = [randomUUID(), randomUUID()];
        insertNumber.run(legs[0], orderId, `LP${String(i).padStart(14, "0")}`, 0, created);
        insertNumber.run(legs[1], orderId, `9400${String(i).padStart(18, "0")}`, 1, created);
        // Orders stop at different points of the journey, so every state and alert is exercised.
        const reached = 4 + (i % (EVENTS_PER_ORDER - 3));
        for (let e = 0; e < EVENTS_PER_ORDER; e++) {
          const milestone = e < reached ? JOURNEY[e] : "in_transit";
          const at = e < reached ? iso(2 + e * 1.5) : iso(2 + (e - reached) * 0.25);
          insertEvent.run(randomUUID(), orderId, e < 9 ? legs[0] : legs[1], at, `Event ${e} (${milestone})`, milestone, randomUUID(), created);
        }
        if (i % 3 === 0) insertReport.run(randomUUID(), orderId, "not_received", iso(30), null, created);
        if (i % 9 === 0) insertReport.run(randomUUID(), orderId, "dispute_opened", iso(33), null, created);
        if (i % 11 === 0) insertReport.run(randomUUID(), orderId, "checklist_step", iso(31), JSON.stringify({ step: "neighbours" }), created);
      }
    })();
  }
}

/** A full collection between seeding and measuring, so the run does not pay for the seed's garbage. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

type Sqlite = ReturnType<typeof openDatabase>["sqlite"];

/**
 * The same rows read as four ordered cursors walked side by side (no page, no ORDER BY sort of
 * events, one order in memory at a time), turned into facts by the storage layer's own
 * orderFactsFromRows. Shows what the engine costs when loading streams.
 */
function* streamOrderRows(sqlite: Sqlite): Generator<OrderRows> {
  const orders = sqlite
    .prepare("select o.*, u.time_zone as user_time_zone from orders o join users u on u.id = o.user_id order by o.id")
    .iterate() as IterableIterator<Order & { user_time_zone: string }>;
  const numbers = sqlite.prepare("select * from tracking_numbers order by order_id, leg").iterate() as IterableIterator<TrackingNumber>;
  const events = sqlite
    .prepare(
      "select e.*, n.number as tracking_number from tracking_events e left join tracking_numbers n on n.id = e.tracking_number_id order by e.order_id",
    )
    .iterate() as IterableIterator<TrackingEventWithNumber>;
  const reports = sqlite.prepare("select * from reports order by order_id, at").iterate() as IterableIterator<Report>;
  const cursor = <T extends { order_id: string }>(it: IterableIterator<T>) => {
    let head = it.next();
    return (orderId: string): T[] => {
      const rows: T[] = [];
      while (!head.done && head.value.order_id < orderId) head = it.next();
      while (!head.done && head.value.order_id === orderId) {
        rows.push(head.value);
        head = it.next();
      }
      return rows;
    };
  };
  const numbersOf = cursor(numbers),
    eventsOf = cursor(events),
    reportsOf = cursor(reports);
  for (const { user_time_zone, ...order } of orders) {
    yield { order, userTimeZone: user_time_zone, numbers: numbersOf(order.id), events: eventsOf(order.id), reports: reportsOf(order.id) };
  }
}

interface PassFigures {
  assessed: number;
  events: number;
  wallMs: number;
  cpuMs: number;
  loadMs: number;
  assessMs: number;
  loadCpu: number;
  assessCpu: number;
  baselineRss: number;
  peakRss: number;
  states: Map<string, number>;
  alerts: Map<string, number>;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The job being measured: every order, page by page from the database, assessed at NOW. */
async function reassessAll(sqlite: Sqlite): Promise<PassFigures> {
  const f: PassFigures = {
    assessed: 0,
    events: 0,
    wallMs: 0,
    cpuMs: 0,
    loadMs: 0,
    assessMs: 0,
    loadCpu: 0,
    assessCpu: 0,
    baselineRss: process.memoryUsage().rss,
    peakRss: 0,
    states: new Map(),
    alerts: new Map(),
  };
  f.peakRss = f.baselineRss;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let afterId: string | null = null;
  do {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const page = await loadOrderFactsPage(sqlite, { afterId, limit: PAGE });
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    for (const entry of page.entries) {
      const answer = assessOrder(entry.facts, NOW);
      f.assessed++;
      f.events += entry.facts.events.length;
      f.states.set(answer.state, (f.states.get(answer.state) ?? 0) + 1);
      for (const alert of answer.alerts) f.alerts.set(alert, (f.alerts.get(alert) ?? 0) + 1);
    }
    f.loadMs += Number(t1 - t0) / 1e6;
    f.assessMs += Number(process.hrtime.bigint() - t1) / 1e6;
    const c2 = process.cpuUsage();
    f.loadCpu += (c1.user + c1.system - c0.user - c0.system) / 1000;
    f.assessCpu += (c2.user + c2.system - c1.user - c1.system) / 1000;
    f.peakRss = Math.max(f.peakRss, process.memoryUsage().rss);
    afterId = page.nextAfterId;
  } while (afterId !== null);
  f.wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  f.cpuMs = (cpu.user + cpu.system) / 1000;
  return f;
}

function report(label: string, f: PassFigures): void {
  console.log(`re-assess ${f.assessed} orders / ${f.events} events from the database, ${label}:`);
  console.log(
    `  ${f.wallMs.toFixed(0)} ms wall (load ${f.loadMs.toFixed(0)} ms, assess ${f.assessMs.toFixed(0)} ms; goal < 2000 ms), ${((f.assessed / f.wallMs) * 1000).toFixed(0)} orders/s`,
  );
  // Two cores are shared with other work on this machine: CPU time (all threads, so the compiler's
  // and the garbage collector's too) shows what the run itself cost.
  console.log(
    `  CPU time ${f.cpuMs.toFixed(0)} ms: load ${f.loadCpu.toFixed(0)} ms, assess ${f.assessCpu.toFixed(0)} ms (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
  );
  console.log(`  memory: peak RSS ${mb(f.peakRss)} MB during the pass (${mb(f.baselineRss)} MB before it)`);
}

/**
 * The dashboard (app/orders/order-service.server.ts assessUserOrders) restores each order from its
 * stored snapshot when the facts have not changed; that must not cost more than replaying them.
 */
async function compareSnapshotCache(sqlite: Sqlite, count: number): Promise<void> {
  const facts: OrderFacts[] = (await loadOrderFactsPage(sqlite, { limit: count })).entries.map((e) => e.facts);
  const stored = facts.map((f) => JSON.stringify(persistSnapshot(replay(f, NOW), f)));
  const cpuMs = (work: () => void) => {
    const c0 = process.cpuUsage();
    work();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const restored: number[] = [],
    replayed: number[] = [];
  let hits = 0;
  for (let round = 0; round < 5; round++) {
    restored.push(
      cpuMs(() => {
        for (let i = 0; i < facts.length; i++) {
          const { snapshot, outcome } = restoreSnapshot(stored[i], facts[i], NOW);
          if (outcome === "restored") hits++;
          assessSnapshot(facts[i], snapshot, NOW);
        }
      }),
    );
    replayed.push(
      cpuMs(() => {
        for (const f of facts) assessOrder(f, NOW);
      }),
    );
  }
  const best = (xs: number[]) => Math.min(...xs).toFixed(0);
  console.log(
    `snapshot cache, ${facts.length} orders (the dashboard's path): restore + assess ${best(restored)} ms CPU vs replay + assess ${best(replayed)} ms CPU (best of 5; ${hits / 5} of ${facts.length} restored each round)`,
  );
}

/**
 * Replay steps the machine with its own transition and one inert scope; the figures only count if its
 * snapshots are the machine's own, so some bench orders are also stepped with XState's public API.
 */
async function checkReplayAgainstMachine(sqlite: Sqlite, count: number): Promise<void> {
  const facts = (await loadOrderFactsPage(sqlite, { limit: count })).entries.map((e) => e.facts);
  let same = 0;
  for (const f of facts) {
    let [expected] = initialTransition(orderMachine, orderMachineInput(f, NOW));
    for (const event of orderEventsOf(f)) [expected] = transition(orderMachine, expected, event);
    const actual = replay(f, NOW);
    if (JSON.stringify([actual.value, actual.context]) === JSON.stringify([expected.value, expected.context])) same++;
  }
  console.log(`replay vs XState initialTransition/transition: ${same} of ${facts.length} orders identical`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-assess-bench-"));
  const { db, sqlite } = openDatabase(join(dir, "bench.sqlite"));
  try {
    await migrateToLatest(db);
    const start = process.hrtime.bigint();
    seed(sqlite);
    console.log(`seed: ${ORDERS} orders × ${EVENTS_PER_ORDER} events in ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`);
    collectGarbage();

    const first = await reassessAll(sqlite);
    report("first pass, fresh process (the engine's code not yet compiled, caches empty)", first);
    collectGarbage();
    const second = await reassessAll(sqlite);
    report("second pass, same process (a long-running server's steady state)", second);
    console.log(`  process max RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB over both passes (goal < 300 MB)`);
    const states = first.states,
      alerts = first.alerts;
    await compareSnapshotCache(sqlite, 1000);
    await checkReplayAgainstMachine(sqlite, 1000);

    collectGarbage();
    const streamBaseline = process.memoryUsage().rss;
    let streamPeak = streamBaseline,
      streamed = 0,
      sample = 0;
    const streamStart = process.hrtime.bigint();
    const streamCpu = process.cpuUsage();
    for (const rows of streamOrderRows(sqlite)) {
      assessOrder(orderFactsFromRows(rows), NOW);
      streamed++;
      if (++sample === 500) {
        sample = 0;
        streamPeak = Math.max(streamPeak, process.memoryUsage().rss);
      }
    }
    const streamWall = Number(process.hrtime.bigint() - streamStart) / 1e6;
    const streamUsed = process.cpuUsage(streamCpu);
    console.log(
      `streamed: ${streamed} orders read with ordered cursors and assessed one by one: ${streamWall.toFixed(0)} ms wall, ${((streamUsed.user + streamUsed.system) / 1000).toFixed(0)} ms CPU; peak RSS ${mb(streamPeak)} MB (${mb(streamBaseline)} MB before)`,
    );
    console.log(`  states: ${[...states].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    console.log(`  alerts: ${[...alerts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
