import { existsSync } from "node:fs";
import { BackupTargetError, backupDatabase } from "../../../db/backup.server.ts";
import { databaseFileFromUrl, openDatabase } from "../../../db/client.server.ts";
import { describeDatabaseError } from "../../../db/errors.server.ts";
import { UsageError, writeJsonLine, type CliCommand } from "../io.ts";

/** `backup PATH [--force]`: a consistent copy of the database at DATABASE_URL, safe while the app runs. */
export const backup: CliCommand = async (args, io) => {
  const force = args.includes("--force");
  const paths = args.filter((a) => a !== "--force");
  const unknown = paths.find((a) => a.startsWith("--"));
  if (unknown) throw new UsageError(`unknown option ${unknown}; backup takes PATH and optionally --force`);
  if (paths.length !== 1) throw new UsageError("give exactly one PATH to write the backup to, e.g. backup ./backups/claimtrail.sqlite");
  const file = databaseFileFromUrl(process.env.DATABASE_URL);
  if (file === ":memory:") throw new UsageError("DATABASE_URL names an in-memory database; there is nothing on disk to back up");
  // Opening a missing file would create an empty database and back that up.
  if (!existsSync(file)) throw new UsageError(`no database at ${file}; check DATABASE_URL or run npm run db:migrate first`);
  const { sqlite } = openDatabase(file);
  try {
    writeJsonLine(io, backupDatabase(sqlite, paths[0], { force }));
  } catch (error) {
    if (error instanceof BackupTargetError) throw new UsageError(error.message);
    const described = describeDatabaseError(error);
    // "database or disk is full" says less than our sentence; no partial copy is left either way.
    if (described) throw new Error(`backup not written: ${described.message}`, { cause: error });
    throw error;
  } finally {
    sqlite.close();
  }
};
