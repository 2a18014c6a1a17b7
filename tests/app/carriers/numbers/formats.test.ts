/**
 * The format tables keep their own promises: each row's test numbers pass (or fail) that row, every
 * row names its source, and no pattern can backtrack without bound.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARRIER_IDS } from "../../../../machines/vocabulary.ts";
import { matchFormats } from "../../../../app/carriers/numbers/detect.ts";
import { FORMATS_BY_FIRST, formatsFor, lengthRange } from "../../../../app/carriers/numbers/format-index.ts";
import { NUMBER_FORMATS } from "../../../../app/carriers/numbers/formats/index.ts";
import { normalizeNumber } from "../../../../app/carriers/numbers/normalize.ts";

function passes(number: string, formatId: string): boolean {
  return matchFormats(number).some((match) => match.format.id === formatId && match.checkOk);
}

describe("number format table", () => {
  it("has unique ids and only contract carrier ids", () => {
    const ids = NUMBER_FORMATS.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const format of NUMBER_FORMATS) expect(CARRIER_IDS).toContain(format.carrier);
  });

  for (const format of NUMBER_FORMATS) {
    describe(format.id, () => {
      it("names a source and has valid and invalid test numbers", () => {
        expect(format.source.length).toBeGreaterThan(10);
        expect(format.testNumbers.valid.length).toBeGreaterThan(0);
        expect(format.testNumbers.invalid.length).toBeGreaterThan(0);
        expect(format.prior).toBeGreaterThan(0);
        expect(format.prior).toBeLessThanOrEqual(1);
      });

      it("is anchored, bounded and has a serial and check group when it names a check", () => {
        const source = format.pattern.source;
        expect(source.startsWith("^") && source.endsWith("$")).toBe(true);
        // No unbounded repetition at all: every run has a fixed or bounded length.
        expect(source).not.toMatch(/(?<!\\)[+*]|\{\d+,\}/);
        if (format.check) {
          expect(source).toContain("(?<serial>");
          expect(source).toContain("(?<check>");
        }
      });

      it.each(format.testNumbers.valid)("%j passes", (number) => {
        expect(passes(number, format.id)).toBe(true);
      });
      it.each(format.testNumbers.invalid)("%j does not pass", (number) => {
        expect(passes(number, format.id)).toBe(false);
      });
    });
  }
});

describe("first-character index", () => {
  /** Strings shaped like tracking numbers: test numbers with characters changed, cut or added. */
  const samples = NUMBER_FORMATS.flatMap((format) => [...format.testNumbers.valid, ...format.testNumbers.invalid]).map(
    (number) => normalizeNumber(number).text,
  );
  const shaped = fc
    .tuple(fc.constantFrom(...samples), fc.nat(), fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    .map(([sample, at, char]) => {
      const i = at % (sample.length + 1);
      return at % 3 === 0
        ? sample.slice(0, i) + char + sample.slice(i + 1)
        : at % 3 === 1
          ? sample.slice(0, i) + char + sample.slice(i)
          : sample.slice(1);
    });

  it("never hides a format that matches (same answer as trying every row)", () => {
    fc.assert(
      fc.property(shaped, (text) => {
        if (text.length === 0) return;
        const indexed = new Set((FORMATS_BY_FIRST.get(text[0]) ?? []).filter((f) => f.pattern.test(text)).map((f) => f.id));
        const all = new Set(NUMBER_FORMATS.filter((f) => f.pattern.test(text)).map((f) => f.id));
        expect(indexed).toEqual(all);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("first-character-and-length index", () => {
  it("knows the length of every row (so no row is tried on every length)", () => {
    for (const format of NUMBER_FORMATS) expect([format.id, lengthRange(format.pattern.source)]).not.toEqual([format.id, null]);
  });

  it("never hides a format that matches (same answer as trying every row)", () => {
    const samples = NUMBER_FORMATS.flatMap((format) => [...format.testNumbers.valid, ...format.testNumbers.invalid]).map(
      (number) => normalizeNumber(number).text,
    );
    const shaped = fc
      .tuple(fc.constantFrom(...samples), fc.nat(), fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
      .map(([sample, at, char]) => {
        const i = at % (sample.length + 1);
        return at % 3 === 0
          ? sample.slice(0, i) + char + sample.slice(i + 1)
          : at % 3 === 1
            ? sample.slice(0, i) + char + sample.slice(i)
            : sample.slice(1);
      });
    fc.assert(
      fc.property(shaped, (text) => {
        if (text.length === 0) return;
        const indexed = new Set(
          formatsFor(text)
            .filter((f) => f.pattern.test(text))
            .map((f) => f.id),
        );
        const all = new Set(NUMBER_FORMATS.filter((f) => f.pattern.test(text)).map((f) => f.id));
        expect(indexed).toEqual(all);
      }),
      { numRuns: 3000 },
    );
  });
});
