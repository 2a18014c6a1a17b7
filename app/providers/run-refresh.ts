/**
 * `npm run providers:refresh`: one refresher pass for cron. Prints what it did as one JSON line;
 * a configuration problem is one line on stderr and exit status 1. Safe to run beside the server:
 * rows are leased, so the two never read the same number at once.
 */
import { z } from "zod";
import { databaseFileFromUrl, migrateToLatest, openDatabase } from "../../db/client.server.ts";
import { providerSetup } from "./provider-setup.server.ts";
import { refreshDueTrackings } from "./refresher.server.ts";

const BatchSchema = z.coerce
  .number({ invalid_type_error: "PROVIDER_REFRESH_BATCH must be a number of rows" })
  .int("PROVIDER_REFRESH_BATCH must be a whole number")
  .min(1, "PROVIDER_REFRESH_BATCH must be at least 1")
  .max(10_000, "PROVIDER_REFRESH_BATCH must be at most 10000");

async function main(): Promise<void> {
  const batch = BatchSchema.safeParse(process.env.PROVIDER_REFRESH_BATCH ?? 400);
  if (!batch.success) throw new Error(batch.error.issues[0]!.message);
  const limit = batch.data;
  const setup = providerSetup(process.env);
  if (setup.providers.size === 0) {
    process.stdout.write(
      `${JSON.stringify({ configured: false, message: "no tracking provider configured: set SEVENTEENTRACK_API_KEY or AFTERSHIP_API_KEY" })}\n`,
    );
    return;
  }
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const { db } = openDatabase(databaseFileFromUrl(process.env.DATABASE_URL));
  try {
    await migrateToLatest(db);
    const stats = await refreshDueTrackings(db, { setup, limit, messageDomain: new URL(appUrl).hostname || "claimtrail.invalid" });
    process.stdout.write(`${JSON.stringify({ configured: true, ...stats })}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`providers:refresh: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
  process.exit(1);
});
