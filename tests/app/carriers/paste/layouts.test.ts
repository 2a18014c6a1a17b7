/**
 * The pasted layouts issue 12 lists, one by one: what a person copies from a tracking page or an
 * export, and the events they expect to get back (count, days, text without the page's clutter).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHistory } from "../../../../app/carriers/paste/parse-history.ts";

const read = (paste: string) => parseHistory(paste).events.map((e) => [e.at, e.text]);

describe("browser copies of tracking tables", () => {
  it("numbered rows, a status column in two languages and a remarks column", () => {
    const paste = [
      "No.\tTime\tStatus\tStatus (EN)\tRemarks",
      "1\t2024-01-15 10:30\t已签收\tDelivered\tSigned by front desk",
      "2\t2024-01-14 08:00\t派送中\tOut for delivery\t",
    ].join("\n");
    const { events } = parseHistory(paste);
    expect(events.map((e) => [e.at, e.text, e.milestone])).toEqual([
      ["2024-01-15T10:30:00Z", "已签收 · Delivered · Signed by front desk", "delivered"],
      ["2024-01-14T08:00:00Z", "派送中 · Out for delivery", "out_for_delivery"],
    ]);
  });

  it("numbered rows without a header do not turn the row number into a place", () => {
    const { events } = parseHistory("1\t15.01.2024 10:30\tDelivered\n2\t14.01.2024 08:00\tOut for delivery");
    expect(events.map((e) => [e.at, e.location, e.text])).toEqual([
      ["2024-01-15T10:30:00Z", null, "Delivered"],
      ["2024-01-14T08:00:00Z", null, "Out for delivery"],
    ]);
  });

  it("keeps a row the page lists without a date as an event with no time, in the page's place", () => {
    const paste = [
      "Date & Time\tStatus of Item\tLocation",
      "September 2, 2017, 2:52 pm\tInbound Out of Customs\t",
      "\tInbound Into Customs\t",
      "August 31, 2017, 3:41 pm\tProcessed Through Facility\tISC NEW YORK NY(USPS)",
    ].join("\n");
    const { events, warnings } = parseHistory(paste);
    expect(events.map((e) => [e.at, e.text])).toEqual([
      ["2017-09-02T14:52:00Z", "Inbound Out of Customs"],
      [null, "Inbound Into Customs"],
      ["2017-08-31T15:41:00Z", "Processed Through Facility"],
    ]);
    expect(warnings.join(" ")).toMatch(/without a date/);
  });

  it("a row whose first cell is empty keeps its columns (the date is not read as the place)", () => {
    const paste = "Location\tDate\tLocal Time\tActivity\nVienna, Austria\t14.04.2017\t13:24\tDelivered\n\t14.04.2017\t7:00\tImport Scan";
    const { events } = parseHistory(paste);
    expect(events.map((e) => [e.at, e.location, e.text])).toEqual([
      ["2017-04-14T13:24:00Z", "Vienna, Austria", "Delivered"],
      ["2017-04-14T07:00:00Z", null, "Import Scan"],
    ]);
  });
});

describe("date and time forms", () => {
  it.each([
    ["2024-01-1510:30 Delivered", "2024-01-15T10:30:00Z"],
    ["15.01.202410:30 Zugestellt", "2024-01-15T10:30:00Z"],
    ["Jan 15, 202410:30 Delivered", "2024-01-15T10:30:00Z"],
  ])("a date glued to its time: %s", (line, at) => {
    expect(read(line)).toEqual([[at, line.split(" ").slice(-1)[0]]]);
  });

  it.each([
    ["20240115 103000 Delivered", "2024-01-15T10:30:00Z"],
    ["20240115103000\tDelivered", "2024-01-15T10:30:00Z"],
    ["20240115 1030 Delivered", "2024-01-15T10:30:00Z"],
  ])("compact digit-only date and time: %j", (line, at) => {
    expect(read(line)).toEqual([[at, "Delivered"]]);
  });

  it("does not read a tracking number as a compact date", () => {
    expect(parseHistory("20240115103000123 Delivered").events).toEqual([]);
    expect(read("2024-01-15 10:30 Parcel 2024011510 sorted")).toEqual([["2024-01-15T10:30:00Z", "Parcel 2024011510 sorted"]]);
  });

  it("time before the date", () => {
    expect(read("10:30 15.01.2024 Zugestellt\n08:00 14.01.2024 In Zustellung")).toEqual([
      ["2024-01-15T10:30:00Z", "Zugestellt"],
      ["2024-01-14T08:00:00Z", "In Zustellung"],
    ]);
  });

  it("12-hour times, and 24-hour times with a stray AM/PM", () => {
    expect(read("Jan 15, 2024 3:30 PM Delivered")).toEqual([["2024-01-15T15:30:00Z", "Delivered"]]);
    expect(read("2024-01-15 15:30 PM Delivered")).toEqual([["2024-01-15T15:30:00Z", "Delivered"]]);
    expect(read("2024-01-15 00:45 AM Accepted")).toEqual([["2024-01-15T00:45:00Z", "Accepted"]]);
  });

  it.each([
    ["15 січня 2024 10:30 Вручено"],
    ["15 januari 2024 10:30 Levererad"],
    ["15 Ocak 2024 10:30 Teslim edildi"],
    ["15. ledna 2024 10:30 Doručeno"],
    ["15 de janeiro de 2024 10:30 Objeto entregue"],
    ["23 sie 2024, 10:30 Przesyłka doręczona"],
  ])("month names in several languages: %s", (line) => {
    const [event] = parseHistory(line).events;
    expect(event.at?.slice(5, 10)).toMatch(/^(01-15|08-23)$/);
    expect(event.text).not.toMatch(/\d/);
  });
});

describe("order, codes and summaries", () => {
  it("oldest first or newest first gives the same events, newest first", () => {
    const newest = "2024-01-15 10:30 Delivered\n2024-01-14 08:00 Out for delivery\n2024-01-10 09:00 Accepted";
    const oldest = newest.split("\n").reverse().join("\n");
    expect(read(oldest)).toEqual(read(newest));
    expect(read(newest).map(([at]) => at)).toEqual(["2024-01-15T10:30:00Z", "2024-01-14T08:00:00Z", "2024-01-10T09:00:00Z"]);
  });

  it("takes status codes off the front of the text", () => {
    const paste = "Wed 30.12.2015\t15:53\tITM_IMP_10  Mailed\t82022605\nFri 08.01.2016\t14:26\tITM_IMP_220_20  Delivered to counter\t4950 Huttwil";
    const { events } = parseHistory(paste);
    expect(events.map((e) => [e.text, e.milestone])).toEqual([
      ["Delivered to counter", "delivered"],
      ["Mailed", expect.any(String)],
    ]);
    expect(read("2024-01-15 10:30 EMI Final delivery")).toEqual([["2024-01-15T10:30:00Z", "Final delivery"]]);
    expect(read("2024-01-15 10:30 [DL] Delivered")).toEqual([["2024-01-15T10:30:00Z", "Delivered"]]);
  });

  it("a summary line that repeats the newest event is not an event", () => {
    const paste = [
      "Fri 08.01.2016\t14:26\tDelivered to counter\t\t",
      "Date\tTime\tEvent\tProcessed by",
      "Wed 30.12.2015\t15:53\tMailed\t82022605",
      "Mon 04.01.2016\t17:39\tHanded to customs\tCH-8010 Zürich 1",
      "Mon 04.01.2016\t17:39\tPostal customs clearance process underway\tCH-8010 Zürich 1",
      "Fri 08.01.2016\t14:26\tDelivered to counter\t4950 Huttwil",
    ].join("\n");
    const { events } = parseHistory(paste);
    // Two customs events at the same minute are two events; the repeated "Delivered" is one.
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({ at: "2016-01-08T14:26:00Z", text: "Delivered to counter", location: "4950 Huttwil" });
  });
});

describe("real pastes (tests/fixtures/pastes/real, with sources)", () => {
  const folder = new URL("../../../fixtures/pastes/real/", import.meta.url);
  const { cases } = JSON.parse(readFileSync(new URL("cases.json", folder), "utf8")) as {
    cases: { file: string; expected: { events: number; firstDay: string; lastDay: string } }[];
  };

  it("reads every real paste's first and last day right", () => {
    for (const c of cases) {
      const days = parseHistory(readFileSync(new URL(c.file, folder), "utf8"))
        .events.flatMap((e) => (e.at ? [e.at.slice(0, 10)] : []))
        .sort();
      expect([c.file, days[0], days[days.length - 1]]).toEqual([c.file, c.expected.firstDay, c.expected.lastDay]);
    }
  });

  it("counts the events right in at least 13 of the 14 (npm run eval:pastes names the one it misses)", () => {
    const right = cases.filter((c) => parseHistory(readFileSync(new URL(c.file, folder), "utf8")).events.length === c.expected.events);
    expect(cases.length).toBe(14);
    expect(right.length).toBeGreaterThanOrEqual(13);
  });
});
