/**
 * Evidence files (photos, screenshots, PDFs) attached to an order. Every query is scoped by the
 * owner's id, so another person's file id reads as "not there". The bytes on disk belong to
 * app/evidence/; these queries keep only the rows.
 */
import { writeTransaction, type DB } from "../client.server.ts";
import type { EvidenceFile } from "../schema.ts";
import { ownedOrderId } from "./orders.server.ts";

export type NewEvidenceFile = Omit<EvidenceFile, "order_id" | "user_id">;

/** The user's files on an order, oldest first (the packet shows them in upload order). */
export async function listEvidence(db: DB, userId: string, orderId: string): Promise<EvidenceFile[]> {
  return db
    .selectFrom("evidence_files")
    .selectAll()
    .where("order_id", "=", orderId)
    .where("user_id", "=", userId)
    .orderBy("uploaded_at")
    .orderBy("id")
    .execute();
}

/** One file of the user's order, or null when it does not exist or is not theirs. */
export async function getEvidence(db: DB, userId: string, orderId: string, fileId: string): Promise<EvidenceFile | null> {
  const row = await db
    .selectFrom("evidence_files")
    .selectAll()
    .where("id", "=", fileId)
    .where("order_id", "=", orderId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ?? null;
}

export type InsertEvidenceResult =
  { ok: true; rows: EvidenceFile[] } | { ok: false; reason: "not_found" } | { ok: false; reason: "too_many"; existing: number };

/**
 * Adds rows to the user's order unless that would take it past `maxPerOrder` files. The count and
 * the insert share one write transaction, so two uploads at once cannot both squeeze past the limit.
 */
export async function insertEvidence(
  db: DB,
  userId: string,
  orderId: string,
  files: readonly NewEvidenceFile[],
  maxPerOrder: number,
): Promise<InsertEvidenceResult> {
  return writeTransaction(db, async (trx) => {
    if ((await ownedOrderId(trx, userId, orderId)) === null) return { ok: false, reason: "not_found" } as const;
    const { n } = await trx
      .selectFrom("evidence_files")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("order_id", "=", orderId)
      .executeTakeFirstOrThrow();
    const existing = Number(n);
    if (existing + files.length > maxPerOrder) return { ok: false, reason: "too_many", existing } as const;
    const rows: EvidenceFile[] = files.map((f) => ({ ...f, order_id: orderId, user_id: userId }));
    if (rows.length > 0) await trx.insertInto("evidence_files").values(rows).execute();
    return { ok: true, rows } as const;
  });
}

/** Deletes one file's row; returns it (so its bytes can be removed) or null when not theirs. */
export async function deleteEvidence(db: DB, userId: string, orderId: string, fileId: string): Promise<EvidenceFile | null> {
  const row = await db
    .deleteFrom("evidence_files")
    .where("id", "=", fileId)
    .where("order_id", "=", orderId)
    .where("user_id", "=", userId)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** How many files the order holds (any owner check is the caller's). */
export async function countEvidence(db: DB, userId: string, orderId: string): Promise<number> {
  const { n } = await db
    .selectFrom("evidence_files")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("order_id", "=", orderId)
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Every stored name in the table, across users: only for the orphan-file sweep, never for a page. */
export async function allStoredEvidenceNames(db: DB): Promise<Set<string>> {
  const rows = await db.selectFrom("evidence_files").select("stored_name").execute();
  return new Set(rows.map((r) => r.stored_name));
}
