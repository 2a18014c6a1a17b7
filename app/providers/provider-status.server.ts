/**
 * What the order page says about live tracking: whether a provider is connected, when the order
 * was last refreshed and when it will be next, and any provider problem in plain words.
 */
import type { DB } from "../../db/client.server.ts";
import { listProviderTrackings } from "../../db/queries/provider-trackings.server.ts";
import { providerSetup, type ProviderSetup } from "./provider-setup.server.ts";

export interface ProviderStatus {
  configured: boolean;
  /** Names of the connected providers ("17TRACK", "AfterShip"). */
  providers: string[];
  /** ISO 8601 UTC; null when never refreshed. */
  lastRefreshedAt: string | null;
  /** ISO 8601 UTC; null when nothing is scheduled (no rows, or delivered and closed). */
  nextRefreshAt: string | null;
  /** "17TRACK quota reached; add quota in your 17TRACK account; next try at 14:00" */
  errors: string[];
}

/** A time as the person reads it: "14:00" today, "26 Nov 14:00" another day, in their zone. */
function shortTime(iso: string, timeZone: string, now: Date): string {
  const at = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  if (day(at) === day(now)) return time;
  return `${new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(at)} ${time}`;
}

export async function providerStatusForOrder(
  db: DB,
  userId: string,
  orderId: string,
  now: Date = new Date(),
  setup: ProviderSetup = providerSetup(),
): Promise<ProviderStatus> {
  const providers = [...setup.providers.values()].map((p) => p.name);
  if (setup.providers.size === 0) return { configured: false, providers, lastRefreshedAt: null, nextRefreshAt: null, errors: [] };
  const [rows, user] = await Promise.all([
    listProviderTrackings(db, userId, orderId),
    db.selectFrom("users").select("time_zone").where("id", "=", userId).executeTakeFirst(),
  ]);
  const timeZone = user?.time_zone ?? "UTC";
  let lastRefreshedAt: string | null = null;
  let nextRefreshAt: string | null = null;
  const errors = new Set<string>();
  for (const row of rows) {
    if (!setup.providers.has(row.provider as never)) continue;
    if (row.last_refreshed_at && (lastRefreshedAt === null || row.last_refreshed_at > lastRefreshedAt)) lastRefreshedAt = row.last_refreshed_at;
    if (row.next_refresh_at && (nextRefreshAt === null || row.next_refresh_at < nextRefreshAt)) nextRefreshAt = row.next_refresh_at;
    if (row.last_error) {
      // Drop the adapter's own UTC time; the next try is said once, in the person's zone.
      const message = row.last_error.replace(/;?\s*next try at \d\d:\d\d UTC/, "");
      errors.add(row.next_refresh_at ? `${message}; next try at ${shortTime(row.next_refresh_at, timeZone, now)}` : message);
    }
  }
  return { configured: true, providers, lastRefreshedAt, nextRefreshAt, errors: [...errors] };
}
