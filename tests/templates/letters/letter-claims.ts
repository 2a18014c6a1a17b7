import { expect } from "vitest";
import { letterDay } from "../../../templates/document/letter-dates.ts";
import type { LetterFacts, LetterLanguage } from "../../../templates/document/letter-facts.ts";
import { BLANK_PATTERN } from "../../../templates/document/missing-fact.ts";
import { LETTER_WORDS } from "../../../templates/letters/letter-words.ts";
import type { LetterKind } from "../../../templates/letters/render-letter.ts";

const ANY_BLANK = new RegExp(BLANK_PATTERN.source);

/** A seller letter that still threatens a dispute, in any of the languages. */
export const THREAT =
  /I will open a dispute|abriré una disputa|abrirei uma disputa|j'ouvrirai un litige|eröffne ich einen Konfliktfall|otworzę spór|aprirò una contestazione/;

/** Every calendar day from 2025 to 2027 in the letter's words, to find which ones a letter names. */
const DAYS = Array.from({ length: 3 * 366 }, (_, i) => new Date(Date.UTC(2025, 0, 1, 12) + i * 86_400_000).toISOString());
function daysIn(text: string, zone: string, locale: string): string[] {
  const found: string[] = [];
  for (const iso of DAYS) {
    const day = letterDay(iso, zone, locale)!;
    let at = text.indexOf(day);
    while (at >= 0) {
      // "1 March" inside "21 March" is not a date of its own.
      if (at === 0 || !/\d/.test(text[at - 1])) {
        found.push(day);
        break;
      }
      at = text.indexOf(day, at + 1);
    }
  }
  return found;
}

function recordedDays(facts: LetterFacts, zone: string, locale: string): string[] {
  const o = facts.order;
  const isos = [
    o.orderedAt,
    o.shippedAt,
    o.protectionEndsAt,
    o.estimatedDelivery?.earliest,
    o.estimatedDelivery?.latest,
    ...facts.events.map((e) => e.at),
    ...facts.reports.map((r) => r.at),
    ...facts.steps.map((s) => s.at),
    ...facts.deadlines.map((d) => d.due),
  ];
  return isos.flatMap((iso) => (iso ? [letterDay(iso, zone, locale)!] : []));
}

/**
 * Checks one letter against the facts it was written from: what a buyer would be embarrassed by if
 * it were false. Returns nothing; fails the test with the letter's name.
 */
export function checkClaims(text: string, facts: LetterFacts, kind: LetterKind, lang: LetterLanguage, label: string, now: string): void {
  const w = LETTER_WORDS[lang];
  const zone = facts.order.timeZone ?? "UTC";
  const day = (iso: string | null | undefined) => letterDay(iso, zone, w.locale);
  expect(text, label).not.toMatch(ANY_BLANK);
  expect(text, label).not.toMatch(/fill in|undefined|\bnull\b|NaN|Invalid Date|\{\{|\}\}/);
  const lines = text.split("\n");
  for (const step of facts.steps) {
    const name = (step.id && w.stepTitle[step.id]) || step.title;
    const said = (step.id && w.stepDone[step.id]) || `"${step.title}"`;
    if (step.status === "done") {
      // Every letter that tells the story lists each done step with its date; the customs inquiry does
      // not list steps, and a marketplace form may have dropped list lines to fit its cap.
      const listed = lines.some((l) => l.startsWith(`- ${day(step.at)}: ${said}`));
      if (kind !== "customs" && kind !== "marketplace") expect(listed, `${label}: done step ${step.title}`).toBe(true);
      // Wherever its words appear, they are on the dated line.
      expect(
        lines.filter((l) => l.includes(said)).every((l) => l.startsWith(`- ${day(step.at)}: `)),
        `${label}: done step ${step.title} dated`,
      ).toBe(true);
    } else if (step.status === "skipped") {
      // Said only as not done, never among the things done.
      expect(
        lines.filter((l) => l.includes(said) || l.includes(`"${name}"`)).every((l) => l.startsWith(`- ${w.notDone}: `)),
        `${label}: skipped ${step.title}`,
      ).toBe(true);
    } else {
      expect(
        text.includes(step.title) || (step.id !== null && w.stepDone[step.id] !== undefined && text.includes(w.stepDone[step.id])),
        `${label}: open step ${step.title}`,
      ).toBe(false);
    }
  }
  const reported = (kind: string) => facts.reports.some((r) => r.kind === kind);
  if (!reported("dispute_opened")) expect(text, label).not.toMatch(/DSP-|JM-/);
  // Every date the letter names in words is a recorded date, today, or the answer-by date it asks for.
  const answerBy = Array.from({ length: 6 }, (_, i) => new Date(Date.parse(now) + i * 86_400_000).toISOString());
  const allowed = new Set([...recordedDays(facts, zone, w.locale), ...answerBy.map((iso) => day(iso)!)]);
  for (const found of daysIn(text, zone, w.locale)) expect(allowed, `${label}: date ${found}`).toContain(found);
  const disputeRef = [...facts.reports]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .filter((r) => r.kind === "dispute_opened" && r.reference)
    .at(-1)?.reference;
  if (disputeRef && ["seller", "marketplace", "paypal", "card-issuer"].includes(kind)) expect(text, label).toContain(disputeRef);
  if (kind === "seller" && reported("dispute_opened")) expect(text, label).not.toMatch(THREAT);
  if (kind === "paypal" && facts.paymentReference) expect(text, label).toContain(facts.paymentReference);
  if (kind !== "paypal" && kind !== "card-issuer" && facts.paymentReference) expect(text, label).not.toContain(facts.paymentReference);
  if (kind === "carrier" || kind === "customs") expect(text, label).toContain(facts.currentLeg!.number);
}
