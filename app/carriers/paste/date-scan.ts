/**
 * Finds the date (and the time and zone next to it) inside one line of a pasted tracking history.
 *
 * Every pattern here has only bounded repetition around its fixed parts, so a scan is linear in the
 * line's length: a 1 MB line of digits or spaces cannot make it backtrack (RELIABILITY.md, bad input).
 * Day/month order of "04/03/2026" is NOT decided here: the token keeps both numbers and the whole
 * paste decides later (see day-month-order.ts).
 */
import { MONTH_BY_WORD, ZONE_ABBREVIATIONS, ZONE_NAMES } from "./date-words.ts";

/** The calendar part of a date as written. */
export type DateParts =
  | { kind: "fixed"; year: number | null; month: number; day: number }
  /** `a sep b sep year` where a and b are day and month in an order the paste must decide. */
  | { kind: "numeric"; year: number; a: number; b: number; separator: string };

export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
}

export interface DateToken {
  /** Span of the line covered by the date, its time and its zone. */
  start: number;
  end: number;
  date: DateParts;
  time: TimeParts | null;
  /** Offset from UTC in minutes when the line says it (`+08:00`, `GMT+8`, `Z`, `PDT`), else null. */
  offsetMinutes: number | null;
  /** IANA zone when the line names one by a DST-following abbreviation (`ET`), else null. */
  zoneName: string | null;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const MONTH_ALTERNATION = [...MONTH_BY_WORD.keys()]
  .sort((x, y) => y.length - x.length)
  .map(escape)
  .join("|");

interface DatePattern {
  name: string;
  regex: RegExp;
  read(match: RegExpExecArray): DateParts | null;
}

const HAS_DIGIT = /\d/;
const yearOf = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));
const monthOf = (word: string) => MONTH_BY_WORD.get(word.toLowerCase()) ?? 0;

/** The date forms pages print, most specific first; the earliest match in the line wins. */
const DATE_PATTERNS: readonly DatePattern[] = [
  {
    name: "year-month-day", // 2026-03-04, 2026/03/04, 2026.03.04 (ISO, Chinese sites, 17TRACK)
    regex: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g,
    read: (m) => ({ kind: "fixed", year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    name: "cjk", // 2026年3月4日
    regex: /(?<!\d)(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/gu,
    read: (m) => ({ kind: "fixed", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    name: "numeric-day-month", // 04/03/2026, 04.03.2026, 3/4/26: order decided by the whole paste
    regex: /(?<![\d.])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[.:/-]\d)/g,
    read: (m) => ({ kind: "numeric", a: Number(m[1]), b: Number(m[3]), year: yearOf(m[4]), separator: m[2] }),
  },
  {
    name: "month-name-first", // Mar 4, 2026 · March 04 · Mar. 4th 2026
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}])(${MONTH_ALTERNATION})\\.?,?[\\s-]{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?[\\s-]{1,3}(\\d{4})(?!\\d))?`,
      "giu",
    ),
    read: (m) => ({ kind: "fixed", year: m[3] ? Number(m[3]) : null, month: monthOf(m[1]), day: Number(m[2]) }),
  },
  {
    name: "day-month-name", // 4 March 2026 · 04-Mar-2026 · 4. März 2026 · 4 de marzo de 2026 · 4 марта 2026
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|\\.)?[\\s/-]{0,3}(?:de\\s{1,2})?(${MONTH_ALTERNATION})\\.?(?![\\p{L}])(?:,?[\\s/-]{0,3}(?:de\\s{1,2})?(\\d{4})(?!\\d))?`,
      "giu",
    ),
    read: (m) => ({ kind: "fixed", year: m[3] ? Number(m[3]) : null, month: monthOf(m[2]), day: Number(m[1]) }),
  },
];

// A time right after the date ("2026-03-04T08:15", "Mar 4, 2026, 8:15 am", "4 März 2026 um 08:15").
const TIME_AFTER =
  /[\sT,]{0,3}(?:at\s|um\s|à\s|a las\s|às\s|alle\s|om\s|o\s)?\s{0,2}(\d{1,2})(?:[:h](\d{2})(?::(\d{2}))?(?:\.\d{1,6})?)?(?:\s{0,2}([ap])\.?\s?m\.?(?![\p{L}]))?(?:\s{0,2}(?:uhr|hrs?|godz\.?|ч\.)(?![\p{L}]))?/iuy;
// A time right before the date ("08:15 04/03/2026"); applied to a short slice that ends at the date.
// "… at 12:26 pm on January 17, 2017" (USPS summary line) counts too.
const TIME_BEFORE = /(?<!\d)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s{0,2}([ap])\.?\s?m\.?)?[\s,]{0,3}(?:(?:on|le|el|em|il|op)\s{1,2})?$/iu;
// A time on its own line (the date was on the line before).
const TIME_ONLY =
  /^\s{0,8}(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\.\d{1,6})?(?:\s{0,2}([ap])\.?\s?m\.?(?![\p{L}]))?(?:\s{0,2}(?:uhr|hrs?|godz\.?|ч\.)(?![\p{L}]))?/iu;
const ZONE_AFTER = /\s{0,2}\(?(?:(?:UTC|GMT)\s?([+-])(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,5})(?![\p{L}]))\)?/uy;

function readTime(hourText: string, minuteText: string | undefined, secondText: string | undefined, half: string | undefined): TimeParts | null {
  let hour = Number(hourText);
  // A bare number is a time only with am/pm ("8 am"); otherwise it is a day, a count, a code.
  if (minuteText === undefined && !half) return null;
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  // "15:30 PM", "00:45 AM": a 24-hour time with a stray marker; the hour already says it all.
  if (half && (hour > 12 || hour === 0) && minuteText !== undefined && hour <= 23) half = undefined;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    const pm = half.toLowerCase() === "p";
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

interface Zone {
  offset: number | null;
  name: string | null;
  end: number;
}

function readZone(line: string, at: number): Zone | null {
  ZONE_AFTER.lastIndex = at;
  const m = ZONE_AFTER.exec(line);
  if (!m) return null;
  if (m[1]) {
    const hours = Number(m[2]);
    const minutes = m[3] ? Number(m[3]) : 0;
    if (hours > 14 || minutes > 59) return null;
    return { offset: (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes), name: null, end: at + m[0].length };
  }
  if (m[4]) {
    const hours = Number(m[5]);
    const minutes = Number(m[6]);
    if (hours > 14 || minutes > 59) return null;
    return { offset: (m[4] === "-" ? -1 : 1) * (hours * 60 + minutes), name: null, end: at + m[0].length };
  }
  const word = m[7];
  // "Z" only counts glued to the time (ISO 8601), never as a stray letter after a space.
  if (word.toLowerCase() === "z" && m[0][0] !== "Z") return null;
  const offset = ZONE_ABBREVIATIONS[word.toLowerCase()];
  if (offset !== undefined) return { offset, name: null, end: at + m[0].length };
  const name = ZONE_NAMES[word.toLowerCase()];
  return name === undefined ? null : { offset: null, name, end: at + m[0].length };
}

function validDay(parts: DateParts): boolean {
  if (parts.kind === "numeric") return parts.a >= 1 && parts.b >= 1 && (parts.a <= 12 || parts.b <= 12) && parts.a <= 31 && parts.b <= 31;
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return false;
  return parts.year === null || isCalendarDate(parts.year, parts.month, parts.day);
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1970 || year > 2200) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface ScanOptions {
  /**
   * Accept "Mar 18" without a time. In a tracking paste that is too likely a count ("1 out of 3");
   * in an e-mail's "Estimated delivery: Mar 18 - Apr 02" it is the norm.
   */
  yearlessWithoutTime?: boolean;
}

/** The first date in the line with its time and zone, or null when the line holds no date. */
export function scanDate(line: string, options: ScanOptions = {}): DateToken | null {
  // Every date form has a digit; most description lines have none, so skip the patterns for them.
  if (!HAS_DIGIT.test(line)) return null;
  let best: { match: RegExpExecArray; parts: DateParts } | null = null;
  for (const pattern of DATE_PATTERNS) {
    if (best?.match.index === 0) break;
    // Once a date is found, later patterns only need to look before it (a date is < 48 characters).
    const haystack = best ? line.slice(0, best.match.index + 48) : line;
    pattern.regex.lastIndex = 0;
    // Keep looking past impossible dates ("99/99/2026") within the same pattern.
    for (let m = pattern.regex.exec(haystack); m; m = pattern.regex.exec(haystack)) {
      if (best && m.index >= best.match.index) break;
      const parts = pattern.read(m);
      if (parts && validDay(parts)) {
        best = { match: m, parts };
        break;
      }
    }
  }
  if (!best) return null;
  const start = best.match.index;
  let end = start + best.match[0].length;
  let time: TimeParts | null = null;

  TIME_AFTER.lastIndex = end;
  const after = TIME_AFTER.exec(line);
  if (after) time = readTime(after[1], after[2], after[3], after[4]);
  let timeStart = start;
  if (time && after) {
    end += after[0].length;
  } else {
    const before = TIME_BEFORE.exec(line.slice(Math.max(0, start - 28), start));
    if (before) {
      time = readTime(before[1], before[2], before[3], before[4]);
      if (time) timeStart = start - before[0].length;
    }
  }
  // A year-less date ("Mar 04") is a date only with a time beside it: "1 out of 3" is not October.
  if (best.parts.kind === "fixed" && best.parts.year === null && !time && !options.yearlessWithoutTime) return null;

  let zone: Zone | null = null;
  if (time) {
    zone = readZone(line, end);
    if (zone) end = zone.end;
  }
  return {
    start: Math.min(start, timeStart),
    end,
    date: best.parts,
    time,
    offsetMinutes: zone?.offset ?? null,
    zoneName: zone?.name ?? null,
  };
}

/** A line holding only a time ("08:15", "8:15 pm"), as some apps print under the date line. */
export function scanTimeOnly(line: string): { time: TimeParts; offsetMinutes: number | null; zoneName: string | null; end: number } | null {
  const m = TIME_ONLY.exec(line);
  if (!m) return null;
  const time = readTime(m[1], m[2], m[3], m[4]);
  if (!time) return null;
  const zone = readZone(line, m[0].length);
  return { time, offsetMinutes: zone?.offset ?? null, zoneName: zone?.name ?? null, end: zone ? zone.end : m[0].length };
}
