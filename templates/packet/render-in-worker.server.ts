import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { PacketContent } from "./packet-content.ts";
import type { PreparedImage } from "./prepared-image.ts";

/**
 * Runs the PDF drawing in a worker thread with a time limit, so a hostile order (thousands of
 * events, odd text) can never stall the server: past the limit the thread is terminated. One warm
 * worker is kept and reused; jobs run one at a time.
 */

export interface PacketJob {
  content: PacketContent;
  images: ReadonlyArray<PreparedImage | null>;
  now: string;
}

export type WorkerReply = { id: number; ok: true; bytes: Uint8Array; pages: number } | { id: number; ok: false; error: string };

export class PacketRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PacketRenderError";
  }
}

export const DEFAULT_RENDER_TIMEOUT_MS = 30_000;
/** Heap for the drawing thread; images live in its buffers, so leave room for 20 of them. */
const WORKER_HEAP_MB = 768;

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

const ENTRY = "packet-worker.mjs";
/** The worker as app/build/bundle.mjs builds it, seen from the Remix server bundle in build/server. */
const BUNDLED_ENTRY = "../../dist/packet-worker.mjs";

/**
 * Beside this module: from source (dev server, tests) that is the small tsx entry; in dist/
 * (CLI, cron runners) it is the bundled worker. From the Remix server bundle (build/server) it is
 * the bundled worker in dist/, so production never needs a TypeScript loader. The names are
 * variables so that Vite leaves these lookups alone instead of rewriting them as assets.
 */
function workerEntry(): URL {
  const beside = new URL(ENTRY, import.meta.url);
  if (existsSync(beside)) return beside;
  return new URL(BUNDLED_ENTRY, import.meta.url);
}

function startWorker(): Worker {
  // From source the worker is TypeScript: its small JS entry registers tsx's loader in the new
  // thread (dev server, vitest); the built entry is plain JavaScript.
  const w = new Worker(workerEntry(), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  w.unref();
  return w;
}

function runOnce(job: PacketJob, timeoutMs: number): Promise<{ bytes: Uint8Array; pages: number }> {
  const w = (worker ??= startWorker());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
    };
    const discard = () => {
      if (worker === w) worker = null;
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      finish();
      if (reply.ok) resolve({ bytes: reply.bytes, pages: reply.pages });
      else reject(new PacketRenderError(`the packet could not be drawn: ${reply.error}`));
    };
    const onError = (error: Error) => {
      finish();
      discard();
      reject(new PacketRenderError(`the packet could not be drawn: ${error.message}`));
    };
    const onExit = (code: number) => {
      finish();
      discard();
      reject(new PacketRenderError(`the packet renderer stopped (exit code ${code})`));
    };
    const timer = setTimeout(() => {
      finish();
      discard();
      void w.terminate();
      reject(new PacketRenderError(`the packet took longer than ${Math.round(timeoutMs / 1000)} s to draw and was stopped`));
    }, timeoutMs);
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    // Keep the process alive while a job is running (the worker is unref'd when idle).
    w.ref();
    w.postMessage({ id, job });
  });
}

/**
 * Starts the drawing thread ahead of need: loading pdf-lib and the fonts takes longer than
 * drawing a packet, so the server calls this at start-up and renderPacket overlaps it with the
 * image work.
 */
export function warmPacketWorker(): void {
  worker ??= startWorker();
}

/** Draws the packet in the worker thread; rejects with PacketRenderError on failure or timeout. */
export function renderInWorker(job: PacketJob, timeoutMs = DEFAULT_RENDER_TIMEOUT_MS): Promise<{ bytes: Uint8Array; pages: number }> {
  const result = queue.then(() => runOnce(job, timeoutMs));
  queue = result.catch(() => undefined);
  return result;
}

/** Stops the warm worker (tests, graceful shutdown). */
export async function stopPacketWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
