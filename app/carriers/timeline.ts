/**
 * One timeline out of a parcel's legs (the marketplace carrier, then the last-mile carrier after a
 * hand-over): newest first, each event keeping the leg it came from. The same event reported by
 * both legs (Cainiao mirrors the local post's scans) or pasted twice appears once.
 */
import type { CarrierId } from "../../machines/vocabulary.ts";
import { newestFirstKeys } from "./paste/newest-first.ts";

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
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function timeOf(at: string | null): number | null {
  if (at === null) return null;
  const time = Date.parse(at);
  return Number.isNaN(time) ? null : time;
}

export function mergeTimeline<E extends LegEvent>(legs: readonly Leg<E>[]): TimelineEvent<E>[] {
  const rows: Array<{ event: TimelineEvent<E>; key: number; leg: number; rank: number }> = [];
  const seen = new Map<string, TimelineEvent<E>>();
  legs.forEach((leg, legIndex) => {
    const times = leg.events.map((e) => timeOf(e.at));
    const { order, keys } = newestFirstKeys(times);
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
