import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/client.server.ts";
import { healthz } from "../../../app/server/health.server.ts";

function fakeResponse() {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    setHeader: () => res,
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  return { res: res as unknown as Response, sent };
}

describe("GET /healthz", () => {
  it("answers 200 {ok: true} while the database answers", async () => {
    const { db } = openDatabase(":memory:");
    const { res, sent } = fakeResponse();
    await healthz(() => db)({} as Request, res);
    expect(sent).toEqual({ status: 200, body: { ok: true } });
    await db.destroy();
  });

  it("answers 503 when the database does not", async () => {
    const { db, sqlite } = openDatabase(":memory:");
    sqlite.close();
    const { res, sent } = fakeResponse();
    await healthz(() => db)({} as Request, res);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ ok: false });
  });
});
