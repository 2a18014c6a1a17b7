import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "../../../../app/carriers/providers/provider.ts";
import { createSeventeenTrackProvider } from "../../../../app/carriers/providers/seventeen-track.ts";
import { seventeenTrackSignature } from "../../../../app/carriers/providers/webhook-signature.ts";
import { sendJson, startLocalServer } from "../../../factories/local-http-server.ts";

const trackInfo = JSON.parse(readFileSync("tests/fixtures/providers/17track-gettrackinfo.json", "utf8"));
const KEY = "test-17track-key";

describe("17TRACK adapter against a local server in 17TRACK's format", () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  beforeAll(async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 200, trackInfo));
  });
  afterAll(() => server.close());
  const provider = () => createSeventeenTrackProvider({ apiKey: KEY, baseUrl: server.url, timeoutMs: 500 });

  it("sends the API key and numbers, and reads every event with time, place, text and milestone", async () => {
    server.setHandler((_req, res) => sendJson(res, 200, trackInfo));
    const { trackings, notFound } = await provider().fetch(["RR123456785CN", "LP00999999999999"]);
    const last = server.requests.at(-1)!;
    expect(last.url).toBe("/gettrackinfo");
    expect(last.headers["17token"]).toBe(KEY);
    expect(JSON.parse(last.body)).toEqual([{ number: "RR123456785CN" }, { number: "LP00999999999999" }]);
    expect(notFound).toEqual(["LP00999999999999"]);
    const [tracking] = trackings;
    expect(tracking.trackingNumber).toBe("RR123456785CN");
    expect(tracking.events).toHaveLength(5);
    expect(tracking.events[0]).toMatchObject({
      at: "2026-03-12T08:15:00.000Z",
      location: "ROISSY CDG",
      text: "Import customs clearance started",
      milestone: "customs_pending",
      statusCode: "InTransit_CustomsProcessing",
      carrierName: "China Post",
    });
    expect(tracking.events[1].milestone).toBe("arrived_destination");
    expect(tracking.events[2].milestone).toBe("departed_origin");
    // 17TRACK calls it "CustomsReleased"; the text says it was the export side, which is not the
    // destination's customs releasing the parcel.
    expect(tracking.events[3].milestone).not.toBe("customs_cleared");
    expect(tracking.events[0].raw).toMatchObject({ sub_status: "InTransit_CustomsProcessing" });
  });

  it("treats an already registered number as accepted and reports real rejections", async () => {
    server.setHandler((_req, res) =>
      sendJson(res, 200, {
        code: 0,
        data: {
          accepted: [{ origin: 1, number: "RR123456785CN", carrier: 3011 }],
          rejected: [
            {
              number: "LP00123456789012",
              error: { code: -18019901, message: "The tracking number '…' has been registered, don't need to repeat registration." },
            },
            { number: "XX", error: { code: -18019903, message: "Carrier cannot be detected." } },
          ],
        },
      }),
    );
    const outcome = await provider().register(["RR123456785CN", "LP00123456789012", "XX"]);
    expect(outcome.accepted).toEqual(["RR123456785CN", "LP00123456789012"]);
    expect(outcome.rejected).toEqual([{ number: "XX", reason: "Carrier cannot be detected." }]);
  });

  it("splits more than 40 numbers into several calls", async () => {
    server.setHandler((req, res) => sendJson(res, 200, { code: 0, data: { accepted: JSON.parse(req.body), rejected: [] } }));
    const before = server.requests.length;
    const numbers = Array.from({ length: 85 }, (_, i) => `LP${String(i).padStart(14, "0")}`);
    const outcome = await provider().register(numbers);
    expect(outcome.accepted).toHaveLength(85);
    expect(server.requests.length - before).toBe(3);
  });

  it("says when the rate limit is reached and when to try again", async () => {
    server.setHandler((_req, res) => sendJson(res, 429, { code: -18010005, data: null }, { "retry-after": "120" }));
    const error = await provider()
      .fetch(["RR123456785CN"])
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe("rate_limited");
    expect(error.message).toMatch(/17TRACK rate limit reached; next try at \d\d:\d\d UTC/);
    expect(Date.parse(error.retryAt) - Date.now()).toBeGreaterThan(100_000);
  });

  it("says when the quota is used up", async () => {
    server.setHandler((_req, res) => sendJson(res, 200, { code: -1, data: { errors: [{ code: -18010014, message: "quota" }] } }));
    const error = await provider()
      .register(["RR123456785CN"])
      .catch((e) => e);
    expect(error.kind).toBe("quota");
    expect(error.message).toContain("17TRACK quota reached");
  });

  it("reports a malformed answer instead of crashing", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>maintenance</html>");
    });
    await expect(provider().fetch(["RR123456785CN"])).rejects.toMatchObject({ kind: "malformed" });
    server.setHandler((_req, res) =>
      sendJson(res, 200, { code: 0, data: { accepted: [{ number: "A", track_info: { tracking: { providers: "nope" } } }] } }),
    );
    await expect(provider().fetch(["A"])).rejects.toMatchObject({ kind: "malformed" });
  });

  it("gives up on a provider that never answers, after its time limit", async () => {
    // The server holds the request open for good: only the adapter's own time limit ends the wait.
    const held: ServerResponse[] = [];
    server.setHandler((_req, res) => {
      held.push(res);
    });
    try {
      await expect(provider().fetch(["RR123456785CN"])).rejects.toMatchObject({ kind: "timeout" });
      expect(held).toHaveLength(1);
    } finally {
      for (const res of held) res.destroy();
    }
  });

  it("says the key was refused on 401", async () => {
    server.setHandler((_req, res) => sendJson(res, 401, { code: -18010001 }));
    await expect(provider().fetch(["RR123456785CN"])).rejects.toMatchObject({ kind: "auth" });
  });
});

describe("17TRACK pushes", () => {
  const provider = createSeventeenTrackProvider({ apiKey: KEY, baseUrl: "http://127.0.0.1:9/" });
  const body = JSON.stringify({ event: "TRACKING_UPDATED", data: trackInfo.data.accepted[0] });

  it("accepts a push signed with the account key and reads its events", () => {
    const outcome = provider.readWebhook(body, { sign: seventeenTrackSignature(body, KEY) }, new Date());
    expect(outcome.trackings[0].events[0].text).toBe("Import customs clearance started");
  });

  it("rejects an unsigned push, a wrong signature, and a body changed after signing", () => {
    expect(() => provider.readWebhook(body, {}, new Date())).toThrow(/without a signature/);
    expect(() => provider.readWebhook(body, { sign: seventeenTrackSignature(body, "other") }, new Date())).toThrow(/wrong signature/);
    const sign = seventeenTrackSignature(body, KEY);
    expect(() => provider.readWebhook(body.replace("Acceptance", "Delivered"), { sign }, new Date())).toThrow(/wrong signature/);
  });

  it("ignores a signed push about something other than a tracking update", () => {
    const stopped = JSON.stringify({ event: "TRACKING_STOPPED", data: { number: "RR123456785CN" } });
    expect(provider.readWebhook(stopped, { sign: seventeenTrackSignature(stopped, KEY) }, new Date()).trackings).toEqual([]);
  });
});
