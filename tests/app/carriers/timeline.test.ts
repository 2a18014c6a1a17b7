import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeTimeline, normaliseEventText, type Leg } from "../../../app/carriers/timeline.ts";

const cainiao: Leg = {
  trackingNumber: "LP00512345678901",
  carrier: "cainiao",
  events: [
    { at: "2026-03-12T08:00:00Z", text: "Handed over to last mile carrier, tracking number 9400111202555842332669" },
    { at: "2026-03-10T08:00:00Z", text: "Arrived at destination country", location: null },
    { at: "2026-03-04T08:00:00Z", text: "Departed from departure country/region", location: "Shenzhen" },
  ],
};
const usps: Leg = {
  trackingNumber: "9400111202555842332669",
  carrier: "usps",
  // Oldest first, as some sources list them; one event mirrored from the first leg.
  events: [
    { at: "2026-03-10T08:00:00.000Z", text: "ARRIVED AT DESTINATION COUNTRY.", location: "Chicago, IL" },
    { at: "2026-03-13T09:30:00Z", text: "Arrived at USPS Regional Facility" },
    { at: "2026-03-15T14:00:00Z", text: "Delivered, In/At Mailbox" },
  ],
};

describe("mergeTimeline", () => {
  it("orders both legs' events newest first, each keeping its leg and number", () => {
    const merged = mergeTimeline([cainiao, usps]);
    expect(merged.map((e) => [e.at, e.trackingNumber])).toEqual([
      ["2026-03-15T14:00:00Z", "9400111202555842332669"],
      ["2026-03-13T09:30:00Z", "9400111202555842332669"],
      ["2026-03-12T08:00:00Z", "LP00512345678901"],
      ["2026-03-10T08:00:00Z", "LP00512345678901"],
      ["2026-03-04T08:00:00Z", "LP00512345678901"],
    ]);
    expect(merged[0]).toMatchObject({ leg: 1, carrier: "usps", text: "Delivered, In/At Mailbox" });
  });

  it("drops an event both legs report (same instant, same words up to case and punctuation), keeping the place", () => {
    const merged = mergeTimeline([cainiao, usps]);
    const arrived = merged.filter((e) => normaliseEventText(e.text) === "arrived at destination country");
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ leg: 0, location: "Chicago, IL" });
  });

  it("keeps events with the same words at different times, and different words at the same time", () => {
    const leg: Leg = {
      trackingNumber: "X",
      events: [
        { at: "2026-03-02T08:00:00Z", text: "In transit" },
        { at: "2026-03-01T08:00:00Z", text: "In transit" },
        { at: "2026-03-01T08:00:00Z", text: "Processed" },
      ],
    };
    expect(mergeTimeline([leg])).toHaveLength(3);
  });

  it("keeps undated events beside their neighbours and in their order, and drops their duplicates", () => {
    const leg: Leg = {
      trackingNumber: "X",
      events: [
        { at: null, text: "Note from carrier" },
        { at: "2026-03-03T08:00:00Z", text: "Delivered" },
        { at: null, text: "Customs note A" },
        { at: null, text: "Customs note B" },
        { at: "2026-03-01T08:00:00Z", text: "Accepted" },
      ],
    };
    const other: Leg = {
      trackingNumber: "Y",
      events: [
        { at: null, text: "customs note a" },
        { at: "2026-03-02T08:00:00Z", text: "In transit" },
      ],
    };
    expect(mergeTimeline([leg, other]).map((e) => e.text)).toEqual([
      "Note from carrier",
      "Delivered",
      "Customs note A",
      "Customs note B",
      "In transit",
      "Accepted",
    ]);
  });

  it("is ordered newest first and never loses a distinct event (property)", () => {
    const event = fc.record({
      at: fc.option(
        fc.integer({ min: 0, max: 50 }).map((h) => new Date(Date.UTC(2026, 2, 1, h)).toISOString()),
        { nil: null },
      ),
      text: fc.constantFrom("Delivered", "In transit", "Accepted", "Out for delivery"),
    });
    const leg = fc.record({ trackingNumber: fc.constantFrom("A", "B"), events: fc.array(event, { maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(leg, { maxLength: 3 }), (legs) => {
        const merged = mergeTimeline(legs);
        const dated = merged.filter((e) => e.at !== null).map((e) => Date.parse(e.at as string));
        for (let i = 1; i < dated.length; i++) expect(dated[i]).toBeLessThanOrEqual(dated[i - 1]);
        const distinct = new Set(legs.flatMap((l) => l.events.map((e) => `${e.at}|${e.text}`)));
        expect(merged).toHaveLength(distinct.size);
      }),
      { numRuns: 300 },
    );
  });
});
