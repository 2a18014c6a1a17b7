/**
 * "No request ends the process": cut-off, oversized and wrongly typed bodies sent to every route
 * in the route table answer 400/413/415 with a sentence, limits count the bytes as they arrive,
 * and the server still answers /healthz afterwards. Also the smaller edges of issue #14: redirect
 * targets, event years, NUL bytes, tokens in the log, Cache-Control on personal pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, PASSWORD, signedUpClient } from "./http-client.ts";
import { rawRequest, type RawAnswer } from "./raw-request.ts";
import { mutatingRoutePatterns } from "./route-table.ts";
import { seedOrder, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";
import { png } from "../../factories/evidence-files.ts";
import { uploadEvidence } from "../evidence/upload-client.ts";

let server: RunningServer;
let client: Client;
let email: string;
let orderId: string;
let patterns: string[];

beforeAll(async () => {
  // info level: the request log is part of what is checked (no calendar tokens in it).
  server = await startServer({ env: { LOG_LEVEL: "info" } });
  ({ client, email } = await signedUpClient(server.url, "hostile"));
  orderId = await seedOrder(server.dbFile, email, { item: "Desk lamp" });
  patterns = await mutatingRoutePatterns();
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const MB = 1024 * 1024;
const CUT_MULTIPART = Buffer.concat([
  Buffer.from('--b\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000"),
]);

const concrete = (pattern: string) =>
  pattern
    .replace(/:id\b/g, orderId)
    .replace(/:[A-Za-z]+/g, "x")
    .replace(/\*$/, "x");

function signedIn(headers: Record<string, string> = {}): Record<string, string> {
  return { Origin: server.url, "Sec-Fetch-Site": "same-origin", Cookie: client.cookie!, ...headers };
}

async function expectAlive() {
  expect(server.proc.exitCode, server.output().slice(-2000)).toBeNull();
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
}

function expectSentence(answer: RawAnswer, label: string) {
  expect(answer.body.trim().length, `${label}: an answer the person can read`).toBeGreaterThan(10);
  expect(answer.body, label).not.toMatch(/\n\s+at /);
}

describe("the request that stopped the server", () => {
  it("a multipart upload cut off before its closing boundary answers 400 and the server keeps running", async () => {
    const answer = await rawRequest(server.url, `/orders/${orderId}/evidence`, {
      headers: signedIn({ "Content-Type": "multipart/form-data; boundary=b", "Content-Length": String(CUT_MULTIPART.length) }),
      body: CUT_MULTIPART,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/cut off|could not be read/);
    await expectAlive();
  });
});

describe("every route in the route table", () => {
  it("answers a cut-off multipart body, a multipart type without boundary and broken JSON with 400", async () => {
    expect(patterns).toEqual(expect.arrayContaining(["/login", "/signup", "/orders/:id", "/orders/:id/evidence", "/webhooks/17track"]));
    const bodies: Array<[string, Record<string, string>, Buffer]> = [
      ["cut-off multipart", { "Content-Type": "multipart/form-data; boundary=b" }, CUT_MULTIPART],
      ["multipart without a boundary", { "Content-Type": "multipart/form-data" }, Buffer.from("--b\r\n\r\n")],
      ["broken JSON", { "Content-Type": "application/json" }, Buffer.from('{"text":')],
    ];
    for (const pattern of patterns) {
      for (const [label, headers, body] of bodies) {
        const answer = await rawRequest(server.url, concrete(pattern), {
          headers: signedIn({ ...headers, "Content-Length": String(body.length) }),
          body,
        });
        expect(answer.status, `${label} → ${pattern}: ${answer.body}`).toBe(400);
        expectSentence(answer, `${label} → ${pattern}`);
      }
    }
    await expectAlive();
  });

  it("answers a body that declares more than its limit with 413 before reading it", async () => {
    for (const pattern of patterns) {
      const answer = await rawRequest(server.url, concrete(pattern), {
        headers: signedIn({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(1024 * MB) }),
        body: "a=1",
      });
      expect(answer.status, pattern).toBe(413);
      expectSentence(answer, pattern);
    }
    await expectAlive();
  });

  it("counts chunked and multipart bodies as they arrive and stops at the limit with 413", async () => {
    for (const pattern of patterns.filter((p) => p !== "/orders/:id/evidence")) {
      for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "application/json"]) {
        const answer = await rawRequest(server.url, concrete(pattern), { headers: signedIn({ "Content-Type": type }), streamBytes: 4 * MB });
        expect(answer.status, `${type} → ${pattern}`).toBe(413);
        expectSentence(answer, `${type} → ${pattern}`);
      }
    }
    await expectAlive();
  });

  it("answers a wrongly typed body with a 4xx sentence (415 on the form routes), never 5xx", async () => {
    const formRoutes = ["/login", "/signup", "/orders/:id", "/orders/:id/edit", "/settings/reminders"];
    const kinds: Array<[string, Record<string, string>, string]> = [
      ["JSON", { "Content-Type": "application/json" }, '{"intent":"delete"}'],
      ["no content type", {}, "intent=delete"],
      ["text/plain", { "Content-Type": "text/plain" }, "intent=delete"],
    ];
    // /logout does not read its body; it logs out, so it goes last and the client logs in again.
    const ordered = [...patterns.filter((p) => p !== "/logout"), "/logout"];
    for (const pattern of ordered) {
      for (const [label, headers, body] of kinds) {
        const answer = await rawRequest(server.url, concrete(pattern), {
          headers: signedIn({ ...headers, "Content-Length": String(Buffer.byteLength(body)) }),
          body,
        });
        expect(answer.status, `${label} → ${pattern}: ${answer.body}`).toBeLessThan(500);
        if (formRoutes.includes(pattern)) {
          expect(answer.status, `${label} → ${pattern}`).toBe(415);
          expect(answer.body, `${label} → ${pattern}`).toMatch(/form/);
        }
      }
    }
    expect((await client.logIn(email)).status).toBe(302);
    // The order was not deleted by any of them.
    expect((await client.get(`/orders/${orderId}`)).status).toBe(200);
    await expectAlive();
  });
});

describe("body limits by kind of route", () => {
  it("anonymous /login stops a chunked or multipart body at its small limit", async () => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=b"]) {
      const answer = await rawRequest(server.url, "/login", { headers: { "Content-Type": type }, streamBytes: 4 * MB });
      expect(answer.status, type).toBe(413);
      expect(answer.body).toMatch(/KB/);
    }
    const declared = await rawRequest(server.url, "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * 1024) },
      streamBytes: 200 * 1024,
    });
    expect(declared.status).toBe(413);
    await expectAlive();
  });

  it("a provider webhook stops a chunked body at its limit", async () => {
    const answer = await rawRequest(server.url, "/webhooks/17track", { headers: { "Content-Type": "application/json" }, streamBytes: 4 * MB });
    expect(answer.status).toBe(413);
    await expectAlive();
  });

  it("the evidence upload stops a chunked upload past its own limit with 413", async () => {
    const answer = await rawRequest(server.url, `/orders/${orderId}/evidence`, {
      headers: signedIn({ "Content-Type": "multipart/form-data; boundary=b" }),
      body: '--b\r\nContent-Disposition: form-data; name="files"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n',
      streamBytes: 80 * MB,
    });
    expect(answer.status).toBe(413);
    // The one file passes 15 MB first; past 60 MB the stream itself is cut.
    expect(answer.body).toMatch(/larger than 15 MB, the limit for one file/);
    // The refusal came while the upload was still arriving, not after all of it was read.
    expect(answer.sentAtAnswer).toBeLessThan(80 * MB);
    await expectAlive();
  });
});

describe("redirect targets stay on this site", () => {
  const hostile = [
    "/..//evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/orders/../..//evil.example",
    "/%2E%2E/%2Fevil.example",
    "/.%2F/evil.example",
    "/..\\/evil.example",
  ];

  function expectSameOrigin(location: string | null, label: string) {
    expect(location, label).toBeTruthy();
    const url = new URL(location!, server.url);
    expect(url.origin, `${label} → ${location}`).toBe(server.url);
    expect(location!.startsWith("//"), `${label} → ${location}`).toBe(false);
    expect(location!.startsWith("/"), `${label} → ${location}`).toBe(true);
  }

  it("after login", async () => {
    for (const to of hostile) {
      const visitor = new Client(server.url);
      const page = await visitor.get(`/login?redirectTo=${encodeURIComponent(to)}`);
      expect(page.status).toBe(200);
      const hidden = /<input[^>]*name="redirectTo"[^>]*>/.exec(await page.text())?.[0] ?? "";
      expect(hidden, to).not.toContain("evil.example");
      const res = await visitor.post("/login", { email, password: PASSWORD, redirectTo: to });
      expect(res.status, to).toBe(302);
      expectSameOrigin(res.headers.get("location"), to);
    }
  });

  it("after an evidence upload or delete", async () => {
    for (const to of hostile) {
      const res = await uploadEvidence(client, orderId, [{ name: "shot.png", bytes: await png(), type: "image/png" }], { redirectTo: to });
      expect(res.status, `${to}: ${res.status === 303 ? "" : await res.text()}`).toBe(303);
      expectSameOrigin(res.headers.get("location"), `upload ${to}`);
    }
    const files = await withDb(server.dbFile, (db) => db.selectFrom("evidence_files").select("id").where("order_id", "=", orderId).execute());
    for (const [i, to] of hostile.slice(0, files.length).entries()) {
      const res = await client.post(`/orders/${orderId}/evidence/${files[i]!.id}`, { intent: "delete", redirectTo: to });
      expect(res.status, to).toBe(303);
      expectSameOrigin(res.headers.get("location"), `delete ${to}`);
    }
  });
});

describe("smaller edges", () => {
  it("the events API refuses years outside 2000–2100 with a sentence and takes a sane one", async () => {
    for (const occurredAt of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z"]) {
      const res = await client.request(`/orders/${orderId}/events`, { json: { text: "Arrived at sorting center", occurredAt } });
      expect(res.status, occurredAt).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/2000.*2100/);
    }
    const ok = await client.request(`/orders/${orderId}/events`, { json: { text: "Arrived at sorting center", occurredAt: "2026-03-04T08:00:00Z" } });
    expect(ok.status).toBe(201);
  });

  it("NUL bytes in a form or JSON body are not stored", async () => {
    const json = await client.request(`/orders/${orderId}/events`, { json: { text: "Left\u0000 the hub", occurredAt: "2026-03-05T08:00:00Z" } });
    expect(json.status).toBeLessThan(300);
    const form = await client.request(`/orders/${orderId}/events`, {
      form: { text: "Cleared\u0000 customs", occurredAt: "2026-03-06T08:00:00Z" },
      headers: { Accept: "application/json" },
    });
    expect(form.status).toBeLessThan(400);
    const texts = await withDb(server.dbFile, (db) => db.selectFrom("tracking_events").select("text").where("order_id", "=", orderId).execute());
    expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(["Left the hub", "Cleared customs"]));
    expect(texts.some((t) => t.text.includes("\u0000"))).toBe(false);
  });

  it("personal pages say Cache-Control: no-store", async () => {
    for (const path of ["/orders", `/orders/${orderId}`, "/account", "/settings/reminders"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toMatch(/no-store/);
    }
  });

  it("calendar-feed tokens are not written to the request log", async () => {
    const token = "feedtoken" + "Q".repeat(30);
    const res = await fetch(`${server.url}/calendar/${token}.ics`);
    expect(res.status).toBe(404);
    const deadline = Date.now() + 10_000;
    while (!server.output().includes('"path":"/calendar/') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(server.output()).toContain('"path":"/calendar/');
    expect(server.output()).not.toContain(token);
  });
});
