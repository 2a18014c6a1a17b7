import { describe, expect, it } from "vitest";
import { buildPacketContent, type Block } from "../../../templates/packet/packet-content.ts";
import { fixtureCase } from "../order-fixtures.ts";

const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
const tableAfter = (blocks: Block[], heading: RegExp) => {
  const at = blocks.findIndex((b) => b.kind === "heading" && heading.test(b.text));
  return tables(blocks.slice(at))[0];
};

describe("packet content", () => {
  it("lists the timeline oldest first with leg, time, place, original text, milestone and source", () => {
    const c = fixtureCase("delivered-not-received");
    const content = buildPacketContent(c.facts, c.assessment, c.now);
    const timeline = tableAfter(content.blocks, /^Tracking timeline/);
    expect(timeline.columns.map((col) => col.title)).toEqual(["Leg / number", "Time", "Place", "Carrier's text", "Milestone", "Source"]);
    expect(timeline.rows[0]).toEqual([
      "LP00987654321098\ncainiao",
      "10 Feb 2026 22:00 UTC-8",
      "Shenzhen",
      "Shipping label created",
      "Shipping information received",
      "provider",
    ]);
    expect(timeline.rows.at(-1)?.slice(0, 4)).toEqual([
      "9400111206213859496109\nusps",
      "24 Feb 2026 13:42 UTC-8",
      "SEATTLE, WA 98101",
      "Delivered, In/At Mailbox",
    ]);
  });

  it("names every silence of more than 3 days, and the one still going on", () => {
    const c = fixtureCase("customs-held");
    const gaps = tableAfter(buildPacketContent(c.facts, c.assessment, c.now).blocks, /^Silent gaps/);
    expect(gaps.rows.map((r) => r[2])).toEqual(["no update for 7 days", "no update for 3 days", "no update for 28 days"]);
    expect(gaps.rows.at(-1)?.[1]).toMatch(/still silent/);
  });

  it("gives each deadline its rule and source, and logs the buyer's steps with dates", () => {
    const c = fixtureCase("delivered-not-received");
    const blocks = buildPacketContent(c.facts, c.assessment, c.now).blocks;
    const deadlines = tableAfter(blocks, /^Deadlines/);
    expect(deadlines.rows.length).toBe(c.assessment.deadlines.length);
    for (const [i, d] of [...c.assessment.deadlines].sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id)).entries()) {
      expect(deadlines.rows[i][2]).toBe(d.reason.replace(/\s+/g, " ").trim());
      expect(deadlines.rows[i][3]).toBe(d.source.replace(/\s+/g, " ").trim());
    }
    const actions = tableAfter(blocks, /^What the buyer did/);
    expect(actions.rows).toContainEqual(["26 February 2026", "Checklist: Filed a USPS Missing Mail search request", "Request number MM-4471829"]);
    expect(actions.rows).toContainEqual(["25 February 2026", "Reported the parcel as not received", "Mailbox empty; nothing at the door."]);
  });

  it("states the claim in one paragraph with the delivery date and the missing report", () => {
    const c = fixtureCase("delivered-not-received");
    const claim = buildPacketContent(c.facts, c.assessment, c.now).blocks.find((b) => b.kind === "paragraph" && b.emphasis);
    expect(claim).toMatchObject({
      text: expect.stringContaining(
        "The carrier marked the parcel as delivered on 24 Feb 2026 13:42 UTC-8, but the buyer did not receive it and reported it missing on 25 February 2026.",
      ),
    });
  });
});
