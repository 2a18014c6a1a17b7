/** The checklist page's forms (shared by the browser and the server); messages say what to fix. */
import { z } from "zod";
import { CHECKLIST_STEP_IDS } from "../../machines/checklist/checklist-steps.ts";
import { isCalendarDay } from "../orders/calendar-date.ts";

const step = z.enum(CHECKLIST_STEP_IDS, { errorMap: () => ({ message: "That step is not on the checklist: reload the page." }) });

export const StepDoneSchema = z.object({
  step,
  doneOn: z
    .string({ required_error: "Enter the day you did this, e.g. 2026-03-21." })
    .trim()
    .refine(isCalendarDay, "Enter the day as a date, e.g. 2026-03-21."),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
  reference: z.string().trim().max(200, "Keep the reference number under 200 characters.").optional(),
});

export const StepSkipSchema = z.object({
  step,
  reason: z
    .string({ required_error: "Say why you skip this step: the marketplace or your bank may ask." })
    .trim()
    .min(3, "Say why you skip this step: the marketplace or your bank may ask.")
    .max(2000, "Keep the reason under 2,000 characters."),
});

/** The case buttons: "I did not receive it" and "I found the parcel". */
export const CaseButtonSchema = z.object({
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
});
