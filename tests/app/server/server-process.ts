/**
 * Starts the REAL server (`node dist/server.mjs`, production mode, the built app)
 * on a free port with its own temporary SQLite file, the way `npm start` runs it. Shared by the
 * integration tests here and the browser tests under tests/e2e/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const SERVER_BUNDLE = join(ROOT, "build/server/index.js");
const SOURCES = ["app", "db", "machines", "templates", "public", "vite.config.ts", "package.json"];
const LOCK = join(ROOT, ".cache/build.lock");

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isBuildFresh(): boolean {
  if (!existsSync(SERVER_BUNDLE)) return false;
  const built = statSync(SERVER_BUNDLE).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the app unless build/ is newer than every source. Test files run in parallel processes,
 * so a lock directory makes one of them build while the others wait and then find it fresh.
 */
export async function ensureBuilt(): Promise<void> {
  if (process.env.CLAIMTRAIL_SKIP_BUILD === "1") return;
  // Vitest bundles dist/ once in its globalSetup; the benches that start a server do it here.
  if (!process.env.VITEST) bundleNode();
  if (isBuildFresh()) return;
  mkdirSync(join(ROOT, ".cache"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed test run is stale after three minutes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (isBuildFresh()) return;
    const result = spawnSync(process.execPath, [join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production", VITEST: "" },
    });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

let bundled = false;

/** dist/ (server entry, packet worker), once per process: esbuild, a second or two. */
function bundleNode(): void {
  if (bundled) return;
  bundled = true;
  const result = spawnSync(process.execPath, ["app/build/bundle.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`bundling dist/ failed:\n${result.stdout}\n${result.stderr}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface StartOptions {
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** Reuse a database file (e.g. after a crash); default: a new file in a new temp directory. */
  dbFile?: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  dbFile: string;
  /** Temp directory holding the database; removed by stop() unless a dbFile was passed in. */
  dir: string;
  proc: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash) and wait for exit. */
  kill9(): Promise<void>;
}

/** A random secret of the required production length. */
export function testSecret(): string {
  return randomBytes(32).toString("base64url");
}

function waitForExit(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((r) => proc.once("exit", (code) => r(code)));
}

/** Spawns the server entry with the given environment and collects its output (no waiting). */
export function spawnServer(env: Record<string, string>): { proc: ChildProcess; output: () => string } {
  // The bundled entry, as `npm start` runs it (tests/setup/build-once.ts builds dist/).
  const proc = spawn(process.execPath, ["--enable-source-maps", "dist/server.mjs"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as Record<string, string> as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  return { proc, output: () => out };
}

/** Builds if needed, starts the server and resolves once GET /healthz answers 200. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  await ensureBuilt();
  const ownDir = !options.dbFile;
  const dir = options.dbFile ? resolve(options.dbFile, "..") : mkdtempSync(join(tmpdir(), "claimtrail-test-"));
  const dbFile = options.dbFile ?? join(dir, "claimtrail.sqlite");
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const { proc, output } = spawnServer({
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: `file:${dbFile}`,
    SESSION_SECRET: testSecret(),
    APP_URL: url,
    LOG_LEVEL: "warn",
    // Off unless a test asks: it would remove files a test left on purpose.
    EVIDENCE_PRUNE_MS: "0",
    ...options.env,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited during start-up:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`server did not answer /healthz within 60 s:\n${output()}`);
    }
    await sleep(100);
  }
  return {
    url,
    port,
    dbFile,
    dir,
    proc,
    output,
    async stop() {
      proc.kill("SIGTERM");
      const code = await waitForExit(proc);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
      return code;
    },
    async kill9() {
      proc.kill("SIGKILL");
      await waitForExit(proc);
    },
  };
}
