import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** The command exactly as the contract writes it: `npm run --silent cli -- parse`. */
function runParse(input: string | Buffer, ...args: string[]) {
  const result = spawnSync("npm", ["run", "--silent", "cli", "--", "parse", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli parse (contract §4)", () => {
  it("prints one JSON object with the events newest first, in exactly the contract's keys", () => {
    const paste = "2026-03-04 08:15 【Shenzhen】Departed from departure country/region\n2026-03-06 14:02 Delivered\n";
    const { status, stdout, stderr } = runParse(paste);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({
      events: [
        { at: "2026-03-06T14:02:00Z", location: null, text: "Delivered", milestone: "delivered" },
        {
          at: "2026-03-04T08:15:00Z",
          location: "Shenzhen",
          text: "Departed from departure country/region",
          milestone: "departed_origin",
        },
      ],
    });
  });

  it("reads a real multi-line paste and honours --time-zone", () => {
    const paste = readFileSync(new URL("../../fixtures/pastes/usps-date-after-description.txt", import.meta.url));
    const { status, stdout } = runParse(paste, "--time-zone", "America/New_York");
    expect(status).toBe(0);
    const { events } = JSON.parse(stdout) as { events: Array<{ at: string; location: string }> };
    expect(events).toHaveLength(7);
    expect(events[0]).toMatchObject({ at: "2017-01-17T17:26:00Z", location: "BRONX, NY 10454" });
  });

  it.each([
    ["empty input", "", /nothing to parse/],
    ["text without dates", "Delivered\nOut for delivery\n", /no tracking events found/],
    ["binary bytes", Buffer.from([0, 159, 146, 150, 255, 0, 1, 2, 3]), /no tracking events found|nothing to parse/],
  ])("answers %s with a one-line JSON error and exit status 2", (_name, input, message) => {
    const { status, stdout, stderr } = runParse(input);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).error).toMatch(message);
  });

  it("rejects an unknown option or time zone with a message saying what to give", () => {
    const unknown = runParse("2026-03-04 08:15 Delivered", "--zone");
    expect(unknown.status).toBe(2);
    expect(JSON.parse(unknown.stderr).error).toMatch(/--time-zone/);
    const badZone = runParse("2026-03-04 08:15 Delivered", "--time-zone", "Mars/Olympus");
    expect(badZone.status).toBe(2);
    expect(JSON.parse(badZone.stderr).error).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});
