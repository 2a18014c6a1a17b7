/**
 * Putting a list of events newest first when some have no time. Pages list events newest first or
 * oldest first; an undated event belongs where the page put it, next to its dated neighbours.
 */

/** Adjacent dated pairs going up and going down in time (undated entries are skipped). */
export function countSteps(times: readonly (number | null)[]): { up: number; down: number } {
  let up = 0;
  let down = 0;
  let previous: number | null = null;
  for (const t of times) {
    if (t === null) continue;
    if (previous !== null) {
      if (t > previous) up += 1;
      else if (t < previous) down += 1;
    }
    previous = t;
  }
  return { up, down };
}

/**
 * The list's indexes turned newest first when it runs mostly oldest first (`order`), and a sort key
 * per index (`keys`): its own time, or for an undated entry the time of the dated entry just above
 * it — so a stable sort by key, descending, keeps undated entries in place. Entries above the first
 * dated one take its time; a list with no dated entry at all gets -Infinity.
 */
export function newestFirstKeys(times: readonly (number | null)[]): { order: number[]; keys: number[] } {
  const { up, down } = countSteps(times);
  const order = times.map((_, i) => i);
  if (up > down) order.reverse();
  const keys = new Array<number>(times.length);
  let key: number | null = null;
  const pending: number[] = [];
  for (const i of order) {
    const t = times[i];
    if (t !== null) {
      key = t;
      for (const p of pending) keys[p] = t;
      pending.length = 0;
    }
    if (key === null) pending.push(i);
    else keys[i] = t ?? key;
  }
  for (const p of pending) keys[p] = -Infinity;
  return { order, keys };
}
