import { describe, expect, it } from "vitest";
import { startProviderRefresher } from "../../../app/providers/scheduler.server.ts";
import { createTestDatabase } from "../../factories/db.ts";

const quiet = () => {
  const lines: string[] = [];
  const log = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  return { logger: { info: log, warn: log, error: log }, lines };
};

describe("in-server provider refresher", () => {
  it("stays off with no provider key and says that orders follow pasted data", async () => {
    const t = await createTestDatabase();
    const { logger, lines } = quiet();
    expect(startProviderRefresher({ db: () => t.db, logger, appUrl: "http://localhost:3000", env: {} })).toBeNull();
    expect(lines.join("\n")).toMatch(/no tracking provider configured/);
    await t.close();
  });

  it("stays off under the test runner unless a test asks, and when PROVIDER_REFRESH_MS is 0", async () => {
    const t = await createTestDatabase();
    const { logger } = quiet();
    const keys = { SEVENTEENTRACK_API_KEY: "k", SEVENTEENTRACK_API_URL: "http://127.0.0.1:9/" };
    expect(startProviderRefresher({ db: () => t.db, logger, appUrl: "http://localhost:3000", env: { ...keys, VITEST: "true" } })).toBeNull();
    expect(
      startProviderRefresher({ db: () => t.db, logger, appUrl: "http://localhost:3000", env: { ...keys, PROVIDER_REFRESH_MS: "0" } }),
    ).toBeNull();
    await t.close();
  });

  it("refuses a malformed interval or provider URL with a message naming the variable", () => {
    const { logger } = quiet();
    const start = (env: Record<string, string>) => () =>
      startProviderRefresher({
        db: () => {
          throw new Error("unused");
        },
        logger,
        appUrl: "http://localhost:3000",
        env,
      });
    expect(start({ SEVENTEENTRACK_API_KEY: "k", PROVIDER_REFRESH_MS: "soon" })).toThrow(
      /^PROVIDER_REFRESH_MS must be a number of milliseconds \(0 = off\)$/,
    );
    expect(start({ AFTERSHIP_API_KEY: "k", AFTERSHIP_API_URL: "not a url" })).toThrow(/AFTERSHIP_API_URL/);
  });
});
