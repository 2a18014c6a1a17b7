import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrderDocumentFacts, saveOrderDocumentFacts } from "../../../db/queries/order-document-facts.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { loadProfile, saveProfile } from "../../../db/queries/profile.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
const now = new Date("2026-04-01T10:00:00Z");
beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { id: "alice", time_zone: "UTC" });
  await insertUser(t.db, { id: "bob", time_zone: "UTC" });
});
afterEach(async () => {
  await t.close();
});

describe("the buyer's profile", () => {
  it("starts empty but for the account's e-mail and zone, and keeps what the buyer saves", async () => {
    expect(await loadProfile(t.db, "alice")).toEqual({
      email: "alice@example.test",
      fullName: null,
      postalAddress: null,
      country: null,
      phone: null,
      language: null,
      timeZone: "UTC",
    });
    await saveProfile(
      t.db,
      "alice",
      {
        fullName: "Alice Martín",
        postalAddress: "Calle Mayor 1\n28013 Madrid",
        country: "ES",
        phone: "+34 600 000 000",
        language: "es",
        timeZone: "Europe/Madrid",
      },
      now,
    );
    expect(await loadProfile(t.db, "alice")).toMatchObject({ fullName: "Alice Martín", country: "ES", language: "es", timeZone: "Europe/Madrid" });
    // Only Alice's row changed.
    expect((await loadProfile(t.db, "bob"))?.fullName).toBeNull();
  });

  it("is null for an account that does not exist", async () => {
    expect(await loadProfile(t.db, "nobody")).toBeNull();
  });
});

describe("facts the buyer gives for documents", () => {
  it("are kept on the owner's order and never written to another person's", async () => {
    const order = await createOrder(t.db, "alice", orderFields({ payment_method: "paypal", card_network: null }));
    expect(await loadOrderDocumentFacts(t.db, "alice", order.id)).toEqual({ paymentReference: null, carrierCaseNumber: null });
    expect(await saveOrderDocumentFacts(t.db, "bob", order.id, { paymentReference: "9XJ12345AB678901C", carrierCaseNumber: null }, now)).toBe(false);
    expect(await loadOrderDocumentFacts(t.db, "bob", order.id)).toBeNull();
    expect(await saveOrderDocumentFacts(t.db, "alice", order.id, { paymentReference: "9XJ12345AB678901C", carrierCaseNumber: null }, now)).toBe(true);
    expect(await loadOrderDocumentFacts(t.db, "alice", order.id)).toEqual({ paymentReference: "9XJ12345AB678901C", carrierCaseNumber: null });
  });
});
