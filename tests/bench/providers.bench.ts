/**
 * Live tracking: one refresher pass over N orders against a local 17TRACK-format server, with the
 * rate limit lifted so the figures are our own cost (storing, assessing, re-planning), then the
 * same pass under the real 3 requests/s to show what pacing adds.
 */
import { createOrder } from "../../db/queries/orders.server.ts";
import { addTrackingNumbers } from "../../db/queries/tracking.server.ts";
import { providerSetup } from "../../app/providers/provider-setup.server.ts";
import { refreshDueTrackings } from "../../app/providers/refresher.server.ts";
import { TokenBucket } from "../../app/providers/token-bucket.ts";
import { createTestDatabase, insertUser, orderFields } from "../factories/db.ts";
import { startFake17Track, type FakeEvent } from "../factories/fake-providers.ts";

const DAY = 24 * 60 * 60 * 1000;

async function pass(orders: number, perSecond: number): Promise<{ ms: number; events: number; requests: number }> {
  const fake = await startFake17Track();
  const t = await createTestDatabase();
  try {
    await insertUser(t.db, { id: "bench" });
    const now = new Date();
    for (let i = 0; i < orders; i++) {
      const number = `LP${String(i).padStart(14, "0")}`;
      const order = await createOrder(
        t.db,
        "bench",
        orderFields({
          ordered_at: new Date(now.getTime() - 12 * DAY).toISOString(),
          protection_ends_at: new Date(now.getTime() + 40 * DAY).toISOString(),
        }),
      );
      await addTrackingNumbers(t.db, "bench", order.id, [{ number, source: "user" }], now);
      const events: FakeEvent[] = Array.from({ length: 10 }, (_, k) => ({
        at: new Date(now.getTime() - (k + 1) * 6 * 3600_000).toISOString(),
        text: k === 0 ? "Arrived at the destination country's sorting centre" : `Parcel scanned at sorting hub ${k}`,
        code: "InTransit",
      }));
      fake.events.set(number, events);
    }
    const base = providerSetup({ SEVENTEENTRACK_API_KEY: `bench-${perSecond}-${orders}`, SEVENTEENTRACK_API_URL: fake.url });
    const setup = { providers: base.providers, buckets: new Map([["17track" as const, new TokenBucket(perSecond, 3)]]) };
    const started = performance.now();
    const stats = await refreshDueTrackings(t.db, { setup, messageDomain: "bench.test", now: () => now, limit: 10_000 });
    return { ms: performance.now() - started, events: stats.eventsAdded, requests: fake.requests.length };
  } finally {
    await t.close();
    await fake.close();
  }
}

export async function run(): Promise<void> {
  for (const orders of [100, 400]) {
    const { ms, events, requests } = await pass(orders, 100_000);
    console.log(
      `refresh pass, ${orders} orders × 10 events, no pacing: ${ms.toFixed(0)} ms (${(ms / orders).toFixed(2)} ms/order, ${Math.round((events / ms) * 1000)} events/s, ${requests} HTTP requests)`,
    );
  }
  const paced = await pass(200, 3);
  console.log(`refresh pass, 200 orders at 17TRACK's 3 requests/s: ${paced.ms.toFixed(0)} ms for ${paced.requests} requests`);
}
