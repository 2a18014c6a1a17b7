import type { Request, Response } from "express";
import { sql } from "kysely";
import type { DB } from "../../db/client.server.ts";

/** GET /healthz (contract §5): 200 {"ok": true} once the database answers a query, 503 otherwise. */
export function healthz(getDb: () => DB) {
  return async (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      await sql`select 1`.execute(getDb());
      res.status(200).json({ ok: true });
    } catch {
      res.status(503).json({ ok: false, error: "database unavailable" });
    }
  };
}
