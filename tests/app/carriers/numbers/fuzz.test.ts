/**
 * Property and fuzz tests: any text in, a well-formed answer out, never a throw; formatting never
 * changes the answer; generated S10 numbers are always recognised with their country.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectNumber } from "../../../../app/carriers/numbers/detect.ts";
import { s10CheckDigit } from "../../../../app/carriers/numbers/check-digits.ts";
import { findTrackingNumbers } from "../../../../app/carriers/numbers/find.ts";
import { S10_COUNTRIES, S10_NATIONAL_POSTS } from "../../../../app/carriers/numbers/formats/upu-s10.ts";

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc -\t\n"), maxLength: 60 }),
);

const s10Number = fc
  .tuple(fc.constantFrom("RR", "RB", "LX", "LP", "UA", "CP", "EE", "EA", "VV"), fc.stringMatching(/^\d{8}$/), fc.constantFrom(...S10_COUNTRIES))
  .map(([service, serial, country]) => ({ number: `${service}${serial}${s10CheckDigit(serial)}${country}`, service, country }));

/** Spaces, dashes and case a person might add. */
function scramble(number: string, seed: number): string {
  let out = "";
  for (let i = 0; i < number.length; i++) {
    const char = (seed >> (i % 16)) & 1 ? number[i].toLowerCase() : number[i];
    out += char + ((seed >> ((i + 3) % 16)) & 1 && (seed >> ((i + 7) % 16)) & 1 ? (i % 2 ? " " : "-") : "");
  }
  return out;
}

describe("detectNumber on arbitrary input", () => {
  it("never throws and always answers in the contract's shape", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const detection = detectNumber(input);
        expect(detection.input).toBe(input);
        expect(typeof detection.normalized).toBe("string");
        expect(detection.carrier).toBe(detection.candidates[0]?.carrier ?? null);
        if (detection.valid) expect(detection.normalized).toMatch(/^[A-Z0-9]{8,48}$/);
        for (const candidate of detection.candidates) {
          expect(candidate.confidence).toBeGreaterThan(0);
          expect(candidate.confidence).toBeLessThan(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("answers the same however the number is spaced, dashed or cased", () => {
    fc.assert(
      fc.property(s10Number, fc.integer({ min: 0, max: 0xffff }), ({ number }, seed) => {
        const { input: _a, ...plain } = detectNumber(number);
        const { input: _b, ...scrambled } = detectNumber(scramble(number, seed));
        expect(scrambled).toEqual(plain);
      }),
    );
  });

  it("recognises every well-formed S10 number with its country and national post", () => {
    fc.assert(
      fc.property(s10Number, ({ number, service, country }) => {
        const detection = detectNumber(number);
        expect(detection.valid).toBe(true);
        expect(detection.country).toBe(country);
        const expected = S10_NATIONAL_POSTS[country] ?? "s10";
        const brand = country === "FR" && service.startsWith("C") ? "colissimo" : expected;
        expect(detection.carrier).toBe(brand);
      }),
    );
  });

  it("finishes on adversarial megabyte inputs", () => {
    for (const input of ["1Z" + "9".repeat(1_000_000), "LP".repeat(500_000), "RR1234".repeat(200_000), "\u0000".repeat(1_000_000)]) {
      expect(detectNumber(input).valid).toBe(false);
    }
  });
});

describe("findTrackingNumbers on arbitrary text", () => {
  it("never throws; hits are in order, do not overlap and point at what they report", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789 ABCDLPRXYZ-\n订单号:+"), maxLength: 300 }), (text) => {
        let end = 0;
        for (const hit of findTrackingNumbers(text)) {
          expect(hit.index).toBeGreaterThanOrEqual(end);
          expect(text.slice(hit.index, hit.index + hit.length)).toBe(hit.input);
          expect(detectNumber(hit.input).valid).toBe(true);
          end = hit.index + hit.length;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("finds a generated S10 number wherever it is put in prose", () => {
    fc.assert(
      fc.property(
        s10Number,
        fc.array(fc.constantFrom("your", "parcel", "is", "on", "its", "way", "谢谢", "📦"), { maxLength: 20 }),
        fc.nat(),
        ({ number }, words, at) => {
          const position = words.length === 0 ? 0 : at % (words.length + 1);
          const text = [...words.slice(0, position), number, ...words.slice(position)].join(" ");
          expect(findTrackingNumbers(text).map((hit) => hit.normalized)).toEqual([number]);
        },
      ),
    );
  });

  it("finishes on adversarial megabyte texts", () => {
    for (const text of ["9 ".repeat(500_000), "12-".repeat(300_000), "RR 1 ".repeat(200_000), "😀".repeat(300_000)]) {
      expect(Array.isArray(findTrackingNumbers(text))).toBe(true);
    }
  });
});
