/**
 * The refresher inside the web server: one pass a minute (PROVIDER_REFRESH_MS), never two at once
 * in this process, and never the same row as another process (rows are leased in the database).
 * Off when no provider key is set, when PROVIDER_REFRESH_MS=0, and under the test runner unless a
 * test sets PROVIDER_REFRESH_MS itself.
 */
import type { Logger } from "pino";
import { z } from "zod";
import type { DB } from "../../db/client.server.ts";
import { providerSetup } from "./provider-setup.server.ts";
import { refreshDueTrackings } from "./refresher.server.ts";

const IntervalSchema = z.coerce
  .number({ invalid_type_error: "PROVIDER_REFRESH_MS must be a number of milliseconds (0 = off)" })
  .int("PROVIDER_REFRESH_MS must be a whole number of milliseconds")
  .min(0, "PROVIDER_REFRESH_MS must be 0 (off) or more");

export interface SchedulerOptions {
  db: () => DB;
  logger: Pick<Logger, "info" | "warn" | "error">;
  /** The app's public URL; its host names reminder Message-IDs. */
  appUrl: string;
  env?: Record<string, string | undefined>;
}

/** Starts the loop; returns a stop function, or null when refreshing is off. */
export function startProviderRefresher(options: SchedulerOptions): (() => void) | null {
  const env = options.env ?? process.env;
  const setup = providerSetup(env);
  if (setup.providers.size === 0) {
    options.logger.info("no tracking provider configured (SEVENTEENTRACK_API_KEY, AFTERSHIP_API_KEY): orders follow pasted data only");
    return null;
  }
  const raw = env.PROVIDER_REFRESH_MS;
  if (raw === undefined && env.VITEST) return null;
  const parsed = IntervalSchema.safeParse(raw ?? 60_000);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const intervalMs = parsed.data;
  if (intervalMs === 0) return null;

  const messageDomain = new URL(options.appUrl).hostname || "claimtrail.invalid";
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const stats = await refreshDueTrackings(options.db(), { setup, messageDomain });
      if (stats.claimed > 0) options.logger.info({ providers: { ...stats, errors: stats.errors.slice(0, 5) } }, "tracking providers refreshed");
    } catch (error) {
      options.logger.error({ err: error }, "tracking provider refresh failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  // Stop before the server closes the database on shutdown.
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  options.logger.info({ providers: [...setup.providers.keys()], intervalMs }, "tracking provider refresher started");
  return stop;
}
