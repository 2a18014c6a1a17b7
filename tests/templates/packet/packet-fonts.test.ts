import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageOf, drawableText, loadFontFiles } from "../../../templates/packet/packet-fonts.server.ts";

const coverage = coverageOf(await loadFontFiles());

describe("drawableText", () => {
  it("keeps Chinese, Cyrillic, Greek and accented Latin as they are", () => {
    const text = "已签收 深圳市 · Москва · Αθήνα · Łódź, São Paulo, Zürich — «ok»";
    expect(drawableText(text, coverage)).toBe(text);
  });

  it("composes decomposed accents and drops presentation selectors", () => {
    expect(drawableText("Cafe\u0301 \u00a9\ufe0f", coverage)).toBe("Café ©");
  });

  it("marks what no font draws, naming short runs and counting long ones", () => {
    expect(drawableText("box 📦!", coverage)).toBe("box [U+1F4E6]!");
    expect(drawableText("מסירה הושלמה", coverage)).toBe("[U+05DE… 12 characters not shown]");
  });

  it("for any input, leaves no control character and only characters a font can draw", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (input) => {
        const out = drawableText(input, coverage);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
        for (const ch of out) {
          if (ch !== "\n" && ch !== " ") expect(coverage.fontFor(ch.codePointAt(0)!, false), `U+${ch.codePointAt(0)!.toString(16)}`).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
