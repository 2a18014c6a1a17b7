/**
 * `npm run reminders`: one sweep for cron. Delivers everything due, prints what it did as one JSON
 * line and exits; a configuration problem is one line on stderr and exit status 1.
 */
import { databaseFileFromUrl, migrateToLatest, openDatabase } from "../../db/client.server.ts";
import { loadSweepConfig } from "./sweep-config.server.ts";
import { replanAllReminders } from "./replan.server.ts";
import { runSweep } from "./sweep.server.ts";

async function main(): Promise<void> {
  const config = loadSweepConfig();
  const { db } = openDatabase(databaseFileFromUrl(process.env.DATABASE_URL));
  try {
    await migrateToLatest(db);
    // Cron runs are far apart: re-plan first so alerts raised by time passing are sent in this run.
    const replanned = config.replanEveryMs > 0 ? await replanAllReminders(db, { now: new Date(), messageDomain: config.messageDomain }) : null;
    const stats = await runSweep(db, { config });
    process.stdout.write(`${JSON.stringify(replanned ? { ...stats, replanned } : stats)}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reminders: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
  process.exit(1);
});
