/**
 * Dates a person picks (YYYY-MM-DD from a date field, as the marketplace shows them) turned into
 * the instants the engine stores, in that person's time zone. Pure: "today" comes in as `now`.
 */
import { TZDate } from "@date-fns/tz";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Where in the day a date-only value lands: an order at noon, a window's end at the day's last minute. */
export type TimeOfDay = "start" | "noon" | "end";

const HOURS: Record<TimeOfDay, [number, number, number]> = { start: [0, 0, 0], noon: [12, 0, 0], end: [23, 59, 59] };

/** True for a real calendar day written YYYY-MM-DD (so 2026-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value.trim());
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant (ISO UTC) of that day in the zone; null when the text is not a calendar day. */
export function dayToIso(value: string, timeZone: string, at: TimeOfDay): string | null {
  if (!isCalendarDay(value)) return null;
  const [year, month, day] = value.trim().split("-").map(Number) as [number, number, number];
  const [h, mi, s] = HOURS[at];
  return new Date(new TZDate(year, month - 1, day, h, mi, s, 0, timeZone).getTime()).toISOString();
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function isoToDay(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** Today's date in the zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return isoToDay(now.toISOString(), timeZone);
}
