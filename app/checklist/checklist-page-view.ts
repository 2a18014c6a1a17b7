/**
 * The checklist as the page shows it: dates written out in the buyer's zone and the upload list
 * per step. Pure: the engine's view, the files and `now` come in.
 */
import type { ChecklistView } from "../../machines/checklist/checklist-for.ts";
import type { Deadline } from "../../machines/order-facts.ts";
import { formatDate } from "../components/order-labels.ts";
import type { EvidenceView } from "../evidence/evidence-view.ts";
import { todayIn } from "../orders/calendar-date.ts";

export interface DeadlineLine {
  id: string;
  title: string;
  when: string;
  reason: string;
  source: string;
  past: boolean;
}

function deadlineLine(d: Deadline, tz: string): DeadlineLine {
  return { id: d.id, title: d.title, when: formatDate(d.due, tz, true) ?? d.due, reason: d.reason, source: d.source, past: d.past };
}

export function checklistPageView(view: ChecklistView, files: readonly EvidenceView[], tz: string, now: Date) {
  return {
    today: todayIn(tz, now),
    delivered: view.delivered,
    reportedMissing: view.reportedMissing,
    canReportMissing: view.canReportMissing,
    reportedMissingOn: formatDate(view.reportedMissingAt, tz),
    deliveredOn: formatDate(view.deliveredAt, tz, true),
    caseClosed: view.case === "closed",
    progress: view.progress,
    deadlines: view.deadlines.map((d) => deadlineLine(d, tz)),
    steps: view.steps.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      why: s.why,
      writeDown: s.writeDown,
      source: s.source,
      status: s.status,
      on: formatDate(s.at, tz),
      note: s.note,
      reference: s.reference,
      attachments: s.attachments,
      files: files.filter((f) => f.checklistStep === s.id),
      deadlines: s.deadlines.map((d) => deadlineLine(d, tz)),
      nearestDeadline: s.nearestDeadline ? deadlineLine(s.nearestDeadline, tz) : null,
    })),
  };
}
export type ChecklistPageView = ReturnType<typeof checklistPageView>;
export type ChecklistStepLine = ChecklistPageView["steps"][number];
