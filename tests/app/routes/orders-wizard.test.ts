import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedUpClient, type Client } from "../server/http-client.ts";
import { userIdOf, withDb } from "../server/seed.ts";
import { ROOT, startServer, type RunningServer } from "../server/server-process.ts";

/** The wizard through plain form posts against the real server: what a browser without JavaScript sends. */
let server: RunningServer;
let client: Client;
let email: string;

beforeAll(async () => {
  server = await startServer();
  ({ client, email } = await signedUpClient(server.url, "wizard"));
});
afterAll(async () => {
  await server?.stop();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function counts() {
  return withDb(server.dbFile, async (db) => {
    const userId = await userIdOf(db, email);
    const orders = await db.selectFrom("orders").selectAll().where("user_id", "=", userId).execute();
    const drafts = await db.selectFrom("order_drafts").selectAll().where("user_id", "=", userId).execute();
    return { orders, drafts };
  });
}

function draftUrl(location: string | null): { draftId: string; step: string } {
  const url = new URL(location ?? "", server.url);
  return { draftId: url.searchParams.get("draft") ?? "", step: url.searchParams.get("step") ?? "" };
}

describe("the order wizard over HTTP", () => {
  it("saves each step as a draft, explains bad input, and creates everything at once", async () => {
    const start = await client.post("/orders/new", { step: "marketplace", intent: "next", platform: "aliexpress" });
    expect(start.status).toBe(303);
    const { draftId, step } = draftUrl(start.headers.get("location"));
    expect(step).toBe("facts");

    // A future order date and a bad amount: 400 with the reasons; what was typed is kept in the draft.
    const facts = {
      step: "facts",
      draftId,
      intent: "next",
      orderNumber: "8123",
      orderedOn: day(2),
      item: "Earbuds",
      amount: "1.234,5,6",
      currency: "eur",
    };
    const bad = await client.post("/orders/new", facts);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("The order date is in the future");
    expect(html).toContain("is not an amount we can read");
    let state = await counts();
    expect(state.orders).toHaveLength(0);
    expect(JSON.parse(state.drafts[0]!.data)).toMatchObject({ item: "Earbuds", amount: "1.234,5,6" });

    const good = await client.post("/orders/new", { ...facts, orderedOn: day(-20), amount: "1.234,56" });
    expect(draftUrl(good.headers.get("location")).step).toBe("tracking");

    // An ambiguous number asks for its carrier; the chosen one is kept.
    const ambiguous = await client.post("/orders/new", { step: "tracking", draftId, intent: "next", tracking: "123456789012" });
    expect(ambiguous.status).toBe(400);
    expect(await ambiguous.text()).toMatch(/could be 4PX or FedEx/);
    const chosen = await client.post("/orders/new", {
      step: "tracking",
      draftId,
      intent: "next",
      tracking: "123456789012",
      "carrier-123456789012": "fedex",
    });
    expect(draftUrl(chosen.headers.get("location")).step).toBe("history");

    // The paste is read and shown for checking before the step moves on.
    const paste = readFileSync(join(ROOT, "tests/fixtures/pastes/aliexpress-cainiao-date-then-text.txt"), "utf8");
    const read = await client.post("/orders/new", { step: "history", draftId, intent: "read", history: paste });
    expect(read.headers.get("location")).toContain("check=1");
    const shown = await (await client.get(read.headers.get("location")!)).text();
    expect(shown).toMatch(/Check the (<!-- -->)?10(<!-- -->)? events we read/);
    // Corrected: the first event's meaning; left out: the last one.
    const confirm: Record<string, string> = { step: "history", draftId, intent: "next", history: paste };
    for (let i = 0; i < 10; i++) {
      confirm[`events[${i}].shown`] = "1";
      if (i !== 9) confirm[`events[${i}].keep`] = "on";
    }
    confirm["events[0].milestone"] = "delivered";
    const toReview = await client.post("/orders/new", confirm);
    expect(draftUrl(toReview.headers.get("location")).step).toBe("review");
    const review = await (await client.get(toReview.headers.get("location")!)).text();
    expect(review).toContain("Delivered");
    expect(review).toContain("1234.56 EUR");
    expect((await counts()).orders).toHaveLength(0);

    const created = await client.post("/orders/new", { step: "review", draftId, intent: "next" });
    expect(created.status).toBe(303);
    const orderId = created.headers.get("location")!.match(/\/orders\/([0-9a-f-]{36})/)![1]!;
    state = await counts();
    expect(state.orders).toHaveLength(1);
    expect(state.drafts).toHaveLength(0);
    expect(state.orders[0]).toMatchObject({ id: orderId, amount_value: "1234.56", currency: "EUR", order_number: "8123", platform: "aliexpress" });
    const stored = await withDb(server.dbFile, async (db) => ({
      numbers: await db.selectFrom("tracking_numbers").selectAll().where("order_id", "=", orderId).execute(),
      events: await db.selectFrom("tracking_events").selectAll().where("order_id", "=", orderId).orderBy("occurred_at", "desc").execute(),
    }));
    expect(stored.numbers.map((n) => [n.number, n.carrier])).toEqual([["123456789012", "fedex"]]);
    expect(stored.events).toHaveLength(9);
    expect(stored.events[0]).toMatchObject({ text: "Import customs clearance complete", milestone: "delivered", source: "paste" });
    expect(stored.events.some((e) => e.text.startsWith("Shipment information received"))).toBe(false);

    // A second click on "Create" finds the draft gone: 404, still one order.
    const again = await client.post("/orders/new", { step: "review", draftId, intent: "next" });
    expect(again.status).toBe(404);
    expect((await counts()).orders).toHaveLength(1);
  });

  it("keeps drafts private: another person's draft id is 404 and unchanged", async () => {
    const start = await client.post("/orders/new", { step: "marketplace", intent: "next", platform: "temu" });
    const { draftId } = draftUrl(start.headers.get("location"));
    const other = (await signedUpClient(server.url, "snoop")).client;
    expect((await other.get(`/orders/new?draft=${draftId}&step=facts`)).status).toBe(404);
    const res = await other.post("/orders/new", { step: "facts", draftId, intent: "back", item: "changed" });
    expect(res.status).toBe(404);
    const draft = (await counts()).drafts.find((d) => d.id === draftId)!;
    expect(JSON.parse(draft.data).item).toBeUndefined();
  });

  it("treats an unreadable paste and a future event as things to fix, not to save", async () => {
    const start = await client.post("/orders/new", { step: "marketplace", intent: "next", platform: "other", platformName: "Shein" });
    const { draftId } = draftUrl(start.headers.get("location"));
    await client.post("/orders/new", { step: "facts", draftId, intent: "next", orderedOn: day(-3), item: "Scarf" });
    await client.post("/orders/new", { step: "tracking", draftId, intent: "next", noTracking: "on" });
    const junk = await client.post("/orders/new", { step: "history", draftId, intent: "read", history: "where is my parcel??" });
    expect(junk.status).toBe(400);
    expect(await junk.text()).toContain("could not find any dated events");
    const future = `${day(30)} 10:00\nDelivered`;
    const read = await client.post("/orders/new", { step: "history", draftId, intent: "read", history: future });
    expect(read.status).toBe(303);
    const next = await client.post("/orders/new", {
      step: "history",
      draftId,
      intent: "next",
      history: future,
      "events[0].shown": "1",
      "events[0].keep": "on",
    });
    expect(next.status).toBe(400);
    expect(await next.text()).toContain("which is in the future");
    const draft = (await counts()).drafts.find((d) => d.id === draftId)!;
    expect(draft.step).toBe("history");
  });
});
