import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_SECRET_NAME, loadConfig } from "../../../app/server/config.server.ts";
import { spawnServer, startServer, testSecret } from "./server-process.ts";

/** Starts the real entry with a bad environment; it must stop before building anything. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { proc, output } = spawnServer({ NODE_ENV: "production", SESSION_SECRET: testSecret(), PORT: "0", ...env });
  const code = await new Promise<number | null>((resolve) => proc.once("exit", resolve));
  return { code, output: output() };
}

describe("start-up with bad configuration", () => {
  it.each([
    [{ SESSION_SECRET: "too-short-secret" }, /SESSION_SECRET is too short \(16 bytes\)/],
    [{ PORT: "eighty" }, /PORT must be a number/],
    [{ PORT: "70000" }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: "postgres://db.example/claimtrail" }, /DATABASE_URL .* is not supported yet/],
    [{ DATABASE_URL: "bogus" }, /DATABASE_URL "bogus" .*file:PATH/],
    [{ APP_URL: "ftp://claimtrail.example" }, /APP_URL .* must start with http/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL/],
  ])("%j stops with one clear line and exit 1", async (env, message) => {
    const { code, output } = await failedStart(env);
    expect(code).toBe(1);
    const lines = output.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe("loadConfig", () => {
  it("refuses a DATABASE_URL that is neither file:PATH nor a URL, creating nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrail-config-"));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32), DATABASE_URL: "bogus" })).toThrow(
        /file:PATH .*postgres:\/\//,
      );
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("applies the documented defaults", () => {
    const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) });
    expect(config).toMatchObject({
      port: 3000,
      databaseFile: "./data/claimtrail.sqlite",
      appUrl: "http://localhost:3000",
      trustProxy: false,
      logLevel: "info",
      isProduction: true,
    });
  });

  it("accepts writes from the loopback names only while APP_URL is left at its default", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(32), PORT: "4000" };
    expect(loadConfig(base).allowedOrigins).toEqual(["http://localhost:4000", "http://127.0.0.1:4000", "http://[::1]:4000"]);
    expect(loadConfig({ ...base, APP_URL: "https://claimtrail.example/" }).allowedOrigins).toEqual(["https://claimtrail.example"]);
  });

  it("reads TRUST_PROXY as off, a hop count or addresses", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) };
    expect(loadConfig({ ...base, TRUST_PROXY: "off" }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });

  it("generates a missing secret once, keeps it in data/ and says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimtrail-config-"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const first = loadConfig({ NODE_ENV: "development" });
      expect(Buffer.byteLength(first.sessionSecret)).toBeGreaterThanOrEqual(32);
      expect(first.notices.join(" ")).toContain("SESSION_SECRET is not set: generated one");
      expect(readFileSync(join(dir, "data", GENERATED_SECRET_NAME), "utf8").trim()).toBe(first.sessionSecret);
      const second = loadConfig({ NODE_ENV: "production" });
      expect(second.sessionSecret).toBe(first.sessionSecret);
      expect(second.notices).toEqual([]);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a fresh clone", () => {
  it("starts in production without SESSION_SECRET, keeping a generated one beside the database", async () => {
    const server = await startServer({ env: { SESSION_SECRET: "" } });
    try {
      expect(server.output()).toContain("SESSION_SECRET is not set: generated one");
      expect(readFileSync(join(server.dir, GENERATED_SECRET_NAME), "utf8").trim().length).toBeGreaterThanOrEqual(32);
      const res = await fetch(server.url + "/healthz");
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      await server.stop();
    }
  });
});
