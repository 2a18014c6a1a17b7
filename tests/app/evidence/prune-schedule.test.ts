import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { evidencePruneEveryMs, startEvidencePruning } from "../../../app/evidence/prune-schedule.server.ts";
import { createTestDatabase, type TestDatabase } from "../../factories/db.ts";

let t: TestDatabase;
let dir: string;
const previousDir = process.env.EVIDENCE_DIR;

beforeEach(async () => {
  t = await createTestDatabase();
  dir = join(t.dir, "evidence-files");
  mkdirSync(dir, { recursive: true });
  process.env.EVIDENCE_DIR = dir;
});
afterEach(async () => {
  if (previousDir === undefined) delete process.env.EVIDENCE_DIR;
  else process.env.EVIDENCE_DIR = previousDir;
  await t.close();
});

/** A stored file no row refers to, two hours old. */
function orphan(): string {
  const path = join(dir, `${randomUUID()}.png`);
  writeFileSync(path, "x");
  const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(path, old, old);
  return path;
}

const silent = { info: () => undefined, error: () => undefined };

describe("startEvidencePruning", () => {
  it("removes orphaned files at start and again on its timer until stopped", async () => {
    const first = orphan();
    const pruning = startEvidencePruning(() => t.db, 30, silent);
    await pruning.done;
    expect(existsSync(first)).toBe(false);
    const second = orphan();
    for (let i = 0; i < 100 && existsSync(second); i++) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(second)).toBe(false);
    pruning.stop();
    const third = orphan();
    await new Promise((r) => setTimeout(r, 120));
    expect(existsSync(third)).toBe(true);
  });

  it("does nothing when switched off", async () => {
    const file = orphan();
    await startEvidencePruning(() => t.db, 0, silent).done;
    expect(existsSync(file)).toBe(true);
  });

  it("logs a failure instead of throwing", async () => {
    const errors: string[] = [];
    const pruning = startEvidencePruning(
      () => {
        throw new Error("database closed");
      },
      1000,
      { info: () => undefined, error: (_o, msg) => errors.push(msg) },
    );
    await pruning.done;
    pruning.stop();
    expect(errors).toEqual(["removing orphaned evidence files failed; will try again"]);
  });
});

describe("evidencePruneEveryMs", () => {
  it("defaults to an hour, accepts 0 for off and explains a bad value", () => {
    expect(evidencePruneEveryMs({})).toBe(3_600_000);
    expect(evidencePruneEveryMs({ EVIDENCE_PRUNE_MS: "0" })).toBe(0);
    expect(() => evidencePruneEveryMs({ EVIDENCE_PRUNE_MS: "hourly" })).toThrow(
      'EVIDENCE_PRUNE_MS must be a number of milliseconds (0 = off) (got "hourly")',
    );
  });
});
