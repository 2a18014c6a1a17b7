/**
 * Training of the event model (pure: lines in, weights and parameters out; no I/O, no clock, no
 * Math.random). Deterministic: a fixed-seed shuffle, a fixed order of sources, fixed epochs, so the
 * same corpus always gives the same weights (train-classifier.ts records the corpus fingerprint).
 *
 * The weights are fitted by averaged stochastic gradient descent on the multinomial logistic loss
 * with L2 decay (a regularised linear model: with ~5,000 lines and ~10^5 hashed features, anything
 * richer would learn the sources by heart). The reader's temperature and phrase weight are then
 * fitted on out-of-fold predictions: the training sources are split into folds by whole source,
 * each fold read by a model trained on the others, exactly as a new source would be read.
 */
import { MILESTONES, type Milestone } from "../../../../machines/vocabulary.ts";
import { latestPhraseScores, readPhrases, type PhraseReading } from "../phrase-rules.ts";
import { PLAIN, type ReaderParameters } from "../model/event-reader.ts";
import { FEATURE_BUCKETS, MAX_FEATURES, extractFeatures } from "../model/features.ts";
import { CLASS_COUNT, LinearModel, knownEvidence } from "../model/linear-model.ts";
import { quantize, type QuantizedWeights } from "../model/weights-codec.ts";

export interface TrainingLine {
  text: string;
  milestone: Milestone;
  source: string;
}

export interface Example {
  text: string;
  features: Int32Array;
  label: number;
  source: string;
  phrase: PhraseReading;
  /** Every milestone's phrase score (phrase-rules.ts latestPhraseScores). */
  phraseScores: Float64Array;
  legacy: boolean;
}

export interface TrainingOptions {
  epochs: number;
  /** Initial step size. */
  rate: number;
  /** L2 decay. */
  l2: number;
  seed: number;
  /** Folds (by whole source) for fitting the reader's parameters. */
  calibrationFolds: number;
  /** Answers below this probability are `unknown` (a product choice, not fitted). */
  threshold: number;
}

export const DEFAULT_OPTIONS: TrainingOptions = {
  epochs: 10,
  rate: 4,
  l2: 1e-5,
  seed: 20261203,
  calibrationFolds: 3,
  threshold: 0.3,
};

export interface TrainedModel {
  weights: QuantizedWeights;
  known: Uint8Array;
  parameters: ReaderParameters;
  /** How the parameters were fitted, for the training report. */
  calibration: {
    outOfFoldLines: number;
    fittedOn: string;
    plainLines: number;
    plainFrom: string;
  };
}

const scratch = new Int32Array(MAX_FEATURES);

export function toExamples(lines: readonly TrainingLine[]): Example[] {
  return lines.map((line) => {
    const n = extractFeatures(line.text, 0, line.text.length, scratch);
    const phrase = readPhrases(line.text, 0, line.text.length);
    const phraseScores = new Float64Array(CLASS_COUNT);
    latestPhraseScores(phraseScores);
    return {
      text: line.text,
      features: scratch.slice(0, n),
      label: MILESTONES.indexOf(line.milestone),
      source: line.source,
      phrase,
      phraseScores,
      legacy: line.source.startsWith("legacy-"),
    };
  });
}

/** The model trained on `examples`: weights and the evidence they have seen. */
export function fitModel(examples: readonly Example[], options: TrainingOptions = DEFAULT_OPTIONS): LinearModel {
  return new LinearModel(quantize(fitWeights(examples, options), CLASS_COUNT), knownEvidence(examples.map((e) => e.text)));
}

/** mulberry32: a small seeded generator, so shuffles are reproducible everywhere. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged SGD on the multinomial logistic loss; returns FEATURE_BUCKETS × CLASS_COUNT weights. */
export function fitWeights(examples: readonly Example[], options: TrainingOptions = DEFAULT_OPTIONS): Float32Array {
  const K = CLASS_COUNT; // a local constant: the inner loops below are the whole cost of training
  // Work on the rows the examples use, renumbered densely: a few megabytes that stay in cache,
  // instead of random rows of the whole hashed space.
  const dense = new Int32Array(FEATURE_BUCKETS).fill(-1);
  const usedRows: number[] = [];
  const rows = examples.map((e) =>
    Int32Array.from(e.features, (b) => {
      if (dense[b] < 0) {
        dense[b] = usedRows.length;
        usedRows.push(b);
      }
      return dense[b] * K;
    }),
  );
  const size = usedRows.length * K;
  const w = new Float64Array(size);
  const u = new Float64Array(size); // Σ t·Δw, for the running average
  const z = new Float64Array(K);
  const random = generator(options.seed);
  const order = Int32Array.from(examples, (_, i) => i);
  let t = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (let o = 0; o < order.length; o++) {
      const index = order[o];
      const features = rows[index];
      const label = examples[index].label;
      const scale = 1 / Math.sqrt(features.length);
      z.fill(0);
      for (let f = 0; f < features.length; f++) {
        const row = features[f];
        for (let k = 0; k < K; k++) z[k] += w[row + k];
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) if ((z[k] *= scale) > max) max = z[k];
      let sum = 0;
      for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k] - max);
      const rate = options.rate / (1 + options.rate * options.l2 * t);
      const decay = rate * options.l2;
      for (let k = 0; k < K; k++) z[k] = -rate * scale * (z[k] / sum - (k === label ? 1 : 0));
      for (let f = 0; f < features.length; f++) {
        const row = features[f];
        for (let k = 0; k < K; k++) {
          const delta = z[k] - decay * w[row + k];
          w[row + k] += delta;
          u[row + k] += t * delta;
        }
      }
      t++;
    }
  }
  const averaged = new Float32Array(FEATURE_BUCKETS * K);
  for (let r = 0; r < usedRows.length; r++) {
    for (let k = 0; k < K; k++) averaged[usedRows[r] * K + k] = w[r * K + k] - u[r * K + k] / t;
  }
  return averaged;
}

/** Splits sources into `count` folds of similar size: largest first, each into the smallest fold so far (ties: lowest fold). */
export function foldsBySource(examples: readonly { source: string }[], count: number): string[][] {
  const sizes = new Map<string, number>();
  for (const e of examples) sizes.set(e.source, (sizes.get(e.source) ?? 0) + 1);
  const folds = Array.from({ length: count }, () => ({
    sources: [] as string[],
    size: 0,
  }));
  for (const [source, size] of [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const target = folds.reduce((best, fold) => (fold.size < best.size ? fold : best), folds[0]);
    target.sources.push(source);
    target.size += size;
  }
  return folds.map((f) => f.sources).filter((f) => f.length > 0);
}

const TEMPERATURES = [0.25, 0.35, 0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5, 2, 2.5, 3, 4];
const PHRASE_WEIGHTS = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10];

/** Trains the weights on every example and fits the reader's parameters out of fold. */
export function trainModel(examples: readonly Example[], options: TrainingOptions = DEFAULT_OPTIONS): TrainedModel {
  // Out-of-fold scores for every line whose reading the model decides (no plain phrase) and on
  // which it has an opinion (known evidence or some phrase).
  const decided = examples.filter((e) => !(e.phrase.milestone !== "unknown" && e.phrase.confidence >= PLAIN));
  const outOfFold: { example: Example; logits: Float64Array }[] = [];
  const folds = foldsBySource(examples, options.calibrationFolds);
  if (folds.length > 1) {
    for (const fold of folds) {
      const held = new Set(fold);
      const model = fitModel(
        examples.filter((e) => !held.has(e.source)),
        options,
      );
      for (const example of decided) {
        if (!held.has(example.source)) continue;
        const logits = new Float64Array(CLASS_COUNT);
        const known = model.logits(example.text, 0, example.text.length, logits);
        if (known || example.phraseScores.some((s) => s > 0)) outOfFold.push({ example, logits });
      }
    }
  }
  // The phrase tables were written from the legacy lines, so the phrase weight and the plain
  // readings' accuracy are measured on the other sources when there are enough of them.
  const freshFold = outOfFold.filter((o) => !o.example.legacy);
  const fitOn = freshFold.length >= 200 ? freshFold : outOfFold;
  let temperature = 1;
  let phraseWeight = 2;
  let modelTemperature = 1;
  const z = new Float64Array(CLASS_COUNT);
  if (fitOn.length > 0) {
    let bestLoss = Infinity;
    for (const t of TEMPERATURES) {
      for (const b of PHRASE_WEIGHTS) {
        let loss = 0;
        for (const { example, logits } of fitOn) {
          let max = -Infinity;
          for (let k = 0; k < CLASS_COUNT; k++) {
            z[k] = logits[k] / t + b * example.phraseScores[k];
            if (z[k] > max) max = z[k];
          }
          let sum = 0;
          for (let k = 0; k < CLASS_COUNT; k++) sum += Math.exp(z[k] - max);
          loss += Math.log(sum) - (z[example.label] - max);
        }
        if (loss < bestLoss - 1e-9) {
          bestLoss = loss;
          temperature = t;
          phraseWeight = b;
        }
      }
    }
    // The model alone (the evaluation's comparison) gets its own temperature, fitted without phrases.
    let bestModelLoss = Infinity;
    for (const t of TEMPERATURES) {
      let loss = 0;
      for (const { example, logits } of outOfFold) {
        let max = -Infinity;
        for (let k = 0; k < CLASS_COUNT; k++) if ((z[k] = logits[k] / t) > max) max = z[k];
        let sum = 0;
        for (let k = 0; k < CLASS_COUNT; k++) sum += Math.exp(z[k] - max);
        loss += Math.log(sum) - (z[example.label] - max);
      }
      if (loss < bestModelLoss - 1e-9) {
        bestModelLoss = loss;
        modelTemperature = t;
      }
    }
  }

  const plain = examples.filter((e) => e.phrase.milestone !== "unknown" && e.phrase.confidence >= PLAIN);
  const fresh = plain.filter((e) => !e.legacy);
  const measured = fresh.length >= 100 ? fresh : plain;
  const accuracy = (lo: number, hi: number) => {
    const inBucket = measured.filter((e) => e.phrase.confidence >= lo && e.phrase.confidence < hi);
    const right = inBucket.filter((e) => MILESTONES[e.label] === e.phrase.milestone).length;
    return Math.min(0.99, Math.round(((right + 1) / (inBucket.length + 2)) * 100) / 100); // Laplace: a small bucket stays modest
  };

  const model = fitModel(examples, options);
  return {
    weights: model.weights,
    known: model.known,
    parameters: {
      temperature,
      modelTemperature,
      phraseWeight,
      plainConfidence: [accuracy(PLAIN, 0.9), accuracy(0.9, 1.01)],
      threshold: options.threshold,
    },
    calibration: {
      outOfFoldLines: outOfFold.length,
      fittedOn: fitOn === freshFold ? "non-legacy sources" : "all sources (legacy included: the phrase tables were tuned on those)",
      plainLines: measured.length,
      plainFrom: measured === fresh ? "non-legacy sources" : "all lines (legacy included: the phrase tables were tuned on those)",
    },
  };
}
