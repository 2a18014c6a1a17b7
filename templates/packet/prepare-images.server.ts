import { createHash } from "node:crypto";
import sharp from "sharp";
import type { AttachmentSummary } from "./packet-content.ts";
import type { PreparedImage } from "./prepared-image.ts";

/**
 * Evidence images are decoded and re-encoded before pdf-lib sees them: pdf-lib hangs on a truncated
 * PNG and takes seconds and gigabytes on a pixel bomb (RELIABILITY.md). sharp (libvips) refuses
 * both up front; re-encoding also drops EXIF, so the buyer's GPS position never reaches the PDF.
 */

export interface EvidenceImage {
  fileName: string;
  /** ISO-8601 UTC. */
  uploadedAt: string;
  bytes: Uint8Array;
  /** What the buyer wrote about the file and the checklist step it documents: printed with it. */
  note?: string | null;
  checklistStep?: string | null;
}

export const MAX_IMAGES_PER_PACKET = 20;
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/** About 40 megapixels: any phone photo passes, a decompression bomb does not. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Longest side in the packet: ~170 dpi across the page width, sharp enough to read a label. */
const MAX_EDGE = 1400;
const JPEG_QUALITY = 72;
const DECODE_TIMEOUT_SECONDS = 10;
/** Images decoded at once: each full-size decode can take ~150 MB. */
const CONCURRENCY = 2;

export interface PreparedImages {
  summaries: AttachmentSummary[];
  images: Array<PreparedImage | null>;
}

function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return `the image is larger than ${MAX_INPUT_PIXELS / 1_000_000} megapixels`;
  if (/unsupported image format/i.test(message)) return "the file is not an image this packet can show (JPEG, PNG, WebP, GIF, TIFF, AVIF)";
  if (/timeout/i.test(message)) return "the image took too long to decode";
  return "the image is damaged or incomplete and could not be read";
}

async function prepareOne(file: EvidenceImage): Promise<{ image: PreparedImage | null; summary: AttachmentSummary }> {
  const base = {
    fileName: file.fileName,
    uploadedAt: file.uploadedAt,
    note: file.note ?? null,
    checklistStep: file.checklistStep ?? null,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  };
  if (file.bytes.byteLength > MAX_IMAGE_BYTES) {
    return { image: null, summary: { ...base, image: null, problem: `the file is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` } };
  }
  try {
    const source = sharp(file.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated", animated: false });
    const meta = await source.metadata();
    const { data, info } = await source
      .rotate() // honour the EXIF orientation before it is dropped
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: JPEG_QUALITY })
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .toBuffer({ resolveWithObject: true });
    const rotated = (meta.orientation ?? 1) >= 5;
    const originalWidth = (rotated ? meta.height : meta.width) ?? info.width;
    const originalHeight = (rotated ? meta.width : meta.height) ?? info.height;
    return {
      image: { jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height },
      summary: { ...base, image: { width: info.width, height: info.height, originalWidth, originalHeight }, problem: null },
    };
  } catch (error) {
    return { image: null, summary: { ...base, image: null, problem: problemOf(error) } };
  }
}

export async function prepareImages(files: readonly EvidenceImage[]): Promise<PreparedImages> {
  const results: Array<{ image: PreparedImage | null; summary: AttachmentSummary }> = [];
  for (let i = 0; i < files.length; i += CONCURRENCY) {
    const batch = files.slice(i, i + CONCURRENCY).map(async (file, j) => {
      if (i + j < MAX_IMAGES_PER_PACKET) return prepareOne(file);
      const sha256 = createHash("sha256").update(file.bytes).digest("hex");
      return {
        image: null,
        summary: {
          fileName: file.fileName,
          uploadedAt: file.uploadedAt,
          note: file.note ?? null,
          checklistStep: file.checklistStep ?? null,
          sha256,
          image: null,
          problem: `a packet shows at most ${MAX_IMAGES_PER_PACKET} images`,
        },
      };
    });
    results.push(...(await Promise.all(batch)));
  }
  return { summaries: results.map((r) => r.summary), images: results.map((r) => r.image) };
}
