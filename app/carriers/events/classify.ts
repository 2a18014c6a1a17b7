/**
 * Classifies one carrier event text into a contract milestone (CONTRACT.md §1), in any language.
 *
 * Two readers, combined in model/event-reader.ts: the hand-written phrase rules (phrase-rules.ts),
 * which decide where a phrase says it plainly, and a linear model learned from the labelled corpus
 * (tests/fixtures/carrier-events, trained by `npm run train:classifier`), which reads wording the
 * phrases do not know. `confidence` is a calibrated probability: of answers given with confidence
 * 0.7, about seven in ten are right (`npm run eval:classifier` measures it on held-out sources).
 * `unknown` always comes with confidence 0. The weights are compiled data: nothing is read at run
 * time beyond this module's imports.
 */
import type { Milestone } from "../../../machines/vocabulary.ts";
import { EventReader } from "./model/event-reader.ts";
import { LinearModel } from "./model/linear-model.ts";
import { decodeKnown, decodeWeights, type EncodedWeights } from "./model/weights-codec.ts";
import trained from "./model/weights.json";

export interface Classification {
  milestone: Milestone;
  /** 0..1: the probability that the milestone is right; 0 with `unknown`. */
  confidence: number;
}

const reader = new EventReader(
  new LinearModel(decodeWeights(trained as EncodedWeights), decodeKnown(trained as EncodedWeights)),
  {
    temperature: trained.parameters.temperature,
    modelTemperature: trained.parameters.modelTemperature,
    phraseWeight: trained.parameters.phraseWeight,
    plainConfidence: [trained.parameters.plainConfidence[0], trained.parameters.plainConfidence[1]],
    threshold: trained.parameters.threshold,
  },
  "combined",
  8192,
);

export function classifyEvent(text: string): Classification {
  if (typeof text !== "string") return { milestone: "unknown", confidence: 0 };
  return reader.read(text, 0, text.length);
}

/**
 * Same as classifyEvent(text.slice(start, end)), without the slice: the `classify` command reads
 * a whole stdin as one string and classifies each line where it lies.
 */
export function classifyEventAt(text: string, start: number, end: number): Classification {
  return reader.read(text, start, end);
}
