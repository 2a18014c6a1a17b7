/**
 * Every test number of jkeen/tracking_number_data (MIT) at the commit recorded in
 * tests/fixtures/numbers/tracking-number-data-upstream.json (vendored with source and licence by
 * app/carriers/numbers/evaluation/import-tracking-number-data.ts). A valid number must pass the
 * format row that mirrors its dataset entry, be detected as valid and name the dataset's carrier
 * among the candidates; an invalid one must not pass that row.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CarrierId } from "../../../../machines/vocabulary.ts";
import { detectNumber, matchFormats } from "../../../../app/carriers/numbers/detect.ts";
import { NUMBER_FORMATS } from "../../../../app/carriers/numbers/formats/index.ts";
import { S10_NATIONAL_POSTS } from "../../../../app/carriers/numbers/formats/upu-s10.ts";

interface DatasetEntry {
  dataset: string;
  carrier?: CarrierId;
  valid: string[];
  invalid: string[];
}

const fixture = JSON.parse(readFileSync(new URL("../../../fixtures/numbers/tracking-number-data-upstream.json", import.meta.url), "utf8")) as {
  commit: string;
  formats: DatasetEntry[];
};

function passesMirror(number: string, dataset: string): boolean {
  return matchFormats(number).some((match) => match.checkOk && (match.format.mirrors ?? []).includes(dataset));
}

function expectedCarrier(entry: DatasetEntry, number: string): CarrierId {
  if (entry.carrier) return entry.carrier;
  const country = number.replace(/\s/g, "").slice(-2);
  return S10_NATIONAL_POSTS[country] ?? "s10";
}

function checkEntry(entry: DatasetEntry): void {
  it("has a format row that mirrors it", () => {
    expect(NUMBER_FORMATS.some((format) => format.mirrors?.includes(entry.dataset))).toBe(true);
  });
  it.each(entry.valid)("%j is valid", (number) => {
    expect(passesMirror(number, entry.dataset)).toBe(true);
    const detection = detectNumber(number);
    expect(detection.valid).toBe(true);
    expect(detection.candidates.map((c) => c.carrier)).toContain(expectedCarrier(entry, number));
    if (entry.dataset === "s10/S10") expect(detection.country).toBe(number.replace(/\s/g, "").slice(-2));
  });
  it.each(entry.invalid)("%j is not valid for it", (number) => {
    expect(passesMirror(number, entry.dataset)).toBe(false);
  });
}

describe(`jkeen/tracking_number_data at ${fixture.commit.slice(0, 7)}`, () => {
  it("covers every courier file of the dataset", () => {
    expect(new Set(fixture.formats.map((entry) => entry.dataset.split("/")[0])).size).toBeGreaterThanOrEqual(18);
  });
  for (const entry of fixture.formats) describe(entry.dataset, () => checkEntry(entry));
});
