/**
 * One refresher pass: claims the provider rows that are due, registers the ones no provider knows
 * yet, reads the rest in batches under each provider's rate limit, stores what is new and
 * schedules the next read from the order's assessment. Run by the in-server scheduler every minute
 * and by `npm run providers:refresh`.
 */
import { writeTransaction, type DB } from "../../db/client.server.ts";
import { normaliseTrackingNumber } from "../../db/event-dedupe-key.server.ts";
import {
  claimDueProviderTrackings,
  ensureProviderTrackings,
  markProviderTrackingUnregistered,
  recordProviderRefresh,
  systemFindUntrackedNumbers,
  type ClaimedProviderTracking,
} from "../../db/queries/provider-trackings.server.ts";
import { ProviderError, type ProviderId, type ProviderTracking, type TrackingProvider } from "../carriers/providers/provider.ts";
import { assessStoredOrder } from "../orders/order-service.server.ts";
import { ingestProviderTracking, nextRefreshForOrder } from "./ingest.server.ts";
import { PROVIDER_LIMITS } from "./provider-limits.ts";
import type { ProviderSetup } from "./provider-setup.server.ts";
import { isProviderWide, recordRowFailure, registerRows } from "./registration.server.ts";

export interface RefreshOptions {
  setup: ProviderSetup;
  messageDomain: string;
  now?: () => Date;
  /** How long a claimed row stays away from other refreshers (a crashed pass frees it after this). */
  leaseMs?: number;
  /** Rows per pass. */
  limit?: number;
}

export interface RefreshStats {
  /** Numbers found on orders without provider rows, given rows now. */
  adopted: number;
  claimed: number;
  registered: number;
  read: number;
  eventsAdded: number;
  newLegs: number;
  failed: number;
  /** Providers left alone this pass because of an earlier quota or rate-limit answer. */
  paused: string[];
  errors: string[];
}

/** A number the provider does not know (any more), or has nothing for yet, is asked about again soon. */
const NOT_FOUND_RETRY_MS = 60 * 60 * 1000;
const PAUSING_KINDS = ["rate_limited", "quota"];

/** The latest "try again at" of a quota or rate-limit answer still ahead, from any process. */
async function pausedUntil(db: DB, provider: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom("provider_trackings")
    .select((eb) => eb.fn.max("next_refresh_at").as("until"))
    .where("provider", "=", provider)
    .where("last_error_kind", "in", PAUSING_KINDS)
    .where("next_refresh_at", ">", now.toISOString())
    .executeTakeFirst();
  return (row?.until as string | null | undefined) ?? null;
}

/**
 * A provider usually has nothing for a number it was just given; asking again at the quiet cadence
 * would leave the order empty for hours, so a number without events is asked about within the hour.
 */
function scheduleAfterRead(cadence: Date | null, tracking: ProviderTracking, now: Date): Date | null {
  if (cadence === null || tracking.events.length > 0) return cadence;
  return new Date(Math.min(cadence.getTime(), now.getTime() + NOT_FOUND_RETRY_MS));
}

async function refreshProvider(
  db: DB,
  provider: TrackingProvider,
  rows: ClaimedProviderTracking[],
  options: RefreshOptions,
  now: Date,
  stats: RefreshStats,
) {
  const bucket = options.setup.buckets.get(provider.id);
  const providerIds = [...options.setup.providers.keys()];

  const unregistered = rows.filter((r) => r.registered_at === null);
  let readable = rows.filter((r) => r.registered_at !== null);
  if (unregistered.length > 0) {
    const outcome = await registerRows(db, provider, bucket, unregistered, now);
    stats.registered += outcome.registered.length;
    stats.errors.push(...outcome.errors);
    const accepted = new Set(outcome.registered);
    stats.failed += unregistered.filter((r) => !accepted.has(r.tracking_number)).length;
    if (outcome.providerFailure) {
      for (const row of readable) await recordRowFailure(db, row, outcome.providerFailure, now);
      stats.failed += readable.length;
      return;
    }
    readable = readable.concat(unregistered.filter((r) => accepted.has(r.tracking_number)));
  }

  const numbers = [...new Set(readable.map((r) => r.tracking_number))];
  const batch = PROVIDER_LIMITS[provider.id].fetchBatch;
  for (let i = 0; i < numbers.length; i += batch) {
    const chunk = numbers.slice(i, i + batch);
    const chunkRows = readable.filter((r) => chunk.includes(r.tracking_number));
    let answer: { trackings: ProviderTracking[]; notFound: string[] };
    try {
      await bucket?.take();
      answer = await provider.fetch(chunk);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      stats.errors.push(error.message);
      // A provider-wide failure fails everything still waiting for this provider in this pass.
      const failing = isProviderWide(error) ? readable.filter((r) => numbers.indexOf(r.tracking_number) >= i) : chunkRows;
      for (const row of failing) await recordRowFailure(db, row, error, now);
      stats.failed += failing.length;
      if (isProviderWide(error)) return;
      continue;
    }
    for (const tracking of answer.trackings) {
      for (const row of chunkRows.filter((r) => r.tracking_number === normaliseTrackingNumber(tracking.trackingNumber))) {
        try {
          // One commit per order instead of one per statement: each commit waits for the disk.
          const outcome = await writeTransaction(db, async (trx) => {
            const result = await ingestProviderTracking(trx, {
              userId: row.user_id,
              orderId: row.order_id,
              tracking,
              providerIds,
              now,
              messageDomain: options.messageDomain,
            });
            await recordProviderRefresh(
              trx,
              row.id,
              now,
              result.assessed ? scheduleAfterRead(nextRefreshForOrder(result.assessed, now), tracking, now) : null,
            );
            return result;
          });
          stats.read++;
          stats.eventsAdded += outcome.added;
          stats.newLegs += outcome.newLegs.length;
        } catch (error) {
          const message = `ClaimTrail could not store ${provider.name}'s update (${(error as Error).message.split("\n")[0]})`;
          stats.errors.push(message);
          stats.failed++;
          await recordRowFailure(db, row, { message, kind: "internal", retryAt: null }, now);
        }
      }
    }
    for (const number of answer.notFound) {
      for (const row of chunkRows.filter((r) => r.tracking_number === normaliseTrackingNumber(number))) {
        await markProviderTrackingUnregistered(db, row.id, new Date(now.getTime() + NOT_FOUND_RETRY_MS));
      }
    }
  }
}

/**
 * Numbers saved without registerOrderNumbers (another screen, the CLI, a key set later) get their
 * rows here. An order that is already finished gets rows that are never due, so connecting a
 * provider to an old database spends no quota on parcels that arrived long ago.
 */
async function adoptUntrackedNumbers(db: DB, providers: readonly string[], now: Date, limit: number): Promise<number> {
  const untracked = await systemFindUntrackedNumbers(db, providers, limit);
  for (const u of untracked) {
    const assessed = await assessStoredOrder(db, u.userId, u.orderId, now);
    if (!assessed) continue;
    const finished = nextRefreshForOrder(assessed, now) === null;
    await ensureProviderTrackings(db, u.orderId, [u.number], u.missing, now, finished ? null : now);
  }
  return untracked.length;
}

export async function refreshDueTrackings(db: DB, options: RefreshOptions): Promise<RefreshStats> {
  const now = (options.now ?? (() => new Date()))();
  const stats: RefreshStats = { adopted: 0, claimed: 0, registered: 0, read: 0, eventsAdded: 0, newLegs: 0, failed: 0, paused: [], errors: [] };
  const active: ProviderId[] = [];
  for (const id of options.setup.providers.keys()) {
    if (await pausedUntil(db, id, now)) stats.paused.push(id);
    else active.push(id);
  }
  stats.adopted = await adoptUntrackedNumbers(db, [...options.setup.providers.keys()], now, options.limit ?? 400);
  const claimed = await claimDueProviderTrackings(db, {
    providers: active,
    now,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    limit: options.limit ?? 400,
  });
  stats.claimed = claimed.length;
  for (const id of active) {
    const rows = claimed.filter((r) => r.provider === id);
    if (rows.length > 0) await refreshProvider(db, options.setup.providers.get(id)!, rows, options, now, stats);
  }
  return stats;
}
