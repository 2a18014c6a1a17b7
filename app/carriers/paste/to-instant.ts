/**
 * Turns the parts of a written date into an instant. A written offset wins; otherwise the time is
 * read in the paste's zone with @date-fns/tz (DST included), as the page showed it to the person.
 */
import { TZDate } from "@date-fns/tz";
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

export function toEpochMs(day: CalendarDay, time: TimeParts | null, offsetMinutes: number | null, timeZone: string): number {
  const { hour, minute, second } = time ?? { hour: 0, minute: 0, second: 0 };
  if (offsetMinutes !== null) {
    return Date.UTC(day.year, day.month - 1, day.day, hour, minute, second) - offsetMinutes * 60_000;
  }
  return new TZDate(day.year, day.month - 1, day.day, hour, minute, second, timeZone).getTime();
}

/** ISO 8601 in UTC to the second, the form the contract's examples use ("2026-03-04T08:00:00Z"). */
export function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
