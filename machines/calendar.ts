/**
 * Calendar maths in the buyer's time zone (DESIGN.md principle 2). "15 days after" means 15 calendar
 * days on the buyer's wall clock, so a deadline does not drift by an hour across a DST change; the
 * result is stored as UTC. Nothing here reads the clock.
 */
import { tz, tzOffset, TZDate } from "@date-fns/tz";
import { addYears, format } from "date-fns";

/** A checked IANA zone name and its date-fns `in` context. */
export interface Zone {
  name: string;
  context: ReturnType<typeof tz>;
}

const zones = new Map<string, Zone>();
const DAY_MS = 86_400_000;

/** The buyer's zone; an unknown name falls back to UTC rather than throwing (the edge validates it). */
export function zoneOf(timeZone: string | null | undefined): Zone {
  const requested = timeZone || "UTC";
  let zone = zones.get(requested);
  if (!zone) {
    let name = requested;
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
    } catch {
      name = "UTC";
    }
    zone = { name, context: tz(name) };
    zones.set(requested, zone);
  }
  return zone;
}

const offsetMs = (zone: Zone, ms: number) => (zone.name === "UTC" ? 0 : tzOffset(zone.name, new Date(ms)) * 60_000);

/**
 * Shifts by whole calendar days on the buyer's wall clock. Done on wall-clock milliseconds (which
 * have no DST) with @date-fns/tz's offsets: thousands of orders are re-assessed at once, and building
 * a TZDate per step costs about ten times more for the same answer.
 */
export function plusDays(iso: string, days: number, zone: Zone): string {
  const utc = Date.parse(iso);
  const wall = utc + offsetMs(zone, utc) + days * DAY_MS;
  let result = wall - offsetMs(zone, wall - offsetMs(zone, utc));
  // Second pass settles a shift that lands on the other side of a DST change.
  result = wall - offsetMs(zone, result);
  return new Date(result).toISOString();
}

export function minusDays(iso: string, days: number, zone: Zone): string {
  return plusDays(iso, -days, zone);
}

export function plusYears(iso: string, years: number, zone: Zone): string {
  return new Date(addYears(new TZDate(iso, zone.name), years).getTime()).toISOString();
}

/** Hours are exact durations, not wall-clock: "within 48 h" is 48 real hours. */
export function plusHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** "14 April", or "14 April 2027" when the year is not the current one. */
export function dayLabel(iso: string, now: Date, zone: Zone): string {
  const sameYear = format(iso, "yyyy", { in: zone.context }) === format(now, "yyyy", { in: zone.context });
  return format(iso, sameYear ? "d MMMM" : "d MMMM yyyy", { in: zone.context });
}

export const isoMs = (iso: string): number => Date.parse(iso);

export function earliest(...values: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const value of values) if (value && (best === null || Date.parse(value) < Date.parse(best))) best = value;
  return best;
}

export function latest(...values: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const value of values) if (value && (best === null || Date.parse(value) > Date.parse(best))) best = value;
  return best;
}
