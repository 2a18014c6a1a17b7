import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHandover, latestHandover, splitLegs } from "../../../app/carriers/handover.ts";
import { parseHistory } from "../../../app/carriers/paste/parse-history.ts";
import { localCarrierOf } from "../../../machines/checklist/checklist-deadlines.ts";

describe("findHandover", () => {
  it.each([
    [
      "Handed over to the last mile carrier, tracking number 9400111202555842332669",
      { number: "9400111202555842332669", carrier: "usps", country: "US" },
    ],
    ["The destination carrier tracking number is 9400111202555842332669", { number: "9400111202555842332669", carrier: "usps", country: "US" }],
    ["Handed over to PostNL, 3SABCD1234567", { number: "3SABCD1234567", carrier: "postnl", country: "NL" }],
    ["已交由尾程派送，转单号：YT2412345678901234", { number: "YT2412345678901234", carrier: "yunexpress" }],
    ["包裹已交给当地承运商DHL，单号 00340434161094042557", { number: "00340434161094042557", carrier: "dhl-paket", country: "DE" }],
    ["Übergabe an DHL, neue Sendungsnummer 00340434161094042557", { number: "00340434161094042557", carrier: "dhl-paket", country: "DE" }],
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

describe("splitLegs: every event belongs to the leg that reported it", () => {
  // A two-leg history as one paste, newest first: Cainiao's events (tests/fixtures/pastes/aliexpress-cainiao-date-then-text.txt),
  // the hand-over line (Cainiao wording, see handover.ts) and USPS's events (tests/fixtures/pastes/temu-usps-oldest-first.txt).
  const paste = [
    "2023-03-14 12:51",
    "DELIVERED",
    "2023-03-14 09:04",
    "OUT FOR DELIVERY",
    "2023-03-13 15:08",
    "ARRIVAL AT POST OFFICE",
    "2023-03-11 08:00",
    "The destination carrier tracking number is 9400111202555842332669",
    "2023-03-10 16:40:12",
    "Import customs clearance complete",
    "2023-03-07 23:15:40",
    "Departed from departure country/region",
  ].join("\n");
  const cainiao = { number: "LP00512345678901", carrier: "cainiao" };

  it("puts the events after the hand-over on the new number's leg and announces that leg", () => {
    const parsed = parseHistory(paste, { timeZone: "UTC" });
    expect(parsed.events).toHaveLength(6);
    const split = splitLegs(parsed.events, { legs: [cainiao], platform: "aliexpress" });
    const legOf = (text: string) => split.events.find((e) => e.text === text);
    expect(legOf("Departed from departure country/region")).toMatchObject({ trackingNumber: "LP00512345678901", carrier: "cainiao" });
    expect(legOf("Import customs clearance complete")?.trackingNumber).toBe("LP00512345678901");
    // The hand-over is Cainiao's own line; the new number's carrier reports from the next event on.
    expect(legOf("The destination carrier tracking number is 9400111202555842332669")?.trackingNumber).toBe("LP00512345678901");
    for (const text of ["ARRIVAL AT POST OFFICE", "OUT FOR DELIVERY", "DELIVERED"]) {
      expect(legOf(text)).toMatchObject({ trackingNumber: "9400111202555842332669", carrier: "usps" });
    }
    expect(split.newLegs).toEqual([{ number: "9400111202555842332669", carrier: "usps", country: "US", at: "2023-03-11T08:00:00Z" }]);
  });

  it("a leg the order already follows is not announced again, and a first-leg paste starts on the first leg", () => {
    const parsed = parseHistory(paste, { timeZone: "UTC" });
    const legs = [cainiao, { number: "9400111202555842332669", carrier: "usps" }];
    const split = splitLegs(parsed.events, { legs, platform: "aliexpress" });
    expect(split.newLegs).toEqual([]);
    expect(split.events.find((e) => e.text === "Departed from departure country/region")?.trackingNumber).toBe("LP00512345678901");
    expect(split.events.find((e) => e.text === "DELIVERED")?.trackingNumber).toBe("9400111202555842332669");
  });

  it("the leg the buyer picks on the paste form is where a history without a hand-over goes", () => {
    const usps = parseHistory("2023-03-14 12:51\nDELIVERED\n2023-03-14 09:04\nOUT FOR DELIVERY", { timeZone: "UTC" });
    const legs = [cainiao, { number: "9400111202555842332669", carrier: "usps" }];
    expect(splitLegs(usps.events, { legs, startNumber: "LP00512345678901" }).events.every((e) => e.trackingNumber === "LP00512345678901")).toBe(true);
    expect(splitLegs(usps.events, { legs }).events.every((e) => e.trackingNumber === "9400111202555842332669")).toBe(true);
  });

  it("a line that names one of the order's numbers belongs to that number", () => {
    const events = [
      { at: "2023-03-13T15:08:00Z", text: "9400111202555842332669 ARRIVAL AT POST OFFICE" },
      { at: "2023-03-07T23:15:40Z", text: "Departed from departure country/region" },
    ];
    const split = splitLegs(events, { legs: [cainiao, { number: "9400111202555842332669", carrier: "usps" }], startNumber: "LP00512345678901" });
    expect(split.events.map((e) => e.trackingNumber)).toEqual(["9400111202555842332669", "LP00512345678901"]);
  });

  it("the checklist's carrier variant follows the last leg", () => {
    const parsed = parseHistory(paste, { timeZone: "UTC" });
    const split = splitLegs(parsed.events, { legs: [cainiao], platform: "aliexpress" });
    const facts = {
      trackingNumbers: ["LP00512345678901", "9400111202555842332669"],
      events: split.events.filter((e) => e.milestone !== "delivered"),
    };
    expect(localCarrierOf(facts)).toEqual({ id: "usps", key: "usps" });
  });
});
