import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { classifyEvent } from "../../../../app/carriers/events/classify.ts";

/**
 * Real carrier wording gathered from public sources (tests/fixtures/events/<language>.json, each
 * string with its source). The classifier must read most of it right, and must never be confident
 * (≥ 0.8) when it is wrong: a confident wrong milestone would drive deadlines and letters.
 */
const FIXTURE_DIR = join(import.meta.dirname, "../../../fixtures/events");
const FixtureSchema = z.array(z.object({ text: z.string().min(1), milestone: z.enum(MILESTONES), source: z.string().min(5) }));
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith(".json"))
  .flatMap((name) => FixtureSchema.parse(JSON.parse(readFileSync(join(FIXTURE_DIR, name), "utf8"))).map((f) => ({ ...f, language: name.slice(0, -5) })));

const results = fixtures.map((f) => ({ ...f, got: classifyEvent(f.text) }));
const wrong = results.filter((r) => r.got.milestone !== r.milestone);

describe("classifier on real carrier wording", () => {
  it("has at least 300 sourced strings across the ten languages", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(300);
    expect(new Set(fixtures.map((f) => f.language))).toEqual(new Set(["en", "zh", "de", "fr", "es", "pt", "nl", "ru", "it", "pl"]));
  });

  it("reads at least 95% of them right", () => {
    const accuracy = 1 - wrong.length / results.length;
    // Printed so the figure can be quoted; the listing shows what to fix next.
    console.log(`event fixtures: ${results.length - wrong.length}/${results.length} right (${(accuracy * 100).toFixed(1)}%)`);
    for (const w of wrong) console.log(`  [${w.language}] ${JSON.stringify(w.text)} → ${w.got.milestone} ${w.got.confidence} (expected ${w.milestone})`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("is never confident when it is wrong", () => {
    const confidentWrong = wrong.filter((w) => w.got.confidence >= 0.8);
    expect(confidentWrong.map((w) => `${w.text} → ${w.got.milestone} ${w.got.confidence}`)).toEqual([]);
  });

  it("per language, reads at least 85% right", () => {
    for (const language of new Set(fixtures.map((f) => f.language))) {
      const mine = results.filter((r) => r.language === language);
      const right = mine.filter((r) => r.got.milestone === r.milestone).length;
      expect(right / mine.length, language).toBeGreaterThanOrEqual(0.85);
    }
  });
});
