/**
 * Classifies one carrier event text into a contract milestone (CONTRACT.md §1), in any of the
 * languages of ./phrases. Precompiled once at import; then each call is one linear pass over the
 * text (phrase-automaton.ts) and a small scoring step, with no allocation per call.
 *
 * Scoring: phrases are read leftmost-longest ("not delivered" wins over "delivered", "export
 * customs clearance" over "customs clearance"); phrases of one milestone add up (noisy-or);
 * a rival milestone or a negation lowers the confidence, so mixed or hedged text is never read
 * with confidence.
 */
import { MILESTONES, type Milestone } from "../../../machines/vocabulary.ts";
import { PhraseAutomaton, PhraseHits } from "./phrase-automaton.ts";
import type { PhraseMeaning } from "./phrase-table.ts";
import { PHRASE_TABLES } from "./phrases/index.ts";

export interface Classification {
  milestone: Milestone;
  /** 0..1; 0 means nothing recognised, below 0.5 a guess, 0.8 and above a phrase that says it plainly. */
  confidence: number;
}

const MEANINGS: readonly PhraseMeaning[] = [...MILESTONES, "not"];
const NOT = MEANINGS.indexOf("not");
const UNKNOWN = MEANINGS.indexOf("unknown");
/** Negation reaches a phrase starting at most this many folded units after it ("not yet delivered"). */
const NEGATION_REACH = 6;
/** Below this a reading is not worth reporting. */
const MIN_CONFIDENCE = 0.15;

const rows = PHRASE_TABLES.flatMap((table) => table.rows);
const automaton = new PhraseAutomaton(rows.map((row) => row[0]));
const meaningOf = Int8Array.from(rows, (row) => MEANINGS.indexOf(row[1]));
const weightOf = Float64Array.from(rows, (row) => row[2]);

// Per-call scratch space, reused (classification is synchronous, so never shared mid-call).
const hits = new PhraseHits();
const order = new Int32Array(hits.phrase.length);
const missing = new Float64Array(MEANINGS.length); // Π(1 − weight) per milestone

export function classifyEvent(text: string): Classification {
  if (typeof text !== "string" || text.length === 0) return { milestone: "unknown", confidence: 0 };
  const count = automaton.scan(text, hits);
  if (count === 0) return { milestone: "unknown", confidence: 0 };

  // Leftmost-longest reading: order hits by start (longest first at one start) and keep each hit
  // that starts where the previous kept one ends (they may share the padding space). So
  // "export customs clearance started" reads as "export customs clearance" + "started", and
  // "not delivered" as one phrase rather than "delivered".
  for (let j = 0; j < count; j++) {
    const start = hits.start[j];
    const length = hits.end[j] - start;
    let i = j - 1;
    while (i >= 0) {
      const other = order[i];
      const otherStart = hits.start[other];
      if (otherStart < start || (otherStart === start && hits.end[other] - otherStart >= length)) break;
      order[i + 1] = other;
      i--;
    }
    order[i + 1] = j;
  }

  missing.fill(1);
  let doubt = 0;
  let lastNegationEnd = -1000;
  let keptEnd = 0;
  for (let o = 0; o < count; o++) {
    const j = order[o];
    if (hits.start[j] < keptEnd - 1) continue; // overlaps a phrase already read
    keptEnd = hits.end[j];
    const meaning = meaningOf[hits.phrase[j]];
    if (meaning === NOT) {
      lastNegationEnd = hits.end[j];
      continue;
    }
    if (meaning === UNKNOWN) continue;
    const weight = weightOf[hits.phrase[j]];
    const start = hits.start[j];
    if (start >= lastNegationEnd - 1 && start <= lastNegationEnd + NEGATION_REACH) {
      doubt += weight / 2;
      continue;
    }
    missing[meaning] *= 1 - weight;
  }

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
  return { milestone: MILESTONES[best], confidence: Math.round(confidence * 100) / 100 };
}
