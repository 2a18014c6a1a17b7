import type { EvidenceFile } from "../../db/schema.ts";

/** One evidence file as the pages show it (no storage names, no user ids). */
export interface EvidenceView {
  id: string;
  name: string;
  contentType: string;
  isImage: boolean;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  uploadedAt: string;
  checklistStep: string | null;
  note: string | null;
  url: string;
}

export function evidenceView(file: EvidenceFile): EvidenceView {
  return {
    id: file.id,
    name: file.original_name,
    contentType: file.content_type,
    isImage: file.content_type.startsWith("image/"),
    bytes: file.bytes,
    sha256: file.sha256,
    width: file.width,
    height: file.height,
    uploadedAt: file.uploaded_at,
    checklistStep: file.checklist_step,
    note: file.note,
    url: `/orders/${file.order_id}/evidence/${file.id}`,
  };
}

const EXTENSIONS: Record<string, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
};

/**
 * The name a download gets: the buyer's own, with the real type's extension added when the
 * original name claimed another (a PNG uploaded as "shot.jpg" downloads as "shot.jpg.png"), so
 * the file opens in the right program.
 */
export function downloadNameFor(originalName: string, contentType: string): string {
  const known = EXTENSIONS[contentType];
  if (!known) return originalName;
  const ext = /\.([A-Za-z0-9]+)$/.exec(originalName)?.[1]?.toLowerCase();
  return ext && known.includes(ext) ? originalName : `${originalName}.${known[0]}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
