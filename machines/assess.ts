/**
 * The whole answer for one order at `now` (CONTRACT.md §4 `assess`): the machine's state and case,
 * the deadlines, the alerts they raise and the next actions. Pure: the facts and the clock come in.
 */
import { alertsOf } from "./alerts.ts";
import { computeDeadlines, type OrderView } from "./deadlines.ts";
import { nextActions } from "./next-actions.ts";
import type { Deadline, NextAction, OrderFacts } from "./order-facts.ts";
import { caseOf, stateOf, type OrderSnapshot } from "./order.machine.ts";
import { replay } from "./replay.ts";
import type { Alert, CaseState, Milestone, OrderState } from "./vocabulary.ts";

export interface Assessment {
  state: OrderState;
  /** The latest known milestone, or null when the carrier has said nothing we understood. */
  milestone: Exclude<Milestone, "unknown"> | null;
  alerts: Alert[];
  case: CaseState;
  deadlines: Deadline[];
  actions: NextAction[];
}

/** The answer for a snapshot already at `now` (e.g. one restored from the cache). */
export function assessSnapshot(facts: OrderFacts, snapshot: OrderSnapshot, now: Date): Assessment {
  const view: OrderView = { state: stateOf(snapshot), case: caseOf(snapshot), context: snapshot.context };
  const deadlines = computeDeadlines(facts, view, now);
  const alerts = alertsOf(view, deadlines, now);
  return {
    state: view.state,
    milestone: view.context.latestMilestone,
    alerts,
    case: view.case,
    deadlines,
    actions: nextActions(facts, view, alerts, deadlines, now),
  };
}

/** Events must already carry their milestone (the caller classifies raw text first). */
export function assessOrder(facts: OrderFacts, now: Date): Assessment {
  return assessSnapshot(facts, replay(facts, now), now);
}
