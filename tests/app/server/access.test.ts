import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "./http-client.ts";
import { parameterRouteFiles } from "./route-table.ts";
import { seedOrder, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";

/**
 * Every route under app/routes that takes an id, with how to call it and what its owner gets.
 * A new id-taking route fails the first test below until it is added here.
 */
interface IdRoute {
  method: "GET" | "POST";
  path: (orderId: string) => string;
  json?: unknown;
  ownerStatus: number;
}
const ID_ROUTES: Record<string, IdRoute> = {
  "orders.$id": { method: "GET", path: (id) => `/orders/${id}`, ownerStatus: 200 },
  "orders.$id.calendar[.ics]": { method: "GET", path: (id) => `/orders/${id}/calendar.ics`, ownerStatus: 200 },
  "orders.$id.events": {
    method: "POST",
    path: (id) => `/orders/${id}/events`,
    json: { text: "Arrived at destination country", occurredAt: "2026-03-10T08:00:00Z" },
    ownerStatus: 201,
  },
};

let server: RunningServer;
let owner: Client;
let other: Client;
let orderId: string;

beforeAll(async () => {
  server = await startServer();
  const a = await signedUpClient(server.url, "owner");
  const b = await signedUpClient(server.url, "other");
  owner = a.client;
  other = b.client;
  orderId = await seedOrder(server.dbFile, a.email, { item: "Bluetooth earbuds" });
});
afterAll(async () => {
  await server?.stop();
});

function call(client: Client, route: IdRoute, id: string) {
  return client.request(route.path(id), { method: route.method, json: route.json });
}

async function eventCount(): Promise<number> {
  return withDb(server.dbFile, async (db) => {
    const rows = await db.selectFrom("tracking_events").select("id").where("order_id", "=", orderId).execute();
    return rows.length;
  });
}

describe("access to ids", () => {
  it("covers every id-taking route in app/routes", () => {
    expect(parameterRouteFiles()).toEqual(Object.keys(ID_ROUTES).sort());
  });

  for (const [name, route] of Object.entries(ID_ROUTES)) {
    describe(name, () => {
      it("answers 404 (not 403) to another signed-in user, and changes nothing", async () => {
        const before = await eventCount();
        const res = await call(other, route, orderId);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain("Bluetooth earbuds");
        expect(await eventCount()).toBe(before);
      });

      it("answers 404 to the owner for an id that does not exist", async () => {
        const res = await call(owner, route, "00000000-0000-4000-8000-000000000000");
        expect(res.status).toBe(404);
      });

      it("sends an anonymous visitor to log in, and changes nothing", async () => {
        const before = await eventCount();
        const res = await call(new Client(server.url), route, orderId);
        expect(res.status).toBe(302);
        expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
        expect(await eventCount()).toBe(before);
      });

      it("serves the owner", async () => {
        const res = await call(owner, route, orderId);
        expect(res.status).toBe(route.ownerStatus);
      });
    });
  }
});

describe("the owner's views", () => {
  it("lists the order on the dashboard, newest first, linking to its page", async () => {
    const { client, email } = await signedUpClient(server.url, "lister");
    const first = await seedOrder(server.dbFile, email, { item: "Phone case", order_number: "111" });
    await new Promise((r) => setTimeout(r, 5));
    const second = await seedOrder(server.dbFile, email, { platform: "temu", item: "Desk lamp", order_number: "222" });
    const html = await (await client.get("/orders")).text();
    expect(html).toContain(`href="/orders/${first}"`);
    expect(html).toContain(`href="/orders/${second}"`);
    expect(html.indexOf("Desk lamp")).toBeLessThan(html.indexOf("Phone case"));
    expect(html).toContain("Temu");
    expect(html).not.toContain("Bluetooth earbuds");
  });

  it("stores a tracking event once and shows it on the order page", async () => {
    const event = { text: "Departed from origin country", occurredAt: "2026-03-05T09:30:00+08:00", location: "Shenzhen" };
    const first = await owner.request(`/orders/${orderId}/events`, { json: event });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ created: true, milestone: "departed_origin" });
    const again = await owner.request(`/orders/${orderId}/events`, { json: event });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false });
    const page = await (await owner.get(`/orders/${orderId}`)).text();
    expect(page).toContain("Departed from origin country");
    expect(page).toContain("Shenzhen");
  });

  it("explains a malformed event instead of storing it", async () => {
    const res = await owner.request(`/orders/${orderId}/events`, { json: { text: "", occurredAt: "yesterday" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/text|occurredAt/);
  });
});
