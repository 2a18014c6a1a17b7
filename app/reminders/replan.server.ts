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

/** The part of `assessOrder`'s answer that reminders use. */
export interface ReminderAssessment {
  deadlines: readonly Pick<Deadline, "id" | "due" | "title" | "reason" | "source">[];
  alerts: readonly Alert[];
  case: CaseState;
}

export async function replanOrderReminders(
  db: DB,
  args: { orderId: string; userId: string; assessment: ReminderAssessment; now: Date; messageDomain: string },
): Promise<{ inserted: number; cancelled: number }> {
  return writeTransaction(db, async (trx) => {
    const stored = await getReminderPreferences(trx, args.userId);
    if (!stored) throw new Error(`no user ${args.userId}`);
    const preferences = toPlanningPreferences(stored);
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
