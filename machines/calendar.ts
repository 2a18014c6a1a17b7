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
  /** UTC day number → the offset that whole day (ms), or null on a day the offset changes. */
  offsets: Map<number, number | null>;
}

const zones = new Map<string, Zone>();
const DAY_MS = 86_400_000;
/** Caches below are pure memos; clearing them when full keeps a long-running server's memory flat. */
const CACHE_LIMIT = 50_000;

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
    zone = { name, context: tz(name), offsets: new Map() };
    zones.set(requested, zone);
  }
  return zone;
}

/**
 * The zone's UTC offset at `ms`. Offsets change at most once a day, so a day whose two ends agree
 * is cached as a whole; only the rare day of a change asks @date-fns/tz again for each instant.
 * (Re-assessing 10,000 orders asks this ~300,000 times.)
 */
function offsetMs(zone: Zone, ms: number): number {
  if (zone.name === "UTC") return 0;
  const dayIndex = Math.floor(ms / DAY_MS);
  let offset = zone.offsets.get(dayIndex);
  if (offset === undefined) {
    const start = tzOffset(zone.name, new Date(dayIndex * DAY_MS));
    const end = tzOffset(zone.name, new Date((dayIndex + 1) * DAY_MS - 1));
    offset = start === end ? start * 60_000 : null;
    if (zone.offsets.size >= CACHE_LIMIT) zone.offsets.clear();
    zone.offsets.set(dayIndex, offset);
  }
  return offset ?? tzOffset(zone.name, new Date(ms)) * 60_000;
}

/**
 * Shifts by whole calendar days on the buyer's wall clock. Done on wall-clock milliseconds (which
 * have no DST) with @date-fns/tz's offsets: thousands of orders are re-assessed at once, and building
 * a TZDate per step costs about ten times more for the same answer.
 */
export function plusDays(iso: string, days: number, zone: Zone): string {
  return new Date(plusDaysMs(iso, days, zone)).toISOString();
}

/** plusDays as epoch milliseconds, for callers that compare the result before writing it out. */
export function plusDaysMs(iso: string, days: number, zone: Zone): number {
  const utc = isoMs(iso);
  const wall = utc + offsetMs(zone, utc) + days * DAY_MS;
  const result = wall - offsetMs(zone, wall - offsetMs(zone, utc));
  // Second pass settles a shift that lands on the other side of a DST change.
  return wall - offsetMs(zone, result);
}

export function minusDays(iso: string, days: number, zone: Zone): string {
  return plusDays(iso, -days, zone);
}

export function plusYears(iso: string, years: number, zone: Zone): string {
  return new Date(addYears(new TZDate(iso, zone.name), years).getTime()).toISOString();
}

/**
 * Shifts by business days (Monday to Friday on the buyer's wall clock; public holidays are not
 * known here, so the date can only be earlier than the marketplace's, never later).
 */
export function plusBusinessDays(iso: string, days: number, zone: Zone): string {
  let ms = isoMs(iso);
  for (let left = days; left > 0;) {
    ms = plusDaysMs(new Date(ms).toISOString(), 1, zone);
    const weekday = new Date(ms + offsetMs(zone, ms)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(ms).toISOString();
}

/** Hours are exact durations, not wall-clock: "within 48 h" is 48 real hours. */
export function plusHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** "14 April", or "14 April 2027" when the year is not the current one. */
const labels = new Map<number, string>();
/** The buyer's current year for the last (now, zone) asked: a whole re-assessment shares one `now`. */
let lastNow = { ms: Number.NaN, zone: "", year: 0 };
export function dayLabel(iso: string, now: Date, zone: Zone): string {
  const ms = isoMs(iso);
  const localDay = Math.floor((ms + offsetMs(zone, ms)) / DAY_MS);
  const localYear = new Date(localDay * DAY_MS).getUTCFullYear();
  const nowMs = now.getTime();
  if (lastNow.ms !== nowMs || lastNow.zone !== zone.name) {
    lastNow = { ms: nowMs, zone: zone.name, year: new Date(nowMs + offsetMs(zone, nowMs)).getUTCFullYear() };
  }
  const nowYear = lastNow.year;
  // A number key (the day, and whether it is this year) hashes faster than a string.
  const key = localDay * 2 + (localYear === nowYear ? 1 : 0);
  let label = labels.get(key);
  if (label === undefined) {
    // The local calendar day, written by date-fns (the day is already local: format it as UTC).
    label = format(new Date(localDay * DAY_MS), localYear === nowYear ? "d MMMM" : "d MMMM yyyy", { in: zoneOf("UTC").context });
    if (labels.size >= CACHE_LIMIT) labels.clear();
    labels.set(key, label);
  }
  return label;
}

const parsedTimes = new Map<string, number>();
/** Date.parse, memoised: the same few timestamps of an order are compared many times. */
export function isoMs(iso: string): number {
  let ms = parsedTimes.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (parsedTimes.size >= CACHE_LIMIT) parsedTimes.clear();
    parsedTimes.set(iso, ms);
  }
  return ms;
}

export function earliest(...values: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const value of values) if (value && (best === null || isoMs(value) < isoMs(best))) best = value;
  return best;
}

export function latest(...values: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const value of values) if (value && (best === null || isoMs(value) > isoMs(best))) best = value;
  return best;
}
