/**
 * The missing-parcel checklist of one order (issue 8): what the page shows and what its buttons
 * record. Every step is a report on the order (event-sourced like the rest), so the machine, the
 * letters and the packet read the same facts. A report that changes the case re-plans reminders at
 * once, so "I found it" cancels them without waiting for the sweep.
 */
import type { DB } from "../../db/client.server.ts";
import { addReport } from "../../db/queries/reports.server.ts";
import { checklistFor, type ChecklistView } from "../../machines/checklist/checklist-for.ts";
import { CHECKLIST_STEPS, type ChecklistStepId } from "../../machines/checklist/checklist-steps.ts";
import { listEvidence } from "../evidence/evidence-service.server.ts";
import { evidenceView, type EvidenceView } from "../evidence/evidence-view.ts";
import { assessStoredOrder, type AssessedOrder } from "../orders/order-service.server.ts";
import { dayToIso } from "../orders/calendar-date.ts";
import { replanOrderReminders } from "../reminders/replan.server.ts";

export interface ChecklistPage {
  assessed: AssessedOrder;
  timeZone: string;
  checklist: ChecklistView;
  files: EvidenceView[];
}

export async function loadChecklist(db: DB, userId: string, userTimeZone: string, orderId: string, now: Date): Promise<ChecklistPage | null> {
  const assessed = await assessStoredOrder(db, userId, orderId, now);
  if (!assessed) return null;
  const files = (await listEvidence(db, userId, orderId)).map(evidenceView);
  const attachments: Record<string, number> = {};
  for (const f of files) if (f.checklistStep) attachments[f.checklistStep] = (attachments[f.checklistStep] ?? 0) + 1;
  const checklist = checklistFor(assessed.facts, assessed.assessment, now, { attachments });
  return { assessed, timeZone: assessed.order.time_zone ?? userTimeZone, checklist, files };
}

interface Writer {
  db: DB;
  userId: string;
  orderId: string;
  now: Date;
  messageDomain: string;
}

async function replan(w: Writer): Promise<void> {
  const assessed = await assessStoredOrder(w.db, w.userId, w.orderId, w.now);
  if (assessed)
    await replanOrderReminders(w.db, {
      orderId: w.orderId,
      userId: w.userId,
      assessment: assessed.assessment,
      now: w.now,
      messageDomain: w.messageDomain,
    });
}

/** "I did not receive it": recorded once; pressing it again while a case is open changes nothing. */
export async function reportNotReceived(w: Writer, note: string | null, caseIsOpen: boolean): Promise<void> {
  if (caseIsOpen) return;
  await addReport(w.db, w.userId, w.orderId, { kind: "not_received", at: w.now.toISOString(), note }, w.now);
  await replan(w);
}

/** "I found the parcel after all": the case closes and its reminders are cancelled. */
export async function reportFound(w: Writer, note: string | null): Promise<void> {
  await addReport(w.db, w.userId, w.orderId, { kind: "received", at: w.now.toISOString(), note }, w.now);
  await replan(w);
}

/**
 * The instant a step done "on" a calendar day is stored at: noon that day in the buyer's zone, or
 * now when that noon is still ahead (a report from the future would be ignored by the replay).
 */
export function stepInstant(day: string, timeZone: string, now: Date): string | null {
  const noon = dayToIso(day, timeZone, "noon");
  if (!noon) return null;
  return Date.parse(noon) > now.getTime() ? now.toISOString() : noon;
}

export async function recordStep(
  w: Writer,
  step: ChecklistStepId,
  title: string,
  outcome: { at: string; skipped: boolean; note: string | null; reference: string | null },
): Promise<void> {
  await addReport(
    w.db,
    w.userId,
    w.orderId,
    // The title as the buyer saw it goes with the report, so letters quote the step in words.
    { kind: "checklist_step", at: outcome.at, note: outcome.note, reference: outcome.reference, data: { step, skipped: outcome.skipped, title } },
    w.now,
  );
}

/** The step's title for this order (its marketplace, carrier and country), from the page's view. */
export function stepTitle(view: ChecklistView, step: ChecklistStepId): string {
  return view.steps.find((s) => s.id === step)?.title ?? CHECKLIST_STEPS.find((s) => s.id === step)!.base.title;
}
