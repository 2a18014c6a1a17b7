import { afterEach, describe, expect, it } from "vitest";
import { createOrderDraft } from "../../../db/queries/order-drafts.server.ts";
import { addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { assessStoredOrder } from "../../../app/orders/order-service.server.ts";
import { runOrderPageAction } from "../../../app/orders/order-page-action.server.ts";
import { createOrderFromDraft } from "../../../app/orders/wizard/create-from-draft.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("the promised date typed in the wizard reaches the engine (issue 13)", () => {
  it("counts Visa's window from it, shows it as a dated fact, and says when it has passed", async () => {
    t = await createTestDatabase();
    const user = await insertUser(t.db);
    const draft = await createOrderDraft(t.db, user.id, "review", {
      platform: "aliexpress",
      orderedOn: "2026-03-01",
      item: "Earbuds",
      paymentMethod: "card",
      cardNetwork: "visa",
      promisedDeliveryOn: "2026-03-21",
      numbers: [{ number: "LP00512345678901", carrier: "cainiao" }],
      events: [
        { at: "2026-03-04T08:00:00Z", location: null, text: "Departed from departure country/region", milestone: "departed_origin", keep: true },
      ],
    });
    const created = await createOrderFromDraft(t.db, user.id, draft.id, "Europe/Madrid", new Date("2026-03-02T12:00:00Z"));
    if (!created.ok) throw new Error(created.reason);

    const before = await assessStoredOrder(t.db, user.id, created.orderId, new Date("2026-03-20T12:00:00Z"));
    const deadlines = new Map(before!.assessment.deadlines.map((d) => [d.id, d]));
    // The whole 21 March in Madrid (CET): it ends at 22:59:59 UTC.
    expect(deadlines.get("estimated-delivery")?.due).toBe("2026-03-21T22:59:59.000Z");
    // Visa 13.1: 120 days from that day, 19 July (CEST), not from the purchase (29 June).
    expect(deadlines.get("chargeback-closes")?.due).toBe("2026-07-19T21:59:59.000Z");
    expect(before!.assessment.actions.map((a) => a.id)).not.toContain("promised-date-passed");

    const after = await assessStoredOrder(t.db, user.id, created.orderId, new Date("2026-03-22T12:00:00Z"));
    expect(after!.assessment.actions.find((a) => a.id === "promised-date-passed")?.title).toMatch(/\(21 March\) has passed/);
  });
});

describe("a pasted two-leg history on the order page (issue 13)", () => {
  it("stores the local carrier's events under the new number, which becomes the next leg", async () => {
    t = await createTestDatabase();
    const user = await insertUser(t.db);
    const order = await createOrder(
      t.db,
      user.id,
      orderFields({ platform: "aliexpress", ordered_at: "2023-03-01T10:00:00.000Z" }),
      new Date("2023-03-01T10:00:00Z"),
    );
    await addTrackingNumbers(t.db, user.id, order.id, [{ number: "LP00512345678901", carrier: "cainiao", leg: 0, source: "user" }]);
    // Cainiao's and USPS's lines from tests/fixtures/pastes (see tests/app/carriers/handover.test.ts), with the hand-over between.
    const history = [
      "2023-03-14 12:51",
      "DELIVERED",
      "2023-03-13 15:08",
      "ARRIVAL AT POST OFFICE",
      "2023-03-11 08:00",
      "The destination carrier tracking number is 9400111202555842332669",
      "2023-03-07 23:15:40",
      "Departed from departure country/region",
    ].join("\n");
    const formData = new FormData();
    formData.set("intent", "add-events");
    formData.set("history", history);
    const outcome = await runOrderPageAction({
      db: t.db,
      userId: user.id,
      orderId: order.id,
      platform: "aliexpress",
      timeZone: "UTC",
      now: new Date("2023-03-15T10:00:00Z"),
      messageDomain: "claimtrail.test",
      formData,
    });
    expect(outcome.kind).toBe("redirect");

    const numbers = await t.db
      .selectFrom("tracking_numbers")
      .select(["id", "number", "carrier", "leg", "source"])
      .where("order_id", "=", order.id)
      .orderBy("leg")
      .execute();
    expect(numbers.map(({ number, carrier, leg, source }) => ({ number, carrier, leg, source }))).toEqual([
      { number: "LP00512345678901", carrier: "cainiao", leg: 0, source: "user" },
      { number: "9400111202555842332669", carrier: "usps", leg: 1, source: "handover" },
    ]);
    const events = await t.db.selectFrom("tracking_events").select(["text", "tracking_number_id"]).where("order_id", "=", order.id).execute();
    const numberOf = (text: string) => numbers.find((n) => n.id === events.find((e) => e.text === text)?.tracking_number_id)?.number;
    expect(numberOf("Departed from departure country/region")).toBe("LP00512345678901");
    expect(numberOf("The destination carrier tracking number is 9400111202555842332669")).toBe("LP00512345678901");
    expect(numberOf("ARRIVAL AT POST OFFICE")).toBe("9400111202555842332669");
    expect(numberOf("DELIVERED")).toBe("9400111202555842332669");
  });
});
