import { describe, expect, it } from "vitest";
import { parseHistory } from "../../../../app/carriers/paste/parse-history.ts";

const ats = (text: string, timeZone?: string) => parseHistory(text, { timeZone }).events.map((e) => e.at);

describe("parseHistory: date forms", () => {
  it.each([
    ["2026-03-04 08:15 Departed from sorting center", "2026-03-04T08:15:00Z"],
    ["2026/03/04 08:15:30 Departed from sorting center", "2026-03-04T08:15:30Z"],
    ["2026-03-04T08:15:00+08:00 Departed from sorting center", "2026-03-04T00:15:00Z"],
    ["2026-03-04T08:15:00.000Z Departed from sorting center", "2026-03-04T08:15:00Z"],
    ["14/03/2026 08:15 Departed from sorting center", "2026-03-14T08:15:00Z"],
    ["Mar 4, 2026, 8:15 am Departed from sorting center", "2026-03-04T08:15:00Z"],
    ["Mar 4, 2026, 8:15 pm Departed from sorting center", "2026-03-04T20:15:00Z"],
    ["March 4, 2026 at 12:05 AM Departed from sorting center", "2026-03-04T00:05:00Z"],
    ["4 March 2026 08:15 Departed from sorting center", "2026-03-04T08:15:00Z"],
    ["Wednesday, 4 March 2026, 08:15 Departed from sorting center", "2026-03-04T08:15:00Z"],
    ["04.03.2026 08:15 Uhr Die Sendung wurde zugestellt", "2026-03-04T08:15:00Z"],
    ["4. März 2026 08:15 Die Sendung wurde zugestellt", "2026-03-04T08:15:00Z"],
    ["4 de marzo de 2026 08:15 Entregado", "2026-03-04T08:15:00Z"],
    ["4 марта 2026 08:15 Вручено адресату", "2026-03-04T08:15:00Z"],
    ["2026年3月4日 08:15 已签收", "2026-03-04T08:15:00Z"],
    ["2026-03-04 08:15 (GMT+8) Departed from sorting center", "2026-03-04T00:15:00Z"],
    ["2026-03-04 08:15 UTC-05:00 Departed from sorting center", "2026-03-04T13:15:00Z"],
    ["3/4/2026 8:15 AM PDT Departed from sorting center", null],
  ])("%s", (line, expected) => {
    const { events } = parseHistory(line);
    expect(events).toHaveLength(1);
    if (expected !== null) expect(events[0].at).toBe(expected);
    expect(events[0].text).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it("reads full-width digits as Chinese pages print them, keeping the text's own punctuation", () => {
    const { events } = parseHistory("２０２６年３月４日 ０８：１５ 【深圳市】快件已揽收，准备发往【广州】");
    expect(events.map((e) => [e.at, e.location, e.text])).toEqual([["2026-03-04T08:15:00Z", "深圳市", "快件已揽收，准备发往【广州】"]]);
  });

  it("reads a zone abbreviation that names a fixed offset", () => {
    expect(ats("3/14/2026 8:15 AM PDT Departed from sorting center")).toEqual(["2026-03-14T15:15:00Z"]);
  });

  it("reads times without a zone in the given time zone, daylight saving included", () => {
    expect(ats("2026-03-04 08:15 Delivered", "Europe/Paris")).toEqual(["2026-03-04T07:15:00Z"]);
    expect(ats("2026-07-04 08:15 Delivered", "Europe/Paris")).toEqual(["2026-07-04T06:15:00Z"]);
    expect(ats("2026-03-04 08:15 Delivered", "America/New_York")).toEqual(["2026-03-04T13:15:00Z"]);
  });

  it("defaults to UTC and lets a written offset win over the paste's zone", () => {
    expect(ats("2026-03-04 08:15 Delivered")).toEqual(["2026-03-04T08:15:00Z"]);
    expect(ats("2026-03-04 08:15 +01:00 Delivered", "Asia/Tokyo")).toEqual(["2026-03-04T07:15:00Z"]);
  });

  it("takes the year of a year-less date from the rest of the paste", () => {
    const paste = "Mar 05 09:00 Delivered\nMar 04 08:15 Out for delivery\n2026-03-01 10:00 Accepted";
    expect(ats(paste)).toEqual(["2026-03-05T09:00:00Z", "2026-03-04T08:15:00Z", "2026-03-01T10:00:00Z"]);
  });

  it("keeps an event whose date cannot be completed, with no time, and says so", () => {
    const result = parseHistory("Mar 05 09:00 Delivered\nMar 04 08:15 Out for delivery");
    expect(result.events.map((e) => e.at)).toEqual([null, null]);
    expect(result.events.map((e) => e.text)).toEqual(["Delivered", "Out for delivery"]);
    expect(result.warnings.join(" ")).toMatch(/without a year/);
  });

  it("does not take counts or versions for dates", () => {
    expect(parseHistory("Item 1 out of 3 delivered\nversion 1.2.3").events).toEqual([]);
  });

  it("rejects an impossible calendar date rather than rolling it over", () => {
    expect(parseHistory("2026-02-30 08:15 Delivered").events).toEqual([]);
  });
});

describe("parseHistory: day/month order comes from the whole paste", () => {
  it("lets one day above 12 decide every other line", () => {
    const paste = "05/03/2026 09:00 Delivered\n04/03/2026 08:00 Out for delivery\n28/02/2026 07:00 Accepted";
    expect(ats(paste, "America/New_York").map((a) => a?.slice(0, 10))).toEqual(["2026-03-05", "2026-03-04", "2026-02-28"]);
  });

  it("reads month first when a month/day date shows it, even in a European zone", () => {
    const paste = "03/05/2026 09:00 Delivered\n03/04/2026 08:00 Out for delivery\n02/28/2026 07:00 Accepted";
    expect(ats(paste, "Europe/Paris").map((a) => a?.slice(0, 10))).toEqual(["2026-03-05", "2026-03-04", "2026-02-28"]);
  });

  it("picks the order that keeps the events in sequence when no number is above 12", () => {
    // Day first: 12 Mar, 1 Apr, 2 Apr (in order). Month first: 3 Dec, 4 Jan, 4 Feb (out of order).
    const paste = "12/03/2026 10:00 Accepted\n01/04/2026 10:00 In transit\n02/04/2026 10:00 Delivered";
    const result = parseHistory(paste, { timeZone: "America/Chicago" });
    expect(result.events.map((e) => e.at?.slice(0, 10))).toEqual(["2026-04-02", "2026-04-01", "2026-03-12"]);
    expect(result.warnings.join(" ")).toMatch(/in order/);
  });

  it("picks month first by the same test when that is the order that fits", () => {
    // Month first: 3 Dec 2025, 4 Jan 2026, 4 Feb 2026 — day first would jump back and forth.
    const paste = "12/03/2025 10:00 Accepted\n01/04/2026 10:00 In transit\n02/04/2026 10:00 Delivered";
    expect(ats(paste).map((a) => a?.slice(0, 10))).toEqual(["2026-02-04", "2026-01-04", "2025-12-03"]);
  });

  it("falls back to the zone's custom for a single ambiguous date, and warns", () => {
    const us = parseHistory("03/04/2026 08:15 Delivered", { timeZone: "America/New_York" });
    const eu = parseHistory("03/04/2026 08:15 Delivered", { timeZone: "Europe/Berlin" });
    expect(us.events[0].at?.slice(0, 10)).toBe("2026-03-04");
    expect(eu.events[0].at?.slice(0, 10)).toBe("2026-04-03");
    expect(us.warnings.join(" ")).toMatch(/check them/);
  });
});

describe("parseHistory: layouts and order", () => {
  it("returns newest first whatever the paste's order, keeping the page's order for equal times", () => {
    const oldestFirst = "2026-03-01 10:00 Accepted\n2026-03-02 10:00 In transit\n2026-03-02 10:00 Arrived at hub\n2026-03-03 10:00 Delivered";
    const newestFirst = "2026-03-03 10:00 Delivered\n2026-03-02 10:00 Arrived at hub\n2026-03-02 10:00 In transit\n2026-03-01 10:00 Accepted";
    const texts = (t: string) => parseHistory(t).events.map((e) => e.text);
    expect(texts(oldestFirst)).toEqual(["Delivered", "Arrived at hub", "In transit", "Accepted"]);
    expect(texts(newestFirst)).toEqual(["Delivered", "Arrived at hub", "In transit", "Accepted"]);
  });

  it("puts a stray out-of-order line where its time belongs", () => {
    const paste = "2026-03-03 10:00 Delivered\n2026-03-01 10:00 Accepted\n2026-03-02 10:00 In transit";
    expect(ats(paste)).toEqual(["2026-03-03T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-01T10:00:00Z"]);
  });

  it("reads a table without a header by the content of its cells", () => {
    const paste = "2026-03-04 08:15\tShenzhen, CN\tDeparted from sorting center\n2026-03-03 18:00\tShenzhen, CN\tArrived at sorting center";
    const { events } = parseHistory(paste);
    expect(events.map((e) => [e.location, e.text])).toEqual([
      ["Shenzhen, CN", "Departed from sorting center"],
      ["Shenzhen, CN", "Arrived at sorting center"],
    ]);
  });

  it("reads a header table in another language with date and time in separate columns", () => {
    const paste = "Datum\tZeit\tOrt\tStatus\n04.03.2026\t08:15\tLeipzig\tZugestellt\n03.03.2026\t18:00\tLeipzig\tIn Zustellung";
    const { events } = parseHistory(paste, { timeZone: "Europe/Berlin" });
    expect(events.map((e) => [e.at, e.location, e.text])).toEqual([
      ["2026-03-04T07:15:00Z", "Leipzig", "Zugestellt"],
      ["2026-03-03T17:00:00Z", "Leipzig", "In Zustellung"],
    ]);
  });

  it("joins description lines under one date and keeps the place apart", () => {
    const paste =
      "2026-03-04 08:15\nDelivered, In/At Mailbox\nYour item was delivered in or at the mailbox\nWASHINGTON, DC 20001\n2026-03-04 06:10\nOut for Delivery\nWASHINGTON, DC 20001";
    const { events } = parseHistory(paste);
    expect(events.map((e) => [e.location, e.text])).toEqual([
      ["WASHINGTON, DC 20001", "Delivered, In/At Mailbox · Your item was delivered in or at the mailbox"],
      ["WASHINGTON, DC 20001", "Out for Delivery"],
    ]);
  });

  it("separates places written as labels, bracket prefixes and 'City - Description'", () => {
    const paste = [
      "2026-03-06 10:00 【深圳市】快件已发往 【广州转运中心】",
      "2026-03-05 10:00 [Shatian Town] Processing at sorting center",
      "2026-03-04 10:00 Leipzig - Die Sendung wurde im Start-Paketzentrum bearbeitet",
      "2026-03-03 10:00",
      "Accepted at origin",
      "Location: Guangzhou",
    ].join("\n");
    expect(parseHistory(paste).events.map((e) => e.location)).toEqual(["深圳市", "Shatian Town", "Leipzig", "Guangzhou"]);
  });

  it("does not take the start of a sentence for a place", () => {
    const { events } = parseHistory("2026-03-04 10:00 We have your parcel, and it's on its way to your nearest depot");
    expect(events[0].location).toBeNull();
    expect(events[0].text).toBe("We have your parcel, and it's on its way to your nearest depot");
  });

  it("ignores page buttons and headings, and says how many lines it skipped", () => {
    const paste = "Tracking number LP00512345678901\nShow more\n2026-03-04 10:00 Delivered\nCopy\nTranslate";
    const result = parseHistory(paste);
    expect(result.events.map((e) => e.text)).toEqual(["Delivered"]);
    expect(result.warnings).toContain("ignored 1 line before the first dated event");
  });

  it("classifies each event into a contract milestone", () => {
    const { events } = parseHistory("2026-03-04 10:00 Delivered\n2026-03-03 10:00 Out for delivery");
    expect(events.map((e) => e.milestone)).toEqual(["delivered", "out_for_delivery"]);
    for (const e of events) expect(e.confidence).toBeGreaterThan(0);
  });
});

describe("parseHistory: input it cannot use", () => {
  it("returns no events and a message saying what is missing for empty or date-less text", () => {
    for (const text of ["", "   \n\n", "Delivered\nOut for delivery"]) {
      const result = parseHistory(text);
      expect(result.events).toEqual([]);
      expect(result.warnings.join(" ")).toMatch(/no dated events found/);
    }
  });

  it("rejects an unknown time zone with a message naming it", () => {
    expect(() => parseHistory("2026-03-04 10:00 Delivered", { timeZone: "Mars/Olympus" })).toThrow(/Mars\/Olympus/);
  });

  it("strips control characters and reports it", () => {
    const result = parseHistory("2026-03-04 10:00 Deli\u0000vered\u0007");
    expect(result.events[0].text).toBe("Deli vered");
    expect(result.warnings.join(" ")).toMatch(/control/);
  });
});

describe("parseHistory: page furniture around the events", () => {
  it("leaves out the USPS 'Latest Update' summary that repeats the delivered event, and the page heading", () => {
    const paste = [
      "USPS Tracking®",
      "Tracking Number:",
      "9400111202555842332669",
      "Copy",
      "Latest Update",
      "Your item was delivered in or at the mailbox at 12:26 pm on January 17, 2017 in BRONX, NY 10454.",
      "",
      "Delivered, In/At Mailbox",
      "BRONX, NY 10454",
      "January 17, 2017, 12:26 pm",
      "",
      "Out for Delivery",
      "BRONX, NY 10454",
      "January 17, 2017, 8:53 am",
    ].join("\n");
    const { events, warnings } = parseHistory(paste, { timeZone: "America/New_York" });
    expect(events.map((e) => [e.at, e.location, e.text])).toEqual([
      ["2017-01-17T17:26:00Z", "BRONX, NY 10454", "Delivered, In/At Mailbox"],
      ["2017-01-17T13:53:00Z", "BRONX, NY 10454", "Out for Delivery"],
    ]);
    expect(warnings.join(" ")).toMatch(/summary line/);
  });

  it("reads columns separated by runs of spaces as a table", () => {
    const paste =
      "2026-03-04 08:15     Shenzhen, CN     Departed from sorting center\n2026-03-03 18:00     Shenzhen, CN     Arrived at sorting center";
    expect(parseHistory(paste).events.map((e) => [e.location, e.text])).toEqual([
      ["Shenzhen, CN", "Departed from sorting center"],
      ["Shenzhen, CN", "Arrived at sorting center"],
    ]);
  });
});

describe("parseHistory: repeats", () => {
  it("keeps one copy of an event pasted twice, and says so", () => {
    const result = parseHistory("2026-03-04 08:15 Delivered\n2026-03-04 08:15 DELIVERED.\n2026-03-03 08:15 Delivered");
    expect(result.events.map((e) => e.at)).toEqual(["2026-03-04T08:15:00Z", "2026-03-03T08:15:00Z"]);
    expect(result.warnings.join(" ")).toMatch(/left out 1 repeated event/);
  });
});
