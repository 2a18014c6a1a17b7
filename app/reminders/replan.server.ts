/**
 * Re-plans one order's reminders from what the engine says about it now. Call it after anything
 * that changes an order (new events, a report, an override) and after a person changes their
 * reminder preferences; the periodic sweep calls it too, because alerts such as "no update for
 * 7 days" appear by time passing, not by new facts.
 */
import { writeTransaction, type DB } from "../../db/client.server.ts";
import { getOrderReminderState, getReminderPreferences, syncOrderReminders } from "../../db/queries/reminders.server.ts";
import type { Deadline } from "../../machines/order-facts.ts";
import {
  DEFAULT_REMINDER_PREFERENCES,
  planReminders,
  REMINDER_CHANNELS,
  type ReminderChannel,
  type ReminderPreferences,
} from "../../machines/reminder-plan.ts";
import type { Alert, CaseState } from "../../machines/vocabulary.ts";
import { assessStoredOrder, assessUserOrders } from "../orders/order-service.server.ts";

/** The part of `assessOrder`'s answer that reminders use. */
export interface ReminderAssessment {
  deadlines: readonly Pick<Deadline, "id" | "due" | "title" | "reason" | "source">[];
  alerts: readonly Alert[];
  case: CaseState;
}

interface ReplanArgs {
  orderId: string;
  userId: string;
  assessment: ReminderAssessment;
  now: Date;
  messageDomain: string;
}

export async function replanOrderReminders(db: DB, args: ReplanArgs): Promise<{ inserted: number; cancelled: number }> {
  return writeTransaction(db, async (trx) => {
    const stored = await getReminderPreferences(trx, args.userId);
    if (!stored) throw new Error(`no user ${args.userId}`);
    return replanInTransaction(trx, toPlanningPreferences(stored), args);
  });
}

/**
 * For routes and services that just changed an order (a pasted event, a report, an override):
 * assesses it at `now` and re-plans. False when the order is not this person's (or was deleted).
 */
export async function replanStoredOrder(db: DB, args: { userId: string; orderId: string; now: Date; messageDomain: string }): Promise<boolean> {
  const assessed = await assessStoredOrder(db, args.userId, args.orderId, args.now);
  if (!assessed) return false;
  await replanOrderReminders(db, {
    orderId: args.orderId,
    userId: args.userId,
    assessment: assessed.assessment,
    now: args.now,
    messageDomain: args.messageDomain,
  });
  return true;
}

/**
 * Every order of one person, in one transaction (one commit instead of one per order): after the
 * person changes their preferences, and from the periodic re-plan that catches alerts raised by
 * time passing.
 */
export async function replanUserReminders(
  db: DB,
  args: { userId: string; now: Date; messageDomain: string },
): Promise<{ orders: number; inserted: number; cancelled: number }> {
  const orders = await assessUserOrders(db, args.userId, args.now);
  return writeTransaction(db, async (trx) => {
    const stored = await getReminderPreferences(trx, args.userId);
    const totals = { orders: 0, inserted: 0, cancelled: 0 };
    if (!stored) return totals;
    const preferences = toPlanningPreferences(stored);
    for (const { order, assessment } of orders) {
      const result = await replanInTransaction(trx, preferences, {
        orderId: order.id,
        userId: args.userId,
        assessment,
        now: args.now,
        messageDomain: args.messageDomain,
      });
      totals.orders++;
      totals.inserted += result.inserted;
      totals.cancelled += result.cancelled;
    }
    return totals;
  });
}

/**
 * Orders re-planned between two turns of the event loop. The server runs this re-plan in its own
 * process: assessing is CPU work and the database calls never wait, so without a pause every
 * request would wait for all orders (seconds per thousand). Fifty orders take a few milliseconds.
 */
const REPLAN_CHUNK = 50;

/**
 * Everyone's orders, a page of orders at a time in id order: each page is assessed and then
 * re-planned in one transaction per person, and waiting requests run between pages.
 */
export async function replanAllReminders(
  db: DB,
  args: { now: Date; messageDomain: string },
): Promise<{ orders: number; inserted: number; cancelled: number }> {
  const totals = { orders: 0, inserted: 0, cancelled: 0 };
  const preferences = new Map<string, ReminderPreferences | null>();
  let afterId: string | null = null;
  for (;;) {
    let query = db.selectFrom("orders").select(["id", "user_id"]).orderBy("id").limit(REPLAN_CHUNK);
    if (afterId !== null) query = query.where("id", ">", afterId);
    const page = await query.execute();
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    const idsByUser = new Map<string, string[]>();
    for (const row of page) idsByUser.set(row.user_id, [...(idsByUser.get(row.user_id) ?? []), row.id]);
    for (const [userId, orderIds] of idsByUser) {
      if (!preferences.has(userId)) {
        const stored = await getReminderPreferences(db, userId);
        preferences.set(userId, stored ? toPlanningPreferences(stored) : null);
      }
      const planning = preferences.get(userId);
      if (!planning) continue;
      const assessed = await assessUserOrders(db, userId, args.now, orderIds);
      // Assessing and writing are each a few milliseconds; requests may run in between.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await writeTransaction(db, async (trx) => {
        for (const { order, assessment } of assessed) {
          const result = await replanInTransaction(trx, planning, {
            orderId: order.id,
            userId,
            assessment,
            now: args.now,
            messageDomain: args.messageDomain,
          });
          totals.orders++;
          totals.inserted += result.inserted;
          totals.cancelled += result.cancelled;
        }
      });
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return totals;
}

async function replanInTransaction(trx: DB, preferences: ReminderPreferences, args: ReplanArgs): Promise<{ inserted: number; cancelled: number }> {
  const state = await getOrderReminderState(trx, args.orderId);
  const planned = planReminders({
    orderId: args.orderId,
    deadlines: args.assessment.deadlines,
    alerts: args.assessment.alerts,
    caseState: args.assessment.case,
    preferences,
    now: args.now,
    openAlerts: state.openAlerts,
    existingKeys: state.existingKeys,
  });
  const activeAlerts = planned.length === 0 ? [] : args.assessment.alerts;
  return syncOrderReminders(trx, {
    orderId: args.orderId,
    userId: args.userId,
    planned,
    activeAlerts,
    now: args.now,
    messageDomain: args.messageDomain,
  });
}

export function toPlanningPreferences(stored: {
  channels: string[];
  leadDays: number[];
  sendTime: string;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
}): ReminderPreferences {
  return {
    channels: stored.channels.filter((c): c is ReminderChannel => (REMINDER_CHANNELS as readonly string[]).includes(c)),
    leadDays: stored.leadDays.length > 0 ? stored.leadDays : DEFAULT_REMINDER_PREFERENCES.leadDays,
    sendTime: stored.sendTime,
    quietHours: stored.quietHours,
    timeZone: stored.timeZone,
  };
}
