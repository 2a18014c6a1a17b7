/**
 * Loading stored facts for re-assessment: 10,000 orders (100 users, 2 tracking numbers, 8 events
 * and 2 reports each) read page by page (five queries per page) against one order at a time; plus
 * what a durable commit costs with synchronous=FULL.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase, writeTransaction, type DB } from "../../db/client.server.ts";
import { loadOrderFacts, loadOrderFactsForUser, loadOrderFactsPage } from "../../db/queries/order-facts.server.ts";
import { addTrackingEvents } from "../../db/queries/tracking.server.ts";
import type { OrdersTable, ReportsTable, TrackingEventsTable, TrackingNumbersTable } from "../../db/schema.ts";
import type { Insertable } from "kysely";

const ORDERS = 10_000;
const USERS = 100;
const EVENTS_PER_ORDER = 8;
const MILESTONES = [
  "info_received",
  "picked_up",
  "departed_origin",
  "in_transit",
  "arrived_destination",
  "customs_pending",
  "handed_over",
  "out_for_delivery",
] as const;

async function seed(db: DB): Promise<{ userIds: string[]; orderIds: string[] }> {
  const at = "2026-03-01T10:00:00.000Z";
  const userIds = Array.from({ length: USERS }, () => randomUUID());
  const orderIds: string[] = [];
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto("users")
      .values(
        userIds.map((id) => ({ id, email: `${id}@example.test`, password_hash: "x", time_zone: "Europe/Paris", created_at: at, updated_at: at })),
      )
      .execute();
    for (let start = 0; start < ORDERS; start += 200) {
      const orders: Insertable<OrdersTable>[] = [],
        numbers: Insertable<TrackingNumbersTable>[] = [],
        events: Insertable<TrackingEventsTable>[] = [],
        reports: Insertable<ReportsTable>[] = [];
      for (let i = start; i < start + 200; i++) {
        const id = randomUUID();
        orderIds.push(id);
        orders.push({
          id,
          user_id: userIds[i % USERS],
          platform: "aliexpress",
          order_number: `81${i}`,
          ordered_at: at,
          amount_value: "12.34",
          currency: "EUR",
          created_at: at,
          updated_at: at,
        });
        const legs = [`LP${String(i).padStart(14, "0")}`, `3SAB${String(i).padStart(11, "0")}`];
        const numberIds = legs.map(() => randomUUID());
        legs.forEach((number, leg) => numbers.push({ id: numberIds[leg], order_id: id, number, carrier: null, leg, source: "user", created_at: at }));
        for (let e = 0; e < EVENTS_PER_ORDER; e++) {
          events.push({
            id: randomUUID(),
            order_id: id,
            tracking_number_id: numberIds[e < 6 ? 0 : 1],
            occurred_at: `2026-03-${String(2 + e).padStart(2, "0")}T08:00:00.000Z`,
            location: "Guangzhou",
            text: `Event ${e} of order ${i}`,
            carrier: null,
            source: "provider",
            milestone: MILESTONES[e],
            confidence: 0.9,
            dedupe_key: randomUUID(),
            raw: null,
            created_at: at,
          });
        }
        reports.push({
          id: randomUUID(),
          order_id: id,
          kind: "not_received",
          at: "2026-04-20T10:00:00.000Z",
          note: null,
          reference: null,
          data: null,
          created_at: at,
        });
        reports.push({
          id: randomUUID(),
          order_id: id,
          kind: "checklist_step",
          at: "2026-04-20T11:00:00.000Z",
          note: null,
          reference: null,
          data: '{"step":"photos"}',
          created_at: at,
        });
      }
      await trx.insertInto("orders").values(orders).execute();
      await trx.insertInto("tracking_numbers").values(numbers).execute();
      for (let k = 0; k < events.length; k += 500)
        await trx
          .insertInto("tracking_events")
          .values(events.slice(k, k + 500))
          .execute();
      await trx.insertInto("reports").values(reports).execute();
    }
  });
  return { userIds, orderIds };
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-bench-"));
  const { db } = openDatabase(join(dir, "bench.sqlite"));
  try {
    await migrateToLatest(db);
    let start = process.hrtime.bigint();
    const { userIds, orderIds } = await seed(db);
    console.log(`seed: ${ORDERS} orders, ${ORDERS * EVENTS_PER_ORDER} events in ${ms(start).toFixed(0)} ms`);

    for (const limit of [500, 1000, 2500]) {
      start = process.hrtime.bigint();
      let loaded = 0,
        pages = 0,
        events = 0;
      let afterId: string | null = null;
      do {
        const page = await loadOrderFactsPage(db, { afterId, limit });
        loaded += page.entries.length;
        for (const entry of page.entries) events += entry.facts.events.length;
        afterId = page.nextAfterId;
        pages++;
      } while (afterId !== null);
      const took = ms(start);
      console.log(
        `all facts, pages of ${limit}: ${loaded} orders / ${events} events in ${took.toFixed(0)} ms (${pages} pages, ${pages * 5} queries, ${((loaded / took) * 1000).toFixed(0)} orders/s)`,
      );
    }

    start = process.hrtime.bigint();
    const one = await loadOrderFactsForUser(db, userIds[0]);
    console.log(`one user's facts (${one.size} orders): ${ms(start).toFixed(1)} ms`);

    const sample = orderIds.slice(0, 1000);
    start = process.hrtime.bigint();
    for (const id of sample) await loadOrderFacts(db, userIds[orderIds.indexOf(id) % USERS], id);
    const perOrder = ms(start) / sample.length;
    console.log(`one order at a time (N+1 way): ${perOrder.toFixed(2)} ms per order → ${((perOrder * ORDERS) / 1000).toFixed(1)} s for ${ORDERS}`);

    const commits = 200;
    start = process.hrtime.bigint();
    for (let i = 0; i < commits; i++) {
      await writeTransaction(db, (trx) =>
        addTrackingEvents(trx, userIds[0], orderIds[0], [{ at: null, text: `bench event ${i}`, source: "manual", milestone: "unknown" }]),
      );
    }
    const perCommit = ms(start) / commits;
    console.log(`durable commits (synchronous=FULL, WAL): ${perCommit.toFixed(2)} ms each, ${(1000 / perCommit).toFixed(0)} per second`);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
