/**
 * The reminder settings form, checked with zod on the server and (with JavaScript) in the browser.
 * Messages say what to fix.
 */
import { z } from "zod";
import { REMINDER_CHANNELS } from "../../machines/reminder-plan.ts";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeOfDay = (label: string) =>
  z
    .string({ required_error: `Give ${label} as HH:MM, e.g. 09:00.` })
    .trim()
    .regex(TIME, `Give ${label} as HH:MM, e.g. 09:00.`);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const MAX_LEAD_DAYS = 60;

export const ReminderSettingsSchema = z
  .object({
    intent: z.literal("save"),
    channels: z.array(z.enum(REMINDER_CHANNELS, { errorMap: () => ({ message: "Choose app, e-mail or webhook." }) })).default([]),
    leadDays: z.string({ required_error: "Give the days before a deadline to remind you, e.g. 7, 3, 1." }).transform((text, ctx) => {
      const parts = text.split(/[\s,;]+/).filter(Boolean);
      const days = parts.map(Number);
      if (parts.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_LEAD_DAYS)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Give whole numbers of days from 0 to ${MAX_LEAD_DAYS}, separated by commas, e.g. 7, 3, 1.`,
        });
        return z.NEVER;
      }
      if (parts.length > 10) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Give at most 10 reminder days." });
        return z.NEVER;
      }
      return [...new Set(days)].sort((a, b) => b - a);
    }),
    sendTime: timeOfDay("the time to send reminders"),
    quietStart: timeOfDay("the start of the quiet hours").optional(),
    quietEnd: timeOfDay("the end of the quiet hours").optional(),
    timeZone: z
      .string({ required_error: "Give your time zone, e.g. Europe/Paris." })
      .trim()
      .refine(isTimeZone, "That is not a time zone we know; use a name such as Europe/Paris or America/New_York."),
    email: z.string().trim().email("Give an e-mail address such as you@example.com.").optional(),
    webhookUrl: z
      .string()
      .trim()
      .url("Give the full webhook address, starting with https://.")
      .refine((u) => /^https?:\/\//i.test(u), "The webhook address must start with https:// (or http://).")
      .optional(),
    webhookSecret: z
      .string()
      .trim()
      .min(16, "Use a secret of at least 16 characters, or leave it empty to get one made for you.")
      .max(200)
      .optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.quietStart === undefined) !== (value.quietEnd === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [value.quietStart === undefined ? "quietStart" : "quietEnd"],
        message: "Give both the start and the end of the quiet hours, or neither.",
      });
    }
    if (value.channels.includes("email") && !value.email) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "Give the e-mail address for reminders, or untick e-mail." });
    }
    if (value.channels.includes("webhook") && !value.webhookUrl) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["webhookUrl"], message: "Give the webhook address, or untick webhook." });
    }
  });

export type ReminderSettings = z.output<typeof ReminderSettingsSchema>;
