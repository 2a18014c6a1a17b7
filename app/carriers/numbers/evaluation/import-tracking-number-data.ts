/**
 * Rewrites tests/fixtures/numbers/tracking-number-data-upstream.json from a checkout of
 * jkeen/tracking_number_data (MIT): every format's test numbers, with the commit they come from.
 * Run by hand when the dataset moves (it reads local files only, never the network):
 *   tsx app/carriers/numbers/evaluation/import-tracking-number-data.ts DIR COMMIT
 * where DIR holds the dataset's couriers/*.json at COMMIT.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, commit] = process.argv.slice(2);
if (!dir || !/^[0-9a-f]{40}$/.test(commit ?? "")) {
  process.stderr.write(JSON.stringify({ error: "usage: import-tracking-number-data.ts COURIERS_DIR COMMIT" }) + "\n");
  process.exit(2);
}

/** Dataset courier codes to contract §3 ids; S10 has none (the country suffix decides). */
const CARRIERS: Record<string, string | undefined> = {
  amazon: "amazon",
  canada_post: "canada-post",
  canpar: "canpar",
  dhl: "dhl",
  dpd: "dpd",
  fedex: "fedex",
  gofo: "gofo",
  landmark: "landmark",
  lasership: "lasership",
  old_dominion: "old-dominion",
  ontrac: "ontrac",
  purolator: "purolator",
  s10: undefined,
  speedee: "speedee",
  ups: "ups",
  usps: "usps",
  yodel: "yodel",
  yunexpress: "yunexpress",
};

interface CourierFile {
  courier_code: string;
  tracking_numbers: { name: string; test_numbers?: { valid?: string[]; invalid?: string[] } }[];
}

const formats = readdirSync(dir)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .flatMap((file) => {
    const courier = JSON.parse(readFileSync(join(dir, file), "utf8")) as CourierFile;
    if (!(courier.courier_code in CARRIERS)) throw new Error(`no contract id for courier ${courier.courier_code}`);
    return courier.tracking_numbers.map((format) => {
      const carrier = format.name.startsWith("DHL E-Commerce") ? "dhl-ecommerce" : CARRIERS[courier.courier_code];
      return {
        dataset: `${courier.courier_code}/${format.name}`,
        file: `couriers/${file}`,
        ...(carrier ? { carrier } : {}),
        valid: format.test_numbers?.valid ?? [],
        invalid: format.test_numbers?.invalid ?? [],
      };
    });
  });

const fixture = {
  source: "https://github.com/jkeen/tracking_number_data (couriers/*.json, test_numbers only)",
  commit,
  licence: "MIT, Copyright (c) 2017 Jeff Keen; see LICENSE-tracking_number_data.txt in this folder",
  note: "Every format of the dataset at `commit`, written by app/carriers/numbers/evaluation/import-tracking-number-data.ts. `carrier` is our contract id (S10 numbers take the national post of their country suffix).",
  formats,
};
writeFileSync(
  new URL("../../../../tests/fixtures/numbers/tracking-number-data-upstream.json", import.meta.url),
  JSON.stringify(fixture, null, 2) + "\n",
);
process.stdout.write(`${formats.length} formats, ${formats.reduce((n, f) => n + f.valid.length + f.invalid.length, 0)} test numbers\n`);
