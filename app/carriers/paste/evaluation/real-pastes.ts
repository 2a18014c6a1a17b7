/**
 * How many real pasted tracking histories (tests/fixtures/pastes/real/cases.json, each with its
 * source) the paste reader gets right: the number of events, and the first and last calendar day.
 *   npm run eval:pastes            (one line per case, then the totals)
 * Reads local files only; times without a zone are read as UTC, so the days are the page's days.
 */
import { readFileSync } from "node:fs";
import { parseHistory } from "../parse-history.ts";

interface Case {
  file: string;
  expected: { events: number; firstDay: string; lastDay: string };
}
const folder = new URL("../../../../tests/fixtures/pastes/real/", import.meta.url);
const cases = (JSON.parse(readFileSync(new URL("cases.json", folder), "utf8")) as { cases: Case[] }).cases;

let countRight = 0,
  endsRight = 0,
  bothRight = 0;
const out = process.stdout;
for (const c of cases) {
  const { events } = parseHistory(readFileSync(new URL(c.file, folder), "utf8"));
  const days = events.flatMap((e) => (e.at ? [e.at.slice(0, 10)] : [])).sort();
  const first = days[0] ?? "-";
  const last = days[days.length - 1] ?? "-";
  const count = events.length === c.expected.events;
  const ends = first === c.expected.firstDay && last === c.expected.lastDay;
  if (count) countRight++;
  if (ends) endsRight++;
  if (count && ends) bothRight++;
  out.write(
    `${count && ends ? "ok  " : "FAIL"} ${c.file.padEnd(38)} events ${events.length}/${c.expected.events}  days ${first}..${last}` +
      `${ends ? "" : ` (want ${c.expected.firstDay}..${c.expected.lastDay})`}\n`,
  );
}
out.write(`\n${cases.length} real pastes: right count ${countRight}, right first and last day ${endsRight}, both ${bothRight}/${cases.length}\n`);
