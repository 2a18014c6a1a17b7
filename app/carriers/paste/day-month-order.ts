/**
 * "04/03/2026" is 4 March in Europe and April 3 in the US. A paste is written by one page in one
 * locale, so the order is decided once for the whole paste, never guessed line by line:
 * 1. a number above 12 in either place settles it (04/13/2026 can only be month/day);
 * 2. otherwise the order that keeps the events in sequence (newest or oldest first) and within the
 *    shortest span wins — a parcel's history covers weeks, not months apart in random order;
 * 3. otherwise the separator ("." is day-first everywhere it is used) and then the time zone
 *    (American zones print month first) break the tie.
 */
import { countSteps } from "./newest-first.ts";

export type DayMonthOrder = "day-first" | "month-first";

export interface NumericDate {
  a: number;
  b: number;
  separator: string;
}

export interface OrderDecision {
  order: DayMonthOrder;
  /** Why, in words a person can check; null when nothing was ambiguous. */
  reason: string | null;
}

/** Zones whose pages write month first (United States and its territories, Canada in English, Philippines). */
const MONTH_FIRST_ZONE =
  /^(?:America\/(?:New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Detroit|Boise|Indiana\/.*|Kentucky\/.*|North_Dakota\/.*|Puerto_Rico|Toronto|Vancouver|Edmonton|Winnipeg)|Pacific\/(?:Honolulu|Guam)|Asia\/Manila|US\/.*)$/;

export function evidenceOf(dates: readonly NumericDate[]): { dayFirst: number; monthFirst: number } {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const { a, b } of dates) {
    if (a > 12 && b <= 12) dayFirst += 1;
    else if (b > 12 && a <= 12) monthFirst += 1;
  }
  return { dayFirst, monthFirst };
}

/** Adjacent pairs out of step with the paste's main direction, and the span covered, in ms. */
export function sequenceScore(times: readonly number[]): { outOfStep: number; span: number } {
  const { up, down } = countSteps(times);
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const span = times.length ? max - min : 0;
  return { outOfStep: Math.min(up, down), span };
}

/**
 * Decides the order. `timesFor(order)` gives the paste's event times (in paste order) read with
 * that order, so the sequence test sees the unambiguous dates too.
 */
export function decideDayMonthOrder(dates: readonly NumericDate[], timesFor: (order: DayMonthOrder) => number[], timeZone: string): OrderDecision {
  const ambiguous = dates.filter((d) => d.a <= 12 && d.b <= 12 && d.a !== d.b);
  const { dayFirst, monthFirst } = evidenceOf(dates);
  if (dayFirst > 0 || monthFirst > 0) {
    const order: DayMonthOrder = dayFirst >= monthFirst ? "day-first" : "month-first";
    const mixed = dayFirst > 0 && monthFirst > 0;
    return {
      order,
      reason: mixed
        ? `the paste mixes day/month and month/day dates; read as ${order === "day-first" ? "day/month" : "month/day"} where a date allows both`
        : null,
    };
  }
  if (ambiguous.length === 0) return { order: "day-first", reason: null };

  const dayScore = sequenceScore(timesFor("day-first"));
  const monthScore = sequenceScore(timesFor("month-first"));
  const label = (o: DayMonthOrder) => (o === "day-first" ? "day/month" : "month/day");
  if (dayScore.outOfStep !== monthScore.outOfStep) {
    const order = dayScore.outOfStep < monthScore.outOfStep ? "day-first" : "month-first";
    return { order, reason: `dates like ${sample(ambiguous)} read as ${label(order)}: that keeps the events in order` };
  }
  if (dayScore.span !== monthScore.span) {
    const order = dayScore.span < monthScore.span ? "day-first" : "month-first";
    return { order, reason: `dates like ${sample(ambiguous)} read as ${label(order)}: that keeps the events closest together` };
  }
  const dotted = ambiguous.every((d) => d.separator === ".");
  const order: DayMonthOrder = !dotted && MONTH_FIRST_ZONE.test(timeZone) ? "month-first" : "day-first";
  return {
    order,
    reason: `dates like ${sample(ambiguous)} could be day/month or month/day; read as ${label(order)} (${dotted ? "dotted dates are day first" : `usual order in ${timeZone}`}) — check them`,
  };
}

function sample(dates: readonly NumericDate[]): string {
  const d = dates[0];
  return `${String(d.a).padStart(2, "0")}${d.separator}${String(d.b).padStart(2, "0")}`;
}
