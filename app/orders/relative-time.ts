/**
 * "9 days ago", "in 3 days", "no update for 9 days": times as a person reads them. Pure (`now` is an
 * argument) and computed on the server, so the page and its hydration agree.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** How long ago an instant was: "just now", "5 hours ago", "yesterday", "9 days ago". */
export function timeAgo(iso: string, now: Date): string {
  const ms = now.getTime() - Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  if (ms < 0) return timeUntil(iso, now);
  if (ms < HOUR) return "just now";
  if (ms < DAY) return `${plural(Math.floor(ms / HOUR), "hour")} ago`;
  const days = Math.floor(ms / DAY);
  return days === 1 ? "yesterday" : `${plural(days, "day")} ago`;
}

/** A countdown to a deadline: "in 3 days", "in 5 hours", or "passed 2 days ago". */
export function timeUntil(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  if (Number.isNaN(ms)) return "";
  if (ms < 0) {
    const days = Math.floor(-ms / DAY);
    return days === 0 ? "passed today" : `passed ${plural(days, "day")} ago`;
  }
  if (ms < HOUR) return "in less than an hour";
  if (ms < DAY) return `in ${plural(Math.floor(ms / HOUR), "hour")}`;
  return `in ${plural(Math.floor(ms / DAY), "day")}`;
}

/** Whole days between two instants, for "no update for N days". */
export function wholeDaysBetween(earlierIso: string, laterIso: string): number {
  return Math.floor((Date.parse(laterIso) - Date.parse(earlierIso)) / DAY);
}
