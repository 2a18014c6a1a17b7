/**
 * The phrase rules: reads one carrier event text as a contract milestone (CONTRACT.md §1) from the
 * hand-written phrases of ./phrases, in any of their languages. Precompiled once at import; then
 * each call is one linear pass over the text (phrase-automaton.ts) and a small scoring step,
 * allocating nothing but the answer. classify.ts combines this with the learned model.
 *
 * Scoring: phrases are read longest first ("not delivered" wins over "delivered"); phrases of one
 * milestone add up (noisy-or); a rival milestone or a negation lowers the confidence, so mixed or
 * hedged text is never read with confidence.
 */
import { MILESTONES, type Milestone } from "../../../machines/vocabulary.ts";
import { PhraseAutomaton, PhraseHits } from "./phrase-automaton.ts";
import type { PhraseMeaning } from "./phrase-table.ts";
import { PHRASE_TABLES } from "./phrases/index.ts";

export interface PhraseReading {
  milestone: Milestone;
  /** 0..1 (not a probability); 0 means nothing recognised, 0.8 and above a phrase that says it plainly with no rival. */
  confidence: number;
}

const MEANINGS: readonly PhraseMeaning[] = [...MILESTONES, "not"];
const NOT = MEANINGS.indexOf("not");
const UNKNOWN = MEANINGS.indexOf("unknown");
/**
 * Negation reaches a phrase starting at most this many folded units after it: one or two short
 * words ("not yet delivered", "nie została doręczona", "non è stata consegnata").
 */
const NEGATION_REACH = 10;
/** Below this a reading is not worth reporting. */
const MIN_CONFIDENCE = 0.15;

const rows = PHRASE_TABLES.flatMap((table) => table.rows);
const automaton = new PhraseAutomaton(rows.map((row) => row[0]));
const meaningOf = Int8Array.from(rows, (row) => MEANINGS.indexOf(row[1]));
const weightOf = Float64Array.from(rows, (row) => row[2]);

// Per-call scratch space, reused (classification is synchronous, so never shared mid-call).
const hits = new PhraseHits();
const order = new Int32Array(hits.phrase.length);
const kept = new Int32Array(hits.phrase.length);
const missing = new Float64Array(MEANINGS.length); // Π(1 − weight) per milestone

let scored = false;
let nonEvent = false;

/** Whether the latest readPhrases call met a phrase that names no event ("estimated delivery"). */
export const latestNamedNonEvent = (): boolean => nonEvent;

/**
 * Every milestone's phrase score (noisy-or of its un-negated phrases, 0..1) from the latest
 * readPhrases call: the model weighs rivals too, not only the winner ("Delivered / Returned").
 */
export function latestPhraseScores(out: Float64Array): void {
  if (!scored) {
    out.fill(0);
    return;
  }
  for (let m = 0; m < UNKNOWN; m++) out[m] = 1 - missing[m];
  for (let m = UNKNOWN; m < out.length; m++) out[m] = 0;
}

/** Whether clause punctuation stands between folded positions `from` and `to` (inclusive). */
function breakBetween(from: number, to: number): boolean {
  for (let b = 0; b < hits.breakCount; b++) {
    const at = hits.breaks[b];
    if (at > to) return false;
    if (at >= from) return true;
  }
  return false;
}

/** The phrase rules' reading of text[start, end). */
export function readPhrases(text: string, start: number, end: number): PhraseReading {
  scored = false;
  nonEvent = false;
  if (end <= start) return { milestone: "unknown", confidence: 0 };
  const count = automaton.scan(text, hits, start, end);
  if (count === 0) return { milestone: "unknown", confidence: 0 };

  // Longest-first reading: take the longest phrase, drop every phrase overlapping it (sharing
  // the padding space is not overlapping), repeat. So "not delivered" is read as one phrase rather
  // than "delivered", and "picked up by the customer" wins over "package picked up". Where a
  // qualifier and a longer generic phrase overlap ("export customs clearance started"), the table
  // holds the explicit longer phrase.
  for (let j = 0; j < count; j++) {
    const start = hits.start[j];
    const length = hits.end[j] - start;
    let i = j - 1;
    while (i >= 0) {
      const other = order[i];
      const otherLength = hits.end[other] - hits.start[other];
      if (otherLength > length || (otherLength === length && hits.start[other] <= start)) break;
      order[i + 1] = other;
      i--;
    }
    order[i + 1] = j;
  }
  let keptCount = 0;
  for (let o = 0; o < count; o++) {
    const j = order[o];
    const start = hits.start[j];
    const end = hits.end[j];
    let overlaps = false;
    for (let k = 0; k < keptCount; k++) {
      const other = kept[k];
      if (start < hits.end[other] - 1 && hits.start[other] < end - 1) {
        overlaps = true;
        break;
      }
    }
    if (overlaps) continue;
    // Keep `kept` ordered by start, for the negation rule below.
    let k = keptCount - 1;
    while (k >= 0 && hits.start[kept[k]] > start) {
      kept[k + 1] = kept[k];
      k--;
    }
    kept[k + 1] = j;
    keptCount++;
  }

  missing.fill(1);
  let doubt = 0;
  let lastNegationEnd = -1000;
  for (let k = 0; k < keptCount; k++) {
    const j = kept[k];
    const meaning = meaningOf[hits.phrase[j]];
    if (meaning === NOT) {
      lastNegationEnd = hits.end[j];
      continue;
    }
    if (meaning === UNKNOWN) {
      nonEvent = true;
      continue;
    }
    const weight = weightOf[hits.phrase[j]];
    const start = hits.start[j];
    if (start >= lastNegationEnd - 1 && start <= lastNegationEnd + NEGATION_REACH && !breakBetween(lastNegationEnd - 1, start)) {
      doubt += weight / 2;
      continue;
    }
    missing[meaning] *= 1 - weight;
  }

  scored = true;
  // Ties go to the milestone later in MILESTONES' order (later in the journey).
  let best = -1;
  let bestScore = 0;
  let secondScore = 0;
  for (let m = 0; m < UNKNOWN; m++) {
    const score = 1 - missing[m];
    if (score >= bestScore && score > 0) {
      secondScore = bestScore;
      bestScore = score;
      best = m;
    } else if (score > secondScore) secondScore = score;
  }
  const confidence = Math.min(1, Math.max(0, bestScore - secondScore / 2 - doubt));
  if (best < 0 || confidence < MIN_CONFIDENCE) return { milestone: "unknown", confidence: 0 };
  return {
    milestone: MILESTONES[best],
    confidence: Math.round(confidence * 100) / 100,
  };
}
