/**
 * Which reminders an order should have, given its deadlines and alerts and the person's
 * preferences. Pure: `now` is an argument and nothing here reads the clock or the database.
 *
 * Every planned reminder carries a deterministic key (order, subject, kind, due, channel), so
 * planning the same order twice gives the same keys: storage inserts what is new, keeps what is
 * unchanged and cancels pending rows whose key is no longer planned (a moved deadline, a closed case).
 */
import { TZDate } from "@date-fns/tz";
import type { Deadline } from "./order-facts.ts";
import type { Alert, CaseState } from "./vocabulary.ts";

export const REMINDER_CHANNELS = ["app", "email", "webhook"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const REMINDER_KINDS = ["ahead", "passed", "alert"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** "HH:MM", 24-hour, in the person's time zone. */
export type LocalTime = string;

export interface ReminderPreferences {
  channels: ReminderChannel[];
  /** Days before a deadline to remind, e.g. [7, 3, 1]. */
  leadDays: number[];
  sendTime: LocalTime;
  /** Nothing is sent between start and end (may wrap midnight); a reminder due then waits for `end`. */
  quietHours: { start: LocalTime; end: LocalTime } | null;
  /** IANA zone; validated at the edge (settings form, stored row). */
  timeZone: string;
}

export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = {
  channels: ["app", "email"],
  leadDays: [7, 3, 1],
  sendTime: "09:00",
  quietHours: null,
  timeZone: "UTC",
};

/** Cases that need nothing more from the buyer: their reminders are cancelled. */
export const FINISHED_CASES: readonly CaseState[] = ["closed", "refunded"];

/**
 * A deadline that had already passed when the order was first planned gets its "passed" reminder
 * only if it passed this recently: importing an old order should not send a burst of stale news.
 */
export const PASSED_GRACE_MS = 3 * 24 * 60 * 60 * 1000;

export interface ReminderPlanInput {
  orderId: string;
  deadlines: readonly Pick<Deadline, "id" | "due" | "title" | "reason" | "source">[];
  alerts: readonly Alert[];
  caseState: CaseState;
  preferences: ReminderPreferences;
  now: Date;
  /**
   * Alerts already reminded of and still active, with the time they first appeared: they keep
   * their one reminder instead of getting a new one each time the order is planned.
   */
  openAlerts?: Readonly<Record<string, string>>;
  /** Keys already stored: a stored reminder whose time has come stays planned until it is sent. */
  existingKeys?: ReadonlySet<string>;
}

export interface PlannedReminder {
  key: string;
  orderId: string;
  /** The deadline id or the alert. */
  subject: string;
  kind: ReminderKind;
  leadDays: number | null;
  channel: ReminderChannel;
  /** ISO-8601 UTC: when to send. */
  dueAt: string;
  /** For deadlines: what the engine said; alerts are worded when the message is rendered. */
  title: string | null;
  reason: string | null;
  source: string | null;
  deadlineDue: string | null;
}

export function reminderKey(parts: {
  orderId: string;
  subject: string;
  kind: ReminderKind;
  leadDays: number | null;
  dueAt: string;
  channel: ReminderChannel;
}): string {
  const kind = parts.leadDays === null ? parts.kind : `${parts.kind}-${parts.leadDays}d`;
  return `${parts.orderId}:${parts.subject}:${kind}:${parts.dueAt}:${parts.channel}`;
}

export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  if (FINISHED_CASES.includes(input.caseState)) return [];
  const { preferences, now } = input;
  const existing = input.existingKeys ?? new Set<string>();
  const channels = [...new Set(preferences.channels)];
  const planned: PlannedReminder[] = [];

  const add = (base: Omit<PlannedReminder, "key" | "channel" | "dueAt">, due: Date, keepIfPast: (key: string) => boolean) => {
    const dueAt = due.toISOString();
    for (const channel of channels) {
      const key = reminderKey({ ...base, dueAt, channel });
      if (!keepIfPast(key)) continue;
      planned.push({ ...base, key, channel, dueAt });
    }
  };

  for (const deadline of input.deadlines) {
    const deadlineDue = new Date(deadline.due);
    if (Number.isNaN(deadlineDue.getTime())) continue;
    const texts = { title: deadline.title, reason: deadline.reason, source: deadline.source, deadlineDue: deadline.due };

    for (const lead of [...new Set(preferences.leadDays)].sort((a, b) => b - a)) {
      const at = respectQuietHours(localTimeDaysBefore(deadlineDue, lead, preferences.sendTime, preferences.timeZone), preferences);
      // Same-day leads can fall after the deadline itself; such a reminder would be a "passed" one.
      if (at.getTime() >= deadlineDue.getTime()) continue;
      const upcoming = at.getTime() > now.getTime();
      add({ orderId: input.orderId, subject: deadline.id, kind: "ahead", leadDays: lead, ...texts }, at, (key) => upcoming || existing.has(key));
    }

    const recent = deadlineDue.getTime() > now.getTime() - PASSED_GRACE_MS;
    add({ orderId: input.orderId, subject: deadline.id, kind: "passed", leadDays: null, ...texts }, respectQuietHours(deadlineDue, preferences), (key) => recent || existing.has(key));
  }

  for (const alert of [...new Set(input.alerts)]) {
    // An alert already reminded of keeps its stored time as is, so changed quiet hours or a new
    // plan never turn it into a second reminder.
    const since = input.openAlerts?.[alert];
    const firstSeen = since ? new Date(since) : respectQuietHours(now, preferences);
    add(
      { orderId: input.orderId, subject: alert, kind: "alert", leadDays: null, title: null, reason: null, source: null, deadlineDue: null },
      firstSeen,
      () => true,
    );
  }

  return planned.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}

function parseLocalTime(value: LocalTime): { hours: number; minutes: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`"${value}" is not a time of day; use HH:MM`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

/**
 * The instant that is `time` on the calendar day `days` before `instant`, both read in `zone`.
 * Calendar days, not 24-hour periods: across a daylight-saving change 09:00 stays 09:00.
 */
export function localTimeDaysBefore(instant: Date, days: number, time: LocalTime, zone: string): Date {
  const local = new TZDate(instant.getTime(), zone);
  const { hours, minutes } = parseLocalTime(time);
  const at = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - days, hours, minutes, 0, zone);
  return new Date(at.getTime());
}

/** Moves an instant that falls inside the quiet hours to the moment they end. */
export function respectQuietHours(instant: Date, preferences: Pick<ReminderPreferences, "quietHours" | "timeZone">): Date {
  const quiet = preferences.quietHours;
  if (!quiet || quiet.start === quiet.end) return instant;
  const zone = preferences.timeZone;
  const local = new TZDate(instant.getTime(), zone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const start = parseLocalTime(quiet.start);
  const end = parseLocalTime(quiet.end);
  const startMinute = start.hours * 60 + start.minutes;
  const endMinute = end.hours * 60 + end.minutes;
  const wraps = startMinute > endMinute;
  const inside = wraps ? minute >= startMinute || minute < endMinute : minute >= startMinute && minute < endMinute;
  if (!inside) return instant;
  // Before midnight in a wrapping window, the quiet hours end tomorrow.
  const dayOffset = wraps && minute >= startMinute ? 1 : 0;
  const at = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dayOffset, end.hours, end.minutes, 0, zone);
  return new Date(at.getTime());
}
