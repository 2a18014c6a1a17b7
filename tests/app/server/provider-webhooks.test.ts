/**
 * Live tracking against the REAL server process (built app, production mode) with both providers
 * pointed at local stand-ins: numbers are registered and read on their own by the in-server
 * refresher, and pushes are accepted only with a good, fresh signature. A second server without
 * keys shows nothing breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { startFake17Track, startFakeAfterShip, signed17TrackPush, signedAfterShipPush, type FakeEvent } from "../../factories/fake-providers.ts";
import { signedUpClient, type Client } from "./http-client.ts";
import { seedOrder, userIdOf, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";

const KEY_17 = "seventeen-webhook-key";
const SECRET_AS = "aftership-webhook-secret";
const DAY = 24 * 60 * 60 * 1000;

let server: RunningServer;
let bare: RunningServer;
let seventeen: Awaited<ReturnType<typeof startFake17Track>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
let client: Client;
let email: string;

beforeAll(async () => {
  seventeen = await startFake17Track();
  aftership = await startFakeAfterShip();
  [server, bare] = await Promise.all([
    startServer({
      env: {
        SEVENTEENTRACK_API_KEY: "test-17-key",
        SEVENTEENTRACK_API_URL: seventeen.url,
        SEVENTEENTRACK_WEBHOOK_KEY: KEY_17,
        AFTERSHIP_API_KEY: "test-as-key",
        AFTERSHIP_API_URL: aftership.url,
        AFTERSHIP_WEBHOOK_SECRET: SECRET_AS,
        PROVIDER_REFRESH_MS: "300",
      },
    }),
    startServer(),
  ]);
  ({ client, email } = await signedUpClient(server.url, "providers"));
}, 240_000);
afterAll(async () => {
  await Promise.all([server?.stop(), bare?.stop()]);
  await seventeen?.close();
  await aftership?.close();
});

const recent = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** An order of the signed-in person with one tracking number, saved straight into the server's database. */
async function orderWith(number: string, owner = email, dbFile = server.dbFile): Promise<string> {
  const orderId = await seedOrder(dbFile, owner, {
    ordered_at: recent(12),
    shipped_at: recent(10),
    protection_ends_at: new Date(Date.now() + 40 * DAY).toISOString(),
  });
  await withDb(dbFile, async (db) => addTrackingNumbers(db, await userIdOf(db, owner), orderId, [{ number, source: "user" }]));
  return orderId;
}

async function eventsOf(orderId: string, dbFile = server.dbFile) {
  return withDb(dbFile, (db) =>
    db.selectFrom("tracking_events").select(["text", "source", "raw"]).where("order_id", "=", orderId).orderBy("occurred_at", "desc").execute(),
  );
}

async function counts(dbFile = server.dbFile) {
  return withDb(dbFile, async (db) => {
    const out: Record<string, number> = {};
    for (const table of ["tracking_events", "tracking_numbers", "reminders", "orders"] as const) {
      out[table] = Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    return out;
  });
}

function post(url: string, push: { body: string; headers: Record<string, string> }) {
  return fetch(url, { method: "POST", body: push.body, headers: push.headers });
}

describe("with provider keys set", () => {
  it("registers a new order's number and brings its events in on its own", async () => {
    const number = "LP00111122223333";
    seventeen.events.set(number, [
      { at: recent(2), text: "Arrived at the destination country's sorting centre", location: "PARIS", code: "Arrival" },
      { at: recent(6), text: "Departed from the origin country", code: "Departure" },
    ]);
    const orderId = await orderWith(number);
    // Registration with each provider and the first fetch run in the background, in no fixed order:
    // wait until all three have happened before looking.
    const deadline = Date.now() + 20_000;
    const settled = async () => (await eventsOf(orderId)).length >= 2 && seventeen.registered.has(number) && aftership.registered.has(number);
    while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const events = await eventsOf(orderId);
    expect(events.map((e) => e.text)).toEqual(["Arrived at the destination country's sorting centre", "Departed from the origin country"]);
    expect(events.every((e) => e.source === "provider" && e.raw !== null)).toBe(true);
    expect(seventeen.registered.has(number)).toBe(true);
    expect(aftership.registered.has(number)).toBe(true);

    const page = await (await client.get(`/orders/${orderId}`)).text();
    expect(page).toContain("Arrived at the destination country&#x27;s sorting centre");
  });

  it("stores a correctly signed 17TRACK push on every order with that number; the same push again changes nothing", async () => {
    const number = "RR123456785CN";
    const mine = await orderWith(number);
    const other = await signedUpClient(server.url, "providers-other");
    const theirs = await orderWith(number, other.email);
    const push = signed17TrackPush(
      number,
      [{ at: recent(1), text: "Import customs clearance started", location: "ROISSY", code: "InTransit" }],
      KEY_17,
    );

    const res = await post(`${server.url}/webhooks/17track`, push);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ orders: 2, added: 2 });
    for (const orderId of [mine, theirs]) {
      const events = await eventsOf(orderId);
      expect(events.map((e) => e.text)).toContain("Import customs clearance started");
      expect(JSON.parse(events.find((e) => e.text === "Import customs clearance started")!.raw!)).toMatchObject({ location: "ROISSY" });
    }

    const before = await counts();
    const again = await post(`${server.url}/webhooks/17track`, push);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ orders: 2, added: 0, duplicates: 2 });
    expect(await counts()).toEqual(before);
  });

  it("refuses unsigned and wrongly signed 17TRACK pushes with 401 and stores nothing", async () => {
    const number = "RR987654321CN";
    const orderId = await orderWith(number);
    const good = signed17TrackPush(number, [{ at: recent(1), text: "Out for delivery", code: "OutForDelivery" }], KEY_17);
    const before = await counts();
    const unsigned = await post(`${server.url}/webhooks/17track`, { body: good.body, headers: { "content-type": "application/json" } });
    const wrongKey = await post(
      `${server.url}/webhooks/17track`,
      signed17TrackPush(number, [{ at: recent(1), text: "Out for delivery" }], "not-the-key"),
    );
    const tampered = await post(`${server.url}/webhooks/17track`, {
      body: good.body.replace("Out for delivery", "Delivered"),
      headers: good.headers,
    });
    expect([unsigned.status, wrongKey.status, tampered.status]).toEqual([401, 401, 401]);
    expect(await counts()).toEqual(before);
    expect(await eventsOf(orderId)).toEqual([]);
  });

  it("accepts a fresh AfterShip webhook and refuses stale, unsigned or wrongly signed ones", async () => {
    const number = "LP00999988887777";
    const orderId = await orderWith(number);
    const events: FakeEvent[] = [{ at: recent(1), text: "Arrived at the destination country's sorting centre", code: "InTransit" }];
    const before = await counts();
    const stale = await post(`${server.url}/webhooks/aftership`, signedAfterShipPush(number, events, SECRET_AS, new Date(Date.now() - 2 * DAY)));
    const wrong = await post(`${server.url}/webhooks/aftership`, signedAfterShipPush(number, events, "guessed-secret"));
    const fresh = signedAfterShipPush(number, events, SECRET_AS);
    const unsigned = await post(`${server.url}/webhooks/aftership`, { body: fresh.body, headers: { "content-type": "application/json" } });
    expect([stale.status, wrong.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(await counts()).toEqual(before);

    const ok = await post(`${server.url}/webhooks/aftership`, fresh);
    expect(ok.status).toBe(200);
    expect((await eventsOf(orderId)).map((e) => e.text)).toContain("Arrived at the destination country's sorting centre");
  });

  it("takes a realistic long push (hundreds of events) and answers a signed but unreadable one with 400", async () => {
    const number = "LP00555566667777";
    const orderId = await orderWith(number);
    const many: FakeEvent[] = Array.from({ length: 300 }, (_, i) => ({
      at: new Date(Date.now() - (i + 1) * 3600_000).toISOString(),
      text: `Parcel scanned at sorting hub ${i} in transit to the next facility`,
      location: `HUB ${i}`,
    }));
    const push = signed17TrackPush(number, many, KEY_17);
    expect(push.body.length).toBeGreaterThan(50_000);
    const res = await post(`${server.url}/webhooks/17track`, push);
    expect(res.status).toBe(200);
    expect((await eventsOf(orderId)).length).toBe(300);

    const body = "not json";
    const { seventeenTrackSignature } = await import("../../../app/carriers/providers/webhook-signature.ts");
    const garbled = await fetch(`${server.url}/webhooks/17track`, { method: "POST", body, headers: { sign: seventeenTrackSignature(body, KEY_17) } });
    expect(garbled.status).toBe(400);
    expect((await fetch(`${server.url}/webhooks/17track`)).status).toBe(405);
  });
});

describe("without provider keys", () => {
  it("keeps serving the order page, starts no refresher, and refuses pushes", async () => {
    const { client: bareClient, email: bareEmail } = await signedUpClient(bare.url, "no-providers");
    const orderId = await orderWith("RR123456785CN", bareEmail, bare.dbFile);
    const page = await bareClient.get(`/orders/${orderId}`);
    expect(page.status).toBe(200);

    const before = await counts(bare.dbFile);
    const push = await post(`${bare.url}/webhooks/17track`, signed17TrackPush("RR123456785CN", [{ at: recent(1), text: "Delivered" }], KEY_17));
    expect(push.status).toBe(404);
    expect(await counts(bare.dbFile)).toEqual(before);
    expect(bare.output()).not.toMatch(/refresh failed|error/i);
  });
});
