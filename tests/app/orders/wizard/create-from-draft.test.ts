import { afterEach, describe, expect, it } from "vitest";
import { createOrderDraft } from "../../../../db/queries/order-drafts.server.ts";
import { createOrderFromDraft } from "../../../../app/orders/wizard/create-from-draft.server.ts";
import { createTestDatabase, insertUser, type TestDatabase } from "../../../factories/db.ts";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function tableCounts(t: TestDatabase) {
  const count = async (table: "orders" | "tracking_numbers" | "tracking_events" | "order_drafts") =>
    (await t.db.selectFrom(table).select("id").execute()).length;
  return {
    orders: await count("orders"),
    numbers: await count("tracking_numbers"),
    events: await count("tracking_events"),
    drafts: await count("order_drafts"),
  };
}

const now = new Date("2026-04-01T12:00:00Z");
const base = {
  platform: "aliexpress",
  orderedOn: "2026-03-01",
  item: "Earbuds",
  numbers: [{ number: "LP00512345678901", carrier: "cainiao" }],
};

describe("createOrderFromDraft", () => {
  it("stores the order, its numbers and events and removes the draft, together", async () => {
    t = await createTestDatabase();
    const user = await insertUser(t.db);
    const draft = await createOrderDraft(t.db, user.id, "review", {
      ...base,
      events: [{ at: "2026-03-04T08:00:00Z", location: "Shenzhen", text: "Departed from sorting center", milestone: "in_transit", keep: true }],
    });
    const result = await createOrderFromDraft(t.db, user.id, draft.id, "UTC", now);
    expect(result.ok).toBe(true);
    expect(await tableCounts(t)).toEqual({ orders: 1, numbers: 1, events: 1, drafts: 0 });
  });

  it("saves nothing and keeps the draft when a write fails half-way", async () => {
    t = await createTestDatabase();
    const user = await insertUser(t.db);
    // An event the query layer refuses (empty text) fails after the order row was inserted.
    const draft = await createOrderDraft(t.db, user.id, "review", {
      ...base,
      events: [{ at: "2026-03-04T08:00:00Z", location: null, text: "   ", milestone: "in_transit", keep: true }],
    });
    await expect(createOrderFromDraft(t.db, user.id, draft.id, "UTC", now)).rejects.toThrow(/tracking events not saved/);
    expect(await tableCounts(t)).toEqual({ orders: 0, numbers: 0, events: 0, drafts: 1 });
  });

  it("creates nothing from another person's draft", async () => {
    t = await createTestDatabase();
    const owner = await insertUser(t.db);
    const other = await insertUser(t.db, { email: "other@example.com" });
    const draft = await createOrderDraft(t.db, owner.id, "review", base);
    expect(await createOrderFromDraft(t.db, other.id, draft.id, "UTC", now)).toEqual({ ok: false, reason: "missing" });
    expect(await tableCounts(t)).toMatchObject({ orders: 0, drafts: 1 });
  });
});
