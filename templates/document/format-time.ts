import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * Dates as a person reads them, in the buyer's time zone when the order gives one (UTC otherwise).
 * Written out with the month's name so "04/03" is never misread across countries.
 */
export function zoneOf(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

function inZone(iso: string, timeZone: string): TZDate | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new TZDate(ms, timeZone);
}

/** "4 March 2026"; null when the text is not a date. */
export function formatDay(iso: string, timeZone: string): string | null {
  const d = inZone(iso, timeZone);
  return d ? format(d, "d MMMM yyyy") : null;
}

/** "4 Mar 2026 09:00" in the given zone; null when the text is not a date. */
export function formatDateTime(iso: string, timeZone: string): string | null {
  const d = inZone(iso, timeZone);
  return d ? format(d, "d MMM yyyy HH:mm") : null;
}

export const DAY_MS = 86_400_000;

/** Whole days from a to b (floored; negative when b is earlier). */
export function wholeDaysBetween(aIso: string, bIso: string): number {
  return Math.floor((Date.parse(bIso) - Date.parse(aIso)) / DAY_MS);
}
