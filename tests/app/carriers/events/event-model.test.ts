import { describe, expect, it } from "vitest";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { classifyEvent } from "../../../../app/carriers/events/classify.ts";
import { FEATURE_BITS } from "../../../../app/carriers/events/model/features.ts";
import { CLASS_COUNT } from "../../../../app/carriers/events/model/linear-model.ts";
import { decodeKnown, decodeWeights, encodeWeights, quantize } from "../../../../app/carriers/events/model/weights-codec.ts";
import trained from "../../../../app/carriers/events/model/weights.json";
import { corpusFingerprint, loadCorpus } from "../../../../app/carriers/events/training/corpus.server.ts";
import { DEFAULT_OPTIONS, fitWeights, foldsBySource, toExamples } from "../../../../app/carriers/events/training/train-model.ts";

const corpus = loadCorpus();

describe("event model", () => {
  it("the checked-in weights were trained on the corpus as it stands (else: npm run train:classifier)", () => {
    expect(trained.trainedOn.fingerprint).toBe(corpusFingerprint(corpus));
    expect(trained.trainedOn.lines).toBe(corpus.lines.length);
  });

  it("training is deterministic: the same lines give the same weights", () => {
    const examples = toExamples(corpus.lines.filter((_, i) => i % 7 === 0));
    const options = { ...DEFAULT_OPTIONS, epochs: 2 };
    expect(Buffer.from(fitWeights(examples, options).buffer).equals(Buffer.from(fitWeights(examples, options).buffer))).toBe(true);
  });

  it("stores weights compactly and reads back exactly what it stored", () => {
    const examples = toExamples(corpus.lines.filter((_, i) => i % 5 === 0));
    const quantized = quantize(fitWeights(examples, { ...DEFAULT_OPTIONS, epochs: 2 }), CLASS_COUNT);
    const known = new Uint8Array((1 << FEATURE_BITS) / 8).fill(0b10100101);
    const encoded = encodeWeights(quantized, known, FEATURE_BITS, MILESTONES);
    const decoded = decodeWeights(JSON.parse(JSON.stringify(encoded)));
    // Compared as bytes: a deep equality over two million elements takes the test runner half a minute.
    const same = (a: ArrayBufferView, b: ArrayBufferView) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    expect(same(decoded.values, quantized.values)).toBe(true);
    expect(same(decoded.scales, quantized.scales)).toBe(true);
    expect(same(decodeKnown(encoded), known)).toBe(true);
    expect(JSON.stringify(trained).length).toBeLessThan(4_000_000); // a few MB at most in the repository
  });

  it("splits sources into folds of whole sources, each source in exactly one fold", () => {
    const folds = foldsBySource(corpus.lines, 5);
    const all = folds.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(corpus.lines.map((l) => l.source)));
  });

  it("answers unknown with confidence 0, never a guess, for text holding no word it knows", () => {
    for (const text of ["Qwxzv plorb", "LP00123456789012", "12.03.2026 14:55", "transitional arrangements"]) {
      expect(classifyEvent(text), text).toEqual({ milestone: "unknown", confidence: 0 });
    }
  });

  it("gives a confidence that is a probability: 0 only with unknown, otherwise between the threshold and 1", () => {
    for (const line of corpus.lines.filter((_, i) => i % 3 === 0)) {
      const { milestone, confidence } = classifyEvent(line.text);
      if (milestone === "unknown") expect(confidence).toBe(0);
      else {
        expect(confidence).toBeGreaterThanOrEqual(trained.parameters.threshold);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});
