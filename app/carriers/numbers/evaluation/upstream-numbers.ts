/**
 * How many of jkeen/tracking_number_data's test numbers (vendored fixture, commit recorded in it) the
 * detector gets right: valid ones detected as valid with the dataset's carrier first / among the
 * candidates, invalid ones refused by the format row that mirrors their entry.
 *   tsx app/carriers/numbers/evaluation/upstream-numbers.ts
 */
import { readFileSync } from "node:fs";
import { detectNumber, matchFormats } from "../detect.ts";
import { S10_NATIONAL_POSTS } from "../formats/upu-s10.ts";

interface Entry {
  dataset: string;
  carrier?: string;
  valid: string[];
  invalid: string[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../../../tests/fixtures/numbers/tracking-number-data-upstream.json", import.meta.url), "utf8"),
) as { commit: string; formats: Entry[] };

let valid = 0,
  detected = 0,
  first = 0,
  invalid = 0,
  refused = 0;
const misses: string[] = [];
for (const entry of fixture.formats) {
  for (const number of entry.valid) {
    valid++;
    const expected = entry.carrier ?? S10_NATIONAL_POSTS[number.replace(/\s/g, "").slice(-2)] ?? "s10";
    const detection = detectNumber(number);
    const carriers = detection.candidates.map((c) => c.carrier as string);
    if (detection.valid && carriers.includes(expected)) detected++;
    else misses.push(`valid   ${entry.dataset}: ${JSON.stringify(number)} -> ${carriers.join(",") || "none"}`);
    if (detection.valid && detection.carrier === expected) first++;
  }
  for (const number of entry.invalid) {
    invalid++;
    const passes = matchFormats(number).some((m) => m.checkOk && (m.format.mirrors ?? []).includes(entry.dataset));
    if (!passes) refused++;
    else misses.push(`invalid ${entry.dataset}: ${JSON.stringify(number)} passes its row`);
  }
}
const out = process.stdout;
out.write(`jkeen/tracking_number_data ${fixture.commit}\n`);
out.write(`valid numbers detected with the right carrier among candidates: ${detected}/${valid} (first: ${first}/${valid})\n`);
out.write(`invalid numbers refused by their format row: ${refused}/${invalid}\n`);
for (const miss of misses) out.write(`  ${miss}\n`);
