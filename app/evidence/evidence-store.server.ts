/**
 * Where evidence bytes live: a folder outside the web root (EVIDENCE_DIR, by default `evidence/`
 * beside the database file), one file per upload under a generated name. Paths are never built
 * from anything the buyer typed.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { getConfig } from "../server/config.server.ts";

const StoredNameSchema = z.string().regex(/^[0-9a-f-]{36}\.(jpg|png|webp|pdf)$/, "not a generated evidence file name");

/** The evidence folder: EVIDENCE_DIR when set, else `evidence/` next to the database. */
export function evidenceDir(env: Record<string, string | undefined> = process.env): string {
  const configured = env.EVIDENCE_DIR?.trim();
  if (configured) return resolve(configured);
  const databaseFile = getConfig().databaseFile;
  return resolve(databaseFile === ":memory:" ? "./data" : dirname(databaseFile), "evidence");
}

function pathOf(storedName: string): string {
  return join(evidenceDir(), StoredNameSchema.parse(storedName));
}

/** Writes a new file; `wx` so a name collision can never overwrite someone else's evidence. */
export async function writeStoredFile(storedName: string, bytes: Uint8Array): Promise<void> {
  const path = pathOf(storedName);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, bytes, { flag: "wx", mode: 0o600 });
}

export async function readStoredFile(storedName: string): Promise<Buffer | null> {
  try {
    return await readFile(pathOf(storedName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes a file; a file already gone is fine (deleting twice, or cleaning up after a failure). */
export async function removeStoredFile(storedName: string): Promise<void> {
  await rm(pathOf(storedName), { force: true });
}

/**
 * Removes stored files that no row names any more: rows go with a deleted order or account
 * (foreign-key cascade) and a crash can land between writing bytes and inserting their row.
 * Files younger than `minAgeMs` are left alone, as their upload may still be committing.
 */
export async function pruneStoredFiles(referenced: ReadonlySet<string>, now: Date, minAgeMs = 60 * 60 * 1000): Promise<string[]> {
  const dir = evidenceDir();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (referenced.has(name) || !StoredNameSchema.safeParse(name).success) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < minAgeMs) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
