import { databaseFileFromUrl, migrateToLatest, openDatabase } from "../../../db/client.server.ts";
import { UsageError, writeJsonLine, type CliCommand } from "../io.ts";

/** `migrate`: creates the database at DATABASE_URL if needed and applies pending migrations. */
export const migrate: CliCommand = async (args, io) => {
  if (args.length > 0) throw new UsageError(`migrate takes no arguments (got "${args[0]}"); set DATABASE_URL to choose the database`);
  const file = databaseFileFromUrl(process.env.DATABASE_URL);
  const { db } = openDatabase(file);
  try {
    const applied = await migrateToLatest(db);
    writeJsonLine(io, { database: file, applied });
  } finally {
    await db.destroy();
  }
};
