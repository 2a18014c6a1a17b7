/**
 * Bundles the Node entry points (web server, CLI, cron runners, packet PDF worker) into plain
 * JavaScript under dist/, so production and the CLI run without a TypeScript loader. Not under
 * build/: `remix vite:build` deletes that whole folder, which would race with anything using dist/.
 * `node app/build/bundle.mjs` (npm run build:node; `prepare` runs it after npm install).
 *
 * Plain .mjs on purpose: it must run before anything is built, with nothing but node and esbuild.
 * Packages stay external (native addons, fonts read through require.resolve, Remix): the bundle
 * only replaces our own TypeScript, node_modules is still used at run time.
 */
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const NODE_BUILD_DIR = join(PROJECT_ROOT, "dist");

/**
 * All outputs and shared chunks sit flat in dist/: render-in-worker finds the worker as
 * `packet-worker.mjs` beside whichever chunk holds it. Splitting keeps the CLI's per-command
 * dynamic imports lazy, so `detect` does not load the PDF or database code.
 */
const ENTRY_POINTS = {
  server: "app/server/main.ts",
  cli: "app/cli/main.ts",
  reminders: "app/reminders/run-sweep.ts",
  "providers-refresh": "app/providers/run-refresh.ts",
  "packet-worker": "templates/packet/packet-worker.server.ts",
};

export async function bundleNode() {
  const { build } = await import("esbuild");
  rmSync(NODE_BUILD_DIR, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: NODE_BUILD_DIR,
    outExtension: { ".js": ".mjs" },
    chunkNames: "[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  // Letter templates are read at run time beside the module that reads them (a chunk in here).
  const letters = join(PROJECT_ROOT, "templates/letters");
  for (const file of readdirSync(letters).filter((name) => name.endsWith(".txt"))) {
    copyFileSync(join(letters, file), join(NODE_BUILD_DIR, file));
  }
  return result.metafile;
}

/** `--if-available`: `prepare` also runs under `npm ci --omit=dev`, where esbuild is absent; skip. */
async function esbuildMissing() {
  try {
    await import("esbuild");
    return false;
  } catch {
    return true;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--if-available") && (await esbuildMissing())) {
    process.stdout.write("dist: esbuild is not installed (dev dependencies omitted); not bundling\n");
    process.exit(0);
  }
  const started = performance.now();
  const metafile = await bundleNode();
  const bytes = Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith(".mjs"))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  process.stdout.write(`dist: ${(bytes / 1024).toFixed(0)} KB of JavaScript in ${Math.round(performance.now() - started)} ms\n`);
}
