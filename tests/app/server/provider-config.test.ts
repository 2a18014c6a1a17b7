import { describe, expect, it } from "vitest";
import { spawnServer, testSecret } from "./server-process.ts";

/** The real entry with a bad provider setting: it must stop before serving anything. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { proc, output } = spawnServer({ NODE_ENV: "production", SESSION_SECRET: testSecret(), PORT: "0", DATABASE_URL: "file::memory:", ...env });
  const code = await new Promise<number | null>((resolve) => proc.once("exit", resolve));
  return { code, output: output() };
}

describe("start-up with bad provider settings", () => {
  it.each([
    [
      { AFTERSHIP_API_KEY: "k", AFTERSHIP_API_URL: "not a url" },
      /^claimtrail: AFTERSHIP_API_URL: must be a URL such as https:\/\/api.aftership.com\/tracking\/2024-04\/$/,
    ],
    [{ SEVENTEENTRACK_API_KEY: "k", PROVIDER_REFRESH_MS: "soon" }, /^claimtrail: PROVIDER_REFRESH_MS must be a number of milliseconds \(0 = off\)$/],
  ])("%j stops with one clear line and exit 1", async (env, message) => {
    const { code, output } = await failedStart(env);
    expect(code).toBe(1);
    const lines = output
      .trimEnd()
      .split("\n")
      .filter((l) => !l.startsWith("{"));
    expect(lines).toEqual([expect.stringMatching(message)]);
  });
});
