/**
 * Finds every phrase of every language in one left-to-right pass (Aho–Corasick), so classifying a
 * line costs time linear in its length whatever the number of phrases, with no regular expression
 * (and so no backtracking) at run time.
 *
 * Text and patterns are folded alike (text-folding.ts). Word phrases are padded with a space on each
 * side and the text is read as if it had a space before and after, so " delivered " only matches the
 * whole word; "entreg*" is padded only in front. Phrases in unspaced scripts (Chinese) get no padding.
 */
import { CLAUSE_BREAK, DROPPED, FOLD, SEPARATOR, foldText, isUnspacedScript } from "./text-folding.ts";

/** Above this many hits a line is noise (a pasted page, an attack); later hits are ignored. */
export const MAX_HITS = 256;

/**
 * Reusable hit buffers (typed arrays: no allocation per hit). Hit k is phrase `phrase[k]` over
 * [start[k], end[k]) of the folded text; only comparisons between hits matter.
 */
export class PhraseHits {
  readonly phrase = new Int32Array(MAX_HITS);
  readonly start = new Int32Array(MAX_HITS);
  readonly end = new Int32Array(MAX_HITS);
  /** Folded positions of clause punctuation (commas, full stops, brackets…), ascending. */
  readonly breaks = new Int32Array(MAX_HITS);
  breakCount = 0;
}

// Classes below DENSE_CLASSES (space, a–z, 0, Cyrillic: what most lines are made of) get a full
// transition row per state; rarer ones (Chinese characters) go through a hash and failure links.
const DENSE_CLASSES = 72;

export class PhraseAutomaton {
  private readonly classOf: Uint16Array;
  private readonly dense: Int32Array;
  private readonly sparseKeys: Int32Array;
  private readonly sparseValues: Int32Array;
  private readonly sparseMask: number;
  private readonly fail: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly lengths: Int32Array;
  private readonly classCount: number;

  constructor(patterns: readonly string[]) {
    const keys = patterns.map(paddedKey);
    // Classes: the padding space first, then the most frequent code units, so Latin and Cyrillic
    // land in the dense part.
    const frequency = new Map<number, number>();
    for (const key of keys) for (let i = 0; i < key.length; i++) frequency.set(key.charCodeAt(i), (frequency.get(key.charCodeAt(i)) ?? 0) + 1);
    frequency.delete(SEPARATOR);
    const ordered = [SEPARATOR, ...[...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([unit]) => unit)];
    this.classOf = new Uint16Array(65536);
    ordered.forEach((unit, index) => (this.classOf[unit] = index + 1)); // 0 = in no phrase
    this.classCount = ordered.length + 1;

    // Trie.
    const children: Map<number, number>[] = [new Map()];
    const ownOutputs: number[][] = [[]];
    this.lengths = Int32Array.from(keys, (key) => key.length);
    keys.forEach((key, phrase) => {
      if (key.trim() === "") return; // a phrase that folds to nothing can never be reported
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const cls = this.classOf[key.charCodeAt(i)];
        let next = children[state].get(cls);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ownOutputs.push([]);
          children[state].set(cls, next);
        }
        state = next;
      }
      ownOutputs[state].push(phrase);
    });
    const stateCount = children.length;

    // Failure links and outputs, breadth first; dense rows become full DFA rows.
    this.fail = new Int32Array(stateCount);
    this.dense = new Int32Array(stateCount * DENSE_CLASSES);
    const outputs: number[][] = new Array(stateCount);
    outputs[0] = [];
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head];
      const row = state * DENSE_CLASSES;
      const failRow = this.fail[state] * DENSE_CLASSES;
      // A missing transition behaves as the failure state's: start from its row, then overwrite.
      if (state !== 0) this.dense.copyWithin(row, failRow, failRow + DENSE_CLASSES);
      for (const [cls, child] of children[state]) if (cls < DENSE_CLASSES) this.dense[row + cls] = child;
      for (const [cls, child] of children[state]) {
        let f = this.fail[state];
        if (state === 0) f = 0;
        else {
          while (f !== 0 && !children[f].has(cls)) f = this.fail[f];
          f = children[f].get(cls) ?? 0;
        }
        this.fail[child] = f;
        // Longest first: the phrase ending here, then those of shorter suffixes.
        outputs[child] = [...ownOutputs[child].sort((a, b) => this.lengths[b] - this.lengths[a]), ...outputs[f]];
        order.push(child);
      }
    }
    this.outStart = new Int32Array(stateCount + 1);
    const flat: number[] = [];
    for (let s = 0; s < stateCount; s++) {
      this.outStart[s] = flat.length;
      flat.push(...outputs[s]);
    }
    this.outStart[stateCount] = flat.length;
    this.outList = Int32Array.from(flat);

    // Sparse goto for the rare classes: open addressing on (state, class).
    let sparseCount = 0;
    for (const map of children) for (const cls of map.keys()) if (cls >= DENSE_CLASSES) sparseCount++;
    let size = 16;
    while (size < sparseCount * 2) size <<= 1;
    this.sparseMask = size - 1;
    this.sparseKeys = new Int32Array(size).fill(-1);
    this.sparseValues = new Int32Array(size);
    children.forEach((map, state) => {
      for (const [cls, child] of map) {
        if (cls < DENSE_CLASSES) continue;
        const key = state * this.classCount + cls;
        let slot = hash(key) & this.sparseMask;
        while (this.sparseKeys[slot] !== -1) slot = (slot + 1) & this.sparseMask;
        this.sparseKeys[slot] = key;
        this.sparseValues[slot] = child;
      }
    });
  }

  /**
   * Writes the hits in `text` (or in its part [from, to)) into `hits`, ordered by end, longest
   * first at one end; returns the count.
   */
  scan(text: string, hits: PhraseHits, from = 0, to = text.length): number {
    let count = 0;
    let breakCount = 0;
    let state = this.dense[1]; // after the virtual space before the text
    let position = 1;
    let lastWasSeparator = true; // the virtual space before the text
    for (let i = from; i <= to; i++) {
      let cls: number;
      if (i === to) {
        if (lastWasSeparator) break;
        cls = 1; // the virtual space after the text
      } else {
        const unit = text.charCodeAt(i);
        const folded = FOLD[unit];
        if (folded === DROPPED) continue;
        if (folded === SEPARATOR) {
          // A clause break folds into the separator at `position` (the one already read, or the next).
          if (CLAUSE_BREAK[unit] === 1 && breakCount < MAX_HITS) hits.breaks[breakCount++] = lastWasSeparator ? position - 1 : position;
          if (lastWasSeparator) continue;
          lastWasSeparator = true;
        } else lastWasSeparator = false;
        cls = this.classOf[folded];
      }
      position++;
      if (cls < DENSE_CLASSES) {
        state = this.dense[state * DENSE_CLASSES + cls];
      } else {
        for (;;) {
          const next = this.sparseGoto(state, cls);
          if (next >= 0) {
            state = next;
            break;
          }
          if (state === 0) break;
          state = this.fail[state];
        }
      }
      const firstOut = this.outStart[state];
      const lastOut = this.outStart[state + 1];
      for (let k = firstOut; k < lastOut && count < MAX_HITS; k++) {
        const phrase = this.outList[k];
        hits.phrase[count] = phrase;
        hits.start[count] = position - this.lengths[phrase];
        hits.end[count] = position;
        count++;
      }
      if (count >= MAX_HITS) break;
    }
    hits.breakCount = breakCount;
    return count;
  }

  private sparseGoto(state: number, cls: number): number {
    const key = state * this.classCount + cls;
    let slot = hash(key) & this.sparseMask;
    for (;;) {
      const found = this.sparseKeys[slot];
      if (found === key) return this.sparseValues[slot];
      if (found === -1) return -1;
      slot = (slot + 1) & this.sparseMask;
    }
  }
}

function hash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 0;
}

/** Folds a pattern and pads it to whole-word form (see the module comment). */
export function paddedKey(pattern: string): string {
  const prefix = pattern.endsWith("*");
  const folded = foldText(prefix ? pattern.slice(0, -1) : pattern).trim();
  if (folded === "") return "";
  const lead = isUnspacedScript(folded.charCodeAt(0)) ? "" : " ";
  const tail = prefix || isUnspacedScript(folded.charCodeAt(folded.length - 1)) ? "" : " ";
  return lead + folded + tail;
}
