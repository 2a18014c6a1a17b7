/**
 * Pages put a summary of the newest event above (or below) the history: "Delivered, 8 January
 * 14:26" over a table whose last row says the same, or "Your item was delivered … at 1:41 pm on
 * December 29, 2017 in BURLINGTON" under the delivered entry. The summary is not an event of its
 * own. Two entries at exactly the same instant are one event told twice when the words of one are
 * all found in the other's, or when they name the same milestone and most (3 in 5) of the words of
 * the shorter are in the longer. Different events at the same minute (customs "handed over" and
 * "clearance underway") share few words, so they stay. The telling that keeps a place, or else the
 * first in the paste, stays.
 */
import { normaliseEventText } from "../timeline.ts";

export interface Tellable {
  time: number | null;
  text: string;
  location: string | null;
  milestone: string;
}

function wordsOf(text: string): Set<string> {
  return new Set(
    normaliseEventText(text)
      .split(" ")
      .filter((word) => word.length > 1),
  );
}

/**
 * The words compared: the description's, plus the place's when the other telling has no place of
 * its own (a summary sentence carries the place in its words: "… in BURLINGTON, NC"). Two entries
 * that both name the same place would otherwise look alike through the place alone.
 */
function comparedWords(event: Tellable, other: Tellable): Set<string> {
  return wordsOf(other.location === null && event.location !== null ? `${event.text} ${event.location}` : event.text);
}

/** Share of `small`'s words found in `large`. */
function overlap(small: Set<string>, large: Set<string>): number {
  if (small.size === 0) return 0;
  let found = 0;
  for (const word of small) if (large.has(word)) found += 1;
  return found / small.size;
}

function sameEvent(x: Tellable, y: Tellable, a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const share = overlap(small, large);
  if (share === 1) return true;
  return x.milestone !== "unknown" && x.milestone === y.milestone && share >= 0.6;
}

/** Indexes of the events that only repeat another one at the same instant. */
export function summaryRepeats(events: readonly Tellable[]): Set<number> {
  const drop = new Set<number>();
  const byTime = new Map<number, number[]>();
  events.forEach((event, index) => {
    if (event.time === null) return;
    const group = byTime.get(event.time);
    if (group) group.push(index);
    else byTime.set(event.time, [index]);
  });
  for (const group of byTime.values()) {
    if (group.length < 2 || group.length > 8) continue;
    for (let x = 0; x < group.length; x += 1) {
      for (let y = x + 1; y < group.length; y += 1) {
        const [i, j] = [group[x], group[y]];
        if (drop.has(i) || drop.has(j)) continue;
        const words = [comparedWords(events[i], events[j]), comparedWords(events[j], events[i])];
        if (!sameEvent(events[i], events[j], words[0], words[1])) continue;
        // Keep the telling with a place; else the one whose words hold the other's; else the first.
        const iPlace = events[i].location !== null;
        const jPlace = events[j].location !== null;
        if (iPlace !== jPlace) drop.add(iPlace ? j : i);
        else if (overlap(words[0], words[1]) === 1 && words[0].size < words[1].size) drop.add(i);
        else drop.add(j);
      }
    }
  }
  return drop;
}
