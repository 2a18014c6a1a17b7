/**
 * Facts a document needs that nobody but the buyer has (the PayPal transaction id or the card
 * statement line, the local carrier's case number), asked for on the documents page and kept on
 * the order. Scoped by the owner: another person's order is never touched.
 */
import type { DB } from "../client.server.ts";

export interface OrderDocumentFacts {
  paymentReference: string | null;
  carrierCaseNumber: string | null;
}

export async function loadOrderDocumentFacts(db: DB, userId: string, orderId: string): Promise<OrderDocumentFacts | null> {
  const row = await db
    .selectFrom("orders")
    .select(["payment_reference", "carrier_case_number"])
    .where("id", "=", orderId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? { paymentReference: row.payment_reference, carrierCaseNumber: row.carrier_case_number } : null;
}

/** True when the order is the user's and was updated. */
export async function saveOrderDocumentFacts(db: DB, userId: string, orderId: string, facts: OrderDocumentFacts, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("orders")
    .set({ payment_reference: facts.paymentReference, carrier_case_number: facts.carrierCaseNumber, updated_at: now.toISOString() })
    .where("id", "=", orderId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
