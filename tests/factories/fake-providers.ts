/**
 * Local stand-ins for 17TRACK and AfterShip: real HTTP servers on loopback that keep which numbers
 * were registered and answer reads and register calls in each provider's documented format, from
 * events a test gives them. A test can switch a server into failing ("rate_limited", "quota").
 * Signed push bodies are built here too, as each provider signs them.
 */
import { seventeenTrackSignature, afterShipSignature } from "../../app/carriers/providers/webhook-signature.ts";
import { sendJson, startLocalServer } from "./local-http-server.ts";

export interface FakeEvent {
  at: string;
  text: string;
  location?: string;
  /** 17TRACK `stage`/`sub_status` or AfterShip `tag`. */
  code?: string;
}

export type FakeMode = "ok" | "rate_limited" | "quota" | "server_error";

/** 17TRACK's `track_info` for a list of events (newest first, as 17TRACK lists them). */
export function seventeenTrackInfo(events: readonly FakeEvent[], status = "InTransit") {
  return {
    latest_status: { status, sub_status: null },
    tracking: {
      providers: [
        {
          provider: { key: 3011, name: "China Post", alias: "China Post", country: "CN" },
          events: events.map((e) => ({
            time_utc: e.at,
            time_iso: e.at,
            description: e.text,
            location: e.location ?? null,
            stage: e.code ?? null,
            sub_status: null,
          })),
        },
      ],
    },
  };
}

export async function startFake17Track() {
  const registered = new Set<string>();
  const events = new Map<string, FakeEvent[]>();
  let mode: FakeMode = "ok";
  const server = await startLocalServer((req, res) => {
    if (mode === "rate_limited") return sendJson(res, 429, { code: -18010005, data: null }, { "retry-after": "120" });
    if (mode === "server_error") return sendJson(res, 503, { code: -1 });
    if (mode === "quota") return sendJson(res, 200, { code: -18010012, data: { errors: [{ code: -18010012, message: "Quota is insufficient." }] } });
    const numbers = (JSON.parse(req.body) as { number: string }[]).map((n) => n.number);
    if (req.url === "/register") {
      for (const n of numbers) registered.add(n);
      return sendJson(res, 200, { code: 0, data: { accepted: numbers.map((number) => ({ origin: 1, number, carrier: 3011 })), rejected: [] } });
    }
    if (req.url === "/gettrackinfo") {
      const known = numbers.filter((n) => registered.has(n));
      return sendJson(res, 200, {
        code: 0,
        data: {
          accepted: known.map((number) => ({ number, carrier: 3011, track_info: seventeenTrackInfo(events.get(number) ?? []) })),
          rejected: numbers
            .filter((n) => !registered.has(n))
            .map((number) => ({ number, error: { code: -18019902, message: "The tracking number is not registered." } })),
        },
      });
    }
    sendJson(res, 404, { code: -1 });
  });
  return {
    ...server,
    registered,
    events,
    setMode(next: FakeMode) {
      mode = next;
    },
    /** How many read requests named this number. */
    readsOf(number: string) {
      return server.requests.filter((r) => r.url === "/gettrackinfo" && r.body.includes(`"${number}"`)).length;
    },
  };
}

/** An AfterShip tracking object (checkpoints oldest first, as AfterShip lists them). */
export function afterShipTracking(number: string, events: readonly FakeEvent[], nextCourier?: { slug: string; tracking_number: string }) {
  return {
    tracking_number: number,
    slug: "china-post",
    tag: "InTransit",
    checkpoints: [...events]
      .reverse()
      .map((e) => ({ checkpoint_time: e.at, message: e.text, location: e.location ?? null, tag: e.code ?? "InTransit", slug: "china-post" })),
    next_couriers: nextCourier ? [{ ...nextCourier, source: "carrier" }] : [],
  };
}

export async function startFakeAfterShip() {
  const registered = new Set<string>();
  const events = new Map<string, FakeEvent[]>();
  const nextCouriers = new Map<string, { slug: string; tracking_number: string }>();
  let mode: FakeMode = "ok";
  const server = await startLocalServer((req, res) => {
    if (mode === "rate_limited")
      return sendJson(res, 429, { meta: { code: 429, message: "Too many requests", type: "TooManyRequests" } }, { "retry-after": "120" });
    if (mode === "server_error") return sendJson(res, 503, { meta: { code: 503 } });
    const url = new URL(req.url, "http://local");
    if (req.method === "POST" && url.pathname === "/trackings") {
      const number = (JSON.parse(req.body) as { tracking_number: string }).tracking_number;
      const exists = registered.has(number);
      registered.add(number);
      return sendJson(res, exists ? 400 : 201, {
        meta: exists ? { code: 4003, message: "Tracking already exists." } : { code: 201 },
        data: { tracking: afterShipTracking(number, []) },
      });
    }
    if (req.method === "GET" && url.pathname === "/trackings") {
      const numbers = (url.searchParams.get("tracking_numbers") ?? "").split(",").filter((n) => registered.has(n));
      return sendJson(res, 200, {
        meta: { code: 200 },
        data: { trackings: numbers.map((n) => afterShipTracking(n, events.get(n) ?? [], nextCouriers.get(n))) },
      });
    }
    sendJson(res, 404, { meta: { code: 404 } });
  });
  return {
    ...server,
    registered,
    events,
    nextCouriers,
    setMode(next: FakeMode) {
      mode = next;
    },
    readsOf(number: string) {
      return server.requests.filter((r) => r.method === "GET" && decodeURIComponent(r.url).includes(number)).length;
    },
  };
}

/** A 17TRACK push as 17TRACK sends it: JSON body and `sign` = sha256(body + "/" + key). */
export function signed17TrackPush(number: string, events: readonly FakeEvent[], key: string) {
  const body = JSON.stringify({ event: "TRACKING_UPDATED", data: { number, carrier: 3011, track_info: seventeenTrackInfo(events) } });
  return { body, headers: { "content-type": "application/json", sign: seventeenTrackSignature(body, key) } };
}

/** An AfterShip webhook as AfterShip sends it: `ts` in seconds and a base64 HMAC-SHA256 header. */
export function signedAfterShipPush(number: string, events: readonly FakeEvent[], secret: string, sentAt: Date = new Date()) {
  const body = JSON.stringify({
    event: "tracking_update",
    event_id: `evt-${number}-${sentAt.getTime()}`,
    is_tracking_first_tag: false,
    ts: Math.floor(sentAt.getTime() / 1000),
    msg: afterShipTracking(number, events),
  });
  return { body, headers: { "content-type": "application/json", "aftership-hmac-sha256": afterShipSignature(body, secret) } };
}
