/**
 * The dashboard under load: the built server (as `npm start` runs it) on a temporary database with
 * one person owning 1,000 orders of 20 tracking events each, signed in, and autocannon asking for
 * /orders with that session. Prints p50/p95/p99 latency and requests per second against the goals
 * (p95 < 100 ms, ≥ 200 requests/s), plus the first (uncached) answer's time.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { writeTransaction } from "../../db/client.server.ts";
import type { OrdersTable, TrackingEventsTable, TrackingNumbersTable } from "../../db/schema.ts";
import type { Insertable } from "kysely";
import { signedUpClient } from "../app/server/http-client.ts";
import { userIdOf, withDb } from "../app/server/seed.ts";
import { startServer } from "../app/server/server-process.ts";

const ORDERS = 1_000;
const EVENTS = 20;
const DURATION_S = 10;
const CONNECTIONS = 10;
const TEXTS: Array<[string, string]> = [
  ["info_received", "Shipment information received by warehouse electronically"],
  ["picked_up", "Received by logistics company"],
  ["in_transit", "[Shatian Town] Departed from sorting center"],
  ["departed_origin", "Departed from departure country/region"],
  ["arrived_destination", "Arrived at destination country/region"],
  ["customs_pending", "Arrived at customs"],
  ["customs_cleared", "Import customs clearance complete"],
  ["handed_over", "Handed over to last mile carrier"],
  ["at_delivery_office", "Arrived at delivery office"],
  ["out_for_delivery", "Out for delivery"],
];

export async function seed(dbFile: string, email: string): Promise<void> {
  await withDb(dbFile, async (db) => {
    const userId = await userIdOf(db, email);
    const now = Date.now();
    await writeTransaction(db, async (trx) => {
      for (let start = 0; start < ORDERS; start += 100) {
        const orders: Insertable<OrdersTable>[] = [];
        const numbers: Insertable<TrackingNumbersTable>[] = [];
        const events: Insertable<TrackingEventsTable>[] = [];
        for (let i = start; i < start + 100; i++) {
          const id = randomUUID();
          const orderedAt = new Date(now - (5 + (i % 90)) * 86_400_000);
          const at = orderedAt.toISOString();
          orders.push({
            id,
            user_id: userId,
            platform: i % 3 === 0 ? "temu" : "aliexpress",
            order_number: `81${String(i).padStart(14, "0")}`,
            ordered_at: at,
            item: `Item ${i}`,
            amount_value: "12.34",
            currency: "EUR",
            created_at: at,
            updated_at: at,
          });
          const numberId = randomUUID();
          const number = `LP${String(i).padStart(14, "0")}`;
          numbers.push({ id: numberId, order_id: id, number, carrier: "cainiao", leg: 0, source: "user", created_at: at });
          // Events spread over the days since the order; how far each parcel got varies with i.
          const reached = i % TEXTS.length;
          for (let e = 0; e < EVENTS; e++) {
            const [milestone, text] = TEXTS[Math.min(reached, Math.floor((e * TEXTS.length) / EVENTS))]!;
            const when = new Date(orderedAt.getTime() + (e + 1) * 6 * 3_600_000).toISOString();
            events.push({
              id: randomUUID(),
              order_id: id,
              tracking_number_id: numberId,
              occurred_at: when,
              location: null,
              text: `${text} (${e})`,
              carrier: "cainiao",
              source: "paste",
              milestone,
              confidence: 0.9,
              dedupe_key: `${number}|${when}|${e}`,
              raw: null,
              created_at: at,
            });
          }
        }
        await trx.insertInto("orders").values(orders).execute();
        await trx.insertInto("tracking_numbers").values(numbers).execute();
        for (let k = 0; k < events.length; k += 500)
          await trx
            .insertInto("tracking_events")
            .values(events.slice(k, k + 500))
            .execute();
      }
    });
  });
}

export async function run(): Promise<void> {
  // By default this measures the dashboard alone. BENCH_REPLAN=1 runs the in-server reminder
  // re-plan of every order every 2 s during the run, to see what it costs the requests around it.
  const replan: Record<string, string> =
    process.env.BENCH_REPLAN === "1" ? { REMINDER_REPLAN_MS: "2000", REMINDER_INTERVAL_MS: "2000" } : { REMINDER_REPLAN_MS: "0" };
  const server = await startServer({ env: { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn", ...replan } });
  try {
    const { client, email } = await signedUpClient(server.url, "bench");
    const seedStart = performance.now();
    await seed(server.dbFile, email);
    console.log(`seeded ${ORDERS} orders × ${EVENTS} events in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    for (const label of ["first /orders (assesses every order, fills the cache)", "second /orders (cached)"]) {
      const started = performance.now();
      const res = await client.get("/orders");
      const html = await res.text();
      console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms, status ${res.status}, ${(html.length / 1024).toFixed(0)} KiB`);
      if (res.status !== 200)
        console.log(
          server
            .output()
            .split("\n")
            .filter((l) => /"level":(40|50|60)/.test(l))
            .join("\n")
            .slice(-2000),
        );
      if (label.startsWith("second") && (res.status !== 200 || !html.includes(`${ORDERS} orders`))) {
        throw new Error(
          `the dashboard did not list the seeded orders:\n${server
            .output()
            .split("\n")
            .filter((l) => !l.includes('"level":30'))
            .join("\n")
            .slice(-4000)}`,
        );
      }
    }

    const times: number[] = [];
    const slow: string[] = [];
    const benchStart = Date.now();
    const result = await autocannon({
      url: `${server.url}/orders`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { cookie: client.cookie! },
      setupClient: (c) =>
        c.on("response", (_status: number, _bytes: number, responseTime: number) => {
          times.push(responseTime);
          if (responseTime > 1000) slow.push(`${responseTime.toFixed(0)} ms at +${((Date.now() - benchStart) / 1000).toFixed(1)} s`);
        }),
    });
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
    const rps = result.requests.average;
    const p95 = pct(95);
    console.log(
      `autocannon ${CONNECTIONS} connections × ${DURATION_S} s: ${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    console.log(`latency p50 ${pct(50).toFixed(1)} ms · p95 ${p95.toFixed(1)} ms (goal < 100) · p99 ${pct(99).toFixed(1)} ms`);
    if (slow.length > 0) console.log(`answers over 1 s: ${slow.slice(0, 5).join(", ")}${slow.length > 5 ? ` (+${slow.length - 5})` : ""}`);
    console.log(`throughput ${rps.toFixed(0)} requests/s (goal ≥ 200)`);
    console.log(`goals: p95 ${p95 < 100 ? "met" : "MISSED"}, throughput ${rps >= 200 ? "met" : "MISSED"}`);
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
