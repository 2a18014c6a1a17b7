/**
 * Field rules the query layer enforces before anything is written, so every stored row keeps the
 * shapes db/schema.ts promises (ISO-8601 UTC times, decimal text for money).
 */
import { z } from "zod";

/** Any ISO-8601 date-time with a zone, stored as UTC (`…Z`) so text order is time order. */
export const IsoInstantSchema = z
  .string()
  .trim()
  .datetime({ offset: true, message: "must be an ISO-8601 date and time with a time zone, e.g. 2026-03-01T10:00:00Z" })
  .transform((value) => new Date(value).toISOString());

export const TimeZoneSchema = z.string().trim().refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Paris" });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Optional free text: blank means absent. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));
}

/**
 * Input the query layer refuses, with a sentence naming each field ("ordered_at must be …").
 * Routes validate forms first; this is the last line, for the CLI, jobs and programming mistakes.
 */
export class InvalidInputError extends Error {
  constructor(
    what: string,
    readonly issues: z.ZodIssue[],
  ) {
    super(`${what}: ` + issues.map((issue) => `${issue.path.join(".") || "value"} ${issue.message}`).join("; "));
    this.name = "InvalidInputError";
  }
}

export function parseInput<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(what, result.error.issues);
  return result.data;
}
