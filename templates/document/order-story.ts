import type { OrderFacts, TrackingEventFact } from "../../machines/order-facts.ts";
import type { Milestone } from "../../machines/vocabulary.ts";
import { oneLine } from "./clean-text.ts";
import { DAY_MS, formatDateTime, formatDay, wholeDaysBetween, zoneOf } from "./format-time.ts";
import { PLATFORM_LABEL, REPORT_LABEL } from "./labels.ts";

/**
 * The order told as a story: the merged timeline, the silences in it and what the buyer did.
 * Letters and the packet both read this, so they never disagree about a date. Pure: `now` is given.
 */

/** More than this many days without a carrier event is a gap worth showing (issue 6). */
export const SILENT_GAP_DAYS = 3;

export interface TimelineEntry {
  at: string | null;
  /** Formatted in the buyer's zone; null when the carrier gave no time. */
  when: string | null;
  leg: string | null;
  carrier: string | null;
  place: string | null;
  text: string;
  milestone: Milestone;
  source: string | null;
}

export interface SilentGap {
  from: string;
  /** The next event, or `now` when the silence is still going on. */
  to: string;
  days: number;
  ongoing: boolean;
}

export interface BuyerAction {
  at: string | null;
  when: string | null;
  what: string;
  note: string | null;
}

export interface OrderStory {
  zone: string;
  platformName: string | null;
  timeline: TimelineEntry[];
  lastScan: TimelineEntry | null;
  /** Whole days from the last dated event (or, with none, the shipment or order) to now. */
  daysSilent: number;
  silenceSince: "event" | "shipment" | "order";
  gaps: SilentGap[];
  actions: BuyerAction[];
  /** The latest event of each milestone, for letters that quote e.g. the delivery scan. */
  latestOf(milestone: Milestone): TimelineEntry | null;
}

function legOf(event: TrackingEventFact, facts: OrderFacts): string | null {
  if (event.trackingNumber) return event.trackingNumber;
  return facts.trackingNumbers.length === 1 ? facts.trackingNumbers[0] : null;
}

function byTime(a: { at: string | null; i: number }, b: { at: string | null; i: number }): number {
  const ta = a.at === null ? Number.POSITIVE_INFINITY : Date.parse(a.at);
  const tb = b.at === null ? Number.POSITIVE_INFINITY : Date.parse(b.at);
  return ta === tb ? a.i - b.i : ta - tb;
}

function validIso(at: string | null | undefined): string | null {
  return at && !Number.isNaN(Date.parse(at)) ? at : null;
}

export function buildTimeline(facts: OrderFacts, zone: string): TimelineEntry[] {
  return facts.events
    .map((e, i) => ({ e, i, at: validIso(e.at) }))
    .sort(byTime)
    .map(({ e, at }) => ({
      at,
      when: at ? formatDateTime(at, zone) : null,
      leg: legOf(e, facts),
      carrier: e.carrier ?? null,
      place: e.location ? oneLine(e.location) || null : null,
      text: oneLine(e.text),
      milestone: e.milestone ?? "unknown",
      source: e.source ?? null,
    }));
}

const FINISHED: ReadonlySet<Milestone> = new Set(["delivered", "returned"]);

export function findGaps(timeline: readonly TimelineEntry[], now: string): SilentGap[] {
  const dated = timeline.filter((t) => t.at !== null);
  const gaps: SilentGap[] = [];
  for (let i = 1; i < dated.length; i++) {
    const from = dated[i - 1].at!;
    const to = dated[i].at!;
    if (Date.parse(to) - Date.parse(from) > SILENT_GAP_DAYS * DAY_MS) {
      gaps.push({ from, to, days: wholeDaysBetween(from, to), ongoing: false });
    }
  }
  const last = dated[dated.length - 1];
  if (last && !FINISHED.has(last.milestone) && Date.parse(now) - Date.parse(last.at!) > SILENT_GAP_DAYS * DAY_MS) {
    gaps.push({ from: last.at!, to: now, days: wholeDaysBetween(last.at!, now), ongoing: true });
  }
  return gaps;
}

export function buyerActions(facts: OrderFacts, zone: string): BuyerAction[] {
  const fromReports = (facts.reports ?? []).map((r) => {
    let what = REPORT_LABEL[r.kind] ?? r.kind;
    if (r.kind === "checklist_step" && r.step) what = `Checklist: ${oneLine(r.stepTitle ?? r.step)}${r.skipped ? " (skipped)" : ""}`;
    if (r.kind === "protection_extended" && r.protectionEndsAt) {
      what += ` until ${formatDay(r.protectionEndsAt, zone) ?? r.protectionEndsAt}`;
    }
    if (r.reference) what += ` (reference ${oneLine(r.reference)})`;
    return { at: validIso(r.at), what, note: r.note ? oneLine(r.note) || null : null };
  });
  // A step recorded as a report is already told above; the checklist list only adds the others.
  const reported = new Set((facts.reports ?? []).flatMap((r) => (r.kind === "checklist_step" ? [r.step, r.stepTitle] : [])));
  const fromChecklist = (facts.checklist ?? [])
    .filter((c) => !reported.has(c.step))
    .map((c) => ({
      at: validIso(c.doneAt),
      what: `Checklist: ${oneLine(c.step)}${c.doneAt ? "" : " (not done yet)"}`,
      note: c.note ? oneLine(c.note) || null : null,
    }));
  return [...fromReports, ...fromChecklist]
    .map((a, i) => ({ ...a, i }))
    .sort(byTime)
    .map(({ at, what, note }) => ({ at, when: at ? formatDay(at, zone) : null, what, note }));
}

export function platformName(facts: OrderFacts): string | null {
  if (facts.platform === "other") return facts.platformName ? oneLine(facts.platformName) || null : null;
  return PLATFORM_LABEL[facts.platform];
}

export function tellOrder(facts: OrderFacts, now: string): OrderStory {
  const zone = zoneOf(facts.timeZone);
  const timeline = buildTimeline(facts, zone);
  const dated = timeline.filter((t) => t.at !== null);
  const lastScan = dated[dated.length - 1] ?? timeline[timeline.length - 1] ?? null;
  const shipped = validIso(facts.shippedAt);
  const silenceFrom = lastScan?.at ?? shipped ?? facts.orderedAt;
  const silenceSince = lastScan?.at ? "event" : shipped ? "shipment" : "order";
  return {
    zone,
    platformName: platformName(facts),
    timeline,
    lastScan,
    daysSilent: Math.max(0, wholeDaysBetween(silenceFrom, now)),
    silenceSince,
    gaps: findGaps(timeline, now),
    actions: buyerActions(facts, zone),
    latestOf(milestone) {
      for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].milestone === milestone) return timeline[i];
      return null;
    },
  };
}

/** The engine's protection-end deadline (an extension the buyer reported wins over the order page). */
export function protectionDeadline<T extends { id: string }>(deadlines: readonly T[]): T | null {
  return deadlines.find((d) => d.id === "protection-ends" || d.id.endsWith("-protection-ends")) ?? null;
}
