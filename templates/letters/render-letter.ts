import type { OrderFacts } from "../../machines/order-facts.ts";
import type { Platform } from "../../machines/vocabulary.ts";
import type { OrderAssessment } from "../document/assessment.ts";
import { cleanText } from "../document/clean-text.ts";
import { fillTemplate } from "./fill-template.ts";
import { letterFields } from "./letter-fields.ts";

/** Letter kinds, exactly as contract §4 names them. */
export const LETTER_KINDS = ["seller", "marketplace", "carrier", "customs", "card-issuer", "paypal"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

/**
 * The template file (without `.txt`) for a kind. Marketplaces ask for different things, so the
 * marketplace letter has one template per platform.
 */
export function letterTemplateName(kind: LetterKind, platform: Platform): string {
  return kind === "marketplace" ? `marketplace-${platform}` : kind;
}

/**
 * Longest text the marketplace's form takes. No official figure was found for either form, so
 * these are our own conservative caps, kept by the templates (tests check them).
 */
export const LETTER_LENGTH_LIMIT: Readonly<Record<string, number>> = {
  "marketplace-aliexpress": 1000,
  "marketplace-temu": 1000,
};

/**
 * Fills a letter template with the order's facts. Pure and deterministic: the same template,
 * facts, assessment and `now` give the same text.
 */
export function renderLetter(template: string, facts: OrderFacts, assessment: OrderAssessment, now: Date | string): string {
  const nowIso = typeof now === "string" ? now : now.toISOString();
  return cleanText(fillTemplate(template, letterFields(facts, assessment, nowIso)));
}
