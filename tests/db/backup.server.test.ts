import { readdirSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { BackupTargetExistsError, backupDatabase } from "../../db/backup.server.ts";
import { createTestDatabase, insertUser, type TestDatabase } from "../factories/db.ts";
import { startChild } from "./helpers/child-process.ts";

const writeContinuously = fileURLToPath(new URL("./helpers/write-continuously.mjs", import.meta.url));

let t: TestDatabase;
afterEach(async () => {
  await t?.close();
});

function userIds(file: string): string[] {
  const copy = new SQLite(file, { readonly: true });
  try {
    return (copy.prepare("select id from users order by id").all() as { id: string }[]).map((r) => r.id);
  } finally {
    copy.close();
  }
}

describe("backupDatabase", () => {
  it("copies a database another process is writing to: the copy is sound and holds every row committed before it began", async () => {
    t = await createTestDatabase();
    const writer = startChild(process.execPath, [writeContinuously, t.file]);
    try {
      await writer.waitForLine((_line, count) => count >= 200);
      const committedBefore = (t.sqlite.prepare("select id from users").all() as { id: string }[]).map((r) => r.id);
      const linesBefore = writer.lines.length;

      const target = join(t.dir, "copy.sqlite");
      const result = backupDatabase(t.sqlite, target);

      await writer.waitForLine((_line, count) => count >= linesBefore + 200);
      expect(result).toEqual({ path: target, bytes: readFileSync(target).length });
      const check = new SQLite(target, { readonly: true });
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      check.close();
      const copied = new Set(userIds(target));
      expect(committedBefore.length).toBeGreaterThanOrEqual(200);
      expect(committedBefore.filter((id) => !copied.has(id))).toEqual([]);
    } finally {
      writer.process.kill("SIGKILL");
      await writer.exit();
    }
  });

  it("refuses to overwrite an existing file unless forced, and leaves no partial file behind", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "first" });
    const target = join(t.dir, "copy.sqlite");
    writeFileSync(target, "precious");
    expect(() => backupDatabase(t.sqlite, target)).toThrow(BackupTargetExistsError);
    expect(() => backupDatabase(t.sqlite, target)).toThrow(/already exists; choose another path or add --force/);
    expect(readFileSync(target, "utf8")).toBe("precious");

    backupDatabase(t.sqlite, target, { force: true });
    expect(userIds(target)).toEqual(["first"]);
    expect(readdirSync(t.dir).filter((name) => name.includes("partial"))).toEqual([]);
  });
});

describe("backupDatabase refuses targets that would lose data", () => {
  it("never writes over the live database, even with force", async () => {
    t = await createTestDatabase();
    await insertUser(t.db, { id: "keep-me" });
    expect(() => backupDatabase(t.sqlite, t.file, { force: true })).toThrow(/is the live database itself/);
    expect(() => backupDatabase(t.sqlite, `${t.file}-wal`, { force: true })).toThrow(/is the live database itself/);
    expect(await t.db.selectFrom("users").select("id").execute()).toEqual([{ id: "keep-me" }]);
  });

  it("asks for a file name when given a folder, and creates missing folders for a new file", async () => {
    t = await createTestDatabase();
    expect(() => backupDatabase(t.sqlite, t.dir, { force: true })).toThrow(/is a folder; give the backup a file name/);
    const nested = join(t.dir, "backups", "2026-03", "copy.sqlite");
    expect(backupDatabase(t.sqlite, nested).path).toBe(nested);
    expect(userIds(nested)).toEqual([]);
  });
});
