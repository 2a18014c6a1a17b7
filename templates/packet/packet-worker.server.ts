/**
 * Worker thread entry: draws one packet per message, off the thread that serves requests. The
 * parent terminates this thread when a render runs past its time limit.
 */
import { parentPort } from "node:worker_threads";
import { drawPacketPdf } from "./pdf-document.server.ts";
import { loadFontFiles } from "./packet-fonts.server.ts";
import type { PacketJob, WorkerReply } from "./render-in-worker.server.ts";

// Read the fonts while the parent is still preparing images.
void loadFontFiles();

parentPort?.on("message", async ({ id, job }: { id: number; job: PacketJob }) => {
  let reply: WorkerReply;
  try {
    const { bytes, pages } = await drawPacketPdf(job.content, job.images, job.now);
    reply = { id, ok: true, bytes, pages };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
