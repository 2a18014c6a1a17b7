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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
