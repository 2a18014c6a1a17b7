import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedUpClient, type Client } from "../server/http-client.ts";
import { seedOrder, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";

/** The order page's buttons and the edit page as form posts against the real server. */
let server: RunningServer;
let owner: Client;
let other: Client;
let orderId: string;

beforeAll(async () => {
  server = await startServer();
  const a = await signedUpClient(server.url, "page-owner");
  owner = a.client;
  other = (await signedUpClient(server.url, "page-other")).client;
  orderId = await seedOrder(server.dbFile, a.email, { item: "Phone case", ordered_at: new Date(Date.now() - 30 * 86_400_000).toISOString() });
});
afterAll(async () => {
  await server?.stop();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const stamp = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 16).replace("T", " ");

async function rows() {
  return withDb(server.dbFile, async (db) => ({
    orders: await db.selectFrom("orders").selectAll().where("id", "=", orderId).execute(),
    events: await db.selectFrom("tracking_events").selectAll().where("order_id", "=", orderId).execute(),
    numbers: await db.selectFrom("tracking_numbers").selectAll().where("order_id", "=", orderId).execute(),
    reports: await db.selectFrom("reports").selectAll().where("order_id", "=", orderId).execute(),
  }));
}

describe("the order page's actions", () => {
  it("shows the live-tracking panel, saying how to connect a provider when none is", async () => {
    const page = await (await owner.get(`/orders/${orderId}`)).text();
    expect(page).toContain("Live tracking");
    expect(page).toContain("No tracking provider is connected");
    expect(page).toContain("SEVENTEENTRACK_API_KEY");
  });

  it("records reports, and asks for the date of an extension", async () => {
    const contacted = await owner.post(`/orders/${orderId}`, { intent: "report", kind: "contacted_seller", note: "chat" });
    expect(contacted.status).toBe(303);
    const missingDate = await owner.post(`/orders/${orderId}`, { intent: "report", kind: "protection_extended" });
    expect(missingDate.status).toBe(400);
    expect(await missingDate.text()).toContain("Enter the new end date");
    const extended = await owner.post(`/orders/${orderId}`, { intent: "report", kind: "protection_extended", protectionEndsOn: day(20) });
    expect(extended.status).toBe(303);
    const { reports } = await rows();
    expect(reports.map((r) => r.kind)).toEqual(["contacted_seller", "protection_extended"]);
    expect(JSON.parse(reports[1]!.data!).protectionEndsAt).toMatch(new RegExp(`^${day(20)}|^${day(21)}`));
    const page = await (await owner.get(`/orders/${orderId}`)).text();
    expect(page).toContain("Seller contacted");
    expect(page).toContain("Protection extended to");
  });

  it("adds pasted events once, and refuses unreadable or future ones", async () => {
    const junk = await owner.post(`/orders/${orderId}`, { intent: "add-events", history: "no dates in here" });
    expect(junk.status).toBe(400);
    expect(await junk.text()).toContain("could not find any dated events");
    const future = await owner.post(`/orders/${orderId}`, { intent: "add-events", history: `${stamp(40)}\nDelivered` });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("in the future");
    expect((await rows()).events).toHaveLength(0);
    const history = `${stamp(-20)}\nDeparted from sorting center\n${stamp(-12)}\nArrived at destination country`;
    expect((await owner.post(`/orders/${orderId}`, { intent: "add-events", history })).status).toBe(303);
    expect((await owner.post(`/orders/${orderId}`, { intent: "add-events", history })).status).toBe(303);
    const { events } = await rows();
    expect(events.map((e) => e.milestone).sort()).toEqual(["arrived_destination", "in_transit"]);
    const page = await (await owner.get(`/orders/${orderId}`)).text();
    expect(page).toMatch(/No update for (<!-- -->)?1\d(<!-- -->)? days so far/);
  });

  it("adds a recognised tracking number and explains a wrong one", async () => {
    const wrong = await owner.post(`/orders/${orderId}`, { intent: "add-number", number: "XX12" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("not a tracking number we recognise");
    expect((await owner.post(`/orders/${orderId}`, { intent: "add-number", number: "RR123456785CN" })).status).toBe(303);
    expect((await rows()).numbers.map((n) => [n.number, n.carrier])).toEqual([["RR123456785CN", "china-post"]]);
  });

  it("edits the order's details, reading a comma amount", async () => {
    const future = await owner.post(`/orders/${orderId}/edit`, { orderedOn: day(5), item: "Phone case" });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("in the future");
    const saved = await owner.post(`/orders/${orderId}/edit`, { orderedOn: day(-30), item: "Phone case, blue", amount: "3,5", currency: "gbp" });
    expect(saved.status).toBe(303);
    expect((await rows()).orders[0]).toMatchObject({ item: "Phone case, blue", amount_value: "3.5", currency: "GBP" });
  });

  it("answers 404 to another person's posts and changes nothing", async () => {
    const before = await rows();
    const forms: Array<Record<string, string>> = [
      { intent: "report", kind: "refunded" },
      { intent: "add-events", history: `${stamp(-1)}\nDelivered` },
      { intent: "delete", confirm: "on" },
    ];
    for (const form of forms) {
      expect((await other.post(`/orders/${orderId}`, form)).status).toBe(404);
    }
    expect((await other.post(`/orders/${orderId}/edit`, { orderedOn: day(-3), item: "hacked" })).status).toBe(404);
    expect(await rows()).toEqual(before);
  });

  it("deletes the order with everything under it only after confirmation", async () => {
    const unconfirmed = await owner.post(`/orders/${orderId}`, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box to confirm");
    expect((await rows()).orders).toHaveLength(1);
    const deleted = await owner.post(`/orders/${orderId}`, { intent: "delete", confirm: "on" });
    expect(deleted.status).toBe(303);
    expect(await rows()).toEqual({ orders: [], events: [], numbers: [], reports: [] });
    expect((await owner.get(`/orders/${orderId}`)).status).toBe(404);
  });
});
