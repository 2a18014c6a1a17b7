/**
 * What the checklist page's buttons do. Each validates first (conform + zod), then writes through
 * the scoped queries; the caller answers 404 for an order that is not the user's.
 */
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { DB } from "../../db/client.server.ts";
import { todayIn } from "../orders/calendar-date.ts";
import { CaseButtonSchema, StepDoneSchema, StepSkipSchema } from "./checklist-schemas.ts";
import { loadChecklist, recordStep, reportFound, reportNotReceived, stepInstant, stepTitle } from "./checklist-service.server.ts";

export type ChecklistOutcome =
  { kind: "redirect"; to: string } | { kind: "invalid"; formId: string; result: SubmissionResult<string[]> } | { kind: "missing" };

export interface ChecklistRequest {
  db: DB;
  userId: string;
  userTimeZone: string;
  orderId: string;
  now: Date;
  messageDomain: string;
  formData: FormData;
}

export async function runChecklistAction(req: ChecklistRequest): Promise<ChecklistOutcome> {
  const { db, userId, orderId, now, formData } = req;
  const page = await loadChecklist(db, userId, req.userTimeZone, orderId, now);
  if (!page) return { kind: "missing" };
  const writer = { db, userId, orderId, now, messageDomain: req.messageDomain };
  const intent = String(formData.get("intent") ?? "");
  const here = `/orders/${orderId}/checklist`;

  if (intent === "not-received" || intent === "found-it") {
    const submission = parseWithZod(formData, { schema: CaseButtonSchema });
    if (submission.status !== "success") return { kind: "invalid", formId: intent, result: submission.reply() };
    const note = submission.value.note ?? null;
    if (intent === "found-it") {
      await reportFound(writer, note);
      return { kind: "redirect", to: `${here}?done=found` };
    }
    await reportNotReceived(writer, note, !page.checklist.canReportMissing);
    return { kind: "redirect", to: `${here}?done=reported` };
  }

  if (intent === "step-done") {
    const formId = `step-done-${String(formData.get("step") ?? "")}`;
    const submission = parseWithZod(formData, { schema: StepDoneSchema });
    if (submission.status !== "success") return { kind: "invalid", formId, result: submission.reply() };
    const { step, doneOn, note, reference } = submission.value;
    if (doneOn > todayIn(page.timeZone, now)) {
      return {
        kind: "invalid",
        formId,
        result: submission.reply({ fieldErrors: { doneOn: ["That day is still ahead: enter the day you did it."] } }),
      };
    }
    const at = stepInstant(doneOn, page.timeZone, now)!;
    await recordStep(writer, step, stepTitle(page.checklist, step), { at, skipped: false, note: note ?? null, reference: reference ?? null });
    return { kind: "redirect", to: `${here}?done=step#step-${step}` };
  }

  if (intent === "step-skip") {
    const formId = `step-skip-${String(formData.get("step") ?? "")}`;
    const submission = parseWithZod(formData, { schema: StepSkipSchema });
    if (submission.status !== "success") return { kind: "invalid", formId, result: submission.reply() };
    const { step, reason } = submission.value;
    await recordStep(writer, step, stepTitle(page.checklist, step), { at: now.toISOString(), skipped: true, note: reason, reference: null });
    return { kind: "redirect", to: `${here}?done=skipped#step-${step}` };
  }

  return { kind: "invalid", formId: "", result: { status: "error", error: { "": ["That button did nothing: reload the page and try again."] } } };
}
