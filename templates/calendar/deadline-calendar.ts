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
        title: `${deadline.title} (${order.label})`,
        description: `${deadline.reason}\nSource: ${deadline.source}\nOpen the order: ${link}`,
        url: link,
        status: "CONFIRMED",
        busyStatus: "FREE",
        transp: "TRANSPARENT",
        categories: ["ClaimTrail"],
        alarms: [{ action: "display", description: deadline.title, trigger: { before: true, days: 1 } }],
        timestamp: options.now.getTime(),
      };
      events.push(event);
    }
  }
  const { error, value } = createEvents(events, { productId: "-//ClaimTrail//Deadlines//EN", calName: options.calendarName, method: "PUBLISH" });
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
