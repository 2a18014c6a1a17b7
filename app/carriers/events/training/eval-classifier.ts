/**
 * `npm run eval:classifier [-- --corpus DIR … --folds N | --loso]`: how well the classifier reads
 * wording from sources it was not trained on.
 *
 * Leave-sources-out: the sources are split into folds of whole sources (each source in exactly one
 * fold; `--loso` makes every source its own fold); for each fold the model is trained (weights,
 * temperature, phrase weight, exactly as `train:classifier` does) on every other source and reads the
 * fold's lines. The phrase rules are NOT retrained: they were written from the legacy-* sources, so
 * on those sources the phrase figures (and the combined ones) are optimistic; the lines of the other
 * sources are the honest figure, printed separately.
 */
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { EventReader, type ReaderMode, type Reading } from "../model/event-reader.ts";
import { LinearModel } from "../model/linear-model.ts";
import { corpusDirsFromArgs, loadCorpusFromArgs } from "./corpus.server.ts";
import { DEFAULT_OPTIONS, foldsBySource, toExamples, trainModel, type Example } from "./train-model.ts";

const args = process.argv.slice(2);
const started = performance.now();
const corpus = loadCorpusFromArgs(args);
const examples = toExamples(corpus.lines);
const sourceCount = new Set(examples.map((e) => e.source)).size;
const foldArg = args.indexOf("--folds");
const foldCount = args.includes("--loso") ? sourceCount : foldArg >= 0 ? Number(args[foldArg + 1]) : Math.min(sourceCount, 20);
const folds = foldsBySource(examples, foldCount);
const langOf = new Map(corpus.lines.map((l) => [l.text, l.lang]));

const MODES: ReaderMode[] = ["phrases", "model", "combined"];
interface Outcome {
  example: Example;
  lang: string;
  read: Record<ReaderMode, Reading>;
  /** The combination with no threshold (for the threshold table). */
  raw: Reading;
}
const outcomes: Outcome[] = [];
folds.forEach((fold, i) => {
  const held = new Set(fold);
  const trained = trainModel(
    examples.filter((e) => !held.has(e.source)),
    DEFAULT_OPTIONS,
  );
  const model = new LinearModel(trained.weights, trained.known);
  const readers = Object.fromEntries(MODES.map((mode) => [mode, new EventReader(model, trained.parameters, mode)])) as Record<
    ReaderMode,
    EventReader
  >;
  const raw = new EventReader(model, { ...trained.parameters, threshold: 0 }, "combined");
  for (const example of examples) {
    if (!held.has(example.source)) continue;
    const read = Object.fromEntries(MODES.map((mode) => [mode, readers[mode].read(example.text, 0, example.text.length)])) as Record<
      ReaderMode,
      Reading
    >;
    outcomes.push({
      example,
      lang: langOf.get(example.text) ?? "?",
      read,
      raw: raw.read(example.text, 0, example.text.length),
    });
  }
  process.stderr.write(`\rfold ${i + 1}/${folds.length}`);
});
process.stderr.write("\n");

const right = (o: Outcome, mode: ReaderMode) => o.read[mode].milestone === MILESTONES[o.example.label];
const pct = (n: number, d: number) => (d === 0 ? "   –  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
function row(label: string, group: Outcome[]): string {
  const cells = MODES.map((mode) => pct(group.filter((o) => right(o, mode)).length, group.length));
  const answered = group.filter((o) => o.read.combined.milestone !== "unknown").length;
  return `${label.padEnd(34)} ${String(group.length).padStart(5)}  ${cells.join("  ")}  ${pct(answered, group.length)}`;
}
const header = `${"".padEnd(34)} ${"lines".padStart(5)}  ${MODES.map((m) => m.padStart(6)).join("  ")}  answered`;
function table(title: string, key: (o: Outcome) => string, order?: readonly string[]) {
  console.log(`\n## ${title}\n${header}`);
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  const keys = order
    ? order.filter((k) => groups.has(k))
    : [...groups.keys()].sort((a, b) => groups.get(b)!.length - groups.get(a)!.length || (a < b ? -1 : 1));
  for (const k of keys) console.log(row(k, groups.get(k)!));
}

console.log(`# Event classifier, held-out evaluation`);
console.log(
  `corpus: ${corpus.lines.length} lines, ${sourceCount} sources (${corpus.duplicates.length} duplicate texts dropped), from ${corpusDirsFromArgs(args).join(", ")}`,
);
console.log(
  `folds: ${folds.length} (${
    folds.length === sourceCount ? "leave-one-source-out" : "whole sources per fold, largest sources alone"
  }); model retrained per fold; phrase rules fixed (written from the legacy-* sources)`,
);
console.log(`columns: accuracy of the phrase rules alone, the model alone, the combination; "answered" = combined answers other than unknown`);
console.log(`\n## Overall\n${header}`);
console.log(row("all lines", outcomes));
console.log(
  row(
    "non-legacy sources (honest for all)",
    outcomes.filter((o) => !o.example.legacy),
  ),
);
console.log(
  row(
    "legacy-* sources (phrases tuned here)",
    outcomes.filter((o) => o.example.legacy),
  ),
);
table("Per language", (o) => o.lang);
table("Per milestone (recall)", (o) => MILESTONES[o.example.label], MILESTONES);
table("Per source", (o) => o.example.source);

// Confusion table of the combination: rows = true milestone, columns = answer.
const short = (m: string) => m.replace(/_/g, "").slice(0, 6);
console.log(`\n## Confusion (combined): rows true, columns read\n${"".padEnd(21)}${MILESTONES.map((m) => short(m).padStart(7)).join("")}`);
for (const truth of MILESTONES) {
  const mine = outcomes.filter((o) => MILESTONES[o.example.label] === truth);
  if (mine.length === 0) continue;
  console.log(
    truth.padEnd(21) + MILESTONES.map((read) => String(mine.filter((o) => o.read.combined.milestone === read).length || ".").padStart(7)).join(""),
  );
}
const crossed = outcomes.filter(
  (o) => ["customs_held", "delivered"].includes(MILESTONES[o.example.label]) && o.read.combined.milestone === "in_transit",
);
console.log(
  `customs_held or delivered read as in_transit: ${crossed.length}${crossed.map((o) => `\n  ${JSON.stringify(o.example.text)} (${o.example.source})`).join("")}`,
);

// Calibration: of the answers given with a confidence in each bucket, how many were right.
console.log(`\n## Calibration (combined; unknown answers excluded)\nconfidence   answers  right   mean confidence`);
for (const [lo, hi] of [
  [0, 0.4],
  [0.4, 0.5],
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1.01],
]) {
  const inBucket = outcomes.filter(
    (o) => o.read.combined.milestone !== "unknown" && o.read.combined.confidence >= lo && o.read.combined.confidence < hi,
  );
  const mean = inBucket.reduce((s, o) => s + o.read.combined.confidence, 0) / (inBucket.length || 1);
  console.log(
    `${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}  ${String(inBucket.length).padStart(8)}  ${pct(inBucket.filter((o) => right(o, "combined")).length, inBucket.length)}   ${
      inBucket.length ? mean.toFixed(2) : "–"
    }`,
  );
}
console.log(`\n## Threshold (combined): below it the answer is unknown\nthreshold  accuracy  answered  right among answered`);
for (const threshold of [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
  const answered = outcomes.filter((o) => o.raw.milestone !== "unknown" && o.raw.confidence >= threshold);
  const rightAnswered = answered.filter((o) => o.raw.milestone === MILESTONES[o.example.label]).length;
  const rightUnknown = outcomes.filter(
    (o) => MILESTONES[o.example.label] === "unknown" && !(o.raw.milestone !== "unknown" && o.raw.confidence >= threshold),
  ).length;
  console.log(
    `${threshold.toFixed(2).padStart(9)}  ${pct(rightAnswered + rightUnknown, outcomes.length)}    ${pct(answered.length, outcomes.length)}    ${pct(
      rightAnswered,
      answered.length,
    )}`,
  );
}
const confidentWrong = outcomes.filter((o) => o.read.combined.confidence >= 0.8 && !right(o, "combined"));
console.log(`confident (≥ 0.8) and wrong: ${confidentWrong.length} of ${outcomes.filter((o) => o.read.combined.confidence >= 0.8).length}`);

if (args.includes("--misses")) {
  console.log(`\n## Misses (combined)`);
  for (const o of outcomes.filter((o) => !right(o, "combined"))) {
    console.log(
      `[${o.lang}] ${JSON.stringify(o.example.text)} → ${o.read.combined.milestone} ${o.read.combined.confidence} (expected ${MILESTONES[o.example.label]}; ${o.example.source})`,
    );
  }
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
