/**
 * Deadlines as iCalendar (RFC 5545), built with the `ics` library: one order's `.ics` download and
 * a person's feed of all their orders. Pure: `now` (DTSTAMP) and the app's URL are arguments.
 */
import { createEvents, type EventAttributes } from "ics";
import type { Deadline } from "../../machines/order-facts.ts";

export interface CalendarOrder {
  orderId: string;
  /** What the person calls the order: item, order number or platform. */
  label: string;
  deadlines: readonly Pick<Deadline, "id" | "due" | "title" | "reason" | "source">[];
}

export interface CalendarOptions {
  appUrl: string;
  now: Date;
  calendarName: string;
}

const EVENT_MINUTES = 15;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Text for one-line properties (SUMMARY): the `ics` library escapes LF but passes a bare CR
 * through, which ends the content line early in strict parsers and lets an item name start a
 * property of its own. Every line break becomes a space; other control characters go.
 */
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, " ").replace(CONTROL, "");
}

/** Text for DESCRIPTION: line breaks kept as LF (which `ics` escapes as \n), other controls dropped. */
function multiLine(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

export function deadlineCalendar(orders: readonly CalendarOrder[], options: CalendarOptions): string {
  const appUrl = options.appUrl.replace(/\/$/, "");
  const uidDomain = new URL(appUrl).hostname || "claimtrail.invalid";
  const events: EventAttributes[] = [];
  for (const order of orders) {
    const link = `${appUrl}/orders/${encodeURIComponent(order.orderId)}`;
    for (const deadline of order.deadlines) {
      const start = Date.parse(deadline.due);
      if (Number.isNaN(start)) continue;
      const event: EventAttributes & { timestamp: number } = {
        // Stable per order and deadline: a moved deadline updates the event instead of adding one.
        uid: `${order.orderId}.${deadline.id}@${uidDomain}`,
        start,
        startInputType: "utc",
        startOutputType: "utc",
        duration: { minutes: EVENT_MINUTES },
        title: oneLine(`${deadline.title} (${order.label})`),
        description: multiLine(`${deadline.reason}\nSource: ${deadline.source}\nOpen the order: ${link}`),
        url: link,
        status: "CONFIRMED",
        busyStatus: "FREE",
        transp: "TRANSPARENT",
        categories: ["ClaimTrail"],
        alarms: [{ action: "display", description: oneLine(deadline.title), trigger: { before: true, days: 1 } }],
        timestamp: options.now.getTime(),
      };
      events.push(event);
    }
  }
  const { error, value } = createEvents(events, {
    productId: "-//ClaimTrail//Deadlines//EN",
    calName: oneLine(options.calendarName),
    method: "PUBLISH",
  });
  if (error || !value) throw new Error(`could not build the calendar: ${error?.message ?? "no output"}`);
  return foldToOctets(value);
}

/**
 * RFC 5545 §3.1 limits lines to 75 octets; `ics` folds at 75 characters, so an item name in
 * Chinese makes lines of over 200 octets. Unfold, then fold again by octets without splitting a
 * UTF-8 sequence.
 */
export function foldToOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with one space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
