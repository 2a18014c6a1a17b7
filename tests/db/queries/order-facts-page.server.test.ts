import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrderFactsForUser, loadOrderFactsPage, type OrderFactsEntry } from "../../../db/queries/order-facts.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { addReport } from "../../../db/queries/reports.server.ts";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { id: "alice", time_zone: "Europe/Paris" });
  await insertUser(t.db, { id: "bob", time_zone: "America/New_York" });
});
afterEach(async () => {
  await t.close();
});

async function allPages(source: Parameters<typeof loadOrderFactsPage>[0], limit: number): Promise<OrderFactsEntry[]> {
  const entries: OrderFactsEntry[] = [];
  let afterId: string | null = null;
  do {
    const page = await loadOrderFactsPage(source, { afterId, limit });
    entries.push(...page.entries);
    afterId = page.nextAfterId;
  } while (afterId !== null);
  return entries;
}

/** Orders with what makes rows tricky: events without a time, same-time events, two legs, an unknown milestone, reports with data. */
async function seedVariedOrders(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const user = i % 2 === 0 ? "alice" : "bob";
    const order = await createOrder(
      t.db,
      user,
      orderFields({
        order_number: `n${i}`,
        time_zone: i === 3 ? "Asia/Tokyo" : null,
        estimated_delivery_latest: i === 1 ? "2026-04-20T00:00:00Z" : null,
      }),
    );
    if (i === 4) continue; // an order with nothing under it
    await addTrackingNumbers(t.db, user, order.id, [
      { number: `3SAB${i}2345678901`, carrier: "postnl", leg: 1, source: "handover" },
      { number: `LP00${i}23456789012`, carrier: "cainiao", leg: 0, source: "user" },
    ]);
    await addTrackingEvents(t.db, user, order.id, [
      {
        at: "2026-03-09T14:30:00Z",
        text: "Handed over",
        source: "paste",
        milestone: "handed_over",
        confidence: 0.9,
        trackingNumber: `LP00${i}23456789012`,
        carrier: "cainiao",
      },
      { at: null, text: "Shipment information received", source: "paste", milestone: "info_received" },
      { at: "2026-03-04T08:00:00Z", text: "Departure", location: "Guangzhou", source: "paste", milestone: "departed_origin", confidence: 1 },
      {
        at: "2026-03-04T08:00:00Z",
        text: "Arrival at sorting centre",
        source: "paste",
        milestone: "in_transit",
        trackingNumber: `3SAB${i}2345678901`,
      },
      { at: "2026-03-12T09:00:00Z", text: "Something we could not read", source: "paste", milestone: "unknown" },
    ]);
    await addReport(t.db, user, order.id, { kind: "not_received", at: "2026-04-21T10:00:00Z" });
    await addReport(t.db, user, order.id, { kind: "checklist_step", at: "2026-04-21T11:00:00Z", note: "photos taken", data: { step: "photos" } });
    await addReport(t.db, user, order.id, {
      kind: "protection_extended",
      at: "2026-04-22T10:00:00Z",
      data: { protectionEndsAt: "2026-06-01T00:00:00Z" },
    });
  }
}

describe("loadOrderFactsPage", () => {
  it("gives every order the same facts as the user's own loader, through Kysely or the raw connection", async () => {
    await seedVariedOrders();
    const expected = new Map([...(await loadOrderFactsForUser(t.db, "alice")), ...(await loadOrderFactsForUser(t.db, "bob"))]);
    for (const [source, limit] of [
      [t.db, 2],
      [t.sqlite, 2],
      [t.sqlite, 100],
    ] as const) {
      const entries = await allPages(source, limit);
      expect(entries.map((e) => e.orderId)).toEqual([...expected.keys()].sort());
      for (const entry of entries) expect(entry.facts).toEqual(expected.get(entry.orderId));
    }
  });

  it("names the owner of each order", async () => {
    await seedVariedOrders();
    for (const entry of await allPages(t.sqlite, 3)) {
      expect(entry.userId).toBe(Number(entry.facts.orderNumber?.slice(1)) % 2 === 0 ? "alice" : "bob");
    }
  });

  it("shows an event's tracking number even when it belongs to an order on another page", async () => {
    await seedVariedOrders();
    // A hand edit pointing the first order's event at the last numbered order's number.
    const event = t.sqlite.prepare("select id, order_id from tracking_events order by order_id limit 1").get() as { id: string; order_id: string };
    // Order ids are random: pick a number of whichever order sorts last among the *other* orders.
    const number = t.sqlite
      .prepare("select id, number, order_id from tracking_numbers where order_id <> ? order by order_id desc limit 1")
      .get(event.order_id) as { id: string; number: string; order_id: string };
    t.sqlite.prepare("update tracking_events set tracking_number_id = ? where id = ?").run(number.id, event.id);
    const first = (await allPages(t.sqlite, 1)).find((e) => e.orderId === event.order_id);
    expect(first?.facts.events.map((e) => e.trackingNumber)).toContain(number.number);
    const own = t.sqlite.prepare("select number from tracking_numbers where order_id = ?").all(event.order_id) as { number: string }[];
    expect(own.map((n) => n.number)).not.toContain(number.number); // really another order's number
  });
});
