/**
 * Headers for a personal file download. The name may be anything the buyer typed (Chinese item
 * names, emoji, quotes): content-disposition writes it as RFC 8187 `filename*` and we give an
 * ASCII `filename` fallback, so the header is always valid Latin-1 and never throws.
 */
import { create as contentDisposition } from "content-disposition";

const MAX_NAME_CHARS = 150;

/** Removes what must not be in a file name on any system; keeps every script. */
export function safeDownloadName(name: string, fallback = "download"): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_NAME_CHARS) return cleaned || fallback;
  // Keep the extension when shortening.
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : "";
  return (
    chars
      .slice(0, MAX_NAME_CHARS - ext.length)
      .join("")
      .trim() + ext
  );
}

/** The name in plain ASCII: accents dropped, other letters replaced, for clients without RFC 8187. */
export function asciiFallback(name: string): string {
  const toAscii = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]+/g, "_")
      .replace(/["\\%]/g, "_")
      .replace(/_+/g, "_");
  const dot = name.lastIndexOf(".");
  const hasExt = dot > 0 && name.length - dot <= 8;
  const ext = hasExt ? toAscii(name.slice(dot)).replace(/_/g, "") : "";
  // A stem that was all foreign letters becomes "_": drop such leftovers and stray separators.
  const stem = toAscii(hasExt ? name.slice(0, dot) : name).replace(/^[\s_\-.]+|[\s_\-.]+$/g, "");
  return `${stem || "download"}${ext.length > 1 ? ext : ""}`;
}

export function contentDispositionFor(name: string, type: "attachment" | "inline" = "attachment"): string {
  const safe = safeDownloadName(name);
  return contentDisposition(safe, { type, fallback: asciiFallback(safe) });
}

/** A private download: the bytes, their type, the name, and never cached by a shared cache. */
export function downloadResponse(
  body: Uint8Array | string,
  options: { contentType: string; fileName: string; inline?: boolean; status?: number },
): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return new Response(bytes as unknown as BodyInit, {
    status: options.status ?? 200,
    headers: {
      "Content-Type": options.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDispositionFor(options.fileName, options.inline ? "inline" : "attachment"),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      // A stored file is never a page: no scripts, no plugins, even if a browser sniffs it as one.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
