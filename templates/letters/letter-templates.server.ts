import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { OrderFacts } from "../../machines/order-facts.ts";
import type { OrderAssessment } from "../document/assessment.ts";
import { letterTemplateName, renderLetter, type LetterKind } from "./render-letter.ts";

/** Reads the editable template file for a letter kind (the only I/O the letters need). */
export async function readLetterTemplate(kind: LetterKind, platform: OrderFacts["platform"]): Promise<string> {
  const file = `${letterTemplateName(kind, platform)}.txt`;
  // Beside this module from source (CLI, tests); from the project's templates/ folder when the web
  // server runs the bundle in build/server, where the .txt files are not copied.
  const beside = new URL(`./${file}`, import.meta.url);
  return readFile(existsSync(beside) ? beside : pathToFileURL(resolve("templates/letters", file)), "utf8");
}

/** Template file + facts → the letter's text. */
export async function writeLetter(kind: LetterKind, facts: OrderFacts, assessment: OrderAssessment, now: Date): Promise<string> {
  return renderLetter(await readLetterTemplate(kind, facts.platform), facts, assessment, now);
}
