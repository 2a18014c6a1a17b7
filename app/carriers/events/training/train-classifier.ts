/**
 * `npm run train:classifier [-- --corpus DIR …]`: trains the event model on the corpus (default
 * tests/fixtures/carrier-events) and writes app/carriers/events/model/weights.json, with the
 * corpus fingerprint so a reader can tell which corpus the checked-in weights come from.
 * Deterministic: the same corpus gives the same file, byte for byte.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { FEATURE_BITS } from "../model/features.ts";
import { encodeWeights } from "../model/weights-codec.ts";
import { corpusFingerprint, loadCorpusFromArgs } from "./corpus.server.ts";
import { DEFAULT_OPTIONS, toExamples, trainModel } from "./train-model.ts";

const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
/** `--out FILE` writes elsewhere (to try a corpus without touching the checked-in weights). */
const OUT = outArg >= 0 ? resolve(args[outArg + 1]) : resolve(import.meta.dirname, "../model/weights.json");

const started = performance.now();
const corpus = loadCorpusFromArgs(args);
const examples = toExamples(corpus.lines);
const model = trainModel(examples, DEFAULT_OPTIONS);
const file = {
  trainedOn: {
    fingerprint: corpusFingerprint(corpus),
    lines: corpus.lines.length,
    sources: corpus.sources.length,
    languages: [...new Set(corpus.lines.map((l) => l.lang))].sort(),
  },
  options: DEFAULT_OPTIONS,
  parameters: model.parameters,
  calibration: model.calibration,
  ...encodeWeights(model.weights, model.known, FEATURE_BITS, MILESTONES),
};
const json = JSON.stringify(file, null, 1) + "\n";
writeFileSync(OUT, json);
console.log(
  `trained on ${corpus.lines.length} lines from ${corpus.sources.length} sources (${corpus.duplicates.length} duplicate texts dropped) in ${(
    (performance.now() - started) /
    1000
  ).toFixed(1)} s`,
);
console.log(`parameters: ${JSON.stringify(model.parameters)}; calibration: ${JSON.stringify(model.calibration)}`);
console.log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KiB)`);
