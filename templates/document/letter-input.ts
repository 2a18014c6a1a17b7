import { z } from "zod";
import type { OrderFacts } from "../../machines/order-facts.ts";
import type { OrderAssessment } from "./assessment.ts";
import { buildLetterFacts, type LetterExtras, type LetterFacts, type LetterLeg } from "./letter-facts.ts";

/**
 * Adapter for the contract's order JSON (CONTRACT §4 `letter`): the engine's facts are already
 * parsed (app/orders/order-input-schema.ts); this reads the letter extras that schema does not keep
 * (buyer country and language, payment reference, the carrier's case number, skipped steps with
 * their reasons, references) and notes which dates came without a time.
 */

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
const isDateOnly = (value: unknown): boolean => typeof value === "string" && DATE_ONLY.test(value);

const optionalText = z.string({ invalid_type_error: "expected text" }).nullish();

export const LetterExtrasSchema = z.object({
  destinationCountry: z
    .string({ invalid_type_error: 'expected an ISO 3166-1 alpha-2 country code such as "ES"' })
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as "ES"')
    .nullish(),
  paymentReference: optionalText,
  carrierCaseNumber: optionalText,
  buyer: z
    .object({
      name: optionalText,
      address: optionalText,
      email: optionalText,
      country: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, 'expected a country code such as "ES"')
        .nullish(),
      language: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}(?:[-_][A-Za-z0-9]+)*$/, 'expected a language code such as "es"')
        .nullish(),
    })
    .nullish(),
  checklist: z
    .array(
      z.object({
        doneAt: z.unknown().optional(),
        skipped: z.boolean({ invalid_type_error: "expected true or false" }).optional(),
        reason: optionalText,
        reference: optionalText,
      }),
    )
    .optional(),
  events: z.array(z.object({ at: z.unknown().optional() })).optional(),
  reports: z.array(z.object({ at: z.unknown().optional() })).optional(),
});
export type LetterExtrasInput = z.infer<typeof LetterExtrasSchema>;

export type LetterExtrasResult = { ok: true; extras: LetterExtrasInput } | { ok: false; error: string };

/** Validates the extras of already-parsed JSON; never throws. */
export function parseLetterExtras(raw: unknown): LetterExtrasResult {
  const result = LetterExtrasSchema.safeParse(raw);
  if (result.success) return { ok: true, extras: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    error: `${issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
      .join("")
      .replace(/^\./, "")}: ${issue.message}`,
  };
}

export interface EdgeHelpers {
  /** Carrier id for a tracking number (app/carriers detection), for legs no event names. */
  carrierOfNumber?: (number: string) => string | null;
  /** The latest hand-over leg announced in the events (app/carriers/handover). */
  handover?: LetterLeg | null;
}

export function letterFactsFromInput(
  facts: OrderFacts,
  assessment: OrderAssessment,
  input: LetterExtrasInput,
  helpers: EdgeHelpers = {},
): LetterFacts {
  const extras: LetterExtras = {
    buyer: input.buyer ?? null,
    destinationCountry: input.destinationCountry ?? null,
    paymentReference: input.paymentReference ?? null,
    carrierCaseNumber: input.carrierCaseNumber ?? null,
    checklistExtras: (input.checklist ?? []).map((c) => ({
      skipped: c.skipped,
      reason: c.reason ?? null,
      reference: c.reference ?? null,
      dateOnly: isDateOnly(c.doneAt),
    })),
    eventDateOnly: (input.events ?? []).map((e) => isDateOnly(e.at)),
    reportDateOnly: (input.reports ?? []).map((r) => isDateOnly(r.at)),
    carrierOfNumber: helpers.carrierOfNumber,
    handover: helpers.handover ?? null,
  };
  return buildLetterFacts(facts, assessment, extras);
}
