import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHistory } from "../../../../app/carriers/paste/parse-history.ts";

interface PasteCase {
  file: string;
  layout: string;
  timeZone: string;
  at: string[];
  location: (string | null)[];
  firstText: string;
  firstMilestone?: string;
}

const dir = new URL("../../../fixtures/pastes/", import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL("cases.json", dir), "utf8")) as { cases: PasteCase[] };

describe("real paste layouts (tests/fixtures/pastes)", () => {
  it("covers at least eight different layouts", () => {
    expect(new Set(cases.map((c) => c.layout)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((c) => [c.file, c] as const))("%s", (_file, c) => {
    const { events } = parseHistory(readFileSync(new URL(c.file, dir), "utf8"), { timeZone: c.timeZone });
    expect(events.map((e) => e.at)).toEqual(c.at);
    expect(events.map((e) => e.location)).toEqual(c.location);
    expect(events[0].text).toBe(c.firstText);
    if (c.firstMilestone) expect(events[0].milestone).toBe(c.firstMilestone);
  });
});
