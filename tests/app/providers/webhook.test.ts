import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { listProviderTrackings } from "../../../db/queries/provider-trackings.server.ts";
import { addTrackingNumbers, listTrackingEvents, listTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { assessStoredOrder } from "../../../app/orders/order-service.server.ts";
import { providerSetup } from "../../../app/providers/provider-setup.server.ts";
import { receiveProviderWebhook } from "../../../app/providers/webhook.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";
import { signed17TrackPush, signedAfterShipPush } from "../../factories/fake-providers.ts";

const DAY = 24 * 60 * 60 * 1000;
const NUMBER = "RR123456785CN";
const USPS = "9400111202555842332669";
// Never contacted: a push needs no request to the provider.
const setup = () =>
  providerSetup({
    SEVENTEENTRACK_API_KEY: "k17",
    SEVENTEENTRACK_WEBHOOK_KEY: "push-key",
    SEVENTEENTRACK_API_URL: "http://127.0.0.1:9/",
    AFTERSHIP_API_KEY: "kas",
    AFTERSHIP_WEBHOOK_SECRET: "secret",
    AFTERSHIP_API_URL: "http://127.0.0.1:9/",
  });

let t: TestDatabase;
let orderId: string;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { id: "alice" });
  orderId = (
    await createOrder(t.db, "alice", orderFields({ ordered_at: ago(12), protection_ends_at: new Date(now.getTime() + 40 * DAY).toISOString() }))
  ).id;
  await addTrackingNumbers(t.db, "alice", orderId, [{ number: NUMBER, source: "user" }], now);
});
afterEach(() => t.close());

const receive = (provider: "17track" | "aftership", push: { body: string; headers: Record<string, string> }, s = setup()) =>
  receiveProviderWebhook(t.db, { provider, setup: s, rawBody: push.body, headers: new Headers(push.headers), now, messageDomain: "x.test" });

describe("provider pushes", () => {
  it("a 17TRACK push announcing a hand-over adds the second leg, due for registration with every provider", async () => {
    const push = signed17TrackPush(
      NUMBER,
      [
        { at: ago(1), text: `The destination carrier tracking number is ${USPS}` },
        { at: ago(5), text: "Departed from the origin country", code: "Departure" },
      ],
      "push-key",
    );
    expect(await receive("17track", push)).toEqual({ status: 200, body: { orders: 1, added: 2, duplicates: 0, newLegs: 1 } });
    expect((await listTrackingNumbers(t.db, "alice", orderId)).map((n) => [n.number, n.leg, n.source])).toEqual([
      [NUMBER, 0, "user"],
      [USPS, 1, "handover"],
    ]);
    const rows = await listProviderTrackings(t.db, "alice", orderId);
    expect(rows.filter((r) => r.tracking_number === USPS).map((r) => [r.provider, r.next_refresh_at])).toEqual([
      ["17track", now.toISOString()],
      ["aftership", now.toISOString()],
    ]);
    expect((await assessStoredOrder(t.db, "alice", orderId, now))!.assessment.milestone).not.toBeNull();
  });

  it("re-plans the order's reminders when a push brings news, and not for a repeat", async () => {
    const reminders = async () =>
      (await t.db.selectFrom("reminders").select(["key", "subject"]).where("order_id", "=", orderId).execute()).map((r) => r.key).sort();
    expect(await reminders()).toEqual([]);
    const push = signed17TrackPush(NUMBER, [{ at: ago(1), text: "Held by customs, duties to pay", code: "InTransit" }], "push-key");
    await receive("17track", push);
    const planned = await reminders();
    expect(planned.length).toBeGreaterThan(0);
    const { assessment } = (await assessStoredOrder(t.db, "alice", orderId, now))!;
    expect(planned.some((key) => assessment.deadlines.some((d) => key.includes(d.id)) || assessment.alerts.some((a) => key.includes(a)))).toBe(true);
    await receive("17track", push);
    expect(await reminders()).toEqual(planned);
  });

  it("stores nothing for a stale AfterShip delivery, and answers 404 for a provider this server does not use", async () => {
    const stale = signedAfterShipPush(NUMBER, [{ at: ago(1), text: "Out for delivery" }], "secret", new Date(now.getTime() - 25 * 60 * 60 * 1000));
    const answer = await receive("aftership", stale);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: expect.stringMatching(/^AfterShip webhook is stale/) });
    const only17 = providerSetup({ SEVENTEENTRACK_API_KEY: "k17" });
    expect((await receive("aftership", signedAfterShipPush(NUMBER, [{ at: ago(1), text: "Out for delivery" }], "secret"), only17)).status).toBe(404);
    expect(await listTrackingEvents(t.db, "alice", orderId)).toEqual([]);
  });
});
