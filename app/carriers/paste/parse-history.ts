/**
 * Reads a tracking history as a person copies it from a tracking page or app into events, newest
 * first (contract §4 `parse`). Pure: no clock, no I/O; linear in the paste's size.
 *
 * Layouts handled (tests/fixtures/pastes/ has one real example of each):
 * - one line per event, the date first or last on the line;
 * - the date on its own line, then (or before) the description and place lines;
 * - a date heading followed by "08:15 description" lines;
 * - tab-separated tables, with or without a header row;
 * newest or oldest first — the output is always newest first.
 */
import type { Milestone } from "../../../machines/vocabulary.ts";
import { classifyEvent } from "../events/classify.ts";
import { normaliseEventText } from "../timeline.ts";
import { cleanInput } from "./clean-input.ts";
import { scanDate, scanTimeOnly, type DateToken, type TimeParts } from "./date-scan.ts";
import { spaceOutDates } from "./date-spacing.ts";
import { WEEKDAY_WORDS } from "./date-words.ts";
import { decideDayMonthOrder, type DayMonthOrder, type NumericDate } from "./day-month-order.ts";
import { locationOfLine, splitInlineLocation } from "./location.ts";
import { newestFirstKeys } from "./newest-first.ts";
import { isPageChrome } from "./page-chrome.ts";
import { withoutStatusCode } from "./status-codes.ts";
import { summaryRepeats } from "./summary-lines.ts";
import { readTableRows } from "./table-rows.ts";
import { calendarDay, isoOf, isValidTimeZone, toEpochMs } from "./to-instant.ts";

export interface ParsedEvent {
  /** ISO 8601 (UTC) or null when the paste gives no usable date for this event. */
  at: string | null;
  location: string | null;
  text: string;
  milestone: Milestone;
  confidence: number;
}

export interface ParseHistoryOptions {
  /** IANA zone the page showed its times in when a time carries no zone; default UTC. */
  timeZone?: string;
}

export interface ParseHistoryResult {
  events: ParsedEvent[];
  /** What the reader should check: lines ignored, dates read one way rather than another. */
  warnings: string[];
}

/** A time with the zone written beside it, if any. */
export interface TimeOfLine {
  time: TimeParts;
  offsetMinutes: number | null;
  zoneName: string | null;
}

/** One event as found in the paste, before dates are resolved. */
export interface RawEvent {
  /** Null for an entry the page lists without a date (an empty date cell in a table row). */
  token: DateToken | null;
  /** Time from a line of its own under the date line. */
  extraTime: TimeOfLine | null;
  /** Description and place lines in reading order. */
  parts: string[];
  /** Place already known from the layout (a table column). */
  location: string | null;
}

const WEEKDAY_SET = new Set(WEEKDAY_WORDS);
const FIRST_WORD = /^([\p{L}-]{2,14})\.?(?![\p{L}])[,\s]{0,3}/u;
// Applied to the last 24 characters only, so the unanchored start costs nothing on long lines.
const LAST_WORD = /[,\s(]{0,3}([\p{L}-]{2,14})\.?\)?$/u;

/** "Wednesday, March 4, 2026" leaves "Wednesday," once the date is out: not a description. */
function withoutWeekdays(text: string): string {
  let result = text;
  const first = FIRST_WORD.exec(result);
  if (first && WEEKDAY_SET.has(first[1].toLowerCase())) result = result.slice(first[0].length);
  const tailStart = Math.max(0, result.length - 24);
  const last = LAST_WORD.exec(result.slice(tailStart));
  if (last && WEEKDAY_SET.has(last[1].toLowerCase())) result = result.slice(0, tailStart + last.index);
  return result;
}
const ROW_NUMBER = /^\s{0,4}(?:#\s?)?\d{1,3}[.)]?\s{0,4}$/;
const EDGE_CHARACTERS = new Set([..." \t,;:|·•-–—/"]);

/** Trims separators from both ends with a plain scan (a regex `[…]+$` is quadratic on "-----x"). */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE_CHARACTERS.has(text[start])) start += 1;
  while (end > start && EDGE_CHARACTERS.has(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

/** What is left of a line once its date, time and zone are taken out. */
export function remainderOf(line: string, token: DateToken): string {
  // "delivered at 12:26 pm on January 17, 2017 in BRONX": the connectors go with the date.
  let left = line.slice(0, token.start).replace(/(?:^|\s)(?:at|on|um|am|à|le|el|em|il|op|o)\s*$/iu, "");
  // "3. 15.01.2024 10:30 Delivered": the page's row number, not part of the event.
  if (ROW_NUMBER.test(left)) left = "";
  const joined = `${left} ${line.slice(token.end)}`.replace(/\s{2,}/g, " ");
  return trimSeparators(withoutWeekdays(trimSeparators(joined)));
}

/** Reads as an event: a place name may brush a phrase ("home delivery") but not plainly say one. */
const saysSomething = (part: string) => classifyEvent(part).confidence >= 0.3;

interface LineInfo {
  text: string;
  token: DateToken | null;
  rest: string;
  /** "08:15 Departed…" under a date heading. */
  timeLed: (TimeOfLine & { rest: string }) | null;
}

function describeLine(text: string): LineInfo {
  const token = scanDate(text);
  if (token) return { text, token, rest: remainderOf(text, token), timeLed: null };
  const time = scanTimeOnly(text);
  if (time) {
    const rest = trimSeparators(text.slice(time.end));
    return { text, token: null, rest, timeLed: { ...time, rest } };
  }
  return { text, token: null, rest: text, timeLed: null };
}

/** Groups non-table lines into raw events (see the layouts in the header comment). */
function readBlocks(lines: readonly string[], warnings: string[]): RawEvent[] {
  const infos = lines.filter((l) => l !== "" && !isPageChrome(l)).map(describeLine);
  // A date heading ("Mar 4, 2026") followed by "08:15 …" lines lends its date to each of them.
  const anchors: Array<{ at: number; event: RawEvent }> = [];
  /** Lines that are part of a date (headings, time lines), never description. */
  const used = new Set<number>();
  let heading: DateToken | null = null;
  for (let i = 0; i < infos.length; i += 1) {
    const info = infos[i];
    if (info.token) {
      const next = infos[i + 1];
      const isHeading = info.rest === "" && !info.token.time && next?.timeLed && next.timeLed.rest !== "";
      heading = info.token;
      used.add(i);
      if (isHeading) continue;
      const event: RawEvent = { token: info.token, extraTime: null, parts: info.rest ? [info.rest] : [], location: null };
      const at = i;
      // A time on its own line right under a date-only line belongs to it (ParcelsApp).
      if (!info.token.time && next?.timeLed && next.timeLed.rest === "") {
        event.extraTime = next.timeLed;
        i += 1;
        used.add(i);
      }
      anchors.push({ at, event });
    } else if (info.timeLed && info.timeLed.rest !== "" && heading) {
      const token: DateToken = { ...heading, time: null, offsetMinutes: null, zoneName: null };
      anchors.push({ at: i, event: { token, extraTime: info.timeLed, parts: [info.timeLed.rest], location: null } });
      used.add(i);
    }
  }
  if (anchors.length === 0) return [];

  const textAt = (i: number) => (used.has(i) ? null : infos[i].rest || null);
  const first = anchors[0].at;
  let last = infos.length - 1;
  while (last > 0 && used.has(last) && !anchors.some((a) => a.at === last)) last -= 1;
  const lastAnchor = anchors[anchors.length - 1].at;
  // Date after its description (USPS, Royal Mail): the paste ends on a date line, starts on text,
  // and date lines mostly carry no description of their own (a summary line such as "Your item was
  // delivered at 12:26 pm on January 17, 2017" may).
  const bare = anchors.filter((a) => a.event.parts.length === 0).length;
  const dateLast = lastAnchor === last && first > 0 && bare * 3 >= anchors.length * 2;
  let ignored = 0;
  if (dateLast) {
    let from = 0;
    for (const { at, event } of anchors) {
      const before: string[] = [];
      for (let i = from; i < at; i += 1) {
        const t = textAt(i);
        if (t) before.push(t);
      }
      // A dated line with its own words is whole; what stood above it was page heading.
      if (event.parts.length > 0) ignored += before.length;
      else event.parts = before;
      from = at + 1;
    }
  } else {
    for (let i = 0; i < first; i += 1) if (!used.has(i)) ignored += 1;
    anchors.forEach(({ at, event }, k) => {
      const end = k + 1 < anchors.length ? anchors[k + 1].at : infos.length;
      for (let i = at + 1; i < end; i += 1) {
        const t = textAt(i);
        if (t) event.parts.push(t);
      }
    });
  }
  if (ignored > 0) warnings.push(`ignored ${ignored} line${ignored === 1 ? "" : "s"} before the first dated event`);
  return anchors.map((a) => a.event);
}

function placeAndText(raw: RawEvent): { location: string | null; text: string } {
  let location = raw.location;
  const textParts: string[] = [];
  for (const part of raw.parts) {
    const place = location === null ? locationOfLine(part) : null;
    if (place !== null) location = place;
    else textParts.push(part);
  }
  if (location === null && textParts.length > 0) {
    const split = splitInlineLocation(textParts[0], saysSomething);
    if (split.location !== null) {
      location = split.location;
      textParts[0] = split.text;
    }
  }
  // ParcelsApp and AliExpress print the place as a short last line under the description.
  const lastPart = textParts[textParts.length - 1];
  const shortLine = lastPart !== undefined && lastPart.length <= 50 && lastPart.split(" ").length <= 5;
  if (location === null && textParts.length >= 2 && shortLine && textParts[0].length > lastPart.length && !saysSomething(lastPart)) {
    location = lastPart;
    textParts.pop();
  }
  return { location, text: withoutStatusCode(textParts.join(" · ")) };
}

/** Year for a date written without one ("Mar 04 08:15"): the nearest dated line's year. */
function yearsFor(raws: readonly RawEvent[]): (number | null)[] {
  const own = raws.map((r) => (r.token ? r.token.date.year : null));
  return own.map((year, i) => {
    if (year !== null) return year;
    for (let d = 1; d < own.length; d += 1) {
      const before = own[i - d];
      if (before !== undefined && before !== null) return before;
      const after = own[i + d];
      if (after !== undefined && after !== null) return after;
    }
    return null;
  });
}

function instantOf(raw: RawEvent, order: DayMonthOrder, year: number | null, timeZone: string): number | null {
  if (!raw.token) return null;
  const day = calendarDay(raw.token.date, order, year);
  if (!day) return null;
  const written = raw.token.time ? raw.token : raw.extraTime;
  return toEpochMs(day, written?.time ?? null, written?.offsetMinutes ?? null, written?.zoneName ?? timeZone);
}

/** Newest first; a paste that runs oldest first is turned round; ties keep the page's order. */
function newestFirst<T extends { time: number | null }>(items: T[]): T[] {
  const { order, keys } = newestFirstKeys(items.map((item) => item.time));
  return order
    .map((index, rank) => ({ index, rank, key: keys[index] }))
    .sort((x, y) => y.key - x.key || x.rank - y.rank)
    .map(({ index }) => items[index]);
}

export function parseHistory(text: string, options: ParseHistoryOptions = {}): ParseHistoryResult {
  const timeZone = options.timeZone ?? "UTC";
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`unknown time zone "${timeZone}"; give an IANA name such as Europe/Paris or UTC`);
  }
  const cleaned = cleanInput(text);
  const warnings = cleaned.warnings;
  const lines = cleaned.lines.map(spaceOutDates);
  // Tables copied from PDFs and some apps separate columns with runs of spaces instead of tabs.
  const table =
    readTableRows(lines, warnings) ??
    readTableRows(
      lines.map((l) => l.replace(/ {3,}/g, "\t")),
      warnings,
    );
  const raws = table ?? readBlocks(lines, warnings);
  if (raws.length === 0) {
    warnings.push("no dated events found: a tracking history needs a date on or next to each event (e.g. 2026-03-04 08:15)");
    return { events: [], warnings };
  }

  const numeric: NumericDate[] = raws.flatMap((r) => (r.token?.date.kind === "numeric" ? [r.token.date] : []));
  const years = yearsFor(raws);
  const timesFor = (order: DayMonthOrder) =>
    raws.flatMap((r, i) => {
      const t = instantOf(r, order, years[i], timeZone);
      return t === null ? [] : [t];
    });
  const decision = decideDayMonthOrder(numeric, timesFor, timeZone);
  if (decision.reason) warnings.push(decision.reason);

  const found: Array<ParsedEvent & { time: number | null }> = [];
  /** Identity → index in `found`, so a later telling with a place can replace an earlier one without. */
  const seen = new Map<string, number>();
  let dropped = 0;
  let undated = 0;
  let unlisted = 0;
  let repeated = 0;
  for (let i = 0; i < raws.length; i += 1) {
    const { location, text: description } = placeAndText(raws[i]);
    if (description === "") {
      dropped += 1;
      continue;
    }
    const time = instantOf(raws[i], decision.order, years[i], timeZone);
    // The same event pasted twice (a page copied with its "latest event" box, a double paste).
    const identity = `${time}|${normaliseEventText(description)}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      repeated += 1;
      if (found[earlier].location === null && location !== null) found[earlier] = { ...found[earlier], location };
      continue;
    }
    seen.set(identity, found.length);
    if (time === null && raws[i].token === null) unlisted += 1;
    else if (time === null) undated += 1;
    const { milestone, confidence } = classifyEvent(description);
    found.push({ at: time === null ? null : isoOf(time), location, text: description, milestone, confidence, time });
  }
  if (dropped > 0) warnings.push(`${dropped} date${dropped === 1 ? "" : "s"} had no description and ${dropped === 1 ? "was" : "were"} left out`);
  if (repeated > 0) warnings.push(`left out ${repeated} repeated event${repeated === 1 ? "" : "s"} (same time, same words)`);
  if (unlisted > 0) warnings.push(`${unlisted} entr${unlisted === 1 ? "y is" : "ies are"} listed without a date and kept in the page's order`);
  if (undated > 0) warnings.push(`${undated} event${undated === 1 ? "" : "s"} without a year or with an impossible date kept with no time`);

  const summaries = summaryRepeats(found);
  if (summaries.size > 0) {
    warnings.push(`left out ${summaries.size} summary line${summaries.size === 1 ? "" : "s"} repeating an event of the history`);
  }
  const kept = summaries.size > 0 ? found.filter((_, index) => !summaries.has(index)) : found;
  const events = newestFirst(kept).map(({ time: _time, ...event }) => event);
  return { events, warnings };
}
