import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LetterFacts, LetterLanguage } from "../document/letter-facts.ts";
import { letterLanguage } from "./letter-fit.ts";
import { LETTER_LENGTH_LIMIT, letterTemplateName, letterTemplatePath, renderLetter, type LetterKind } from "./render-letter.ts";

const cache = new Map<string, Promise<string>>();

/** Reads the editable template file for a letter kind and language (the only I/O the letters need). */
export function readLetterTemplate(kind: LetterKind, platform: string, lang: LetterLanguage): Promise<string> {
  const file = letterTemplatePath(kind, platform, lang);
  let text = cache.get(file);
  if (!text) {
    // Beside this module from source (CLI, tests); from the project's templates/ folder when the web
    // server runs the bundle in build/server, where the .txt files are not copied.
    const beside = new URL(`./${file}`, import.meta.url);
    text = readFile(existsSync(beside) ? beside : pathToFileURL(resolve("templates/letters", file)), "utf8");
    text.catch(() => cache.delete(file));
    cache.set(file, text);
  }
  return text;
}

export interface WrittenLetter {
  kind: LetterKind;
  lang: LetterLanguage;
  text: string;
}

/** Template file + facts → the letter's text, in the language the letter's reader reads (or `lang`). */
export async function writeLetter(
  kind: LetterKind,
  facts: LetterFacts,
  now: Date | string,
  options: { lang?: string | null } = {},
): Promise<WrittenLetter> {
  const lang = letterLanguage(kind, facts, options.lang);
  const template = await readLetterTemplate(kind, facts.order.platform, lang);
  const limit = LETTER_LENGTH_LIMIT[letterTemplateName(kind, facts.order.platform)];
  return { kind, lang, text: renderLetter(template, facts, lang, now, limit) };
}
