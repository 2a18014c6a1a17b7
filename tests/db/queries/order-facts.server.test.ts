import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrderFacts, loadOrderFactsForUser, loadOrderFactsPage } from "../../../db/queries/order-facts.server.ts";
import { saveOrderDocumentFacts } from "../../../db/queries/order-document-facts.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { saveProfile } from "../../../db/queries/profile.server.ts";
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

describe("loadOrderFacts", () => {
  it("gives the engine everything stored about the order, events oldest first", async () => {
    const order = await createOrder(
      t.db,
      "alice",
      orderFields({ shipped_at: "2026-03-03T00:00:00Z", estimated_delivery_latest: "2026-04-20T00:00:00Z", time_zone: null }),
    );
    await addTrackingNumbers(t.db, "alice", order.id, [
      { number: "3SAB12345678901", carrier: "postnl", leg: 1, source: "handover" },
      { number: "LP00123456789012", carrier: "cainiao", leg: 0, source: "user" },
    ]);
    await addTrackingEvents(t.db, "alice", order.id, [
      {
        at: "2026-03-09T14:30:00Z",
        text: "Handed over to local carrier",
        source: "paste",
        milestone: "handed_over",
        confidence: 0.9,
        trackingNumber: "LP00123456789012",
        carrier: "cainiao",
      },
      {
        at: "2026-03-04T08:00:00Z",
        text: "Departure from outward office of exchange",
        location: "Guangzhou",
        source: "paste",
        milestone: "departed_origin",
        confidence: 1,
      },
    ]);
    await addReport(t.db, "alice", order.id, { kind: "not_received", at: "2026-04-21T10:00:00Z" });
    await addReport(t.db, "alice", order.id, {
      kind: "protection_extended",
      at: "2026-04-22T10:00:00Z",
      data: { protectionEndsAt: "2026-06-01T00:00:00Z" },
    });
    await addReport(t.db, "alice", order.id, { kind: "checklist_step", at: "2026-04-21T11:00:00Z", note: "photos taken", data: { step: "photos" } });
    await addReport(t.db, "alice", order.id, { kind: "checklist_step", at: "2026-04-21T12:00:00Z", data: { step: "neighbours", skipped: true } });
    await saveProfile(
      t.db,
      "alice",
      {
        fullName: "Alice Martín",
        postalAddress: "Calle Mayor 1\n28013 Madrid",
        country: "ES",
        phone: null,
        language: "es",
        timeZone: "Europe/Paris",
      },
      new Date("2026-04-01T00:00:00Z"),
    );
    await saveOrderDocumentFacts(
      t.db,
      "alice",
      order.id,
      { paymentReference: null, carrierCaseNumber: "ES-2026-0042" },
      new Date("2026-04-01T00:00:00Z"),
    );

    expect(await loadOrderFacts(t.db, "alice", order.id)).toEqual({
      platform: "aliexpress",
      platformName: null,
      orderedAt: "2026-03-01T10:00:00.000Z",
      trackingNumbers: ["LP00123456789012", "3SAB12345678901"],
      events: [
        {
          at: "2026-03-04T08:00:00.000Z",
          text: "Departure from outward office of exchange",
          location: "Guangzhou",
          milestone: "departed_origin",
          confidence: 1,
          trackingNumber: null,
          carrier: null,
          source: "paste",
        },
        {
          at: "2026-03-09T14:30:00.000Z",
          text: "Handed over to local carrier",
          location: null,
          milestone: "handed_over",
          confidence: 0.9,
          trackingNumber: "LP00123456789012",
          carrier: "cainiao",
          source: "paste",
        },
      ],
      paymentMethod: "card",
      cardNetwork: "visa",
      shippedAt: "2026-03-03T00:00:00.000Z",
      protectionEndsAt: "2026-05-15T00:00:00.000Z",
      estimatedDelivery: { earliest: null, latest: "2026-04-20T00:00:00.000Z" },
      // The order has no zone of its own: the buyer's account zone applies.
      timeZone: "Europe/Paris",
      reports: [
        { at: "2026-04-21T10:00:00.000Z", kind: "not_received", note: null, reference: null },
        { at: "2026-04-21T11:00:00.000Z", kind: "checklist_step", note: "photos taken", reference: null, step: "photos", skipped: false },
        { at: "2026-04-21T12:00:00.000Z", kind: "checklist_step", note: null, reference: null, step: "neighbours", skipped: true },
        { at: "2026-04-22T10:00:00.000Z", kind: "protection_extended", note: null, reference: null, protectionEndsAt: "2026-06-01T00:00:00.000Z" },
      ],
      orderNumber: "8190000012345678",
      item: "USB-C cable, 2 m",
      seller: "Cable World Store",
      amount: { value: "12.34", currency: "EUR" },
      // The buyer's profile (issue 13): what they left empty stays null, never a placeholder.
      buyer: {
        name: "Alice Martín",
        address: "Calle Mayor 1\n28013 Madrid",
        email: "alice@example.test",
        country: "ES",
        language: "es",
        phone: null,
      },
      // No destination stored on the order: the parcel goes to the profile's country.
      destinationCountry: "ES",
      carrierCaseNumber: "ES-2026-0042",
      checklist: [
        { step: "photos", doneAt: "2026-04-21T11:00:00.000Z", note: "photos taken" },
        { step: "neighbours", doneAt: null, note: null },
      ],
    });
  });

  it("is null for another user's order", async () => {
    const order = await createOrder(t.db, "alice", orderFields());
    expect(await loadOrderFacts(t.db, "bob", order.id)).toBeNull();
    expect(await loadOrderFacts(t.db, "alice", "no-such-order")).toBeNull();
  });
});

describe("loading many orders", () => {
  it("loads the user's orders, or the given ones, leaving out other users' ids", async () => {
    const a1 = await createOrder(t.db, "alice", orderFields({ order_number: "a1" }));
    const a2 = await createOrder(t.db, "alice", orderFields({ order_number: "a2" }));
    const b1 = await createOrder(t.db, "bob", orderFields({ order_number: "b1", platform: "temu" }));
    await addTrackingEvents(t.db, "alice", a2.id, [{ at: null, text: "Delivered", source: "manual", milestone: "delivered" }]);

    const all = await loadOrderFactsForUser(t.db, "alice");
    expect([...all.keys()].sort()).toEqual([a1.id, a2.id].sort());
    expect(all.get(a2.id)?.events.map((e) => e.milestone)).toEqual(["delivered"]);
    expect(all.get(a1.id)?.events).toEqual([]);

    const some = await loadOrderFactsForUser(t.db, "alice", [a2.id, b1.id]);
    expect([...some.keys()]).toEqual([a2.id]);
  });

  it("pages through every order of every user, each exactly once, with its own facts", async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const user = i % 2 === 0 ? "alice" : "bob";
      const order = await createOrder(t.db, user, orderFields({ order_number: `n${i}` }));
      await addTrackingEvents(t.db, user, order.id, [
        { at: "2026-03-04T08:00:00Z", text: `event of n${i}`, source: "manual", milestone: "in_transit" },
      ]);
      created.push(order.id);
    }
    const seen: string[] = [];
    let afterId: string | null = null;
    let pages = 0;
    do {
      const page = await loadOrderFactsPage(t.db, { afterId, limit: 3 });
      for (const entry of page.entries) {
        seen.push(entry.orderId);
        expect(entry.facts.events.map((e) => e.text)).toEqual([`event of ${entry.facts.orderNumber}`]);
        expect(entry.userId).toBe(Number(entry.facts.orderNumber?.slice(1)) % 2 === 0 ? "alice" : "bob");
      }
      afterId = page.nextAfterId;
      pages++;
    } while (afterId !== null);
    expect(seen.sort()).toEqual([...created].sort());
    expect(pages).toBe(3);
  });
});
