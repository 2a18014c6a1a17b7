import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseAutomaton, PhraseHits } from "../../../../app/carriers/events/phrase-automaton.ts";
import { foldText } from "../../../../app/carriers/events/text-folding.ts";

function found(automaton: PhraseAutomaton, patterns: string[], text: string): string[] {
  const hits = new PhraseHits();
  const count = automaton.scan(text, hits);
  return Array.from({ length: count }, (_, k) => patterns[hits.phrase[k]]).sort();
}

describe("foldText", () => {
  it("lowercases, drops accents, folds digits and punctuation", () => {
    expect(foldText("Zugestellt – Übergabe an Nachbarn!")).toBe("zugestellt ubergabe an nachbarn");
    expect(foldText("Przesyłka doręczona")).toBe("przesylka doreczona");
    expect(foldText("Вручение адресату, 2026-03-04")).toBe("вручение адресату 0000 00 00");
    expect(foldText("【深圳】已签收")).toBe("深圳 已签收");
  });
});

describe("PhraseAutomaton", () => {
  const patterns = ["delivered", "not delivered", "entreg*", "已签收", "签收", "in transit"];
  const automaton = new PhraseAutomaton(patterns);

  it("matches whole words in spaced scripts, anywhere in Chinese", () => {
    expect(found(automaton, patterns, "Delivered")).toEqual(["delivered"]);
    expect(found(automaton, patterns, "Undelivered")).toEqual([]);
    expect(found(automaton, patterns, "Parcel NOT delivered.")).toEqual(["delivered", "not delivered"]);
    expect(found(automaton, patterns, "快件已签收")).toEqual(["已签收", "签收"]);
    expect(found(automaton, patterns, "in   transit")).toEqual(["in transit"]);
  });

  it("lets a trailing * continue the last word", () => {
    expect(found(automaton, patterns, "Objeto entregue")).toEqual(["entreg*"]);
    expect(found(automaton, patterns, "Entregado")).toEqual(["entreg*"]);
    expect(found(automaton, patterns, "reentregado")).toEqual([]);
  });

  it("finds exactly what a naive search of the folded text finds", () => {
    const words = ["delivered", "not", "in", "transit", "签收", "已", "x"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom(" ", ", ", "  "), (parts, glue) => {
        const text = parts.join(glue);
        const padded = ` ${foldText(text)} `;
        const naive = patterns
          .filter((p) => !p.endsWith("*"))
          .flatMap((p) => {
            const key = /[\u4e00-\u9fff]/.test(p) ? p : ` ${p} `;
            const out: string[] = [];
            for (let at = padded.indexOf(key); at >= 0; at = padded.indexOf(key, at + 1)) out.push(p);
            return out;
          })
          .sort();
        expect(found(automaton, patterns, text).filter((p) => !p.endsWith("*"))).toEqual(naive);
      }),
    );
  });
});
