/**
 * 17TRACK Tracking API v2.2 (https://api.17track.net/track/v2.2, header `17token`): `register` and
 * `gettrackinfo` take up to 40 numbers a call; pushes arrive as `TRACKING_UPDATED` with a `sign`
 * header. Response shapes follow the v2.2 documentation; zod checks them at this boundary.
 */
import { z } from "zod";
import { milestoneFrom17Track } from "../events/provider-status.ts";
import { milestoneOfProviderEvent } from "./event-milestone.ts";
import { createHttpClient, type RequestJson } from "./http-client.server.ts";
import { ProviderError, type ProviderEvent, type ProviderTracking, type RegisterOutcome, type TrackingProvider } from "./provider.ts";
import { toUtcIso } from "./provider-time.ts";
import { safeEqual, seventeenTrackSignature } from "./webhook-signature.ts";

export const SEVENTEEN_TRACK_DEFAULT_URL = "https://api.17track.net/track/v2.2/";
const BATCH = 40;
const NAME = "17TRACK";

const EventSchema = z
  .object({
    time_iso: z.string().nullish(),
    time_utc: z.string().nullish(),
    description: z.string().nullish(),
    location: z.string().nullish(),
    stage: z.string().nullish(),
    sub_status: z.string().nullish(),
  })
  .passthrough();

const TrackInfoSchema = z
  .object({
    latest_status: z.object({ status: z.string().nullish(), sub_status: z.string().nullish() }).passthrough().nullish(),
    tracking: z
      .object({
        providers: z
          .array(
            z
              .object({
                provider: z.object({ name: z.string().nullish(), alias: z.string().nullish() }).passthrough().nullish(),
                events: z.array(EventSchema).nullish(),
              })
              .passthrough(),
          )
          .nullish(),
      })
      .passthrough()
      .nullish(),
    misc_info: z.object({}).passthrough().nullish(),
  })
  .passthrough();

const RejectedSchema = z.object({
  number: z.string(),
  error: z.object({ code: z.number(), message: z.string().nullish() }).passthrough(),
});

const AcceptedTrackSchema = z.object({ number: z.string(), track_info: TrackInfoSchema.nullish() }).passthrough();

const EnvelopeSchema = z.object({
  code: z.number(),
  data: z
    .object({
      accepted: z.array(z.object({ number: z.string() }).passthrough()).nullish(),
      rejected: z.array(RejectedSchema).nullish(),
      errors: z.array(z.object({ code: z.number(), message: z.string().nullish() }).passthrough()).nullish(),
    })
    .passthrough()
    .nullish(),
});

const WebhookSchema = z.object({
  event: z.string(),
  data: z.object({ number: z.string(), track_info: TrackInfoSchema.nullish() }).passthrough(),
});

// 17TRACK's documented error codes that matter to us.
const ALREADY_REGISTERED = -18019901;
const QUOTA_CODES = new Set([-18010012, -18010013, -18010014]);

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Turns one number's `track_info` into our events, newest first as 17TRACK lists them. */
export function readSeventeenTrackInfo(number: string, info: z.infer<typeof TrackInfoSchema> | null | undefined): ProviderTracking {
  const events: ProviderEvent[] = [];
  for (const provider of info?.tracking?.providers ?? []) {
    const carrierName = provider.provider?.name ?? provider.provider?.alias ?? null;
    for (const event of provider.events ?? []) {
      const text = (event.description ?? "").trim();
      if (!text) continue;
      const code = event.sub_status ?? event.stage ?? null;
      const fromCode = code ? milestoneFrom17Track(event.stage ?? code, event.sub_status ?? undefined) : "unknown";
      const { milestone, confidence } = milestoneOfProviderEvent(fromCode, text);
      events.push({
        trackingNumber: number,
        at: toUtcIso(event.time_utc) ?? toUtcIso(event.time_iso),
        text,
        location: event.location?.trim() || null,
        milestone,
        confidence,
        statusCode: code,
        carrierName,
        raw: event,
      });
    }
  }
  const latest = info?.latest_status;
  const status = latest?.status ? milestoneFrom17Track(latest.status, latest.sub_status ?? undefined) : null;
  return { trackingNumber: number, status: status === "unknown" ? null : status, events, linkedLeg: null };
}

function checkEnvelope(body: unknown): z.infer<typeof EnvelopeSchema> {
  const parsed = EnvelopeSchema.safeParse(body);
  if (!parsed.success) throw new ProviderError("17track", "malformed", `${NAME} answered in a format we do not recognise`);
  const envelope = parsed.data;
  if (envelope.code !== 0) {
    const first = envelope.data?.errors?.[0];
    if (first && QUOTA_CODES.has(first.code)) {
      throw new ProviderError("17track", "quota", `${NAME} quota reached; add quota in your 17TRACK account`);
    }
    throw new ProviderError("17track", "rejected", `${NAME} refused the request: ${first?.message ?? `code ${envelope.code}`}`);
  }
  return envelope;
}

export interface SeventeenTrackOptions {
  apiKey: string;
  /** Push signatures use the same security key unless a separate one is given. */
  webhookKey?: string;
  baseUrl?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export function createSeventeenTrackProvider(options: SeventeenTrackOptions): TrackingProvider {
  const request: RequestJson = createHttpClient({
    provider: "17track",
    providerName: NAME,
    baseUrl: options.baseUrl ?? SEVENTEEN_TRACK_DEFAULT_URL,
    headers: { "17token": options.apiKey },
    timeoutMs: options.timeoutMs,
    fetchImpl: options.fetchImpl,
  });
  const webhookKey = options.webhookKey ?? options.apiKey;

  return {
    id: "17track",
    name: NAME,

    async register(numbers) {
      const outcome: RegisterOutcome = { accepted: [], rejected: [] };
      for (const batch of chunk(numbers, BATCH)) {
        const { body } = await request(
          "POST",
          "register",
          batch.map((number) => ({ number })),
        );
        const envelope = checkEnvelope(body);
        for (const a of envelope.data?.accepted ?? []) outcome.accepted.push(a.number);
        for (const r of envelope.data?.rejected ?? []) {
          if (r.error.code === ALREADY_REGISTERED) outcome.accepted.push(r.number);
          else if (QUOTA_CODES.has(r.error.code)) {
            throw new ProviderError("17track", "quota", `${NAME} quota reached; add quota in your 17TRACK account`);
          } else outcome.rejected.push({ number: r.number, reason: r.error.message ?? `code ${r.error.code}` });
        }
      }
      return outcome;
    },

    async fetch(numbers) {
      const trackings: ProviderTracking[] = [];
      const notFound: string[] = [];
      for (const batch of chunk(numbers, BATCH)) {
        const { body } = await request(
          "POST",
          "gettrackinfo",
          batch.map((number) => ({ number })),
        );
        const envelope = checkEnvelope(body);
        for (const accepted of envelope.data?.accepted ?? []) {
          const item = AcceptedTrackSchema.safeParse(accepted);
          if (!item.success) throw new ProviderError("17track", "malformed", `${NAME} sent tracking data we do not recognise for ${accepted.number}`);
          trackings.push(readSeventeenTrackInfo(item.data.number, item.data.track_info));
        }
        for (const r of envelope.data?.rejected ?? []) notFound.push(r.number);
      }
      return { trackings, notFound };
    },

    readWebhook(rawBody, headers) {
      const sign = headers["sign"];
      if (!sign) throw new ProviderError("17track", "auth", `${NAME} push without a signature`);
      if (!safeEqual(sign.toLowerCase(), seventeenTrackSignature(rawBody, webhookKey))) {
        throw new ProviderError("17track", "auth", `${NAME} push with a wrong signature`);
      }
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new ProviderError("17track", "rejected", `${NAME} push is not JSON`);
      }
      const parsed = WebhookSchema.safeParse(json);
      if (!parsed.success) throw new ProviderError("17track", "rejected", `${NAME} push in a format we do not recognise`);
      if (parsed.data.event !== "TRACKING_UPDATED") return { trackings: [] };
      return { trackings: [readSeventeenTrackInfo(parsed.data.data.number, parsed.data.data.track_info)] };
    },
  };
}
