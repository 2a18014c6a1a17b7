/**
 * Live tracking end to end in one process: a real migrated SQLite file, the real adapters, and
 * local 17TRACK / AfterShip servers in their documented formats (nothing reaches the internet).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { listProviderTrackings } from "../../../db/queries/provider-trackings.server.ts";
import { addTrackingEvents, addTrackingNumbers, listTrackingEvents, listTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { assessStoredOrder } from "../../../app/orders/order-service.server.ts";
import { providerSetup } from "../../../app/providers/provider-setup.server.ts";
import { providerStatusForOrder } from "../../../app/providers/provider-status.server.ts";
import { refreshDueTrackings } from "../../../app/providers/refresher.server.ts";
import { registerOrderNumbers } from "../../../app/providers/registration.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";
import { startFake17Track, startFakeAfterShip } from "../../factories/fake-providers.ts";

/** `npm run providers:refresh` as cron runs it (the bundle in dist/), in its own process; resolves with its stdout. */
async function runRefreshProcess(env: Record<string, string>): Promise<string> {
  const script = fileURLToPath(new URL("../../../dist/providers-refresh.mjs", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
  return stdout;
}

const DAY = 24 * 60 * 60 * 1000;
const NUMBER = "RR123456785CN";
const USPS = "9400111202555842332669";
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

let t: TestDatabase;
let seventeen: Awaited<ReturnType<typeof startFake17Track>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;

beforeAll(async () => {
  seventeen = await startFake17Track();
  aftership = await startFakeAfterShip();
});
afterAll(async () => {
  await seventeen.close();
  await aftership.close();
});
beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { id: "alice", time_zone: "UTC" });
  seventeen.setMode("ok");
  aftership.setMode("ok");
  seventeen.registered.clear();
  seventeen.events.clear();
  aftership.registered.clear();
  aftership.events.clear();
});
afterEach(() => t.close());

const only17 = () => providerSetup({ SEVENTEENTRACK_API_KEY: "test-17-key", SEVENTEENTRACK_API_URL: seventeen.url });
const onlyAfterShip = () => providerSetup({ AFTERSHIP_API_KEY: "test-as-key", AFTERSHIP_API_URL: aftership.url, AFTERSHIP_WEBHOOK_SECRET: "s" });
const refresh = (setup: ReturnType<typeof providerSetup>, now: Date) =>
  refreshDueTrackings(t.db, { setup, messageDomain: "claimtrail.test", now: () => now });

/** An order shipped a week ago with one tracking number, as the order wizard saves it. */
async function orderWithNumber(now: Date, number = NUMBER): Promise<string> {
  const order = await createOrder(
    t.db,
    "alice",
    orderFields({ ordered_at: ago(now, 10), shipped_at: ago(now, 8), protection_ends_at: new Date(now.getTime() + 50 * DAY).toISOString() }),
  );
  await addTrackingNumbers(t.db, "alice", order.id, [{ number, source: "user" }], now);
  return order.id;
}

describe("with 17TRACK connected", () => {
  it("registers an order's number, and a refresh brings new events that move the order on", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    const summary = await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    expect(summary).toEqual({ configured: true, registered: 1, errors: [] });
    expect(seventeen.registered.has(NUMBER)).toBe(true);
    expect((await assessStoredOrder(t.db, "alice", orderId, now))!.assessment.milestone).toBeNull();

    seventeen.events.set(NUMBER, [
      { at: ago(now, 2), text: "Arrived at the destination country's sorting centre", location: "PARIS", code: "Arrival" },
      { at: ago(now, 6), text: "Departed from the origin country", location: "SHENZHEN", code: "Departure" },
    ]);
    const stats = await refresh(only17(), now);
    expect(stats).toMatchObject({ claimed: 1, read: 1, eventsAdded: 2, failed: 0 });

    const events = await listTrackingEvents(t.db, "alice", orderId);
    expect(events.map((e) => e.text)).toEqual(["Arrived at the destination country's sorting centre", "Departed from the origin country"]);
    expect(events.every((e) => e.source === "provider" && e.tracking_number === NUMBER)).toBe(true);
    expect(JSON.parse(events[0]!.raw!)).toMatchObject({ description: "Arrived at the destination country's sorting centre", stage: "Arrival" });
    const after = (await assessStoredOrder(t.db, "alice", orderId, now))!.assessment;
    expect(after.milestone).toBe("arrived_destination");

    const [row] = await listProviderTrackings(t.db, "alice", orderId);
    expect(row!.last_refreshed_at).toBe(now.toISOString());
    expect(Date.parse(row!.next_refresh_at!)).toBeGreaterThan(now.getTime() + 60 * 60 * 1000);
    const status = await providerStatusForOrder(t.db, "alice", orderId, now, only17());
    expect(status).toMatchObject({ configured: true, providers: ["17TRACK"], lastRefreshedAt: now.toISOString(), errors: [] });

    // Asked again before it is due: no request at all.
    const reads = seventeen.readsOf(NUMBER);
    expect((await refresh(only17(), new Date(now.getTime() + 60_000))).claimed).toBe(0);
    expect(seventeen.readsOf(NUMBER)).toBe(reads);
  });

  it("never asks again about an order once it is delivered and closed", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    seventeen.events.set(NUMBER, [
      { at: ago(now, 1), text: "Delivered, in mailbox", location: "PARIS", code: "Delivered" },
      { at: ago(now, 6), text: "Departed from the origin country", code: "Departure" },
    ]);
    await refresh(only17(), now);
    expect((await assessStoredOrder(t.db, "alice", orderId, now))!.assessment.state).toBe("delivered");
    const [row] = await listProviderTrackings(t.db, "alice", orderId);
    expect(row!.next_refresh_at).toBeNull();

    const reads = seventeen.readsOf(NUMBER);
    for (const days of [1, 7, 60]) expect((await refresh(only17(), new Date(now.getTime() + days * DAY))).claimed).toBe(0);
    expect(seventeen.readsOf(NUMBER)).toBe(reads);
    const status = await providerStatusForOrder(t.db, "alice", orderId, now, only17());
    expect(status.nextRefreshAt).toBeNull();
  });

  it("waits out a rate limit instead of asking again in a loop, and says so in plain words", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    seventeen.setMode("rate_limited");
    const before = seventeen.requests.length;
    const stats = await refresh(only17(), now);
    expect(stats.failed).toBe(1);
    expect(seventeen.requests.length - before).toBe(1);

    const [row] = await listProviderTrackings(t.db, "alice", orderId);
    expect(row!.failures).toBe(1);
    expect(row!.last_error_kind).toBe("rate_limited");
    expect(Date.parse(row!.next_refresh_at!)).toBeGreaterThanOrEqual(now.getTime() + 120_000);

    // A minute later (and five passes in a row) nothing is sent: the provider is paused.
    for (let i = 0; i < 5; i++) {
      const again = await refresh(only17(), new Date(now.getTime() + 60_000));
      expect(again.paused).toEqual(["17track"]);
    }
    expect(seventeen.requests.length - before).toBe(1);
    const status = await providerStatusForOrder(t.db, "alice", orderId, now, only17());
    expect(status.errors).toEqual([expect.stringMatching(/^17TRACK rate limit reached; next try at \d\d:\d\d$/)]);

    // Once the wait is over it is asked again and recovers.
    seventeen.setMode("ok");
    seventeen.events.set(NUMBER, [{ at: ago(now, 3), text: "Departed from the origin country", code: "Departure" }]);
    const later = new Date(Date.parse(row!.next_refresh_at!) + 1000);
    expect(await refresh(only17(), later)).toMatchObject({ read: 1, eventsAdded: 1, failed: 0 });
    expect((await providerStatusForOrder(t.db, "alice", orderId, later, only17())).errors).toEqual([]);
  });

  it("stops at a quota answer and tells the person when it will try again", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    seventeen.setMode("quota");
    const summary = await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    expect(summary.errors).toEqual(["17TRACK quota reached; add quota in your 17TRACK account"]);
    const status = await providerStatusForOrder(t.db, "alice", orderId, now, only17());
    expect(status.errors).toEqual([expect.stringMatching(/^17TRACK quota reached; add quota in your 17TRACK account; next try at \d\d:\d\d$/)]);
    const before = seventeen.requests.length;
    expect((await refresh(only17(), new Date(now.getTime() + 60_000))).paused).toEqual(["17track"]);
    expect(seventeen.requests.length).toBe(before);
  });

  it("turns a hand-over event into a second leg, registered and read on the next pass", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    seventeen.events.set(NUMBER, [
      { at: ago(now, 2), text: `Handed over to the last mile carrier, tracking number ${USPS}`, code: "InTransit" },
      { at: ago(now, 6), text: "Departed from the origin country", code: "Departure" },
    ]);
    expect((await refresh(only17(), now)).newLegs).toBe(1);
    const numbers = await listTrackingNumbers(t.db, "alice", orderId);
    expect(numbers.map((n) => [n.number, n.leg, n.source, n.carrier])).toEqual([
      [NUMBER, 0, "user", null],
      [USPS, 1, "handover", "usps"],
    ]);

    seventeen.events.set(USPS, [{ at: ago(now, 1), text: "Out for delivery", location: "NEW YORK NY", code: "OutForDelivery" }]);
    const next = await refresh(only17(), new Date(now.getTime() + 1000));
    expect(next).toMatchObject({ registered: 1, read: 1, eventsAdded: 1 });
    expect(seventeen.registered.has(USPS)).toBe(true);
    const events = await listTrackingEvents(t.db, "alice", orderId);
    expect(events[0]).toMatchObject({ text: "Out for delivery", tracking_number: USPS });
  });

  it("asks again within the hour about a number the provider has nothing for yet", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    expect(await refresh(only17(), now)).toMatchObject({ read: 1, eventsAdded: 0 });
    const [row] = await listProviderTrackings(t.db, "alice", orderId);
    expect(Date.parse(row!.next_refresh_at!)).toBe(now.getTime() + 60 * 60 * 1000);
  });

  it("registers a number again, an hour later, when the provider has stopped following it", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    await registerOrderNumbers(t.db, "alice", orderId, now, only17());
    seventeen.registered.delete(NUMBER);
    expect(await refresh(only17(), now)).toMatchObject({ read: 0, eventsAdded: 0, failed: 0 });
    const [row] = await listProviderTrackings(t.db, "alice", orderId);
    expect(row!.registered_at).toBeNull();
    expect(Date.parse(row!.next_refresh_at!)).toBe(now.getTime() + 60 * 60 * 1000);

    seventeen.events.set(NUMBER, [{ at: ago(now, 1), text: "Departed from the origin country", code: "Departure" }]);
    expect(await refresh(only17(), new Date(now.getTime() + 61 * 60 * 1000))).toMatchObject({ registered: 1, read: 1, eventsAdded: 1 });
  });

  it("picks up numbers saved without registration, but spends nothing on orders already delivered", async () => {
    const now = new Date();
    const active = await orderWithNumber(now, "LP00000000000777");
    const delivered = await orderWithNumber(now, "LP00000000000888");
    await addTrackingEvents(
      t.db,
      "alice",
      delivered,
      [{ at: ago(now, 1), text: "Delivered, in mailbox", source: "paste", milestone: "delivered", trackingNumber: "LP00000000000888" }],
      now,
    );
    seventeen.events.set("LP00000000000777", [{ at: ago(now, 3), text: "Departed from the origin country", code: "Departure" }]);

    const stats = await refresh(only17(), now);
    expect(stats).toMatchObject({ adopted: 2, claimed: 1, registered: 1, read: 1, eventsAdded: 1 });
    expect([...seventeen.registered]).toEqual(["LP00000000000777"]);
    expect(seventeen.readsOf("LP00000000000888")).toBe(0);
    expect((await listProviderTrackings(t.db, "alice", delivered))[0]!.next_refresh_at).toBeNull();
    expect((await listTrackingEvents(t.db, "alice", active)).map((e) => e.source)).toEqual(["provider"]);
    // Adopted once: the next pass finds nothing new to adopt.
    expect((await refresh(only17(), new Date(now.getTime() + 1000))).adopted).toBe(0);
  });

  it("two `npm run providers:refresh` processes at once never read the same number twice", async () => {
    const now = new Date();
    const numbers = Array.from({ length: 6 }, (_, i) => `LP00${String(i).padStart(12, "0")}`);
    for (const number of numbers) await registerOrderNumbers(t.db, "alice", await orderWithNumber(now, number), now, only17());
    const env = {
      SEVENTEENTRACK_API_KEY: "test-17-key",
      SEVENTEENTRACK_API_URL: seventeen.url,
      DATABASE_URL: `file:${t.file}`,
      PROVIDER_REFRESH_BATCH: "3",
    };
    const outputs = await Promise.all([runRefreshProcess(env), runRefreshProcess(env)]);
    const claimed = outputs.map((o) => (JSON.parse(o) as { claimed: number }).claimed);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(6);
    for (const number of numbers) expect(seventeen.readsOf(number)).toBe(1);
  });
});

describe("with AfterShip connected", () => {
  it("creates the tracking, reads its checkpoints, and follows the next courier as a second leg", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    expect(await registerOrderNumbers(t.db, "alice", orderId, now, onlyAfterShip())).toMatchObject({ registered: 1 });
    expect(JSON.parse(aftership.requests.at(-1)!.body)).toEqual({ tracking_number: NUMBER });
    expect(aftership.requests.at(-1)!.headers["as-api-key"]).toBe("test-as-key");

    aftership.events.set(NUMBER, [
      { at: ago(now, 2), text: "Import customs clearance started", location: "ROISSY", code: "InTransit" },
      { at: ago(now, 6), text: "Departed from the origin country", code: "InTransit" },
    ]);
    aftership.nextCouriers.set(NUMBER, { slug: "usps", tracking_number: USPS });
    expect(await refresh(onlyAfterShip(), now)).toMatchObject({ read: 1, eventsAdded: 2, newLegs: 1 });
    expect((await assessStoredOrder(t.db, "alice", orderId, now))!.assessment.milestone).toBe("customs_pending");
    const numbers = await listTrackingNumbers(t.db, "alice", orderId);
    expect(numbers.find((n) => n.number === USPS)).toMatchObject({ leg: 1, source: "handover" });
  });
});

describe("without any provider key", () => {
  it("does nothing, stores nothing, and the order page can say how to connect one", async () => {
    const now = new Date();
    const orderId = await orderWithNumber(now);
    const none = providerSetup({});
    expect(await registerOrderNumbers(t.db, "alice", orderId, now, none)).toEqual({ configured: false, registered: 0, errors: [] });
    expect(await listProviderTrackings(t.db, "alice", orderId)).toEqual([]);
    expect((await refreshDueTrackings(t.db, { setup: none, messageDomain: "x.test" })).claimed).toBe(0);
    expect(await providerStatusForOrder(t.db, "alice", orderId, now, none)).toEqual({
      configured: false,
      providers: [],
      lastRefreshedAt: null,
      nextRefreshAt: null,
      errors: [],
    });
  });
});
