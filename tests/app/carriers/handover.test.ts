import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHandover, latestHandover } from "../../../app/carriers/handover.ts";

describe("findHandover", () => {
  it.each([
    [
      "Handed over to the last mile carrier, tracking number 9400111202555842332669",
      { number: "9400111202555842332669", carrier: "usps", country: "US" },
    ],
    [
      "The destination carrier tracking number is 9400111202555842332669",
      { number: "9400111202555842332669", carrier: "usps", country: "US" },
    ],
    ["Handed over to PostNL, 3SABCD1234567", { number: "3SABCD1234567", carrier: "postnl", country: "NL" }],
    ["已交由尾程派送，转单号：YT2412345678901234", { number: "YT2412345678901234", carrier: "yunexpress" }],
    [
      "包裹已交给当地承运商DHL，单号 00340434161094042557",
      { number: "00340434161094042557", carrier: "dhl-paket", country: "DE" },
    ],
    [
      "Übergabe an DHL, neue Sendungsnummer 00340434161094042557",
      { number: "00340434161094042557", carrier: "dhl-paket", country: "DE" },
    ],
  ])("%s", (text, expected) => {
    expect(findHandover(text)).toEqual(expected);
  });

  it("returns the number after the hand-over wording, not the first leg's own", () => {
    const text = "Parcel LP00512345678901 handed over to local carrier, new tracking number 3SABCD1234567";
    expect(findHandover(text)?.number).toBe("3SABCD1234567");
  });

  it("never returns the number the event was reported under", () => {
    const text = "Handed over to last mile carrier 3SABCD1234567";
    expect(findHandover(text, { currentNumber: "3S ABCD 1234567" })).toBeNull();
  });

  it("lets a named carrier decide only among the carriers the number's shape allows", () => {
    // A USPS number stays USPS even when the text mentions another carrier.
    expect(findHandover("Handed over to the last mile carrier (not DHL), tracking number 9400111202555842332669")?.carrier).toBe("usps");
  });

  it("says nothing for events that hand nothing over, or hand over without a number", () => {
    expect(findHandover("Delivered, tracking number 9400111202555842332669")).toBeNull();
    expect(findHandover("Handed over to the last mile carrier")).toBeNull();
    expect(findHandover("Departed from departure country/region")).toBeNull();
    expect(findHandover("")).toBeNull();
  });

  it("finds the number in an event padded with a 1 MB line", () => {
    const text = `Handed over to last mile carrier, tracking number 3SABCD1234567 ${"转交📦 1/".repeat(200_000)}`;
    expect(findHandover(text)?.number).toBe("3SABCD1234567");
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const leg = findHandover(`handed over ${text}`);
        if (leg) expect(leg.number).toMatch(/^[0-9A-Z]+$/);
      }),
      { numRuns: 200 },
    );
  });
});

describe("latestHandover", () => {
  it("picks the newest hand-over among a leg's events with its time", () => {
    const events = [
      { at: "2026-03-10T08:00:00Z", text: "Arrived at destination country" },
      { at: "2026-03-11T08:00:00Z", text: "Handed over to last mile carrier, tracking number 3SABCD1234567" },
      { at: "2026-03-12T08:00:00Z", text: "The destination carrier tracking number is 9400111202555842332669" },
    ];
    expect(latestHandover(events)).toEqual({ number: "9400111202555842332669", carrier: "usps", country: "US", at: "2026-03-12T08:00:00Z" });
    expect(latestHandover(events.slice(0, 1))).toBeNull();
  });
});
