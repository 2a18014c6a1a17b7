/**
 * Evidence bytes of deleted orders and accounts are removed by the server itself: once at start
 * and then every EVIDENCE_PRUNE_MS (default one hour; 0 = off, as the test servers run).
 */
import { z } from "zod";
import type { DB } from "../../db/client.server.ts";
import { pruneOrphanEvidence } from "./evidence-service.server.ts";

const EveryMsSchema = z.coerce
  .number({ invalid_type_error: "must be a number of milliseconds (0 = off)" })
  .int()
  .min(0)
  .default(60 * 60_000);

/** Throws one line saying what to fix when EVIDENCE_PRUNE_MS is not a number of milliseconds. */
export function evidencePruneEveryMs(env: Record<string, string | undefined> = process.env): number {
  const parsed = EveryMsSchema.safeParse(env.EVIDENCE_PRUNE_MS?.trim() || undefined);
  if (!parsed.success) throw new Error(`EVIDENCE_PRUNE_MS ${parsed.error.issues[0]!.message} (got "${env.EVIDENCE_PRUNE_MS}")`);
  return parsed.data;
}

interface PruneLog {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/** Prunes now and then every `everyMs`; a failure is logged and the next round tries again. */
export function startEvidencePruning(
  db: () => DB,
  everyMs: number,
  log: PruneLog,
  clock: () => Date = () => new Date(),
): { stop(): void; done: Promise<void> } {
  if (everyMs <= 0) return { stop: () => undefined, done: Promise.resolve() };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const round = async () => {
    try {
      const removed = await pruneOrphanEvidence(db(), clock());
      if (removed.length > 0) log.info({ removed: removed.length }, "orphaned evidence files removed");
    } catch (error) {
      log.error({ error: (error as Error).message }, "removing orphaned evidence files failed; will try again");
    }
    if (!stopped) {
      timer = setTimeout(() => void round(), everyMs);
      timer.unref();
    }
  };
  const done = round();
  return {
    done,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
