import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";

/** A backup target that cannot be used as given; the message says what to do instead. */
export class BackupTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupTargetError";
  }
}

export class BackupTargetExistsError extends BackupTargetError {
  constructor(readonly path: string) {
    super(`${path} already exists; choose another path or add --force to replace it`);
    this.name = "BackupTargetExistsError";
  }
}

/**
 * Writes a consistent copy of a live database to `target` with VACUUM INTO: one read transaction,
 * so the copy holds exactly what was committed when it began, while the app keeps writing (WAL
 * readers never block the writer). The backup API would restart on every write from another
 * process and might never finish under steady load. The copy is written next to the target, checked
 * with integrity_check, synced (VACUUM INTO does not fsync) and renamed into place, so `target` is
 * never a half-written file, even with `force`.
 */
export function backupDatabase(source: SQLite.Database, target: string, options: { force?: boolean } = {}): { path: string; bytes: number } {
  const path = resolve(target);
  checkTarget(source, path, target, options.force ?? false);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  try {
    source.prepare("VACUUM INTO ?").run(temporary);
    const copy = new SQLite(temporary, { readonly: true });
    try {
      const result = copy.pragma("integrity_check", { simple: true });
      if (result !== "ok") throw new Error(`the backup copy failed its integrity check: ${String(result)}`);
    } finally {
      copy.close();
    }
    syncFile(temporary);
    renameSync(temporary, path);
    syncFile(dirname(path));
    return { path, bytes: statSync(path).size };
  } finally {
    rmSync(temporary, { force: true });
  }
}

function checkTarget(source: SQLite.Database, path: string, target: string, force: boolean): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory())
    throw new BackupTargetError(`${target} is a folder; give the backup a file name, e.g. ${target.replace(/\/$/, "")}/claimtrail.sqlite`);
  // --force must never replace the live database (or its WAL) with a copy of itself.
  const live = realpathSync(source.name);
  const real = realpathSync(path);
  if (real === live || real === `${live}-wal` || real === `${live}-shm`) {
    throw new BackupTargetError(`${target} is the live database itself; write the backup somewhere else`);
  }
  if (!force) throw new BackupTargetExistsError(target);
}

function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
