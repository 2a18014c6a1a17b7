import type { Platform } from "../../machines/vocabulary.ts";
import { cleanText } from "../document/clean-text.ts";
import type { LetterFacts, LetterLanguage } from "../document/letter-facts.ts";
import { fillTemplate } from "./fill-template.ts";
import { letterFields } from "./letter-fields.ts";
import type { LetterKind } from "./letter-kinds.ts";

export { isLetterKind, LETTER_KINDS, type LetterKind } from "./letter-kinds.ts";

const MARKETPLACE_TEMPLATES: ReadonlySet<string> = new Set(["aliexpress", "temu"]);

/**
 * The template file (without `.txt`) for a kind. Marketplaces ask for different things, so the
 * marketplace letter has one template per platform, and a general one for the others.
 */
export function letterTemplateName(kind: LetterKind, platform: Platform | string): string {
  if (kind !== "marketplace") return kind;
  return MARKETPLACE_TEMPLATES.has(platform) ? `marketplace-${platform}` : "marketplace-other";
}

/** Where a template lives under templates/letters/: one folder per language. */
export function letterTemplatePath(kind: LetterKind, platform: Platform | string, lang: LetterLanguage): string {
  return `${lang}/${letterTemplateName(kind, platform)}.txt`;
}

/**
 * Longest text the marketplace's form takes. No official figure was found for either form, so
 * these are our own conservative caps (app/documents/letter-limits.ts shows them on the page).
 */
export const LETTER_LENGTH_LIMIT: Readonly<Record<string, number>> = {
  "marketplace-aliexpress": 1000,
  "marketplace-temu": 1000,
};

const charCount = (text: string) => Array.from(text).length;

/**
 * Shortens a form text to `limit` characters by leaving out whole lines, never cutting one: first
 * the latest list items ("- …"), then other lines from the end, keeping the opening line and the
 * closing request.
 */
export function fitToLimit(text: string, limit: number): string {
  const lines = text.replace(/\n+$/, "").split("\n");
  const joined = () =>
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n";
  const dropLast = (pick: (line: string, i: number) => boolean): boolean => {
    for (let i = lines.length - 1; i >= 0; i--) {
      if (pick(lines[i], i)) {
        lines.splice(i, 1);
        return true;
      }
    }
    return false;
  };
  while (charCount(joined()) > limit && dropLast((l) => l.startsWith("- "))) {
    /* list items first */
  }
  while (charCount(joined()) > limit && dropLast((l, i) => i > 0 && i < lines.length - 1 && l.trim() !== "")) {
    /* then whole sentences from the end */
  }
  while (charCount(joined()) > limit && lines.length > 1) lines.pop();
  return joined();
}

/**
 * Fills a letter template with the recorded facts in the given language. Pure and deterministic:
 * the same template, facts, language and `now` give the same text.
 */
export function renderLetter(template: string, facts: LetterFacts, lang: LetterLanguage, now: Date | string, limit?: number): string {
  const nowIso = typeof now === "string" ? now : now.toISOString();
  const text = cleanText(fillTemplate(template, letterFields(facts, lang, nowIso)));
  return limit ? fitToLimit(text, limit) : text;
}
