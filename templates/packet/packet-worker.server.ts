/**
 * Worker thread entry: draws one packet per message, off the thread that serves requests. The
 * parent terminates this thread when a render runs past its time limit.
 */
import { parentPort } from "node:worker_threads";
import { drawPacketPdf } from "./pdf-document.server.ts";
import type { PacketJob, WorkerReply } from "./render-in-worker.server.ts";

/**
 * A first, throw-away drawing while the parent still prepares images: it reads the fonts, parses the
 * CJK font's tables, compiles HarfBuzz and warms the JIT, which together cost more than a packet.
 */
const warmUp = drawPacketPdf(
  { title: "warm-up", generatedAt: "", footer: "warm-up", blocks: [{ kind: "paragraph", text: "Aé Жж 中文" }] },
  [],
  "2026-01-01T00:00:00.000Z",
).catch(() => undefined);

parentPort?.on("message", async ({ id, job }: { id: number; job: PacketJob }) => {
  await warmUp;
  let reply: WorkerReply;
  try {
    const { bytes, pages } = await drawPacketPdf(job.content, job.images, job.now);
    reply = { id, ok: true, bytes, pages };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
