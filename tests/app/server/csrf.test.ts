import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, signedUpClient } from "./http-client.ts";
import { mutatingRoutePatterns } from "./route-table.ts";
import { seedOrder, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";

let server: RunningServer;
let client: Client;
let orderId: string;
let patterns: string[];

beforeAll(async () => {
  server = await startServer();
  const user = await signedUpClient(server.url, "csrf");
  client = user.client;
  orderId = await seedOrder(server.dbFile, user.email);
  patterns = await mutatingRoutePatterns();
});
afterAll(async () => {
  await server?.stop();
});

/** Row counts of every table: a refused request must leave all of them as they were. */
async function snapshot(): Promise<Record<string, number>> {
  return withDb(server.dbFile, async (db) => {
    const counts: Record<string, number> = {};
    for (const table of ["users", "sessions", "orders", "tracking_numbers", "tracking_events", "reports"] as const) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  });
}

const concrete = (pattern: string) =>
  pattern
    .replace(/:id\b/g, orderId)
    .replace(/:[A-Za-z]+/g, "x")
    .replace(/\*$/, "x");

/** A body each route would accept from the signed-in owner, so only the origin makes the difference. */
const bodies: Record<string, Record<string, string>> = {
  "/account": {
    intent: "password",
    currentPassword: "correct horse battery staple",
    newPassword: "another long password",
    confirmPassword: "another long password",
  },
  "/orders/:id/events": { text: "Arrived at sorting center" },
  "/login": { email: "someone@example.com", password: "whatever password" },
  "/signup": { email: "csrf-new@example.com", password: "a long enough password" },
};

describe("CSRF protection before Remix", () => {
  it("finds the mutating routes in the route table", () => {
    expect(patterns).toEqual(expect.arrayContaining(["/login", "/signup", "/logout", "/account", "/account/export", "/orders/:id/events"]));
  });

  it("refuses a cross-site or foreign-origin write to every route with an action, changing nothing", async () => {
    const before = await snapshot();
    const attacks: Array<[string, Record<string, string>]> = [
      ["foreign Origin", { Origin: "https://evil.example" }],
      ["opaque Origin", { Origin: "null" }],
      ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
      ["look-alike Origin", { Origin: server.url + ".evil.example" }],
    ];
    for (const pattern of patterns) {
      for (const [label, headers] of attacks) {
        const res = await fetch(server.url + concrete(pattern), {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: client.cookie!, ...headers },
          body: new URLSearchParams(bodies[pattern] ?? {}).toString(),
        });
        expect(res.status, `${label} → ${pattern}`).toBe(403);
        expect(res.headers.get("content-type"), pattern).toMatch(/^text\/plain/);
        expect(await res.text(), pattern).toMatch(/refused/);
      }
    }
    expect(await snapshot()).toEqual(before);
    // Still signed in: the refused logout did not log out.
    expect((await client.get("/orders")).status).toBe(200);
  });

  it("refuses other write methods too", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await fetch(`${server.url}/orders/${orderId}/events`, { method, headers: { Origin: "https://evil.example" } });
      expect(res.status, method).toBe(403);
    }
  });

  it("lets same-origin writes through", async () => {
    const res = await client.request(`/orders/${orderId}/events`, { json: { text: "Arrived at sorting center" } });
    expect(res.status).toBe(201);
    // Clients that send neither header (curl, scripts) are not browsers and carry no ambient cookie.
    const plain = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%40example.com&password=x",
      redirect: "manual",
    });
    expect(plain.status).not.toBe(403);
  });
});
