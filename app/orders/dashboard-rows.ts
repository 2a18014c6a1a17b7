/**
 * One dashboard line per order, from the engine's answer: state, latest event and its age, alerts,
 * the next deadline with a countdown, the next action, and where it ranks by urgency. Pure.
 */
import type { Assessment } from "../../machines/assess.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import { ALERT_LABELS, CASE_LABELS, STATE_LABELS } from "~/components/order-words.ts";
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
  /** The badge shown for the order: the parcel's state, or the claim when the buyer reported it missing. */
  badge: { label: string; tone: string };
  latestEvent: { text: string; ago: string } | null;
  alerts: string[];
  nextDeadline: { title: string; dueLabel: string; countdown: string; due: string } | null;
  nextAction: { title: string; urgency: string } | null;
  createdAt: string;
  /** Lower is more urgent (see URGENCY_GROUPS). */
  group: number;
  /** Within a group, higher is more urgent: days the order has waited where that is what is at stake. */
  weight: number;
  /** Normalised order and tracking numbers, for search. */
  searchKeys: string[];
}

/** Soonest deadline within this many days counts as a closing window. */
const CLOSING_DAYS = 7;
const DAY = 86_400_000;

/**
 * Urgency groups, most urgent first, ranked by what is at stake and how soon (issue 13):
 * - `money`: money or a right is lost on a date: customs holds the parcel or wants a fee, a parcel
 *   waits for collection, or a window (protection, dispute, pay-by) closes within a week;
 * - `missing`: the buyer has no parcel and the carrier says it is done with it: reported missing
 *   after "delivered", a failed delivery, a return to sender, a carrier-declared problem;
 * - `stuck`: the parcel (or the seller) has not moved for longer than the buyer's guide allows;
 *   ranked by how long it has waited, so 14 days in customs outranks a few days unshipped;
 * - `now`: the engine has a step to take now but nothing above applies;
 * - `active`: on its way, nothing to do; `done`: received, refunded or closed.
 */
export const URGENCY_GROUPS = ["money", "missing", "stuck", "now", "active", "done"] as const;

const MONEY_ALERTS: ReadonlySet<string> = new Set(["customs_action", "protection_expiring", "awaiting_pickup"]);
const MISSING_ALERTS: ReadonlySet<string> = new Set(["missing_after_delivered", "delivery_failed", "returned_to_sender"]);
const STUCK_ALERTS: ReadonlySet<string> = new Set(["customs_delay", "no_progress", "no_update", "label_stuck", "not_shipped"]);
/** Deadlines after which the buyer loses money or a right: protection, dispute, chargeback, pay-by, collect-by. */
const CLOSING_WINDOW = /(protection-ends|closes|escalate-by|pay-by|collect-by|return-window|request-extension|claim)$/;
/** Claim states in which the buyer is still chasing a parcel they do not have. */
const OPEN_CASES: ReadonlySet<string> = new Set(["checklist", "contacted_seller", "dispute_open", "escalated"]);

export const normaliseKey = (value: string) => value.replace(/[\s-]/g, "").toUpperCase();

export function dashboardRow(
  order: {
    id: string;
    created_at: string;
    platform: string;
    platform_name: string | null;
    item: string | null;
    order_number: string | null;
    time_zone: string | null;
  },
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
  const alerts: readonly string[] = assessment.alerts;
  const caseOpen = OPEN_CASES.has(assessment.case);
  const done =
    assessment.case === "closed" || assessment.case === "refunded" || (assessment.state === "delivered" && alerts.length === 0 && !caseOpen);
  // A window that closes within the week (not one that opens, nor the guide's "no update by" marks).
  const closing = assessment.deadlines.some((d) => !d.past && CLOSING_WINDOW.test(d.id) && Date.parse(d.due) - now.getTime() <= CLOSING_DAYS * DAY);
  const reportedMissing = alerts.includes("missing_after_delivered") || (assessment.state === "delivered" && caseOpen);
  // Days since the parcel (or, with no scan, the order) last moved: what a stuck order is ranked by.
  const waitedSince = latest?.at ?? facts.shippedAt ?? facts.orderedAt;
  const waited = Math.max(0, Math.floor((now.getTime() - Date.parse(waitedSince)) / DAY));
  const group = done
    ? 5
    : alerts.some((a) => MONEY_ALERTS.has(a)) || closing || assessment.state === "customs_held"
      ? 0
      : reportedMissing || alerts.some((a) => MISSING_ALERTS.has(a)) || assessment.state === "exception"
        ? 1
        : alerts.some((a) => STUCK_ALERTS.has(a))
          ? 2
          : nowAction
            ? 3
            : 4;
  const badge = reportedMissing
    ? { label: caseOpen && assessment.case !== "checklist" ? CASE_LABELS[assessment.case] : "Reported missing", tone: "reported_missing" }
    : { label: STATE_LABELS[assessment.state], tone: assessment.state };
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
    badge,
    group,
    weight: group === 2 ? waited : 0,
    searchKeys: [order.order_number, ...facts.trackingNumbers].filter((v): v is string => !!v).map(normaliseKey),
  };
}

/** Most urgent first; within a group the longest wait, the soonest deadline, then the newest order. */
export function byUrgency(a: DashboardRow, b: DashboardRow): number {
  if (a.group !== b.group) return a.group - b.group;
  if (a.weight !== b.weight) return b.weight - a.weight;
  const ad = a.nextDeadline?.due ?? "9999";
  const bd = b.nextDeadline?.due ?? "9999";
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
