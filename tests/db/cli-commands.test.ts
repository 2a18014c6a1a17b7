/**
 * `npm run db:migrate` and `npm run backup -- PATH` as a person runs them: a real process running
 * the CLI bundle in dist/ (what both scripts call), JSON on
 * stdout, a one-line JSON error and exit 2 on bad input.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../../db/migrations/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

async function cli(args: string[], databaseFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["dist/cli.mjs", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = await once(child, "exit");
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimtrail-cli-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  it("creates the database, reports what it applied, and applies nothing the second time", async () => {
    const file = join(dir, "nested", "app.sqlite");
    const first = await cli(["migrate"], file);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ database: file, applied: Object.keys(migrations).sort() });
    const second = await cli(["migrate"], file);
    expect(JSON.parse(second.stdout)).toEqual({ database: file, applied: [] });
  });

  it("two processes migrating the same new file at once apply each migration exactly once", async () => {
    const file = join(dir, "race.sqlite");
    const [a, b] = await Promise.all([cli(["migrate"], file), cli(["migrate"], file)]);
    expect([a.code, b.code, a.stderr + b.stderr]).toEqual([0, 0, ""]);
    const applied = [...JSON.parse(a.stdout).applied, ...JSON.parse(b.stdout).applied];
    expect(applied.sort()).toEqual(Object.keys(migrations).sort());
  });
});

describe("backup", () => {
  it("writes a sound copy, refuses to overwrite it without --force, and replaces it with --force", async () => {
    const file = join(dir, "app.sqlite");
    await cli(["migrate"], file);
    const target = join(dir, "backup.sqlite");

    const made = await cli(["backup", target], file);
    expect(made.code).toBe(0);
    const printed = JSON.parse(made.stdout);
    expect(printed).toEqual({ path: target, bytes: expect.any(Number) });
    expect(printed.bytes).toBeGreaterThan(0);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();

    const refused = await cli(["backup", target], file);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(refused.stderr).error).toMatch(/already exists; choose another path or add --force/);

    const forced = await cli(["backup", target, "--force"], file);
    expect(forced.code).toBe(0);
  });

  it("says what to fix when the path is missing or there is no database yet", async () => {
    const noPath = await cli(["backup"], join(dir, "app.sqlite"));
    expect(noPath.code).toBe(2);
    expect(JSON.parse(noPath.stderr).error).toMatch(/give exactly one PATH/);

    const missing = join(dir, "missing.sqlite");
    const noDatabase = await cli(["backup", join(dir, "b.sqlite")], missing);
    expect(noDatabase.code).toBe(2);
    expect(JSON.parse(noDatabase.stderr).error).toMatch(/no database at .*missing\.sqlite/);
    expect(existsSync(missing)).toBe(false);
  });
});
