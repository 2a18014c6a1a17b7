import { describe, expect, it } from "vitest";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { paddedKey } from "../../../../app/carriers/events/phrase-automaton.ts";
import { PHRASE_TABLES } from "../../../../app/carriers/events/phrases/index.ts";

describe("phrase tables", () => {
  it("cover the ten languages the issue names", () => {
    expect(PHRASE_TABLES.map((t) => t.language).sort()).toEqual(["de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru", "zh"]);
  });

  it("hold well-formed rows: a pattern that folds to text, a known meaning, a weight in 0..1", () => {
    for (const table of PHRASE_TABLES) {
      expect(table.sources.length, table.language).toBeGreaterThan(0);
      for (const [pattern, meaning, weight] of table.rows) {
        expect(paddedKey(pattern).trim(), `${table.language}: ${pattern}`).not.toBe("");
        expect([...MILESTONES, "not"], pattern).toContain(meaning);
        expect(weight, pattern).toBeGreaterThanOrEqual(0);
        expect(weight, pattern).toBeLessThanOrEqual(1);
      }
    }
  });

  it("never give one wording two different meanings (across languages too)", () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const table of PHRASE_TABLES) {
      for (const [pattern, meaning] of table.rows) {
        const key = paddedKey(pattern);
        const before = seen.get(key);
        if (before !== undefined && before !== meaning) conflicts.push(`${table.language}: "${pattern}" is ${meaning}, elsewhere ${before}`);
        seen.set(key, meaning);
      }
    }
    expect(conflicts).toEqual([]);
  });
});
