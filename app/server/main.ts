/**
 * The web server: `npm start` (built app, NODE_ENV=production) or `npm run dev` (Vite middleware).
 * Start-up problems end in one line on stderr and exit status 1, never a stack trace.
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { migrateToLatest } from "../../db/client.server.ts";
import { evidencePruneEveryMs, startEvidencePruning } from "../evidence/prune-schedule.server.ts";
import { startProviderRefresher } from "../providers/scheduler.server.ts";
import { loadSweepConfig } from "../reminders/sweep-config.server.ts";
import { startReminderSweep } from "../reminders/sweep.server.ts";
import { ConfigError, loadConfig, setConfig, type Config } from "./config.server.ts";
import { bodyGuard } from "./body-limit.server.ts";
import { csrfMiddleware } from "./csrf.server.ts";
import { closeDb, getDb } from "./db.server.ts";
import { healthz } from "./health.server.ts";
import { getLoadContext } from "./load-context.server.ts";
import { createLogger, requestLogger } from "./logger.server.ts";
import { createRequestHandler } from "./remix-handler.server.ts";
import { securityHeaders } from "./security-headers.server.ts";

const SHUTDOWN_GRACE_MS = 10_000;

function fatal(message: string): never {
  process.stderr.write(`claimtrail: ${message.split("\n")[0]}\n`);
  process.exit(1);
}

async function remixBuild(dev: boolean, app: express.Express): Promise<ServerBuild | (() => Promise<ServerBuild>)> {
  if (dev) {
    const vite = await import("vite");
    const viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteDevServer.middlewares);
    return () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  }
  const serverBuild = resolve("build/server/index.js");
  if (!existsSync(serverBuild)) throw new ConfigError("the app is not built: run `npm run build` first (npm start does this)");
  // Hashed assets never change under their name; everything else under public/ may.
  app.use("/assets", express.static(resolve("build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(resolve("build/client"), { maxAge: "1h" }));
  return (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
}

async function start(config: Config, dev: boolean): Promise<void> {
  const logger = createLogger(config.logLevel);
  for (const notice of config.notices) logger.warn(notice);

  const applied = await migrateToLatest(getDb());
  if (applied.length > 0) logger.info({ migrations: applied, file: config.databaseFile }, "database migrated");
  startProviderRefresher({ db: getDb, logger, appUrl: config.appUrl });
  startEvidencePruning(getDb, evidencePruneEveryMs(), logger);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.use(securityHeaders({ https: config.appUrl.startsWith("https:") }));
  app.use(requestLogger(logger));
  app.get("/healthz", healthz(getDb));
  app.use(csrfMiddleware(config.allowedOrigins));
  // Limits by kind of route, counted as the bytes arrive; see body-limit.server.ts.
  app.use(bodyGuard());

  const build = await remixBuild(dev, app);
  app.all("*", createRequestHandler({ build, mode: dev ? "development" : "production", getLoadContext }));

  const server: Server = await new Promise((resolveListen, rejectListen) => {
    const s = app.listen(config.port, () => resolveListen(s));
    s.once("error", rejectListen);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info({ port, appUrl: config.appUrl, env: config.nodeEnv, database: config.databaseFile }, `ClaimTrail listening on port ${port}`);
  startReminderSweep(getDb(), loadSweepConfig(), logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.warn("requests still running after the grace period; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await closeDb().catch(() => undefined);
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

const dev = process.argv.includes("--dev");
let config: Config;
try {
  config = loadConfig(dev ? { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" } : process.env);
} catch (error) {
  fatal(error instanceof ConfigError ? error.message : String(error));
}
setConfig(config);
start(config, dev).catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err?.code === "EADDRINUSE") fatal(`port ${config.port} is already in use: stop the other server or set PORT`);
  fatal(err instanceof Error ? err.message : String(err));
});
