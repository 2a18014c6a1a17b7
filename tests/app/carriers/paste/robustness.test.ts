import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { parseHistory } from "../../../../app/carriers/paste/parse-history.ts";

/** Pieces real pastes are made of, so the fuzzer reaches the date and layout code, not just "no date". */
const piece = fc.oneof(
  fc.constantFrom(
    "2026-03-04 08:15",
    "04/03/2026",
    "13/03/2026 10:00",
    "Mar 4, 2026, 8:15 am",
    "4 März 2026",
    "2026年3月4日 08:15",
    "08:15",
    "Delivered",
    "【深圳市】",
    "[Shatian Town]",
    "WASHINGTON, DC 20001",
    "Shenzhen, China",
    " - ",
    ", ",
    "\t",
    "\n",
    "\n\n",
    "Date\tTime\tLocation\tStatus",
    "GMT+8",
    "+14:00",
    "Show more",
    "📦",
    "\u202e",
    "\u0000",
    // Layouts of issue 12: glued and compact dates, stray AM/PM, row numbers, status codes, remarks.
    "2024-01-1510:30",
    "20240115 103000",
    "20240115",
    "15:30 PM",
    "1\t",
    "3. ",
    "ITM_IMP_10  ",
    "[DL] ",
    "No.\tTime\tStatus\tRemarks",
    "15 січня 2024",
    "Wed 30.12.2015\t",
  ),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const paste = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

function checkShape(text: string, timeZone?: string) {
  const { events, warnings } = parseHistory(text, { timeZone });
  expect(Array.isArray(warnings)).toBe(true);
  let previous = Infinity;
  for (const event of events) {
    expect(MILESTONES).toContain(event.milestone);
    expect(event.confidence).toBeGreaterThanOrEqual(0);
    expect(event.confidence).toBeLessThanOrEqual(1);
    expect(event.text.length).toBeGreaterThan(0);
    if (event.at !== null) {
      expect(event.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const time = Date.parse(event.at);
      expect(time).toBeLessThanOrEqual(previous);
      previous = time;
    }
  }
}

describe("parseHistory on hostile input", () => {
  it("never throws and always answers newest first with contract milestones (structured fuzz)", () => {
    fc.assert(
      fc.property(paste, fc.constantFrom(undefined, "UTC", "Asia/Shanghai", "America/New_York"), (text, zone) => checkShape(text, zone)),
      {
        numRuns: 400,
      },
    );
  });

  it("never throws on arbitrary Unicode and binary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => checkShape(text)),
      { numRuns: 300 },
    );
  });

  it("survives a 1 MB line of digits, separators and emoji", () => {
    for (const unit of ["1", "1/", "2026-", "📦", "【", "a:", " ", "2024011510", "ITM_", "a", "1\t"]) {
      const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const result = parseHistory(`2026-03-04 08:15 ${line}\n2026-03-03 08:15 Accepted`);
      // A date followed by nothing but spaces has no description, so only the second event remains.
      expect(result.events).toHaveLength(unit === " " ? 1 : 2);
      expect(result.events.at(-1)?.text).toBe("Accepted");
      expect(result.warnings.join(" ")).toMatch(/cut short/);
    }
  });

  it("survives a megabyte of short lines", () => {
    const text = "1/2/3 4:5 [x] - y,\t\n".repeat(50_000);
    expect(() => parseHistory(text)).not.toThrow();
  });

  it("reads bytes that are not UTF-8 text as no events", () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256);
    const result = parseHistory(new TextDecoder("utf-8").decode(bytes));
    expect(result.events.length).toBeLessThanOrEqual(1);
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});
