/** The order page's forms (shared by the browser and the server); messages say what to fix. */
import { z } from "zod";
import { REPORT_KINDS } from "../../machines/vocabulary.ts";
import { isCalendarDay } from "./calendar-date.ts";

export const RECORDABLE_KINDS = [...REPORT_KINDS, "protection_extended"] as const;

export const ReportFormSchema = z
  .object({
    kind: z.enum(RECORDABLE_KINDS, { errorMap: () => ({ message: "Choose what happened." }) }),
    protectionEndsOn: z.string().trim().optional(),
    note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "protection_extended") return;
    if (!v.protectionEndsOn) ctx.addIssue({ code: "custom", path: ["protectionEndsOn"], message: "Enter the new end date the marketplace shows." });
    else if (!isCalendarDay(v.protectionEndsOn))
      ctx.addIssue({ code: "custom", path: ["protectionEndsOn"], message: "Enter the new end date as a date, e.g. 2026-05-01." });
  });

export const AddEventsSchema = z.object({
  history: z
    .string({ required_error: "Paste the tracking history, with the date of each event." })
    .trim()
    .max(200_000, "That paste is too long; copy only the tracking history."),
  /** The tracking number the history was copied from (the paste form's leg select); empty: the latest leg. */
  leg: z.string().trim().max(60).optional(),
});

export const AddNumberSchema = z.object({
  number: z.string({ required_error: "Paste the tracking number." }).trim().max(200, "A tracking number is at most 40 characters."),
  local: z.boolean().optional(),
});

export const DeleteSchema = z.object({
  confirm: z.boolean({ required_error: "Tick the box to confirm that everything of this order should be deleted." }),
});
