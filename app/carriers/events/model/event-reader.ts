/**
 * Combines the phrase rules and the linear model into one reading with a calibrated confidence.
 *
 * 1. Where a phrase says it plainly (phrase confidence ≥ PLAIN: a strong phrase, no rival, no
 *    negation) its milestone stands; the confidence is the accuracy measured for such readings
 *    during training (`plainConfidence`), not the phrase weight.
 * 2. Otherwise the model decides: its scores, divided by `temperature`, plus `phraseWeight` × each
 *    milestone's phrase score (rivals included, so "Delivered / Returned to sender" stays in
 *    doubt). Both numbers are fitted on predictions for sources held out inside the training set,
 *    so the softmax is a probability: of answers given with confidence 0.7, about 70 % are right.
 * 3. Below `threshold` (or when the best reading is `unknown`) the answer is `unknown` with
 *    confidence 0: such events change nothing downstream, which is the safe way to be unsure.
 */
import { MILESTONES, type Milestone } from "../../../../machines/vocabulary.ts";
import { latestNamedNonEvent, latestPhraseScores, readPhrases } from "../phrase-rules.ts";
import { CLASS_COUNT, LinearModel } from "./linear-model.ts";
import { latestEvidenceCount } from "./features.ts";

export const PLAIN = 0.8;
const CONTRADICTION_CAP = 0.6;
/** A phrase reading with no rival at all stands from this confidence (below PLAIN). */
export const SOLE = 0.75;
/** Below this, a lone phrase reading does not count as naming an event. */
const WEAK = 0.3;
/** The model reading a line no phrase speaks about answers only from this probability… */
const ALONE_THRESHOLD = 0.3;
/** …and this lead over the runner-up. */
const ALONE_MARGIN = 0.2;
const UNKNOWN = MILESTONES.indexOf("unknown");

export interface ReaderParameters {
  temperature: number;
  /** The model's temperature when it reads alone (mode "model", for the evaluation). */
  modelTemperature: number;
  phraseWeight: number;
  /** Accuracy of plain phrase readings: [confidence 0.8–0.9, 0.9–1]. */
  plainConfidence: readonly [number, number];
  threshold: number;
}

export interface Reading {
  milestone: Milestone;
  confidence: number;
}

/** "phrases" and "model" read with one half alone (for the evaluation's comparison). */
export type ReaderMode = "combined" | "phrases" | "model";

/** Lines longer than this are not remembered (a repeated status text is short). */
const MEMO_MAX_LENGTH = 160;

export class EventReader {
  private readonly z = new Float64Array(CLASS_COUNT);
  private readonly scores = new Float64Array(CLASS_COUNT);
  /**
   * The model's answers for recent lines. Tracking feeds repeat the same status texts endlessly,
   * and the model costs about as much again as the phrase rules, so a line it has read is looked up
   * instead (the answer is a pure function of the text: the memo changes speed, never answers).
   */
  private readonly memo = new Map<string, Reading>();

  constructor(
    private readonly model: LinearModel,
    readonly parameters: ReaderParameters,
    private readonly mode: ReaderMode = "combined",
    private readonly memoSize = 0,
  ) {}

  read(text: string, start: number, end: number): Reading {
    if (end <= start) return { milestone: "unknown", confidence: 0 };
    if (this.memoSize === 0 || end - start > MEMO_MAX_LENGTH || this.mode !== "combined") return this.readOnce(text, start, end);
    // The phrase rules first (cheap, and most lines stop there), then the memo, then the model.
    const phrase = readPhrases(text, start, end);
    if (phrase.milestone !== "unknown" && phrase.confidence >= PLAIN) return this.plain(phrase);
    const key = text.slice(start, end);
    const known = this.memo.get(key);
    if (known) return { milestone: known.milestone, confidence: known.confidence };
    const reading = this.readOnce(text, start, end);
    if (this.memo.size >= this.memoSize) this.memo.clear(); // simplest bound; refills in one pass
    this.memo.set(key, reading);
    return { milestone: reading.milestone, confidence: reading.confidence };
  }

  private plain(phrase: Reading): Reading {
    const { plainConfidence } = this.parameters;
    return {
      milestone: phrase.milestone,
      confidence:
        phrase.confidence >= 0.9
          ? plainConfidence[1]
          : phrase.confidence >= PLAIN
            ? plainConfidence[0]
            : Math.min(plainConfidence[0], phrase.confidence),
    };
  }

  private readOnce(text: string, start: number, end: number): Reading {
    const { phraseWeight, threshold } = this.parameters;
    const temperature = this.mode === "model" ? this.parameters.modelTemperature : this.parameters.temperature;
    const z = this.z;
    let anyPhrase = false;
    let strongPhrases = 0;
    if (this.mode === "model") {
      this.scores.fill(0);
    } else {
      const phrase = readPhrases(text, start, end);
      if (this.mode === "phrases") return phrase;
      if (phrase.milestone !== "unknown" && phrase.confidence >= PLAIN) return this.plain(phrase);
      latestPhraseScores(this.scores);
      let named = 0;
      for (let k = 0; k < CLASS_COUNT; k++) {
        if (this.scores[k] > 0) named++;
        if (this.scores[k] >= 0.5) strongPhrases++;
      }
      // A weak phrase alone ("home delivery" in a depot name) is no event word either.
      anyPhrase = named > 0 && (strongPhrases > 0 || phrase.confidence >= WEAK);
      // A line whose only phrases name no event ("Estimated delivery: Tuesday") is not an event.
      if (!anyPhrase && latestNamedNonEvent()) return { milestone: "unknown", confidence: 0 };
      // One milestone named, no rival, no negation: the phrase rules keep precedence over the
      // model ("出口清关完成" is export clearance, whatever "清关完成" weighs in the model).
      if (named === 1 && phrase.milestone !== "unknown" && phrase.confidence >= SOLE) return this.plain(phrase);
    }
    const known = this.model.logits(text, start, end, z);
    if (!known && !anyPhrase) return { milestone: "unknown", confidence: 0 };
    // With no phrase at all the model must have real evidence: every word seen in training, or
    // at least three in four of them (a place name such as "Hayes service centre" is not an event),
    // and a clear lead; "Estimated delivery: Tuesday" or "transitional
    // arrangements" name no event, whatever their n-grams weigh.
    const alone = !anyPhrase && this.mode === "combined";
    if (alone) {
      const total = latestEvidenceCount();
      if (known < total && (known < 2 || known * 4 < total * 3)) return { milestone: "unknown", confidence: 0 };
    }
    for (let k = 0; k < CLASS_COUNT; k++) z[k] = z[k] / temperature + phraseWeight * this.scores[k];
    const best = softmaxInPlace(z);
    if (best === UNKNOWN || z[best] < threshold) return { milestone: "unknown", confidence: 0 };
    if (alone) {
      let second = 0;
      for (let k = 0; k < CLASS_COUNT; k++) if (k !== best && z[k] > second) second = z[k];
      if (z[best] < ALONE_THRESHOLD || z[best] - second < ALONE_MARGIN) return { milestone: "unknown", confidence: 0 };
    }
    // Two milestones each said plainly ("Delivered / Returned to sender") is a contradiction the
    // corpus holds too few examples of for the fit to learn; the answer is never more than a lean.
    const probability = strongPhrases >= 2 ? Math.min(z[best], CONTRADICTION_CAP) : z[best];
    return {
      milestone: MILESTONES[best],
      confidence: Math.round(probability * 100) / 100,
    };
  }
}

/** Turns scores into probabilities in place; returns the index of the largest. */
export function softmaxInPlace(z: Float64Array): number {
  let max = -Infinity;
  let best = 0;
  for (let k = 0; k < z.length; k++) {
    if (z[k] > max) {
      max = z[k];
      best = k;
    }
  }
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k] - max);
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return best;
}
