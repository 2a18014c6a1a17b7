/**
 * Makes pasted text safe to read line by line: one newline convention, no control characters,
 * no invisible formatting marks, no line long enough to slow the rest down.
 */

/** Longest line kept; a tracking event is a sentence, not a megabyte. */
export const MAX_LINE_LENGTH = 2_000;

export interface CleanInput {
  lines: string[];
  warnings: string[];
}

// C0/C1 controls except tab and newline; zero-width and bidi marks copied from web pages.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\uFFFD]/gu;

/**
 * Trims spaces but keeps tabs at the ends of a line that has text: a browser copies a table row
 * whose first cell is empty as "\tdate\ttext", and the tab says which column the date is in.
 * A plain scan: a regex ` +$` is quadratic on long runs of spaces.
 */
function trimKeepingTabs(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line[start] === " ") start += 1;
  while (end > start && line[end - 1] === " ") end -= 1;
  const trimmed = line.slice(start, end);
  for (let i = 0; i < trimmed.length; i += 1) if (trimmed[i] !== "\t" && trimmed[i] !== " ") return trimmed;
  return "";
}

export function cleanInput(text: string): CleanInput {
  const warnings: string[] = [];
  const normalized = text.replace(/\r\n?|\u2028|\u2029|\u0085/g, "\n");
  let removed = 0;
  const visible = normalized.replace(INVISIBLE, () => {
    removed += 1;
    return " ";
  });
  if (removed > 0) warnings.push(`removed ${removed} control or invisible character${removed === 1 ? "" : "s"}`);
  let truncated = 0;
  const lines = visible.split("\n").map((raw) => {
    let line = raw
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " ")
      // Full-width digits, colon and slash ("２０２６年３月４日 ０８：１５") become ASCII so dates read;
      // the rest of the full-width punctuation ("，", "（") is the carrier's text and stays.
      .replace(/[\uFF10-\uFF1A\uFF0F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (line.length > MAX_LINE_LENGTH) {
      truncated += 1;
      line = line.slice(0, MAX_LINE_LENGTH);
    }
    return trimKeepingTabs(line);
  });
  if (truncated > 0) {
    warnings.push(`${truncated} line${truncated === 1 ? " was" : "s were"} longer than ${MAX_LINE_LENGTH} characters and cut short`);
  }
  return { lines, warnings };
}
