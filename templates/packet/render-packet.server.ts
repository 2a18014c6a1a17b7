import type { OrderAssessment } from "../document/assessment.ts";
import type { DocumentFacts } from "../document/document-facts.ts";
import { buildPacketContent } from "./packet-content.ts";
import { prepareImages, type EvidenceImage } from "./prepare-images.server.ts";
import { DEFAULT_RENDER_TIMEOUT_MS, renderInWorker, warmPacketWorker } from "./render-in-worker.server.ts";

export interface PacketOptions {
  /** Evidence photos and screenshots, in the order they should appear. */
  images?: readonly EvidenceImage[];
  /** Time limit for drawing; past it the render is stopped with PacketRenderError. */
  timeoutMs?: number;
}

export interface RenderedPacket {
  bytes: Uint8Array;
  pages: number;
}

/**
 * The dispute evidence packet as PDF bytes: images made safe first (on libvips' own threads, with
 * pixel and time limits), then drawn in a worker thread with a time limit.
 */
export async function renderPacket(
  facts: DocumentFacts,
  assessment: OrderAssessment,
  now: Date | string,
  options: PacketOptions = {},
): Promise<RenderedPacket> {
  const nowIso = typeof now === "string" ? now : now.toISOString();
  warmPacketWorker();
  const { summaries, images } = await prepareImages(options.images ?? []);
  const content = buildPacketContent(facts, assessment, nowIso, summaries);
  return renderInWorker({ content, images, now: nowIso }, options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS);
}
