/**
 * One dashboard line per order, from the engine's answer: state, latest event and its age, alerts,
 * the next deadline with a countdown, the next action, and where it ranks by urgency. Pure.
 */
import type { Assessment } from "../../machines/assess.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import { ALERT_LABELS, STATE_LABELS } from "~/components/order-words.ts";
import { formatDate, platformLabel } from "~/components/order-labels.ts";
import { timeAgo, timeUntil } from "./relative-time.ts";

export interface DashboardRow {
  id: string;
  platform: string;
  platformLabel: string;
  item: string;
  orderNumber: string | null;
  state: string;
  stateLabel: string;
  latestEvent: { text: string; ago: string } | null;
  alerts: string[];
  nextDeadline: { title: string; dueLabel: string; countdown: string; due: string } | null;
  nextAction: { title: string; urgency: string } | null;
  createdAt: string;
  /** Lower is more urgent (see URGENCY_GROUPS). */
  group: number;
  /** Normalised order and tracking numbers, for search. */
  searchKeys: string[];
}

/** Soonest deadline within this many days counts as a closing window. */
const CLOSING_DAYS = 7;
const DAY = 86_400_000;

/**
 * Urgency groups, most urgent first: needs attention now (an alert, which is the contract's word
 * for an overdue step, or an action the engine marks "now"), a window closing within a week, a
 * parcel still on its way, then orders that are done.
 */
export const URGENCY_GROUPS = ["attention", "closing", "active", "done"] as const;

export const normaliseKey = (value: string) => value.replace(/[\s-]/g, "").toUpperCase();

export function dashboardRow(
  order: { id: string; created_at: string; platform: string; platform_name: string | null; item: string | null; order_number: string | null; time_zone: string | null },
  facts: OrderFacts,
  assessment: Assessment,
  userTimeZone: string,
  now: Date,
): DashboardRow {
  const tz = order.time_zone ?? userTimeZone;
  let latest: OrderFacts["events"][number] | null = null;
  for (const e of facts.events) {
    if (e.at && (!latest?.at || e.at > latest.at)) latest = e;
  }
  const upcoming = assessment.deadlines.filter((d) => !d.past).sort((a, b) => (a.due < b.due ? -1 : 1))[0] ?? null;
  const nowAction = assessment.actions.find((a) => a.urgency === "now");
  const done = assessment.case === "closed" || assessment.case === "refunded" || (assessment.state === "delivered" && assessment.alerts.length === 0);
  const closing = upcoming !== null && Date.parse(upcoming.due) - now.getTime() <= CLOSING_DAYS * DAY;
  const group = done ? 3 : nowAction || assessment.alerts.length > 0 ? 0 : closing ? 1 : 2;
  return {
    id: order.id,
    createdAt: order.created_at,
    platform: order.platform,
    platformLabel: platformLabel(order.platform, order.platform_name),
    item: order.item ?? "Unnamed item",
    orderNumber: order.order_number,
    state: assessment.state,
    stateLabel: STATE_LABELS[assessment.state],
    latestEvent: latest?.at ? { text: latest.text, ago: timeAgo(latest.at, now) } : null,
    alerts: assessment.alerts.map((a) => ALERT_LABELS[a]),
    nextDeadline: upcoming
      ? { title: upcoming.title, due: upcoming.due, dueLabel: formatDate(upcoming.due, tz) ?? upcoming.due, countdown: timeUntil(upcoming.due, now) }
      : null,
    nextAction: assessment.actions[0] ? { title: assessment.actions[0].title, urgency: assessment.actions[0].urgency } : null,
    group,
    searchKeys: [order.order_number, ...facts.trackingNumbers].filter((v): v is string => !!v).map(normaliseKey),
  };
}

/** Most urgent first; within a group the soonest deadline, then the newest order. */
export function byUrgency(a: DashboardRow, b: DashboardRow): number {
  if (a.group !== b.group) return a.group - b.group;
  const ad = a.nextDeadline?.due ?? "9999";
  const bd = b.nextDeadline?.due ?? "9999";
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
