/**
 * The learned half of the classifier: a multinomial logistic regression over hashed features
 * (features.ts). Scoring a line is one pass to extract its features and a sum of their weight rows,
 * in place, allocating nothing.
 */
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import type { QuantizedWeights } from "./weights-codec.ts";
import { FEATURE_BUCKETS, MAX_FEATURES, evidence, extractFeatures, latestEvidenceCount } from "./features.ts";

export const CLASS_COUNT = MILESTONES.length;

const features = new Int32Array(MAX_FEATURES);

export class LinearModel {
  private readonly values: Int8Array;
  private readonly scales: Float32Array;
  private readonly sums = new Int32Array(CLASS_COUNT);

  /**
   * @param weights FEATURE_BUCKETS rows of CLASS_COUNT signed bytes, and a scale per class.
   * @param known bit set over FEATURE_BUCKETS: evidence buckets (words, CJK pairs) seen in training.
   */
  constructor(
    readonly weights: QuantizedWeights,
    readonly known: Uint8Array,
  ) {
    if (weights.values.length !== FEATURE_BUCKETS * CLASS_COUNT || known.length !== FEATURE_BUCKETS / 8)
      throw new Error("weights do not fit the feature space");
    this.values = weights.values;
    this.scales = weights.scales;
  }

  /**
   * Writes the raw scores (logits) of text[start, end) for every milestone into `out` and returns
   * how many of the line's evidence buckets (words, CJK pairs) were seen in training; with none
   * the scores are all 0 (no opinion). `latestEvidenceCount()` then gives the line's total.
   */
  logits(text: string, start: number, end: number, out: Float64Array): number {
    const n = extractFeatures(text, start, end, features);
    out.fill(0);
    const count = latestEvidenceCount();
    let seen = 0;
    for (let e = 0; e < count; e++) if ((this.known[evidence[e] >>> 3] & (1 << (evidence[e] & 7))) !== 0) seen++;
    if (seen === 0) return 0;
    const w = this.values;
    const sums = this.sums;
    sums.fill(0);
    for (let f = 0; f < n; f++) {
      const row = features[f] * CLASS_COUNT;
      for (let k = 0; k < CLASS_COUNT; k++) sums[k] += w[row + k];
    }
    // Features are scaled by 1/√n so that a long line is not more certain for being long.
    const scale = 1 / Math.sqrt(n);
    for (let k = 0; k < CLASS_COUNT; k++) out[k] = sums[k] * this.scales[k] * scale;
    return seen;
  }
}

/** The evidence buckets of the lines as a bit set (training side of LinearModel.known). */
export function knownEvidence(texts: Iterable<string>): Uint8Array {
  const known = new Uint8Array(FEATURE_BUCKETS / 8);
  for (const text of texts) {
    extractFeatures(text, 0, text.length, features);
    const count = latestEvidenceCount();
    for (let e = 0; e < count; e++) known[evidence[e] >>> 3] |= 1 << (evidence[e] & 7);
  }
  return known;
}
