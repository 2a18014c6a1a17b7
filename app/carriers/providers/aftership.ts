/**
 * AfterShip Tracking API (https://api.aftership.com/tracking/2024-04/, header `as-api-key`):
 * create a tracking, list trackings by number, and webhooks signed with HMAC-SHA256 in the
 * `aftership-hmac-sha256` header. Older versions wrap objects as `data.tracking`; newer ones put
 * the tracking straight in `data`: both are read.
 */
import { z } from "zod";
import { milestoneFromAfterShip } from "../events/provider-status.ts";
import { milestoneOfProviderEvent } from "./event-milestone.ts";
import { createHttpClient, type RequestJson } from "./http-client.server.ts";
import { ProviderError, type ProviderEvent, type ProviderTracking, type TrackingProvider } from "./provider.ts";
import { toUtcIso } from "./provider-time.ts";
import { afterShipSignature, safeEqual } from "./webhook-signature.ts";

export const AFTERSHIP_DEFAULT_URL = "https://api.aftership.com/tracking/2024-04/";
const NAME = "AfterShip";
/** A push older than this is a replay, not news. */
const WEBHOOK_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const WEBHOOK_MAX_SKEW_MS = 5 * 60 * 1000;
// AfterShip meta codes.
const TRACKING_EXISTS = 4003;
const TRACKING_MISSING = 4004;

const CheckpointSchema = z
  .object({
    checkpoint_time: z.string().nullish(),
    message: z.string().nullish(),
    location: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    country_iso3: z.string().nullish(),
    country_region: z.string().nullish(),
    tag: z.string().nullish(),
    subtag: z.string().nullish(),
    slug: z.string().nullish(),
  })
  .passthrough();

const TrackingSchema = z
  .object({
    tracking_number: z.string(),
    slug: z.string().nullish(),
    tag: z.string().nullish(),
    subtag: z.string().nullish(),
    checkpoints: z.array(CheckpointSchema).nullish(),
    // The destination carrier's own number once AfterShip follows the parcel onto a second carrier.
    next_couriers: z.array(z.object({ slug: z.string().nullish(), tracking_number: z.string().nullish() }).passthrough()).nullish(),
  })
  .passthrough();

const MetaSchema = z.object({ code: z.number(), message: z.string().nullish(), type: z.string().nullish() }).passthrough();

const WebhookSchema = z.object({
  event: z.string().nullish(),
  ts: z.number().nullish(),
  msg: TrackingSchema,
});

function placeOf(c: z.infer<typeof CheckpointSchema>): string | null {
  if (c.location?.trim()) return c.location.trim();
  const parts = [c.city, c.state, c.country_iso3 ?? c.country_region].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.join(", ") : null;
}

export function readAfterShipTracking(tracking: z.infer<typeof TrackingSchema>): ProviderTracking {
  const events: ProviderEvent[] = [];
  for (const c of tracking.checkpoints ?? []) {
    const text = (c.message ?? "").trim();
    if (!text) continue;
    const fromCode = c.tag ? milestoneFromAfterShip(c.tag, c.subtag ?? undefined) : "unknown";
    const { milestone, confidence } = milestoneOfProviderEvent(fromCode, text);
    events.push({
      trackingNumber: tracking.tracking_number,
      at: toUtcIso(c.checkpoint_time),
      text,
      location: placeOf(c),
      milestone,
      confidence,
      statusCode: c.subtag ?? c.tag ?? null,
      carrierName: c.slug ?? tracking.slug ?? null,
      raw: c,
    });
  }
  // AfterShip lists checkpoints oldest first; we keep newest first like every other source.
  events.reverse();
  const status = tracking.tag ? milestoneFromAfterShip(tracking.tag, tracking.subtag ?? undefined) : null;
  const next = (tracking.next_couriers ?? []).find((c) => c.tracking_number?.trim() && c.tracking_number.trim() !== tracking.tracking_number);
  const linkedLeg = next ? { number: next.tracking_number!.trim(), carrierName: next.slug ?? null } : null;
  return { trackingNumber: tracking.tracking_number, status: status === "unknown" ? null : status, events, linkedLeg };
}

function metaOf(body: unknown): z.infer<typeof MetaSchema> {
  const meta = z.object({ meta: MetaSchema }).safeParse(body);
  if (!meta.success) throw new ProviderError("aftership", "malformed", `${NAME} answered in a format we do not recognise`);
  return meta.data.meta;
}

export interface AfterShipOptions {
  apiKey: string;
  webhookSecret?: string;
  baseUrl?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export function createAfterShipProvider(options: AfterShipOptions): TrackingProvider {
  const request: RequestJson = createHttpClient({
    provider: "aftership",
    providerName: NAME,
    baseUrl: options.baseUrl ?? AFTERSHIP_DEFAULT_URL,
    headers: { "as-api-key": options.apiKey },
    timeoutMs: options.timeoutMs,
    fetchImpl: options.fetchImpl,
  });

  return {
    id: "aftership",
    name: NAME,

    async register(numbers) {
      const accepted: string[] = [];
      const rejected: { number: string; reason: string }[] = [];
      // AfterShip creates one tracking per call.
      for (const number of numbers) {
        const { body } = await request("POST", "trackings", { tracking_number: number });
        const meta = metaOf(body);
        if (meta.code === 200 || meta.code === 201 || meta.code === TRACKING_EXISTS) accepted.push(number);
        else rejected.push({ number, reason: meta.message ?? `code ${meta.code}` });
      }
      return { accepted, rejected };
    },

    async fetch(numbers) {
      const trackings: ProviderTracking[] = [];
      const wanted = new Set(numbers);
      // The list endpoint takes up to 50 numbers at once.
      for (let i = 0; i < numbers.length; i += 50) {
        const batch = numbers.slice(i, i + 50);
        const { body } = await request("GET", `trackings?tracking_numbers=${encodeURIComponent(batch.join(","))}`);
        const meta = metaOf(body);
        if (meta.code === TRACKING_MISSING) continue;
        if (meta.code !== 200)
          throw new ProviderError("aftership", "rejected", `${NAME} refused the request: ${meta.message ?? `code ${meta.code}`}`);
        const list = z.object({ data: z.object({ trackings: z.array(TrackingSchema) }).passthrough() }).safeParse(body);
        if (!list.success) throw new ProviderError("aftership", "malformed", `${NAME} sent tracking data we do not recognise`);
        for (const t of list.data.data.trackings) {
          if (!wanted.has(t.tracking_number)) continue;
          trackings.push(readAfterShipTracking(t));
        }
      }
      const found = new Set(trackings.map((t) => t.trackingNumber));
      return { trackings, notFound: numbers.filter((n) => !found.has(n)) };
    },

    readWebhook(rawBody, headers, now) {
      const secret = options.webhookSecret;
      if (!secret) throw new ProviderError("aftership", "not_configured", `${NAME} webhook secret is not set (AFTERSHIP_WEBHOOK_SECRET)`);
      const sign = headers["aftership-hmac-sha256"];
      if (!sign) throw new ProviderError("aftership", "auth", `${NAME} webhook without a signature`);
      if (!safeEqual(sign, afterShipSignature(rawBody, secret)))
        throw new ProviderError("aftership", "auth", `${NAME} webhook with a wrong signature`);
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new ProviderError("aftership", "rejected", `${NAME} webhook is not JSON`);
      }
      const parsed = WebhookSchema.safeParse(json);
      if (!parsed.success) throw new ProviderError("aftership", "rejected", `${NAME} webhook in a format we do not recognise`);
      const ts = parsed.data.ts;
      if (typeof ts !== "number") throw new ProviderError("aftership", "auth", `${NAME} webhook without a timestamp`);
      const age = now.getTime() - ts * 1000;
      if (age > WEBHOOK_MAX_AGE_MS || age < -WEBHOOK_MAX_SKEW_MS) {
        throw new ProviderError("aftership", "auth", `${NAME} webhook is stale (sent ${new Date(ts * 1000).toISOString()})`);
      }
      return { trackings: [readAfterShipTracking(parsed.data.msg)] };
    },
  };
}
