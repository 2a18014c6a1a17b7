import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAfterShipProvider } from "../../../../app/carriers/providers/aftership.ts";
import { afterShipSignature } from "../../../../app/carriers/providers/webhook-signature.ts";
import { sendJson, startLocalServer } from "../../../factories/local-http-server.ts";

const list = JSON.parse(readFileSync("tests/fixtures/providers/aftership-trackings.json", "utf8"));
const KEY = "test-aftership-key";
const SECRET = "test-webhook-secret";

describe("AfterShip adapter against a local server in AfterShip's format", () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  beforeAll(async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 200, list));
  });
  afterAll(() => server.close());
  const provider = () => createAfterShipProvider({ apiKey: KEY, webhookSecret: SECRET, baseUrl: server.url, timeoutMs: 500 });

  it("reads checkpoints newest first with their times in UTC, places and milestones", async () => {
    server.setHandler((_req, res) => sendJson(res, 200, list));
    const { trackings, notFound } = await provider().fetch(["9400111899223197428490", "LP00999999999999"]);
    const last = server.requests.at(-1)!;
    expect(last.method).toBe("GET");
    expect(last.headers["as-api-key"]).toBe(KEY);
    expect(decodeURIComponent(last.url)).toContain("tracking_numbers=9400111899223197428490,LP00999999999999");
    expect(notFound).toEqual(["LP00999999999999"]);
    const [t] = trackings;
    expect(t.status).toBe("out_for_delivery");
    expect(t.events.map((e) => e.milestone)).toEqual(["out_for_delivery", "customs_held", "in_transit"]);
    expect(t.events[0]).toMatchObject({ at: "2026-03-21T11:45:00.000Z", location: "BROOKLYN, NY 11201", carrierName: "usps" });
    expect(t.events[1].location).toBe("JAMAICA, NY, USA");
  });

  it("creates trackings one by one and treats 'already exists' as registered", async () => {
    server.setHandler((req, res) => {
      const { tracking_number } = JSON.parse(req.body);
      if (tracking_number === "EXISTS") return sendJson(res, 400, { meta: { code: 4003, message: "Tracking already exists." }, data: {} });
      if (tracking_number === "BAD")
        return sendJson(res, 400, { meta: { code: 4005, message: "The value of `tracking_number` is invalid." }, data: {} });
      sendJson(res, 201, { meta: { code: 201 }, data: { tracking: { tracking_number } } });
    });
    const outcome = await provider().register(["NEW", "EXISTS", "BAD"]);
    expect(outcome.accepted).toEqual(["NEW", "EXISTS"]);
    expect(outcome.rejected).toEqual([{ number: "BAD", reason: "The value of `tracking_number` is invalid." }]);
  });

  it("says when the rate limit is reached", async () => {
    server.setHandler((_req, res) => sendJson(res, 429, { meta: { code: 429, message: "Too many requests" } }, { "retry-after": "30" }));
    await expect(provider().fetch(["X"])).rejects.toMatchObject({ kind: "rate_limited" });
  });

  it("reports malformed data and slow answers as such", async () => {
    server.setHandler((_req, res) => sendJson(res, 200, { meta: { code: 200 }, data: { trackings: [{ nope: 1 }] } }));
    await expect(provider().fetch(["X"])).rejects.toMatchObject({ kind: "malformed" });
    server.setHandler((_req, res) => {
      setTimeout(() => sendJson(res, 200, list), 2_000);
    });
    await expect(provider().fetch(["X"])).rejects.toMatchObject({ kind: "timeout" });
  });
});

describe("AfterShip webhooks", () => {
  const provider = createAfterShipProvider({ apiKey: KEY, webhookSecret: SECRET, baseUrl: "http://127.0.0.1:9/" });
  const now = new Date("2026-03-21T12:00:00Z");
  const payload = (ts: number) => JSON.stringify({ event: "tracking_update", event_id: "e1", ts, msg: list.data.trackings[0] });

  it("accepts a fresh delivery signed with the secret", () => {
    const body = payload(now.getTime() / 1000 - 60);
    const outcome = provider.readWebhook(body, { "aftership-hmac-sha256": afterShipSignature(body, SECRET) }, now);
    expect(outcome.trackings[0].events).toHaveLength(3);
  });

  it("rejects unsigned, wrongly signed and stale deliveries", () => {
    const body = payload(now.getTime() / 1000 - 60);
    expect(() => provider.readWebhook(body, {}, now)).toThrow(/without a signature/);
    expect(() => provider.readWebhook(body, { "aftership-hmac-sha256": afterShipSignature(body, "nope") }, now)).toThrow(/wrong signature/);
    const old = payload(now.getTime() / 1000 - 3 * 24 * 3600);
    expect(() => provider.readWebhook(old, { "aftership-hmac-sha256": afterShipSignature(old, SECRET) }, now)).toThrow(/stale/);
  });
});
