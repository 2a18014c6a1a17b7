import type { NextFunction, Request, Response } from "express";
import { pino, type Logger } from "pino";

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "claimtrail" } });
}

/** A calendar feed's address is its key (/calendar/TOKEN.ics): the log keeps only its shape. */
export function loggedPath(path: string): string {
  return path.replace(/^\/calendar\/[^/]+/, "/calendar/[token]");
}

/**
 * One line per request. The path is logged without its query string (redirect targets travel
 * there) and without calendar-feed tokens: neither belongs in logs.
 */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? "error" : "info";
      logger[level]({ method: req.method, path: loggedPath(req.path), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  };
}
