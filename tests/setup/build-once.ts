/**
 * Vitest globalSetup: bundles the server, CLI, cron runners and packet worker into dist/ once per
 * test run (esbuild, a second or two), so the tests that spawn them exercise the JavaScript a user
 * runs, matching the sources under test. CLAIMTRAIL_SKIP_BUILD=1 says the build is fresh already
 * (CI builds before testing).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export default function setup(): void {
  if (process.env.CLAIMTRAIL_SKIP_BUILD === "1") return;
  const result = spawnSync(process.execPath, ["app/build/bundle.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`bundling dist/ failed:\n${result.stdout}\n${result.stderr}`);
}
