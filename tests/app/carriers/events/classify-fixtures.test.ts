import { describe, expect, it } from "vitest";
import { classifyEvent } from "../../../../app/carriers/events/classify.ts";
import { loadCorpus } from "../../../../app/carriers/events/training/corpus.server.ts";

/**
 * The classifier on the corpus it was built from (tests/fixtures/carrier-events): the phrase tables
 * were tuned on the legacy-* lines and the model was trained on every line, so these are
 * training-set figures — a floor against breakage, not a measure of reading new wording. That
 * measure is `npm run eval:classifier` (sources held out of training).
 */
const corpus = loadCorpus();
const results = corpus.lines.map((line) => ({
  ...line,
  got: classifyEvent(line.text),
}));
const isRight = (r: (typeof results)[number]) => r.got.milestone === r.milestone;

describe("classifier on the labelled corpus (training lines)", () => {
  it("reads at least 90% of the lines right, and at least 95% of the legacy lines", () => {
    const wrong = results.filter((r) => !isRight(r));
    const legacy = results.filter((r) => r.source.startsWith("legacy-"));
    console.log(`corpus: ${results.length - wrong.length}/${results.length} right on training lines`);
    expect(1 - wrong.length / results.length).toBeGreaterThanOrEqual(0.9);
    expect(legacy.filter(isRight).length / legacy.length).toBeGreaterThanOrEqual(0.95);
  });

  it("per language with 30 lines or more, reads at least 85% right", () => {
    for (const lang of new Set(results.map((r) => r.lang))) {
      const mine = results.filter((r) => r.lang === lang);
      if (mine.length < 30) continue;
      expect(mine.filter(isRight).length / mine.length, lang).toBeGreaterThanOrEqual(0.85);
    }
  });

  it("is right at least nine times in ten when it says 0.8 or more", () => {
    const confident = results.filter((r) => r.got.confidence >= 0.8);
    expect(confident.length).toBeGreaterThan(results.length / 3);
    expect(confident.filter(isRight).length / confident.length).toBeGreaterThanOrEqual(0.9);
  });

  it("never reads a line that says customs hold or delivery as in transit", () => {
    const crossed = results.filter((r) => (r.milestone === "customs_held" || r.milestone === "delivered") && r.got.milestone === "in_transit");
    expect(crossed.map((r) => `${r.text} (${r.source})`)).toEqual([]);
  });
});
