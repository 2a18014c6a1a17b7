/**
 * Per-carrier precision and recall (top-1) of the detector on real tracking numbers gathered from
 * public sources (tests/fixtures/numbers/real-numbers.json; each row keeps its source).
 *   npm run eval:numbers            (table)
 *   npm run eval:numbers -- --misses (also every number whose top carrier is wrong)
 * Reads local files only.
 */
import { readFileSync } from "node:fs";
import { detectNumber } from "../detect.ts";

interface Row {
  number: string;
  carrier: string;
}
const rows = (
  JSON.parse(readFileSync(new URL("../../../../tests/fixtures/numbers/real-numbers.json", import.meta.url), "utf8")) as { numbers: Row[] }
).numbers;

interface Tally {
  truth: number;
  predicted: number;
  correct: number;
  listed: number;
}
const tallies = new Map<string, Tally>();
const tally = (carrier: string): Tally => {
  let t = tallies.get(carrier);
  if (!t) tallies.set(carrier, (t = { truth: 0, predicted: 0, correct: 0, listed: 0 }));
  return t;
};

const misses: string[] = [];
let correct = 0,
  listed = 0,
  valid = 0;
for (const row of rows) {
  const detection = detectNumber(row.number);
  const top = detection.carrier ?? "(refused)";
  const carriers = detection.candidates.map((c) => c.carrier as string);
  tally(row.carrier).truth++;
  tally(top).predicted++;
  if (detection.valid) valid++;
  if (carriers.includes(row.carrier)) {
    listed++;
    tally(row.carrier).listed++;
  }
  if (top === row.carrier) {
    correct++;
    tally(row.carrier).correct++;
  } else
    misses.push(`${row.number}: expected ${row.carrier}, got ${top} [${detection.candidates.map((c) => `${c.carrier} ${c.confidence}`).join(", ")}]`);
}

const pct = (a: number, b: number): string => (b === 0 ? "   -" : `${Math.round((100 * a) / b)}%`.padStart(4));
const out = process.stdout;
out.write(
  `${rows.length} real numbers; valid ${valid}; right carrier first ${correct} (${pct(correct, rows.length).trim()}); among candidates ${listed} (${pct(listed, rows.length).trim()})\n`,
);
out.write(`${"carrier".padEnd(16)} ${"n".padStart(3)} ${"prec".padStart(5)} ${"recall".padStart(6)} ${"listed".padStart(6)}\n`);
for (const [carrier, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  if (carrier === "(refused)") {
    out.write(`${carrier.padEnd(16)} detector gave no carrier for ${t.predicted}\n`);
    continue;
  }
  out.write(
    `${carrier.padEnd(16)} ${String(t.truth).padStart(3)} ${pct(t.correct, t.predicted).padStart(5)} ${pct(t.correct, t.truth).padStart(6)} ${pct(t.listed, t.truth).padStart(6)}` +
      `${t.predicted ? `  (${t.correct}/${t.predicted} predicted right)` : ""}\n`,
  );
}
if (process.argv.includes("--misses")) for (const miss of misses) out.write(`  ${miss}\n`);
