/**
 * Orders being added through the wizard, saved after every step so a person can leave and come
 * back. Scoped by user like every other query: another person's draft id reads as absent.
 */
import { randomUUID } from "node:crypto";
import type { DB } from "../client.server.ts";
import type { Selectable } from "kysely";
import type { OrderDraftsTable } from "../schema.ts";

export type OrderDraft = Selectable<OrderDraftsTable>;

export async function createOrderDraft(db: DB, userId: string, step: string, data: unknown, now: Date = new Date()): Promise<OrderDraft> {
  const at = now.toISOString();
  return db
    .insertInto("order_drafts")
    .values({ id: randomUUID(), user_id: userId, step, data: JSON.stringify(data), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The user's draft, or null when it does not exist or is someone else's. */
export async function getOrderDraft(db: DB, userId: string, draftId: string): Promise<OrderDraft | null> {
  const row = await db.selectFrom("order_drafts").selectAll().where("id", "=", draftId).where("user_id", "=", userId).executeTakeFirst();
  return row ?? null;
}

/** The user's unfinished orders, most recently touched first. */
export async function listOrderDrafts(db: DB, userId: string): Promise<OrderDraft[]> {
  return db.selectFrom("order_drafts").selectAll().where("user_id", "=", userId).orderBy("updated_at", "desc").orderBy("id").execute();
}

/** Saves the step and what was typed; false when the draft is not theirs (or already turned into an order). */
export async function saveOrderDraft(db: DB, userId: string, draftId: string, step: string, data: unknown, now: Date = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("order_drafts")
    .set({ step, data: JSON.stringify(data), updated_at: now.toISOString() })
    .where("id", "=", draftId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteOrderDraft(db: DB, userId: string, draftId: string): Promise<boolean> {
  const result = await db.deleteFrom("order_drafts").where("id", "=", draftId).where("user_id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
