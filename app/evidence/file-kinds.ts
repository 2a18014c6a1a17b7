/**
 * What a file is, read from its first bytes: the name and the browser's declared type are the
 * uploader's claims, the bytes are the file. One row per kind; `accepted` says whether we take it.
 */

export type EvidenceKind = "jpeg" | "png" | "webp" | "heic" | "pdf";

interface KindRow {
  kind: EvidenceKind | string;
  label: string;
  contentType: string;
  extension: string;
  matches: (head: Uint8Array) => boolean;
}

const ascii = (head: Uint8Array, offset: number, text: string) =>
  head.length >= offset + text.length && Array.from(text).every((ch, i) => head[offset + i] === ch.charCodeAt(0));

const bytes = (head: Uint8Array, offset: number, expected: readonly number[]) =>
  head.length >= offset + expected.length && expected.every((b, i) => head[offset + i] === b);

/** ISO BMFF brands of HEIF stills as phones write them (HEVC-coded; AVIF is a separate brand). */
const HEIC_BRANDS = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

/** Accepted kinds: sources are the format specifications' signatures (JFIF/EXIF SOI, PNG spec §5.2, RIFF/WEBP, ISO 14496-12 ftyp, PDF 1.7 §7.5.2). */
export const ACCEPTED_KINDS: readonly KindRow[] = [
  { kind: "jpeg", label: "JPEG", contentType: "image/jpeg", extension: "jpg", matches: (h) => bytes(h, 0, [0xff, 0xd8, 0xff]) },
  {
    kind: "png",
    label: "PNG",
    contentType: "image/png",
    extension: "png",
    matches: (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { kind: "webp", label: "WebP", contentType: "image/webp", extension: "webp", matches: (h) => ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP") },
  {
    kind: "heic",
    label: "HEIC",
    contentType: "image/heic",
    extension: "heic",
    matches: (h) => ascii(h, 4, "ftyp") && HEIC_BRANDS.some((brand) => ascii(h, 8, brand)),
  },
  { kind: "pdf", label: "PDF", contentType: "application/pdf", extension: "pdf", matches: (h) => ascii(h, 0, "%PDF-") },
];

/** Kinds we recognise only to say what a refused file really is. */
const REFUSED_KINDS: ReadonlyArray<Pick<KindRow, "label" | "matches">> = [
  { label: "GIF image", matches: (h) => ascii(h, 0, "GIF8") },
  { label: "AVIF image", matches: (h) => ascii(h, 4, "ftyp") && (ascii(h, 8, "avif") || ascii(h, 8, "avis")) },
  { label: "TIFF image", matches: (h) => bytes(h, 0, [0x49, 0x49, 0x2a, 0x00]) || bytes(h, 0, [0x4d, 0x4d, 0x00, 0x2a]) },
  { label: "BMP image", matches: (h) => ascii(h, 0, "BM") },
  { label: "SVG or XML document", matches: (h) => /^\s*<(\?xml|svg)/i.test(new TextDecoder().decode(h.slice(0, 64))) },
  { label: "web page (HTML)", matches: (h) => /^\s*<(!doctype|html|head|body|script)/i.test(new TextDecoder().decode(h.slice(0, 64))) },
  { label: "ZIP archive or Office document", matches: (h) => ascii(h, 0, "PK\u0003\u0004") },
  { label: "program (executable)", matches: (h) => ascii(h, 0, "MZ") || bytes(h, 0, [0x7f, 0x45, 0x4c, 0x46]) },
  { label: "video", matches: (h) => ascii(h, 4, "ftyp") },
];

export interface KindInfo {
  kind: EvidenceKind;
  label: string;
  contentType: string;
  extension: string;
}

/** The accepted kind the bytes are, or null. */
export function detectKind(head: Uint8Array): KindInfo | null {
  const row = ACCEPTED_KINDS.find((r) => r.matches(head));
  return row ? { kind: row.kind as EvidenceKind, label: row.label, contentType: row.contentType, extension: row.extension } : null;
}

/** For a refused file: what it looks like, in words ("a GIF image", "a web page (HTML)"), or null when unknown. */
export function describeRefusedKind(head: Uint8Array): string | null {
  return REFUSED_KINDS.find((r) => r.matches(head))?.label ?? null;
}

export const ACCEPTED_LABELS = "JPEG, PNG or WebP photos and screenshots, or PDF documents";
