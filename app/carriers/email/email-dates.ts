/**
 * Dates inside a shipping e-mail's text, each with what it is (ordered, shipped, estimated
 * delivery) from the words on its line. E-mails write "Mar 18 - Apr 02" without a year: the year
 * comes from the e-mail's own date, rolled forward when the month has already passed.
 */
import { scanDate, type DateToken } from "../paste/date-scan.ts";
import { decideDayMonthOrder, type DayMonthOrder, type NumericDate } from "../paste/day-month-order.ts";
import { calendarDay, isoOf, toEpochMs, type CalendarDay } from "../paste/to-instant.ts";
import { DATE_LABELS, type EmailDateKind } from "./email-signs.ts";

export interface EmailDate {
  kind: EmailDateKind;
  /** ISO 8601 (UTC); a date without a time is the start of that day in the e-mail's zone. */
  at: string;
  /** The end of a range ("Mar 18 - Apr 02"), the end of that day. */
  until?: string;
  /** The line the date was read from, trimmed, for the person to check. */
  text: string;
}

const RANGE_JOIN = /^\s{0,3}(?:[-–—~]|to|until|bis|au|à|a|até|al|do|по|至|到)\s{0,3}/iu;
const BARE_DAY = /^(\d{1,2})(?![\d:./-])/u;
const MAX_LINES = 2_000;
const DAY_MS = 86_400_000;

function kindOf(line: string): EmailDateKind {
  const lower = line.toLowerCase();
  for (const { kind, words } of DATE_LABELS) if (words.some((w) => lower.includes(w))) return kind;
  return "other";
}

interface Found {
  kind: EmailDateKind;
  line: string;
  start: DateToken;
  end: DateToken | { bareDay: number } | null;
}

function yearFor(token: DateToken, sentAt: number | null): number | null {
  const own = token.date.year;
  if (own !== null) return own;
  if (sentAt === null) return null;
  const sent = new Date(sentAt);
  const year = sent.getUTCFullYear();
  // "Jan 05" in an e-mail sent in December is next January.
  const month = token.date.kind === "fixed" ? token.date.month : 1;
  return month < sent.getUTCMonth() + 1 - 6 ? year + 1 : year;
}

export function findEmailDates(text: string, sentAt: string | null, timeZone: string): EmailDate[] {
  const sent = sentAt === null ? null : Date.parse(sentAt);
  const found: Found[] = [];
  const lines = text.split("\n", MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim().slice(0, 500);
    if (line === "") continue;
    const start = scanDate(line, { yearlessWithoutTime: true });
    if (!start) continue;
    const after = line.slice(start.end);
    const join = RANGE_JOIN.exec(after);
    let end: Found["end"] = null;
    if (join) {
      const rest = after.slice(join[0].length);
      const second = scanDate(rest, { yearlessWithoutTime: true });
      if (second && second.start === 0) end = second;
      else {
        const bare = BARE_DAY.exec(rest);
        if (bare) end = { bareDay: Number(bare[1]) };
      }
    }
    found.push({ kind: kindOf(line), line, start, end });
  }

  const numeric: NumericDate[] = found.flatMap((f) =>
    [f.start, f.end].flatMap((t) => (t && "date" in t && t.date.kind === "numeric" ? [t.date] : [])),
  );
  const order: DayMonthOrder = decideDayMonthOrder(numeric, () => [], timeZone).order;

  const dates: EmailDate[] = [];
  for (const f of found) {
    const startDay = calendarDay(f.start.date, order, yearFor(f.start, sent));
    if (!startDay) continue;
    const at = toEpochMs(startDay, f.start.time, f.start.offsetMinutes, f.start.zoneName ?? timeZone);
    let endDay: CalendarDay | null = null;
    if (f.end && "bareDay" in f.end) {
      endDay = calendarDay({ kind: "fixed", year: startDay.year, month: startDay.month, day: f.end.bareDay }, order, null);
    } else if (f.end) {
      endDay = calendarDay(f.end.date, order, f.end.date.year ?? startDay.year);
      // "Dec 28 - Jan 04": the end is in the next year.
      if (
        endDay &&
        f.end.date.year === null &&
        Date.UTC(endDay.year, endDay.month - 1, endDay.day) < Date.UTC(startDay.year, startDay.month - 1, startDay.day)
      ) {
        endDay = { ...endDay, year: endDay.year + 1 };
      }
    }
    const date: EmailDate = { kind: f.kind, at: isoOf(at), text: f.line.slice(0, 200) };
    if (endDay) {
      const until = toEpochMs(endDay, null, null, timeZone) + DAY_MS - 1000;
      if (until > at) date.until = isoOf(until);
    }
    dates.push(date);
  }
  return dates;
}
