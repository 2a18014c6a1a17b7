import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { databaseFileFromUrl } from "../../db/client.server.ts";

/** A configuration problem worded for the person starting the server: one line, no stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A generated secret is kept next to the database it protects, so sessions survive restarts. */
export const GENERATED_SECRET_NAME = "session-secret";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  APP_URL: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

export interface Config {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  databaseFile: string;
  sessionSecret: string;
  /** The public origin (no trailing slash): CSRF checks, redirects and absolute links use it, never `Host`. */
  appUrl: string;
  /**
   * Origins whose writes the CSRF check accepts: APP_URL, and when APP_URL is not set, the same
   * port on the other loopback names, so a fresh `npm start` works at 127.0.0.1 as at localhost.
   */
  allowedOrigins: string[];
  /** Express's `trust proxy` value: false, a hop count, or a list of addresses. */
  trustProxy: boolean | number | string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Set when a development secret was generated on this start, so main can say so. */
  notices: string[];
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "off" || value === "false" || value === "0") return false;
  if (value === "on" || value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  // Express accepts addresses, subnets and names like "loopback"; pass them through as written.
  return raw!.trim();
}

function parseAppUrl(raw: string | undefined, port: number): string {
  const value = raw?.trim() || `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`APP_URL "${value}" is not a URL; use e.g. https://claimtrail.example`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`APP_URL "${value}" must start with http:// or https://`);
  }
  return url.origin;
}

/**
 * A missing secret is generated once and kept beside the database (./data/ by default), with a
 * notice, so that `npm install && npm start` works on a fresh clone. A secret that is set but too
 * short is a mistake and stops start-up instead.
 */
function generatedSecret(databaseFile: string, notices: string[]): string {
  const dir = databaseFile === ":memory:" ? "./data" : dirname(databaseFile);
  const file = resolve(dir, GENERATED_SECRET_NAME);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (Buffer.byteLength(stored) >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  notices.push(`SESSION_SECRET is not set: generated one and saved it in ${file}; set SESSION_SECRET to manage it yourself`);
  return secret;
}

/** Reads and checks the environment; throws ConfigError with one line saying what to fix. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    const shown = name in env ? ` (got "${env[name]}")` : "";
    throw new ConfigError(`${name} ${issue.message}${shown}`);
  }
  const e = parsed.data;
  const notices: string[] = [];
  const isProduction = e.NODE_ENV === "production";

  // A bare word ("bogus") would otherwise become an SQLite file of that name in the working directory.
  const databaseUrl = e.DATABASE_URL?.trim() ?? "";
  if (databaseUrl !== "" && databaseUrl !== ":memory:" && !/^file:/i.test(databaseUrl) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL "${e.DATABASE_URL}" is not a database address: use file:PATH for an SQLite file (e.g. file:./data/claimtrail.sqlite) or postgres://USER@HOST/DATABASE`,
    );
  }

  let databaseFile: string;
  try {
    databaseFile = databaseFileFromUrl(e.DATABASE_URL);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  let sessionSecret = e.SESSION_SECRET ?? "";
  if (sessionSecret.trim() === "") {
    sessionSecret = generatedSecret(databaseFile, notices);
  } else if (isProduction && Buffer.byteLength(sessionSecret) < 32) {
    throw new ConfigError(
      `SESSION_SECRET is too short (${Buffer.byteLength(sessionSecret)} bytes): use at least 32 random bytes (e.g. \`openssl rand -base64 32\`)`,
    );
  } else if (Buffer.byteLength(sessionSecret) < 32) {
    // Development with a toy secret: fine for trying things, said out loud.
    notices.push(`SESSION_SECRET is shorter than 32 bytes; that is refused in production`);
  }

  const appUrl = parseAppUrl(e.APP_URL, e.PORT);
  const allowedOrigins = e.APP_URL?.trim() ? [appUrl] : [appUrl, `http://127.0.0.1:${e.PORT}`, `http://[::1]:${e.PORT}`];
  if (isProduction && appUrl.startsWith("http:") && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(appUrl)) {
    notices.push(`APP_URL ${appUrl} is plain http: browsers drop the Secure session cookie there, so serve ClaimTrail over https`);
  }

  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    databaseFile,
    sessionSecret,
    appUrl,
    allowedOrigins,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    notices,
  };
}

// The server entry (run by tsx) and the Remix server bundle are two copies of this module; the
// configuration lives on globalThis so that both read the one that main validated.
const KEY = Symbol.for("claimtrail.config");
type Holder = { [KEY]?: Config };

export function getConfig(): Config {
  const holder = globalThis as Holder;
  holder[KEY] ??= loadConfig();
  return holder[KEY];
}

export function setConfig(config: Config): void {
  (globalThis as Holder)[KEY] = config;
}
