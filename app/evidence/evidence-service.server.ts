/**
 * Evidence uploads for an order: check and re-encode every file first, then write the bytes, then
 * insert the rows in one transaction. Any failure removes what was written, so a refused upload
 * leaves nothing behind, on disk or in the database.
 */
import { randomUUID } from "node:crypto";
import type { DB } from "../../db/client.server.ts";
import {
  allStoredEvidenceNames,
  deleteEvidence,
  getEvidence,
  insertEvidence,
  listEvidence,
  type NewEvidenceFile,
} from "../../db/queries/evidence.server.ts";
import type { EvidenceFile } from "../../db/schema.ts";
import type { EvidenceImage } from "../../templates/packet/prepare-images.server.ts";
import { EvidenceError } from "./evidence-error.ts";
import { pruneStoredFiles, readStoredFile, removeStoredFile, writeStoredFile } from "./evidence-store.server.ts";
import { sanitizeFile } from "./sanitize-file.server.ts";
import { EVIDENCE_LIMITS } from "./upload-limits.ts";

export interface EvidenceInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface EvidenceOptions {
  /** The checklist step these files prove (e.g. "photo_of_mailbox"). */
  checklistStep?: string | null;
  note?: string | null;
  /** Upload time; defaults to the clock (the edge reads it). */
  now?: Date;
}

function cleanOptional(value: string | null | undefined, max: number, label: string): string | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) return null;
  if (Array.from(trimmed).length > max) throw new EvidenceError(400, `The ${label} must be at most ${max} characters.`);
  return trimmed;
}

/**
 * Saves files on the user's order. Throws EvidenceError: 404 when the order is not theirs, 400 for
 * a file we refuse (naming it), 413 when the order would hold more than its limit. All or nothing.
 */
export async function saveEvidence(
  db: DB,
  userId: string,
  orderId: string,
  files: readonly EvidenceInput[],
  options: EvidenceOptions = {},
): Promise<EvidenceFile[]> {
  if (files.length === 0) throw new EvidenceError(400, "Choose at least one file to upload.");
  if (files.length > EVIDENCE_LIMITS.maxFilesPerRequest) {
    throw new EvidenceError(413, `At most ${EVIDENCE_LIMITS.maxFilesPerRequest} files can be uploaded at once.`);
  }
  const oversized = files.find((f) => f.bytes.byteLength > EVIDENCE_LIMITS.maxFileBytes);
  if (oversized)
    throw new EvidenceError(413, `"${oversized.fileName}" is larger than ${EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB, the limit for one file.`);
  const note = cleanOptional(options.note, EVIDENCE_LIMITS.maxNoteChars, "note");
  const checklistStep = cleanOptional(options.checklistStep, 100, "checklist step");
  const uploadedAt = (options.now ?? new Date()).toISOString();

  // One at a time: each decode can take ~150 MB for a large photo.
  const sanitized = [];
  for (const file of files)
    sanitized.push(await sanitizeFile(file.fileName, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength)));

  const rows: NewEvidenceFile[] = sanitized.map((f) => {
    const id = randomUUID();
    return {
      id,
      original_name: f.originalName,
      stored_name: `${randomUUID()}.${f.extension}`,
      content_type: f.contentType,
      bytes: f.bytes.byteLength,
      sha256: f.sha256,
      width: f.width,
      height: f.height,
      uploaded_at: uploadedAt,
      checklist_step: checklistStep,
      note,
    };
  });

  const written: string[] = [];
  try {
    for (const [i, row] of rows.entries()) {
      await writeStoredFile(row.stored_name, sanitized[i]!.bytes);
      written.push(row.stored_name);
    }
    const result = await insertEvidence(db, userId, orderId, rows, EVIDENCE_LIMITS.maxFilesPerOrder);
    if (!result.ok && result.reason === "not_found") throw new EvidenceError(404, "There is no order at this address in your account.");
    if (!result.ok) {
      const room = Math.max(0, EVIDENCE_LIMITS.maxFilesPerOrder - result.existing);
      throw new EvidenceError(
        413,
        `An order can hold at most ${EVIDENCE_LIMITS.maxFilesPerOrder} files; this one has ${result.existing}, so ${room === 0 ? "delete one before adding more" : `only ${room} more can be added`}.`,
      );
    }
    return result.rows;
  } catch (error) {
    await Promise.all(written.map((name) => removeStoredFile(name).catch(() => undefined)));
    throw error;
  }
}

export { listEvidence };

/** One file's row and bytes for its owner; null when it is not theirs (or its bytes are gone). */
export async function readEvidence(db: DB, userId: string, orderId: string, fileId: string): Promise<{ file: EvidenceFile; bytes: Buffer } | null> {
  const file = await getEvidence(db, userId, orderId, fileId);
  if (!file) return null;
  const bytes = await readStoredFile(file.stored_name);
  return bytes ? { file, bytes } : null;
}

/** Deletes one file (row first, then bytes); false when it is not theirs. */
export async function removeEvidence(db: DB, userId: string, orderId: string, fileId: string): Promise<boolean> {
  const row = await deleteEvidence(db, userId, orderId, fileId);
  if (!row) return false;
  await removeStoredFile(row.stored_name);
  return true;
}

/** The order's files as the packet renderer takes them, in upload order. */
export async function evidenceForPacket(db: DB, userId: string, orderId: string): Promise<EvidenceImage[]> {
  const files = await listEvidence(db, userId, orderId);
  const result: EvidenceImage[] = [];
  for (const file of files) {
    const bytes = await readStoredFile(file.stored_name);
    if (bytes)
      result.push({ fileName: file.original_name, uploadedAt: file.uploaded_at, bytes, note: file.note, checklistStep: file.checklist_step });
  }
  return result;
}

/**
 * Deletes evidence bytes whose order or account is gone (the rows went by cascade). Safe to run
 * at any time, e.g. at server start or from the reminder sweep; returns the names removed.
 */
export async function pruneOrphanEvidence(db: DB, now: Date = new Date()): Promise<string[]> {
  return pruneStoredFiles(await allStoredEvidenceNames(db), now);
}
