/**
 * Registering an order's tracking numbers with every configured provider, so that providers start
 * following them and later reads and pushes have something to say.
 */
import type { DB } from "../../db/client.server.ts";
import {
  ensureProviderTrackings,
  listProviderTrackings,
  markProviderTrackingsRegistered,
  recordProviderFailure,
} from "../../db/queries/provider-trackings.server.ts";
import { listTrackingNumbers } from "../../db/queries/tracking.server.ts";
import { ProviderError, type ProviderId, type TrackingProvider } from "../carriers/providers/provider.ts";
import { retryAfterFailure } from "../carriers/providers/refresh-cadence.ts";
import { PROVIDER_LIMITS } from "./provider-limits.ts";
import { providerSetup, type ProviderSetup } from "./provider-setup.server.ts";
import type { TokenBucket } from "./token-bucket.ts";

export interface RegistrationSummary {
  /** False when no provider is configured: nothing was done and nothing needs doing. */
  configured: boolean;
  registered: number;
  /** Failures in plain words; the refresher tries those numbers again later. */
  errors: string[];
}

interface RowToRegister {
  id: string;
  tracking_number: string;
  failures: number;
}

/** Writes a failure on a row with the back-off (or the provider's own retry time, when later). */
export async function recordRowFailure(
  db: DB,
  row: { id: string; failures: number },
  error: { message: string; kind: string; retryAt: string | null },
  now: Date,
): Promise<void> {
  const failures = row.failures + 1;
  await recordProviderFailure(db, row.id, {
    message: error.message,
    kind: error.kind,
    failures,
    next: retryAfterFailure(failures, now, error.retryAt),
  });
}

/**
 * Registers `rows` (one provider) in the provider's batch size, one rate-limit token per request.
 * Failures are written on the rows with the next try time; a provider-wide failure (rate limit,
 * quota, key refused, provider down) stops at once so no more requests are spent on it.
 */
export async function registerRows(
  db: DB,
  provider: TrackingProvider,
  bucket: TokenBucket | undefined,
  rows: readonly RowToRegister[],
  now: Date,
): Promise<{ registered: string[]; errors: string[]; providerFailure: ProviderError | null }> {
  const registered: string[] = [];
  const errors: string[] = [];
  const batch = PROVIDER_LIMITS[provider.id].registerBatch;
  const numbers = [...new Set(rows.map((r) => r.tracking_number))];
  for (let i = 0; i < numbers.length; i += batch) {
    const chunk = numbers.slice(i, i + batch);
    const chunkRows = rows.filter((r) => chunk.includes(r.tracking_number));
    try {
      await bucket?.take();
      const outcome = await provider.register(chunk);
      const accepted = new Set(outcome.accepted);
      await markProviderTrackingsRegistered(
        db,
        chunkRows.filter((r) => accepted.has(r.tracking_number)).map((r) => r.id),
        now,
      );
      registered.push(...outcome.accepted);
      for (const rejected of outcome.rejected) {
        const message = `${provider.name} does not accept ${rejected.number}: ${rejected.reason}`;
        errors.push(message);
        for (const row of chunkRows.filter((r) => r.tracking_number === rejected.number))
          await recordRowFailure(db, row, { message, kind: "rejected", retryAt: null }, now);
      }
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      const failing = isProviderWide(error) ? rows.filter((r) => !registered.includes(r.tracking_number)) : chunkRows;
      for (const row of failing) await recordRowFailure(db, row, error, now);
      errors.push(error.message);
      if (isProviderWide(error)) return { registered, errors, providerFailure: error };
    }
  }
  return { registered, errors, providerFailure: null };
}

const PROVIDER_WIDE = new Set(["rate_limited", "quota", "auth", "unavailable", "timeout", "not_configured"]);
/** Failures that are about the provider or our account with it, not about one number. */
export function isProviderWide(error: ProviderError): boolean {
  return PROVIDER_WIDE.has(error.kind);
}

/**
 * Call after saving tracking numbers on an order (the order wizard, the order page): records one
 * row per number and provider and registers the new ones right away. Provider failures never
 * throw: they are kept on the rows (the order page shows them) and the refresher tries again.
 * Returns quickly with `configured: false` when no provider key is set.
 */
export async function registerOrderNumbers(
  db: DB,
  userId: string,
  orderId: string,
  now: Date = new Date(),
  setup: ProviderSetup = providerSetup(),
): Promise<RegistrationSummary> {
  if (setup.providers.size === 0) return { configured: false, registered: 0, errors: [] };
  const numbers = await listTrackingNumbers(db, userId, orderId);
  if (numbers.length === 0) return { configured: true, registered: 0, errors: [] };
  await ensureProviderTrackings(
    db,
    orderId,
    numbers.map((n) => n.number),
    [...setup.providers.keys()],
    now,
  );

  const rows = (await listProviderTrackings(db, userId, orderId)).filter(
    (r) => r.registered_at === null && r.next_refresh_at !== null && r.next_refresh_at <= now.toISOString(),
  );
  const summary: RegistrationSummary = { configured: true, registered: 0, errors: [] };
  for (const [id, provider] of setup.providers) {
    const mine = rows.filter((r) => r.provider === id);
    if (mine.length === 0) continue;
    const outcome = await registerRows(db, provider, setup.buckets.get(id as ProviderId), mine, now);
    summary.registered += outcome.registered.length;
    summary.errors.push(...outcome.errors);
  }
  return summary;
}
