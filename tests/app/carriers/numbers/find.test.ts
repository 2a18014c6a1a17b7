import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findTrackingNumbers } from "../../../../app/carriers/numbers/find.ts";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/numbers/${name}`, import.meta.url), "utf8");

function found(text: string, context?: Parameters<typeof findTrackingNumbers>[1]) {
  return findTrackingNumbers(text, context).map((hit) => [hit.normalized, hit.carrier]);
}

describe("findTrackingNumbers in an AliExpress shipping e-mail", () => {
  const email = fixture("aliexpress-shipped-email.txt");
  const hits = findTrackingNumbers(email, { platform: "aliexpress" });

  it("finds the Cainiao number (twice: text and link) and the China Post number, nothing else", () => {
    expect(hits.map((hit) => [hit.normalized, hit.carrier])).toEqual([
      ["LP00123456789012", "cainiao"],
      ["RR123456785CN", "china-post"],
      ["LP00123456789012", "cainiao"],
    ]);
  });

  it("says where each number stands in the text", () => {
    for (const hit of hits) {
      expect(email.slice(hit.index, hit.index + hit.length)).toBe(hit.input);
      expect(hit.valid).toBe(true);
    }
    expect(hits[1].country).toBe("CN");
  });

  it("ignores the order number, the store id, the phone number, dates, amounts and the postcode", () => {
    const numbers = hits.map((hit) => hit.normalized);
    for (const other of ["8187654321098765", "1102345678", "865718502208", "5718502208", "311121", "20260304"]) {
      expect(numbers).not.toContain(other);
    }
  });
});

describe("findTrackingNumbers in a seller chat", () => {
  it("finds Yanwen, 4PX and the DHL Paket hand-over number; not the order or the phone", () => {
    expect(found(fixture("seller-chat.txt"))).toEqual([
      ["UF105934483YP", "yanwen"],
      ["4PX3000123456789CN", "4px"],
      ["00340434161094042557", "dhl-paket"],
    ]);
  });
});

describe("findTrackingNumbers joins numbers printed in groups", () => {
  it("reads a USPS number printed in blocks of four", () => {
    expect(found("Tracking #: 9400 1112 0108 0805 4830 16 (USPS)")).toEqual([["9400111201080805483016", "usps"]]);
  });

  it("reads S10 numbers written with spaces or dashes and in lower case", () => {
    expect(found("your parcel rr 123 456 785 cn arrived")).toEqual([["RR123456785CN", "china-post"]]);
    expect(found("Sendungsnummer: LX-123-456-785-DE")).toEqual([["LX123456785DE", "deutsche-post"]]);
  });

  it("finds several numbers on one line without merging them", () => {
    expect(found("1Z5R89390357567127, 1Z879E930346834440 and YT2229521272164446")).toEqual([
      ["1Z5R89390357567127", "ups"],
      ["1Z879E930346834440", "ups"],
      ["YT2229521272164446", "yunexpress"],
    ]);
  });
});

describe("findTrackingNumbers and bare digits", () => {
  it("takes a bare number when a tracking word announces it", () => {
    expect(found("FedEx tracking: 986578788855")).toEqual([["986578788855", "fedex"]]);
    expect(found("DHL waybill 3318810025 please")).toEqual([["3318810025", "dhl"]]);
  });

  it("leaves a bare number alone when an order or phone word is nearer", () => {
    expect(found("Tracking below. Order no. 986578788855")).toEqual([]);
    expect(found("call me on 555-123-4567 or +1 3318810025")).toEqual([]);
  });

  it("does not read dates, times or prices as numbers", () => {
    expect(found("Shipped 2026-03-04 08:15, delivered 04/03/2026, paid 1234.56 EUR, tracking soon")).toEqual([]);
  });

  it("takes a long bare number with a good check digit even without a cue word", () => {
    expect(found("here: 9611020987654312345672")).toEqual([["9611020987654312345672", "fedex"]]);
  });
});

describe("findTrackingNumbers on hostile text", () => {
  it("returns nothing for empty, emoji-only or binary text", () => {
    expect(findTrackingNumbers("")).toEqual([]);
    expect(findTrackingNumbers("📦📦📦 🚚")).toEqual([]);
    expect(findTrackingNumbers(String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 256)))).toEqual([]);
  });

  it("still finds a number surrounded by control characters and emoji", () => {
    expect(found("\u0000📦LP00123456789012📦\u0007")).toEqual([["LP00123456789012", "cainiao"]]);
  });

  it("handles a 1 MB line of digits and a 1 MB e-mail of prose", () => {
    expect(findTrackingNumbers("7".repeat(1_000_000))).toEqual([]);
    const prose = "The parcel is on its way to you, thank you for shopping. ".repeat(18_000) + "Tracking: LP00123456789012";
    expect(found(prose)).toEqual([["LP00123456789012", "cainiao"]]);
  });
});

describe("findTrackingNumbers and FedEx's printed grouping", () => {
  it("takes a 12-digit FedEx number printed 4-4-4 after a tracking word", () => {
    expect(found("FedEx tracking number 9865 7878 8855")).toEqual([["986578788855", "fedex"]]);
  });
});

describe("findTrackingNumbers in carrier events that hand over to a local carrier", () => {
  it.each([
    ["Handed over to last mile carrier USPS, tracking number 9400 1112 0108 0805 4830 16", "9400111201080805483016", "usps"],
    ["The destination carrier tracking number is GFUS01011884214464", "GFUS01011884214464", "gofo"],
    ["【深圳】已交付末端派送商，单号：YT2229521272164446", "YT2229521272164446", "yunexpress"],
    ["Übergabe an DHL Paket, Sendungsnummer 00340434161094042557", "00340434161094042557", "dhl-paket"],
  ])("%s", (text, normalized, carrier) => {
    expect(found(text)).toEqual([[normalized, carrier]]);
  });

  it("does not take a Temu order number for a tracking number", () => {
    expect(found("Temu order PO-211-12345678901234567 shipped with tracking TEMU0012345678")).toEqual([["TEMU0012345678", "temu"]]);
  });
});

describe("findTrackingNumbers in long runs of short groups", () => {
  it("still joins a grouped number inside a long sentence of short words", () => {
    const text = "Hi, the box for you is on its way now, no. rr 123 456 785 cn, so do not be sad if it is a bit late";
    expect(found(text)).toEqual([["RR123456785CN", "china-post"]]);
  });

  it("reads a wall of digit groups run by run instead of joining every window", () => {
    const wall = "1234 5678 ".repeat(50_000) + "LP00123456789012";
    expect(found(wall)).toEqual([["LP00123456789012", "cainiao"]]);
  });
});
