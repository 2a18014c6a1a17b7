import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { PacketRenderError, stopPacketWorker } from "../../../templates/packet/render-in-worker.server.ts";
import { renderPacket } from "../../../templates/packet/render-packet.server.ts";
import { MAX_IMAGES_PER_PACKET, type EvidenceImage } from "../../../templates/packet/prepare-images.server.ts";
import { documentCase, FIXTURE_NAMES, fixtureCase, rawFixture, type DocumentCase } from "../order-fixtures.ts";
import { folded, readPdf } from "./pdf-text.ts";

afterAll(() => stopPacketWorker());

const render = (c: DocumentCase, images: EvidenceImage[] = []) => renderPacket(c.facts, c.assessment, c.now, { images });

async function photo(width: number, height: number, format: "png" | "jpeg" = "png"): Promise<Uint8Array> {
  const img = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } });
  return new Uint8Array(await (format === "png" ? img.png() : img.jpeg()).toBuffer());
}

/** A PNG whose header claims `width`×`height` (valid CRC), with a tiny body: a pixel bomb's shape. */
function pngClaiming(base: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(base);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  let crc = ~0;
  for (const byte of out.subarray(12, 29)) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  view.setUint32(29, ~crc >>> 0);
  return out;
}

describe("the evidence packet", () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}: a valid PDF whose every page carries its number and the generation time`, async () => {
      const c = fixtureCase(name);
      const { bytes, pages } = await render(c);
      const pdf = readPdf(bytes);
      expect(pdf.pageCount).toBe(pages);
      expect(pages).toBeGreaterThanOrEqual(2);
      pdf.pages.forEach((page, i) => {
        expect(page).toContain(`Page ${i + 1} of ${pages}`);
        expect(folded(page)).toMatch(/generated \d{1,2} \w{3} \d{4} \d{2}:\d{2} UTC/);
      });
      const text = folded(pdf.text);
      for (const heading of ["The claim", "Key dates and deadlines", "Order facts", "Silent gaps", "Deadlines", "What the buyer did"]) {
        expect(text).toContain(heading);
      }
      if (c.facts.orderNumber) expect(text).toContain(c.facts.orderNumber);
    });
  }

  it("draws Chinese, Cyrillic and accented Latin as text that pdftotext reads back", async () => {
    const inTransit = folded(readPdf((await render(fixtureCase("aliexpress-in-transit"))).bytes).text);
    for (const s of ["卖家已发货", "深圳市 南山区", "已揽收 Parcel picked up", "Liège, Belgique", "Élodie Marchand", "UGREEN Official Store"]) {
      expect(inTransit).toContain(s);
    }
    const customs = folded(readPdf((await render(fixtureCase("customs-held"))).bytes).text);
    for (const s of ["Анна Смирнова", "Задержано таможней", "Москва, ММПО", "no update for 28 days"]) expect(customs).toContain(s);
  });

  it("survives Arabic, emoji and control characters: visible markers, never a crash or a silent drop", async () => {
    const raw = rawFixture("aliexpress-in-transit");
    const c = documentCase({
      ...raw,
      events: [
        { at: "2026-03-02T09:12:00Z", text: "تم التسليم إلى المستلم", location: "دبي" },
        { at: "2026-03-03T09:12:00Z", text: "Parcel 📦 on its way 🚚✈️ Łódź" },
        { at: "2026-03-04T09:12:00Z", text: "Bell\u0007 escape\u001b[31m red\u202e reversed\u0000 end\r\nnext line" },
      ],
    });
    const text = folded(readPdf((await render(c)).bytes).text);
    // One marker per Arabic phrase, naming its first code point and its length.
    expect(text).toContain("[U+062A… 22 characters not shown]");
    expect(text).toContain("[U+062F U+0628 U+064A]");
    expect(text).toContain("Parcel [U+1F4E6] on its way [U+1F69A U+2708] Łódź");
    expect(text).toContain("Bell escape[31m red reversed end next line");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/);
  });

  it("2,000 events make a long, valid PDF whose table flows over pages", async () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      text: `Event ${i + 1}: 已到达 сортировочный центр — arrivée au centre de tri`,
      location: i % 2 ? "广州" : "Montréal",
    }));
    const c = documentCase({ ...rawFixture("aliexpress-in-transit"), events });
    const { bytes, pages } = await render(c);
    const pdf = readPdf(bytes);
    expect(pages).toBeGreaterThan(50);
    expect(pdf.pageCount).toBe(pages);
    const text = folded(pdf.text);
    expect(text).toContain("Event 1: 已到达 сортировочный центр");
    expect(text).toContain("Event 2000: 已到达");
    // The table header is repeated on the pages it flows onto.
    expect(pdf.pages.filter((p) => p.includes("Carrier's text")).length).toBeGreaterThan(40);
  }, 120_000);

  it("cuts a cell taller than a page and says so, instead of drawing off the page", async () => {
    const c = documentCase({
      ...rawFixture("aliexpress-in-transit"),
      events: [{ at: "2026-03-02T09:12:00Z", text: "Arrived", location: "广".repeat(2000), source: "x".repeat(3000) }],
    });
    const pdf = readPdf((await render(c)).bytes);
    const text = folded(pdf.text);
    expect(text).toMatch(/\[… \d+ more lines not shown\]/);
    const shownX = (text.match(/x{5,}/g) ?? []).join("").length;
    expect(shownX).toBeGreaterThan(100);
    expect(shownX).toBeLessThanOrEqual(600);
    expect(text).toContain("Silent gaps");
  });

  it("embeds photos scaled to the page with file name, upload time and SHA-256", async () => {
    const c = fixtureCase("delivered-not-received");
    const wide = await photo(3000, 1000, "jpeg");
    const tall = await photo(600, 2400);
    const { bytes } = await render(c, [
      { fileName: "porche vide — 空的.jpg", uploadedAt: "2026-02-25T18:00:00Z", bytes: wide },
      { fileName: "mailbox.png", uploadedAt: "2026-02-25T18:05:00Z", bytes: tall },
    ]);
    const pdf = readPdf(bytes);
    expect(pdf.images).toBe(2);
    const text = folded(pdf.text);
    expect(text).toContain("File: porche vide — 空的.jpg");
    expect(text).toContain("Uploaded: 25 Feb 2026 10:00 UTC-8");
    expect(text).toContain(`SHA-256 of the uploaded file: ${createHash("sha256").update(wide).digest("hex")}`);
    expect(text).toContain("Image 3000 × 1000 pixels");
    expect(text).toContain("File: mailbox.png");
  });

  it("refuses a truncated image, a pixel bomb and a lying extension with a message, and still makes the packet", async () => {
    const c = fixtureCase("aliexpress-in-transit");
    const png = await photo(64, 64);
    const { bytes } = await render(c, [
      { fileName: "truncated.png", uploadedAt: "2026-04-01T10:00:00Z", bytes: png.subarray(0, 57) },
      { fileName: "bomb.png", uploadedAt: "2026-04-01T10:01:00Z", bytes: pngClaiming(png, 20000, 20000) },
      { fileName: "invoice.jpg", uploadedAt: "2026-04-01T10:02:00Z", bytes: new TextEncoder().encode("%PDF-1.7 not really a photo") },
      { fileName: "ok.png", uploadedAt: "2026-04-01T10:03:00Z", bytes: png },
    ]);
    const pdf = readPdf(bytes);
    expect(pdf.images).toBe(1);
    const text = folded(pdf.text);
    expect(text).toContain("File: truncated.png");
    expect(text).toContain("Not shown: the image is damaged or incomplete and could not be read");
    expect(text).toContain("Not shown: the image is larger than 40 megapixels");
    expect(text).toContain("Not shown: the file is not an image this packet can show");
  });

  it(`shows at most ${MAX_IMAGES_PER_PACKET} images and says which were left out`, async () => {
    const png = await photo(32, 32);
    const images = Array.from({ length: MAX_IMAGES_PER_PACKET + 1 }, (_, i) => ({
      fileName: `shot-${i + 1}.png`,
      uploadedAt: "2026-04-01T10:00:00Z",
      bytes: png,
    }));
    const pdf = readPdf((await render(fixtureCase("aliexpress-in-transit"), images)).bytes);
    expect(pdf.images).toBe(MAX_IMAGES_PER_PACKET);
    expect(folded(pdf.text)).toContain(`File: shot-${MAX_IMAGES_PER_PACKET + 1}.png`);
    expect(folded(pdf.text)).toContain(`Not shown: a packet shows at most ${MAX_IMAGES_PER_PACKET} images`);
  });

  it("is deterministic: the same order and now give the same text", async () => {
    const a = readPdf((await render(fixtureCase("customs-held"))).bytes).text;
    const b = readPdf((await render(fixtureCase("customs-held"))).bytes).text;
    expect(b).toBe(a);
  });

  it("stops a render that runs past its time limit, and the next render still works", async () => {
    const c = fixtureCase("returned");
    await expect(renderPacket(c.facts, c.assessment, c.now, { timeoutMs: 1 })).rejects.toThrow(PacketRenderError);
    const { pages } = await render(c);
    expect(pages).toBeGreaterThan(0);
  });
});
