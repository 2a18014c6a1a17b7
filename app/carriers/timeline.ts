/**
 * One timeline out of a parcel's legs (the marketplace carrier, then the last-mile carrier after a
 * hand-over): newest first, each event keeping the leg it came from. The same event reported by
 * both legs (Cainiao mirrors the local post's scans) or pasted twice appears once.
 */
import type { CarrierId } from "../../machines/vocabulary.ts";

export interface LegEvent {
  /** ISO 8601, or null when the source gave no usable time. */
  at: string | null;
  text: string;
  location?: string | null;
}

export interface Leg<E extends LegEvent = LegEvent> {
  trackingNumber: string;
  carrier?: CarrierId | null;
  events: readonly E[];
}

export type TimelineEvent<E extends LegEvent = LegEvent> = E & {
  /** Index of the leg in the input. */
  leg: number;
  trackingNumber: string;
  carrier: CarrierId | null;
};

/**
 * Text compared for duplicates: Unicode-folded (full-width, ligatures), lower case, letters and
 * digits only, so "Delivered." and "DELIVERED" match and scripts other than Latin are kept.
 */
export function normaliseEventText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function timeOf(at: string | null): number | null {
  if (at === null) return null;
  const time = Date.parse(at);
  return Number.isNaN(time) ? null : time;
}

/** Sort keys for one leg's events: newest first, an undated event staying beside its neighbours. */
function legKeys(times: readonly (number | null)[]): { order: number[]; keys: number[] } {
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
  const order = times.map((_, i) => i);
  if (up > down) order.reverse();
  const keys = new Array<number>(times.length);
  let key: number | null = null;
  const pending: number[] = [];
  for (const i of order) {
    const t = times[i];
    if (t !== null) {
      key = t;
      // Undated events above the first dated one sort with it, above it.
      for (const p of pending) keys[p] = t;
      pending.length = 0;
    }
    if (key === null) pending.push(i);
    else keys[i] = t ?? key;
  }
  for (const p of pending) keys[p] = -Infinity; // a leg with no dated event at all goes last
  return { order, keys };
}

export function mergeTimeline<E extends LegEvent>(legs: readonly Leg<E>[]): TimelineEvent<E>[] {
  const rows: Array<{ event: TimelineEvent<E>; key: number; leg: number; rank: number }> = [];
  const seen = new Map<string, TimelineEvent<E>>();
  legs.forEach((leg, legIndex) => {
    const times = leg.events.map((e) => timeOf(e.at));
    const { order, keys } = legKeys(times);
    order.forEach((i, rank) => {
      const source = leg.events[i];
      const identity = `${times[i] ?? "undated"}|${normaliseEventText(source.text)}`;
      const kept = seen.get(identity);
      if (kept) {
        // The copy may know the place when the first report did not.
        if ((kept.location ?? null) === null && source.location) kept.location = source.location;
        return;
      }
      const event: TimelineEvent<E> = { ...source, leg: legIndex, trackingNumber: leg.trackingNumber, carrier: leg.carrier ?? null };
      seen.set(identity, event);
      rows.push({ event, key: keys[i], leg: legIndex, rank });
    });
  });
  rows.sort((a, b) => b.key - a.key || a.leg - b.leg || a.rank - b.rank);
  return rows.map((r) => r.event);
}
