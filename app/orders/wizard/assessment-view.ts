/**
 * The engine's answer (machines/assess.ts) as a screen shows it: labels in plain English,
 * deadlines with their date in the buyer's zone and a countdown. Pure; `now` is an argument.
 */
import type { Assessment } from "../../../machines/assess.ts";
import { ALERT_LABELS, CASE_LABELS, MILESTONE_LABELS, STATE_LABELS } from "~/components/order-words.ts";
import { formatDate } from "~/components/order-labels.ts";
import { timeUntil } from "../relative-time.ts";

export interface AssessmentView {
  state: string;
  stateLabel: string;
  milestoneLabel: string | null;
  caseLabel: string;
  case: string;
  alerts: Array<{ id: string; label: string }>;
  deadlines: Array<{ id: string; title: string; reason: string; source: string; due: string; dueLabel: string; countdown: string; past: boolean }>;
  /** `link`: where the action is done, added by the order page (the wizard's review has no order yet). */
  actions: Array<{ id: string; title: string; urgency: "now" | "soon" | "later"; link?: { href: string; label: string } }>;
}

export function assessmentView(assessment: Assessment, timeZone: string, now: Date): AssessmentView {
  return {
    state: assessment.state,
    stateLabel: STATE_LABELS[assessment.state],
    milestoneLabel: assessment.milestone ? MILESTONE_LABELS[assessment.milestone] : null,
    case: assessment.case,
    caseLabel: CASE_LABELS[assessment.case],
    alerts: assessment.alerts.map((id) => ({ id, label: ALERT_LABELS[id] })),
    deadlines: [...assessment.deadlines]
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
      .map((d) => ({
        id: d.id,
        title: d.title,
        reason: d.reason,
        source: d.source,
        due: d.due,
        dueLabel: formatDate(d.due, timeZone) ?? d.due,
        countdown: timeUntil(d.due, now),
        past: d.past,
      })),
    actions: assessment.actions.map((a) => ({ id: a.id, title: a.title, urgency: a.urgency })),
  };
}
