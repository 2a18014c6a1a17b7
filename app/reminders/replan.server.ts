/**
 * Re-plans one order's reminders from what the engine says about it now. Call it after anything
 * that changes an order (new events, a report, an override) and after a person changes their
 * reminder preferences; the periodic sweep calls it too, because alerts such as "no update for
 * 7 days" appear by time passing, not by new facts.
 */
import { writeTransaction, type DB } from "../../db/client.server.ts";
import { getOrderReminderState, getReminderPreferences, syncOrderReminders } from "../../db/queries/reminders.server.ts";
import type { Deadline } from "../../machines/order-facts.ts";
import { DEFAULT_REMINDER_PREFERENCES, planReminders, REMINDER_CHANNELS, type ReminderChannel, type ReminderPreferences } from "../../machines/reminder-plan.ts";
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
  await replanOrderReminders(db, { orderId: args.orderId, userId: args.userId, assessment: assessed.assessment, now: args.now, messageDomain: args.messageDomain });
  return true;
}

/**
 * Every order of one person, in one transaction (one commit instead of one per order): after the
 * person changes their preferences, and from the periodic re-plan that catches alerts raised by
 * time passing.
 */
export async function replanUserReminders(db: DB, args: { userId: string; now: Date; messageDomain: string }): Promise<{ orders: number; inserted: number; cancelled: number }> {
  const orders = await assessUserOrders(db, args.userId, args.now);
  return writeTransaction(db, async (trx) => {
    const stored = await getReminderPreferences(trx, args.userId);
    const totals = { orders: 0, inserted: 0, cancelled: 0 };
    if (!stored) return totals;
    const preferences = toPlanningPreferences(stored);
    for (const { order, assessment } of orders) {
      const result = await replanInTransaction(trx, preferences, { orderId: order.id, userId: args.userId, assessment, now: args.now, messageDomain: args.messageDomain });
      totals.orders++;
      totals.inserted += result.inserted;
      totals.cancelled += result.cancelled;
    }
    return totals;
  });
}

/** Everyone's orders, person by person. */
export async function replanAllReminders(db: DB, args: { now: Date; messageDomain: string }): Promise<{ orders: number; inserted: number; cancelled: number }> {
  const users = await db.selectFrom("orders").select("user_id").distinct().execute();
  const totals = { orders: 0, inserted: 0, cancelled: 0 };
  for (const { user_id } of users) {
    const result = await replanUserReminders(db, { userId: user_id, now: args.now, messageDomain: args.messageDomain });
    totals.orders += result.orders;
    totals.inserted += result.inserted;
    totals.cancelled += result.cancelled;
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
  return syncOrderReminders(trx, { orderId: args.orderId, userId: args.userId, planned, activeAlerts, now: args.now, messageDomain: args.messageDomain });
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
