import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "./http-client.ts";
import { parameterRouteFiles } from "./route-table.ts";
import { seedOrder, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";

/**
 * Every route under app/routes that takes an id, with how to call it and what its owner gets.
 * A new id-taking route fails the first test below until it is added here. `path` gets the order
 * id (or an unknown one) and whatever `seed` created for the owner (e.g. `{ fileId }`).
 */
interface IdRoute {
  method: "GET" | "POST";
  path: (orderId: string, seeded: Record<string, string>) => string;
  json?: unknown;
  form?: Record<string, string>;
  ownerStatus: number;
  /** Creates what the route needs beyond the order (a file, a letter…) as the owner; returns its ids. */
  seed?: (server: RunningServer, owner: Client, orderId: string) => Promise<Record<string, string>>;
}

/** Uploads a small real PNG through the evidence endpoint, as the owner would. */
async function uploadEvidence(server: RunningServer, owner: Client, orderId: string): Promise<Record<string, string>> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "receipt.png");
  const res = await fetch(`${server.url}/orders/${orderId}/evidence`, {
    method: "POST",
    body: form,
    headers: { Cookie: owner.cookie!, Origin: server.url },
    redirect: "manual",
  });
  expect(res.status, await res.text()).toBe(303);
  const row = await withDb(server.dbFile, (db) =>
    db.selectFrom("evidence_files").select("id").where("order_id", "=", orderId).executeTakeFirstOrThrow(),
  );
  return { fileId: row.id };
}
const ID_ROUTES: Record<string, IdRoute> = {
  "orders.$id": { method: "GET", path: (id) => `/orders/${id}`, ownerStatus: 200 },
  "orders.$id.calendar[.ics]": { method: "GET", path: (id) => `/orders/${id}/calendar.ics`, ownerStatus: 200 },
  "orders.$id_.checklist": { method: "GET", path: (id) => `/orders/${id}/checklist`, ownerStatus: 200 },
  "orders.$id_.documents": { method: "GET", path: (id) => `/orders/${id}/documents`, ownerStatus: 200 },
  "orders.$id_.edit": { method: "GET", path: (id) => `/orders/${id}/edit`, ownerStatus: 200 },
  "orders.$id.letters.$kind": { method: "GET", path: (id) => `/orders/${id}/letters/seller`, ownerStatus: 200 },
  "orders.$id.packet": { method: "GET", path: (id) => `/orders/${id}/packet`, ownerStatus: 200 },
  "orders.$id_.evidence": { method: "GET", path: (id) => `/orders/${id}/evidence`, ownerStatus: 200 },
  "orders.$id.evidence.$fileId": {
    method: "GET",
    path: (id, seeded) => `/orders/${id}/evidence/${seeded.fileId}`,
    ownerStatus: 200,
    seed: uploadEvidence,
  },
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
const seeded: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  // Background jobs (the hourly reminder re-plan, provider refreshes) write rows on their own
  // schedule; with them off, any row that appears was written by the request under test.
  server = await startServer({ env: { REMINDER_REPLAN_MS: "0", PROVIDER_REFRESH_MS: "0" } });
  const a = await signedUpClient(server.url, "owner");
  const b = await signedUpClient(server.url, "other");
  owner = a.client;
  other = b.client;
  orderId = await seedOrder(server.dbFile, a.email, { item: "Bluetooth earbuds" });
  for (const [name, route] of Object.entries(ID_ROUTES)) seeded[name] = (await route.seed?.(server, owner, orderId)) ?? {};
});
afterAll(async () => {
  await server?.stop();
});

function call(client: Client, name: string, id: string) {
  const route = ID_ROUTES[name]!;
  return client.request(route.path(id, seeded[name]!), { method: route.method, json: route.json, form: route.form });
}

/** Row counts of every table: a refused request must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  return withDb(server.dbFile, async (db) => {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      counts[name] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n);
    }
    return counts;
  });
}

describe("access to ids", () => {
  it("covers every id-taking route in app/routes", () => {
    expect(parameterRouteFiles()).toEqual(Object.keys(ID_ROUTES).sort());
  });

  for (const [name, route] of Object.entries(ID_ROUTES)) {
    describe(name, () => {
      it("answers 404 (not 403) to another signed-in user, and changes nothing", async () => {
        const before = await rowCounts();
        const res = await call(other, name, orderId);
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain("Bluetooth earbuds");
        expect(await rowCounts()).toEqual(before);
      });

      it("answers 404 to the owner for an id that does not exist", async () => {
        const res = await call(owner, name, "00000000-0000-4000-8000-000000000000");
        expect(res.status).toBe(404);
      });

      it("sends an anonymous visitor to log in, and changes nothing", async () => {
        const before = await rowCounts();
        const res = await call(new Client(server.url), name, orderId);
        expect(res.status).toBe(302);
        expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
        expect(await rowCounts()).toEqual(before);
      });

      it("serves the owner", async () => {
        const res = await call(owner, name, orderId);
        // On a 500 the server's log says why.
        expect(res.status, res.status >= 500 ? server.output().slice(-3000) : undefined).toBe(route.ownerStatus);
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
