/**
 * Which reminders an order should have, given its deadlines and alerts and the person's
 * preferences. Pure: `now` is an argument and nothing here reads the clock or the database.
 *
 * Every planned reminder carries a deterministic key (order, subject, kind, due, channel), so
 * planning the same order twice gives the same keys: storage inserts what is new, keeps what is
 * unchanged and cancels pending rows whose key is no longer planned (a moved deadline, a closed case).
 */
import { tzOffset } from "@date-fns/tz";
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
  const { preferences, orderId } = input;
  const now = input.now.getTime();
  const existing = input.existingKeys ?? new Set<string>();
  const channels = [...new Set(preferences.channels)];
  const leads = [...new Set(preferences.leadDays)].sort((a, b) => b - a);
  const prepared = prepare(preferences);
  const planned: PlannedReminder[] = [];

  const add = (
    subject: string,
    kind: ReminderKind,
    leadDays: number | null,
    dueMs: number,
    deadline: ReminderPlanInput["deadlines"][number] | null,
    keepIfPast: boolean,
  ) => {
    const dueAt = new Date(dueMs).toISOString();
    const prefix = `${orderId}:${subject}:${leadDays === null ? kind : `${kind}-${leadDays}d`}:${dueAt}:`;
    for (const channel of channels) {
      const key = prefix + channel; // = reminderKey(...), built once per reminder for speed
      if (!keepIfPast && !existing.has(key)) continue;
      planned.push({
        key,
        orderId,
        subject,
        kind,
        leadDays,
        channel,
        dueAt,
        title: deadline?.title ?? null,
        reason: deadline?.reason ?? null,
        source: deadline?.source ?? null,
        deadlineDue: deadline?.due ?? null,
      });
    }
  };

  for (const deadline of input.deadlines) {
    const due = Date.parse(deadline.due);
    if (Number.isNaN(due)) continue;
    for (const lead of leads) {
      const at = quietEndMs(localTimeBeforeMs(due, lead, prepared), prepared);
      // Same-day leads can fall after the deadline itself; such a reminder would be a "passed" one.
      if (at >= due) continue;
      add(deadline.id, "ahead", lead, at, deadline, at > now);
    }
    add(deadline.id, "passed", null, quietEndMs(due, prepared), deadline, due > now - PASSED_GRACE_MS);
  }

  for (const alert of [...new Set(input.alerts)]) {
    // An alert already reminded of keeps its stored time as is, so changed quiet hours or a new
    // plan never turn it into a second reminder.
    const since = input.openAlerts?.[alert];
    add(alert, "alert", null, since ? Date.parse(since) : quietEndMs(now, prepared), null, true);
  }

  // Plain code-unit order: ISO times and keys are ASCII, and localeCompare costs a collator call.
  return planned.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function parseLocalTime(value: LocalTime): { hours: number; minutes: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`"${value}" is not a time of day; use HH:MM`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

interface PreparedPreferences {
  zone: string;
  send: { hours: number; minutes: number };
  quiet: { start: number; end: { hours: number; minutes: number }; endMinute: number } | null;
}

function prepare(preferences: Pick<ReminderPreferences, "quietHours" | "timeZone"> & { sendTime?: LocalTime }): PreparedPreferences {
  const quiet = preferences.quietHours;
  let prepared: PreparedPreferences["quiet"] = null;
  if (quiet && quiet.start !== quiet.end) {
    const start = parseLocalTime(quiet.start);
    const end = parseLocalTime(quiet.end);
    prepared = { start: start.hours * 60 + start.minutes, end, endMinute: end.hours * 60 + end.minutes };
  }
  return { zone: preferences.timeZone, send: parseLocalTime(preferences.sendTime ?? "09:00"), quiet: prepared };
}

/**
 * The instant that is `time` on the calendar day `days` before `instant`, both read in `zone`.
 * Calendar days, not 24-hour periods: across a daylight-saving change 09:00 stays 09:00.
 */
export function localTimeDaysBefore(instant: Date, days: number, time: LocalTime, zone: string): Date {
  return new Date(localTimeBeforeMs(instant.getTime(), days, prepare({ timeZone: zone, quietHours: null, sendTime: time })));
}

function localTimeBeforeMs(instant: number, days: number, prepared: PreparedPreferences): number {
  const wall = new Date(instant + offsetMs(prepared.zone, instant));
  const target = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - days, prepared.send.hours, prepared.send.minutes);
  return instantOfWall(prepared.zone, target);
}

/** Moves an instant that falls inside the quiet hours to the moment they end. */
export function respectQuietHours(instant: Date, preferences: Pick<ReminderPreferences, "quietHours" | "timeZone">): Date {
  return new Date(quietEndMs(instant.getTime(), prepare(preferences)));
}

function quietEndMs(instant: number, prepared: PreparedPreferences): number {
  const quiet = prepared.quiet;
  if (!quiet) return instant;
  const wall = instant + offsetMs(prepared.zone, instant);
  const minute = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  const wraps = quiet.start > quiet.endMinute;
  const inside = wraps ? minute >= quiet.start || minute < quiet.endMinute : minute >= quiet.start && minute < quiet.endMinute;
  if (!inside) return instant;
  // Before midnight in a wrapping window, the quiet hours end tomorrow.
  const dayOffset = wraps && minute >= quiet.start ? 1 : 0;
  const day = new Date(wall);
  const target = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + dayOffset, quiet.end.hours, quiet.end.minutes);
  return instantOfWall(prepared.zone, target);
}

const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at an instant, in ms. @date-fns/tz asks Intl each time (≈5 µs, and a
 * TZDate costs 15–30 µs); planning 10,000 orders needs hundreds of thousands of these, so offsets
 * are cached per zone and quarter hour: zone transitions fall on quarter hours of UTC.
 */
function offsetMs(zone: string, utcMs: number): number {
  if (zone === "UTC") return 0;
  const bucket = Math.floor(utcMs / BUCKET_MS);
  let byBucket = offsets.get(zone);
  if (!byBucket) offsets.set(zone, (byBucket = new Map()));
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    // A long-running server would otherwise keep every quarter hour it ever asked about.
    if (byBucket.size > 100_000) byBucket.clear();
    offset = tzOffset(zone, new Date(bucket * BUCKET_MS)) * 60_000;
    byBucket.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant at which the zone's clocks show `wallMs` (a wall time written as if it were UTC).
 * A time skipped by a spring-forward change lands after the gap, as TZDate does.
 */
function instantOfWall(zone: string, wallMs: number): number {
  const guess = wallMs - offsetMs(zone, wallMs);
  return wallMs - offsetMs(zone, guess);
}
