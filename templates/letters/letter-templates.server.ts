import { readFile } from "node:fs/promises";
import type { OrderFacts } from "../../machines/order-facts.ts";
import type { OrderAssessment } from "../document/assessment.ts";
import { letterTemplateName, renderLetter, type LetterKind } from "./render-letter.ts";

/** Reads the editable template file for a letter kind (the only I/O the letters need). */
export async function readLetterTemplate(kind: LetterKind, platform: OrderFacts["platform"]): Promise<string> {
  return readFile(new URL(`./${letterTemplateName(kind, platform)}.txt`, import.meta.url), "utf8");
}

/** Template file + facts → the letter's text. */
export async function writeLetter(kind: LetterKind, facts: OrderFacts, assessment: OrderAssessment, now: Date): Promise<string> {
  return renderLetter(await readLetterTemplate(kind, facts.platform), facts, assessment, now);
}
