/**
 * The wizard's last step: the draft becomes an order with its tracking numbers and events in ONE
 * write transaction, and the draft is deleted in the same transaction. Either all of it is saved
 * or none of it (a busy or full database leaves the draft as it was, to try again).
 */
import { writeTransaction, type DB } from "../../../db/client.server.ts";
import { deleteOrderDraft, getOrderDraft } from "../../../db/queries/order-drafts.server.ts";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { classifyEvent } from "~/carriers/events/classify.ts";
import { readDraftData } from "./draft-data.ts";
import { draftToOrder } from "./draft-order.ts";

export type CreateFromDraftResult = { ok: true; orderId: string } | { ok: false; reason: "missing" | "incomplete" };

export async function createOrderFromDraft(db: DB, userId: string, draftId: string, timeZone: string, now: Date): Promise<CreateFromDraftResult> {
  return writeTransaction(db, async (trx) => {
    // Read inside the transaction: a double-clicked "Create" finds the draft gone and creates nothing.
    const draft = await getOrderDraft(trx, userId, draftId);
    if (!draft) return { ok: false, reason: "missing" } as const;
    const planned = draftToOrder(readDraftData(draft.data), timeZone);
    if (!planned) return { ok: false, reason: "incomplete" } as const;
    const order = await createOrder(trx, userId, planned.fields, now);
    if (planned.numbers.length > 0) await addTrackingNumbers(trx, userId, order.id, planned.numbers, now);
    if (planned.events.length > 0) {
      await addTrackingEvents(
        trx,
        userId,
        order.id,
        planned.events.map((e) => ({
          at: e.at,
          text: e.text,
          location: e.location,
          milestone: e.milestone,
          // The person confirmed or corrected the milestone; the classifier's confidence stays as evidence.
          confidence: classifyEvent(e.text).milestone === e.milestone ? classifyEvent(e.text).confidence : 1,
          trackingNumber: e.trackingNumber,
          carrier: e.carrier,
          source: "paste",
        })),
        now,
      );
    }
    await deleteOrderDraft(trx, userId, draftId);
    return { ok: true, orderId: order.id } as const;
  });
}
