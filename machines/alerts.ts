/**
 * What needs attention now (CONTRACT.md §2), read off the state, the case and the deadlines. The
 * time-based alerts are exactly "the buyer's-guide deadline has passed", and those deadlines only
 * exist in the states they concern, so an alert can never contradict the state.
 */
import { isoMs } from "./calendar.ts";
import type { Deadline } from "./order-facts.ts";
import { BUYERS_GUIDE } from "./policies/buyers-guide.ts";
import { GUIDE_DEADLINE_IDS, MARKETPLACE_WINDOW_IDS, type OrderView } from "./deadlines.ts";
import { ALERTS, type Alert, type CaseState, type OrderState } from "./vocabulary.ts";

/** A passed buyer's-guide deadline raises this alert. */
const ALERT_OF_PASSED_GUIDE_DEADLINE: Record<string, Alert> = {
  [GUIDE_DEADLINE_IDS.trackingExpected]: "not_shipped",
  [GUIDE_DEADLINE_IDS.labelStuck]: "label_stuck",
  [GUIDE_DEADLINE_IDS.noUpdate]: "no_update",
  [GUIDE_DEADLINE_IDS.noProgress]: "no_progress",
  [GUIDE_DEADLINE_IDS.customsDelay]: "customs_delay",
};

/** States that need the buyer at once, whatever the time. */
const ALERT_OF_STATE: Partial<Record<OrderState, Alert>> = {
  customs_held: "customs_action",
  returned: "returned_to_sender",
  delivery_failed: "delivery_failed",
};

/** Nothing needs attention once the money is back or the buyer closed the case. */
const QUIET_CASES: ReadonlySet<CaseState> = new Set(["refunded", "closed"]);
/** A dispute already open makes an expiring protection window moot. */
const WINDOW_WATCH_CASES: ReadonlySet<CaseState> = new Set(["none", "checklist", "contacted_seller"]);

/**
 * A claim still being worked on (the buyer said it had not come and has not said otherwise since):
 * after "delivered" it stays missing while the buyer contacts the seller, disputes or escalates.
 */
const OPEN_CLAIM_CASES: ReadonlySet<CaseState> = new Set(["checklist", "contacted_seller", "dispute_open", "escalated"]);

const ALERT_ORDER = new Map<Alert, number>(ALERTS.map((a, i) => [a, i]));

export function alertsOf(view: OrderView, deadlines: readonly Deadline[], now: Date): Alert[] {
  if (QUIET_CASES.has(view.case)) return [];
  const alerts = new Set<Alert>();
  const nowMs = now.getTime();
  const horizonMs = nowMs + BUYERS_GUIDE.rules.protectionExpiringDays * 86_400_000;
  for (const deadline of deadlines) {
    const alert = ALERT_OF_PASSED_GUIDE_DEADLINE[deadline.id];
    if (alert && deadline.past) alerts.add(alert);
    if (MARKETPLACE_WINDOW_IDS.has(deadline.id) && WINDOW_WATCH_CASES.has(view.case)) {
      const dueMs = isoMs(deadline.due);
      if (dueMs >= nowMs && dueMs <= horizonMs) alerts.add("protection_expiring");
    }
  }
  const stateAlert = ALERT_OF_STATE[view.state];
  if (stateAlert) alerts.add(stateAlert);
  if (view.state === "delivered" && OPEN_CLAIM_CASES.has(view.case)) alerts.add("missing_after_delivered");
  return [...alerts].sort((a, b) => (ALERT_ORDER.get(a) ?? 0) - (ALERT_ORDER.get(b) ?? 0));
}
