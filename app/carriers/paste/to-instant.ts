/**
 * Turns the parts of a written date into an instant. A written offset wins; otherwise the time is
 * read in the paste's zone with @date-fns/tz (DST included), as the page showed it to the person.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import type { DateParts, TimeParts } from "./date-scan.ts";
import { isCalendarDate } from "./date-scan.ts";
import type { DayMonthOrder } from "./day-month-order.ts";

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day the parts name under `order`, or null when that reading is impossible. */
export function calendarDay(parts: DateParts, order: DayMonthOrder, fallbackYear: number | null): CalendarDay | null {
  let year: number | null;
  let month: number;
  let day: number;
  if (parts.kind === "numeric") {
    year = parts.year;
    // A number above 12 can only be the day, whatever the paste's order says.
    const dayFirst = parts.a > 12 ? true : parts.b > 12 ? false : order === "day-first";
    day = dayFirst ? parts.a : parts.b;
    month = dayFirst ? parts.b : parts.a;
  } else {
    ({ year, month, day } = parts);
  }
  year ??= fallbackYear;
  if (year === null || !isCalendarDate(year, month, day)) return null;
  return { year, month, day };
}

const DAY_MS = 86_400_000;
/** Zone offset per UTC day, or null on a day with a clock change. A paste spans few days. */
const dayOffsets = new Map<string, number | null>();

function steadyOffsetOfDay(timeZone: string, utcDay: number): number | null {
  const key = `${timeZone}|${utcDay}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = tzOffset(timeZone, new Date(utcDay * DAY_MS));
    const end = tzOffset(timeZone, new Date(utcDay * DAY_MS + DAY_MS - 1));
    offset = start === end ? start : null;
    if (dayOffsets.size > 10_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

export function toEpochMs(day: CalendarDay, time: TimeParts | null, offsetMinutes: number | null, timeZone: string): number {
  const { hour, minute, second } = time ?? { hour: 0, minute: 0, second: 0 };
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute, second);
  if (offsetMinutes !== null) return wall - offsetMinutes * 60_000;
  if (timeZone === "UTC") return wall;
  // Fast path: Intl is slow per call (≈15 µs), so read each day's offset once; days with a clock
  // change (and the days around them) go through TZDate, which settles gaps and overlaps.
  const guessDay = Math.floor(wall / DAY_MS);
  const offsets = [steadyOffsetOfDay(timeZone, guessDay - 1), steadyOffsetOfDay(timeZone, guessDay), steadyOffsetOfDay(timeZone, guessDay + 1)];
  if (offsets[0] !== null && offsets[0] === offsets[1] && offsets[1] === offsets[2]) return wall - offsets[1] * 60_000;
  return new TZDate(day.year, day.month - 1, day.day, hour, minute, second, timeZone).getTime();
}

/** ISO 8601 in UTC to the second, the form the contract's examples use ("2026-03-04T08:00:00Z"). */
export function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const knownZones = new Set<string>(["UTC"]);

export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size < 1_000) knownZones.add(timeZone);
  return true;
}
