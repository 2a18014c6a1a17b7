/**
 * `npm run bench [NAME…]`: runs every tests/bench/<name>.bench.ts in turn (each exports `run()` and
 * prints its own figures), or only the names given.
 */
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
const dir = new URL("./", import.meta.url);
const names = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.slice(0, -".bench.ts".length))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

for (const name of names) {
  const bench = (await import(new URL(`./${name}.bench.ts`, dir).href)) as { run: () => Promise<void> };
  console.log(`\n== ${name}`);
  await bench.run();
}
