import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { deadlineCalendar, foldToOctets } from "../../../templates/calendar/deadline-calendar.ts";

const now = new Date("2026-03-01T12:00:00Z");
const options = { appUrl: "https://claimtrail.test", now, calendarName: "ClaimTrail deadlines" };
const orders = [
  {
    orderId: "ord-1",
    label: "无线耳机 蓝牙5.3 降噪 超长续航 运动型 (AliExpress 8123456789)",
    deadlines: [
      {
        id: "dispute_opens",
        due: "2026-03-10T00:00:00.000Z",
        title: "First day to open a dispute",
        reason: 'AliExpress lets you open a "not received" dispute 5 days after shipment; before that the button is greyed out.',
        source: "AliExpress buyer protection process page",
      },
      {
        id: "protection_ends",
        due: "2026-04-20T16:00:00.000Z",
        title: "Buyer protection ends",
        reason: "After this date AliExpress will not refund a parcel that never came, so open the dispute before it, ideally several days before.",
        source: "your order page",
      },
    ],
  },
  {
    orderId: "ord-2",
    label: "Phone case (Temu)",
    deadlines: [
      {
        id: "refund_window",
        due: "2026-05-01T09:30:00.000Z",
        title: "Ask for a refund",
        reason: "Temu's refund window.",
        source: "Temu purchase protection, 2025",
      },
    ],
  },
];

function parse(text: string) {
  return new ICAL.Component(ICAL.parse(text));
}

describe("deadline calendar", () => {
  it("is valid iCalendar: CRLF line ends, lines of at most 75 octets, folded without splitting characters", () => {
    const text = deadlineCalendar(orders, options);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
  });

  it("parses back with each deadline as an event carrying the time, the reason, the source and a link", () => {
    const calendar = parse(deadlineCalendar(orders, options));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(3);
    const protection = events.find((e) => e.uid === "ord-1.protection_ends@claimtrail.test")!;
    expect(protection.startDate.toJSDate().toISOString()).toBe("2026-04-20T16:00:00.000Z");
    expect(protection.startDate.zone?.tzid).toBe("UTC");
    expect(protection.summary).toBe("Buyer protection ends (无线耳机 蓝牙5.3 降噪 超长续航 运动型 (AliExpress 8123456789))");
    expect(protection.description).toContain("After this date AliExpress will not refund");
    expect(protection.description).toContain("Source: your order page");
    expect(protection.description).toContain("https://claimtrail.test/orders/ord-1");
    expect(protection.component.getFirstPropertyValue("url")).toBe("https://claimtrail.test/orders/ord-1");
    expect(protection.component.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-03-01T12:00:00Z");
  });

  it("gives the same text for the same deadlines and the same `now` (stable UIDs for subscribed calendars)", () => {
    expect(deadlineCalendar(orders, options)).toBe(deadlineCalendar(orders, options));
  });

  it("keeps an event's UID when its deadline moves, so a calendar app moves the event", () => {
    const moved = [{ ...orders[1]!, deadlines: [{ ...orders[1]!.deadlines[0]!, due: "2026-05-08T09:30:00.000Z" }] }];
    const before = new ICAL.Event(parse(deadlineCalendar([orders[1]!], options)).getFirstSubcomponent("vevent")!);
    const after = new ICAL.Event(parse(deadlineCalendar(moved, options)).getFirstSubcomponent("vevent")!);
    expect(after.uid).toBe(before.uid);
    expect(after.startDate.toJSDate().toISOString()).toBe("2026-05-08T09:30:00.000Z");
  });

  it("keeps carriage returns and other control characters in an item name out of the lines (no bare CR, no injected property)", () => {
    const hostile = [{ ...orders[1]!, label: "Lamp\rX-INJECTED:1\r\nATTENDEE:mailto:a@evil.example\u0007 (Temu)" }];
    const text = deadlineCalendar(hostile, options);
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).not.toMatch(/^X-INJECTED/m);
    expect(text).not.toMatch(/^ATTENDEE/m);
    const event = new ICAL.Event(parse(text).getFirstSubcomponent("vevent")!);
    expect(event.summary).toContain("Lamp");
    expect(event.summary).toContain("X-INJECTED:1");
  });

  it("is still a calendar when there is nothing to show", () => {
    const calendar = parse(deadlineCalendar([], options));
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});

describe("octet folding", () => {
  it("folds long UTF-8 lines into 75-octet lines that unfold to the original", () => {
    const line = `SUMMARY:${"é漢😀".repeat(40)}`;
    const folded = foldToOctets(`BEGIN:X\r\n${line}\r\nEND:X\r\n`);
    for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`BEGIN:X\r\n${line}\r\nEND:X\r\n`);
  });
});
