import { formatDateTime } from "../document/format-time.ts";
import type { PacketContent } from "../packet/packet-content.ts";
import { DEFAULT_RENDER_TIMEOUT_MS, renderInWorker } from "../packet/render-in-worker.server.ts";

/**
 * A letter (as the buyer edited it) as a one-column PDF, drawn by the packet's renderer so it gets
 * the same fonts, markers and time limit. `title` names the document in the footer and metadata.
 */
export async function renderLetterPdf(text: string, title: string, now: Date | string, timeoutMs = DEFAULT_RENDER_TIMEOUT_MS) {
  const nowIso = typeof now === "string" ? now : now.toISOString();
  const generatedAt = `${formatDateTime(nowIso, "UTC")} (UTC)`;
  const content: PacketContent = {
    title,
    generatedAt,
    footer: `${title} · generated ${generatedAt}`,
    // One block per paragraph so a long letter breaks between paragraphs where it can.
    blocks: text.split(/\n{2,}/).map((paragraph) => ({ kind: "paragraph" as const, text: paragraph })),
  };
  return renderInWorker({ content, images: [], now: nowIso }, timeoutMs);
}
