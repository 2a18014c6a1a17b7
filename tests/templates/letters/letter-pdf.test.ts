import { afterAll, describe, expect, it } from "vitest";
import { renderLetterPdf } from "../../../templates/letters/letter-pdf.server.ts";
import { stopPacketWorker } from "../../../templates/packet/render-in-worker.server.ts";
import { folded, readPdf } from "../packet/pdf-text.ts";

afterAll(() => stopPacketWorker());

describe("a letter as PDF", () => {
  it("keeps the edited text, every script and the paragraphs, with a footer on each page", async () => {
    const text = "Hello 深圳音频 team,\n\nМоя посылка не пришла.\nLigne deux: élève.\n\n" + "Long paragraph. ".repeat(600);
    const { bytes, pages } = await renderLetterPdf(text, "Letter to the seller", "2026-03-09T18:00:00Z");
    const pdf = readPdf(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(pdf.pageCount).toBe(pages);
    const all = folded(pdf.text);
    expect(all).toContain("Hello 深圳音频 team,");
    expect(all).toContain("Моя посылка не пришла. Ligne deux: élève.");
    pdf.pages.forEach((p, i) => expect(folded(p)).toContain(`Letter to the seller · generated 9 Mar 2026 18:00 (UTC) Page ${i + 1} of ${pages}`));
  });
});
