/** Everything the order page shows, from the stored facts assessed at `now`. */
import { actionLink } from "./action-links.ts";
import type { AssessmentView } from "./wizard/assessment-view.ts";
import type { DB } from "../../db/client.server.ts";
import { listReports, reportData } from "../../db/queries/reports.server.ts";
import { listTrackingEvents, listTrackingNumbers } from "../../db/queries/tracking.server.ts";
import { carrierLabel, REPORT_LABELS } from "~/components/order-words.ts";
import { formatDate, platformLabel } from "~/components/order-labels.ts";
import { providerStatusForOrder } from "../providers/provider-status.server.ts";
import { assessStoredOrder } from "./order-service.server.ts";
import { buildTimeline, progressSteps } from "./order-timeline.ts";
import { assessmentView } from "./wizard/assessment-view.ts";

const FINISHED_STATES = new Set(["delivered", "returned"]);

export async function loadOrderPage(db: DB, userId: string, userTimeZone: string, orderId: string, now: Date) {
  const assessed = await assessStoredOrder(db, userId, orderId, now);
  if (!assessed) return null;
  const { order, assessment } = assessed;
  const tz = order.time_zone ?? userTimeZone;
  const [numbers, events, reports, providerStatus] = await Promise.all([
    listTrackingNumbers(db, userId, orderId),
    listTrackingEvents(db, userId, orderId),
    listReports(db, userId, orderId),
    providerStatusForOrder(db, userId, orderId, now),
  ]);
  const legs = new Map(numbers.map((n) => [n.number, n.leg]));
  const facts: Array<[string, string | null]> = [
    ["Marketplace", platformLabel(order.platform, order.platform_name)],
    ["Order number", order.order_number],
    ["Item", order.item],
    ["Seller", order.seller],
    ["Ordered", formatDate(order.ordered_at, tz)],
    ["Amount", order.amount_value ? `${order.amount_value} ${order.currency ?? ""}`.trim() : null],
    ["Paid with", order.payment_method ? [order.payment_method, order.card_network].filter(Boolean).join(" · ") : null],
    ["Promised delivery", formatDate(order.promised_delivery_at, tz)],
    [
      "Estimated delivery",
      order.estimated_delivery_latest
        ? `${formatDate(order.estimated_delivery_earliest, tz) ?? "?"} – ${formatDate(order.estimated_delivery_latest, tz)}`
        : null,
    ],
  ];
  // The buyer's own dates win over computed ones; the page says which ones they gave.
  const overrides: string[] = [];
  if (order.protection_ends_at)
    overrides.push(`Buyer protection ends ${formatDate(order.protection_ends_at, tz)}, as you copied it from the order page.`);
  for (const r of reports) {
    const extended = r.kind === "protection_extended" ? reportData(r).protectionEndsAt : undefined;
    if (extended) overrides.push(`Protection extended to ${formatDate(extended, tz)} (recorded ${formatDate(r.at, tz)}).`);
  }
  return {
    order: { id: order.id, item: order.item ?? "Order", platform: order.platform, platformLabel: platformLabel(order.platform, order.platform_name) },
    facts: facts.filter((f): f is [string, string] => !!f[1]),
    numbers: numbers.map((n) => ({ id: n.id, number: n.number, carrier: carrierLabel(n.carrier), leg: n.leg, source: n.source })),
    progress: progressSteps(events.map((e) => e.milestone)),
    timeline: buildTimeline(
      events.map((e) => ({
        id: e.id,
        at: e.occurred_at,
        text: e.text,
        location: e.location,
        milestone: e.milestone,
        trackingNumber: e.tracking_number,
      })),
      legs,
      tz,
      now,
      !FINISHED_STATES.has(assessment.state),
    ),
    view: withActionLinks(assessmentView(assessment, tz, now), order.id),
    overrides,
    providerStatus,
    timeZone: tz,
    reports: reports.map((r) => ({ id: r.id, label: REPORT_LABELS[r.kind] ?? r.kind, when: formatDate(r.at, tz, true) ?? "", note: r.note })),
  };
}

/** Each action with the page where it is done (action-links.ts). */
function withActionLinks(view: AssessmentView, orderId: string): AssessmentView {
  return {
    ...view,
    actions: view.actions.map((a) => {
      const link = actionLink(a.id, orderId);
      return link ? { ...a, link } : a;
    }),
  };
}
