/**
 * The order page's timeline: every leg's events newest first, each with its time, place, original
 * text and milestone; silent gaps between events marked ("no update for 9 days"); hand-overs shown
 * with the new number. Plus the progress line: which of the parcel's big steps were reached. Pure.
 */
import { findHandover } from "~/carriers/handover.ts";
import { carrierLabel, MILESTONE_LABELS } from "~/components/order-words.ts";
import { formatDate } from "~/components/order-labels.ts";
import type { Milestone } from "../../machines/vocabulary.ts";
import { wholeDaysBetween } from "./relative-time.ts";

export interface TimelineInputEvent {
  id: string;
  at: string | null;
  text: string;
  location: string | null;
  milestone: string;
  trackingNumber: string | null;
}

export type TimelineItem =
  | {
      kind: "event";
      id: string;
      at: string | null;
      when: string;
      location: string | null;
      text: string;
      milestone: string;
      milestoneLabel: string;
      leg: number;
      trackingNumber: string | null;
      handover: { number: string; carrier: string } | null;
    }
  | { kind: "gap"; id: string; days: number; current: boolean };

/** A silence longer than this (the buyer's guide's "no update" rule is 7 days) is marked. */
export const SILENT_DAYS = 7;

const PROGRESS: ReadonlyArray<{ label: string; milestones: readonly Milestone[] }> = [
  { label: "Label created", milestones: ["info_received"] },
  { label: "Picked up", milestones: ["picked_up"] },
  { label: "Left origin", milestones: ["departed_origin", "in_transit"] },
  { label: "In your country", milestones: ["arrived_destination"] },
  { label: "Customs", milestones: ["customs_pending", "customs_held", "customs_cleared"] },
  { label: "Local carrier", milestones: ["handed_over", "at_delivery_office"] },
  { label: "Out for delivery", milestones: ["out_for_delivery", "delivery_failed", "available_for_pickup"] },
  { label: "Delivered", milestones: ["delivered"] },
];

export function progressSteps(milestones: Iterable<string>): Array<{ label: string; reached: boolean; current: boolean }> {
  let furthest = -1;
  for (const m of milestones) {
    const index = PROGRESS.findIndex((p) => (p.milestones as readonly string[]).includes(m));
    if (index > furthest) furthest = index;
  }
  return PROGRESS.map((p, i) => ({ label: p.label, reached: i <= furthest, current: i === furthest }));
}

/**
 * `events` newest first; `legs` maps a tracking number to its leg (0 first carrier, 1 local
 * carrier). `ongoing`: the parcel is still moving, so silence up to now counts too.
 */
export function buildTimeline(
  events: readonly TimelineInputEvent[],
  legs: ReadonlyMap<string, number>,
  timeZone: string,
  now: Date,
  ongoing: boolean,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const newest = events.find((e) => e.at !== null);
  if (ongoing && newest?.at) {
    const days = wholeDaysBetween(newest.at, now.toISOString());
    if (days > SILENT_DAYS) items.push({ kind: "gap", id: "gap-now", days, current: true });
  }
  let previous: TimelineInputEvent | null = null;
  for (const e of events) {
    if (previous?.at && e.at) {
      const days = wholeDaysBetween(e.at, previous.at);
      if (days > SILENT_DAYS) items.push({ kind: "gap", id: `gap-${e.id}`, days, current: false });
    }
    const handover = findHandover(e.text, e.trackingNumber ? { currentNumber: e.trackingNumber } : {});
    items.push({
      kind: "event",
      id: e.id,
      at: e.at,
      when: formatDate(e.at, timeZone, true) ?? "Time not known",
      location: e.location,
      text: e.text,
      milestone: e.milestone,
      milestoneLabel: MILESTONE_LABELS[e.milestone as Milestone] ?? e.milestone,
      leg: e.trackingNumber ? (legs.get(e.trackingNumber) ?? 0) : 0,
      trackingNumber: e.trackingNumber,
      handover: handover ? { number: handover.number, carrier: carrierLabel(handover.carrier) } : null,
    });
    if (e.at) previous = e;
  }
  return items;
}
