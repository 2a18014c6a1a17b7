/**
 * One uploaded file made safe to keep: its kind read from the bytes, images decoded and re-encoded
 * by sharp (libvips) with a pixel limit and fail-on-error, which also drops EXIF (GPS position,
 * device serials) and applies the EXIF rotation first so the photo still stands upright.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import { ACCEPTED_LABELS, describeRefusedKind, detectKind, type KindInfo } from "./file-kinds.ts";
import { EvidenceError } from "./evidence-error.ts";
import { EVIDENCE_LIMITS } from "./upload-limits.ts";

export interface SanitizedFile {
  originalName: string;
  contentType: string;
  extension: string;
  bytes: Buffer;
  sha256: string;
  width: number | null;
  height: number | null;
}

const DECODE_TIMEOUT_SECONDS = 15;

/**
 * Whether this sharp build decodes HEIC. The prebuilt libvips carries libheif with the AV1 decoder
 * only (HEVC is left out for patent reasons), so iPhone HEIC photos are refused with a way out.
 */
export const HEIC_DECODABLE = (sharp.format.heif?.input.fileSuffix ?? []).includes(".heic");

const HEIC_ADVICE =
  "HEIC photos cannot be read here yet. On an iPhone, share the photo as JPEG (or set Settings → Camera → Formats → Most Compatible) and upload it again.";

/** Makes the name safe to show and to put in a header: no paths, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  const chars = Array.from(cleaned);
  return (chars.length > EVIDENCE_LIMITS.maxFileNameChars ? chars.slice(-EVIDENCE_LIMITS.maxFileNameChars).join("") : cleaned) || "evidence";
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function imageProblem(name: string, error: unknown): EvidenceError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new EvidenceError(400, `"${name}" is larger than ${EVIDENCE_LIMITS.maxPixels / 1_000_000} megapixels; shrink it and upload it again.`);
  }
  if (/timeout/i.test(message)) return new EvidenceError(400, `"${name}" took too long to read; it may be damaged.`);
  return new EvidenceError(400, `"${name}" is damaged or incomplete and could not be read as an image; nothing was saved.`);
}

async function reencodeImage(name: string, bytes: Buffer, kind: KindInfo): Promise<{ bytes: Buffer; width: number; height: number }> {
  try {
    const source = sharp(bytes, { limitInputPixels: EVIDENCE_LIMITS.maxPixels, failOn: "error", animated: false });
    const meta = await source.metadata();
    // The header alone gives the size: refuse a bomb before a single pixel is decoded.
    if ((meta.width ?? 0) * (meta.height ?? 0) > EVIDENCE_LIMITS.maxPixels) throw new Error("pixel limit");
    const encode = (quality: number) => {
      let pipeline = source.clone().rotate();
      if (kind.kind === "png") pipeline = pipeline.png({ compressionLevel: 6 });
      else if (kind.kind === "webp") pipeline = pipeline.webp({ quality });
      else pipeline = pipeline.jpeg({ quality });
      return pipeline.timeout({ seconds: DECODE_TIMEOUT_SECONDS }).toBuffer({ resolveWithObject: true });
    };
    let { data, info } = await encode(90);
    // Re-encoding a grainy photo can make it bigger; the packet takes files up to the upload limit,
    // so step the quality down rather than keep a file it would leave out. A PNG stays as it is.
    if (data.length > EVIDENCE_LIMITS.maxFileBytes && kind.kind !== "png") ({ data, info } = await encode(75));
    if (data.length > EVIDENCE_LIMITS.maxFileBytes) {
      throw new EvidenceError(
        413,
        `"${name}" is still larger than ${EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB once re-saved; send a smaller photo or a JPEG.`,
      );
    }
    return { bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof EvidenceError) throw error;
    throw imageProblem(name, error);
  }
}

/** A PDF is kept as uploaded (there is no safe re-encoding); it must at least be whole. */
function checkPdf(name: string, bytes: Buffer): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString("latin1");
  if (!tail.includes("%%EOF")) {
    throw new EvidenceError(400, `"${name}" is an incomplete PDF (its end is missing); nothing was saved.`);
  }
}

/** Checks and re-encodes one upload; throws EvidenceError(400) with a sentence naming the file. */
export async function sanitizeFile(fileName: string, bytes: Buffer): Promise<SanitizedFile> {
  const name = cleanFileName(fileName);
  if (bytes.length === 0) throw new EvidenceError(400, `"${name}" is empty.`);
  const head = bytes.subarray(0, 64);
  const kind = detectKind(head);
  if (!kind) {
    const looksLike = describeRefusedKind(head);
    throw new EvidenceError(
      400,
      `"${name}" is ${looksLike ? `a ${looksLike}` : "not a file type we accept"}, whatever its name says. Upload ${ACCEPTED_LABELS}.`,
    );
  }
  if (kind.kind === "heic" && !HEIC_DECODABLE) throw new EvidenceError(400, `"${name}": ${HEIC_ADVICE}`);
  if (kind.kind === "pdf") {
    checkPdf(name, bytes);
    return { originalName: name, contentType: kind.contentType, extension: kind.extension, bytes, sha256: sha256(bytes), width: null, height: null };
  }
  // HEIC (when decodable) is stored as JPEG: browsers and the packet cannot show HEIC.
  const stored = kind.kind === "heic" ? { ...kind, kind: "jpeg" as const, contentType: "image/jpeg", extension: "jpg" } : kind;
  const image = await reencodeImage(name, bytes, stored);
  return {
    originalName: name,
    contentType: stored.contentType,
    extension: stored.extension,
    bytes: image.bytes,
    sha256: sha256(image.bytes),
    width: image.width,
    height: image.height,
  };
}
