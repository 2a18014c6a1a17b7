/**
 * The real `detect` command as a process (contract §4): JSON lines on stdout, exit 0; bad usage
 * gives one JSON error line on stderr and exit 2.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** What `npm run cli` runs (built by tests/setup/build-once.ts), without npm's start-up per call. */
const CLI = `${ROOT}dist/cli.mjs`;

function cli(args: string[], input = "") {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const lines = result.stdout.split("\n").filter((line) => line !== "");
  return { status: result.status, lines, json: lines.map((line) => JSON.parse(line)), stderr: result.stderr };
}

describe("detect NUMBER…", () => {
  it("prints one JSON line per number, in order, and exits 0 (via npm run cli, as the contract says)", () => {
    const result = spawnSync("npm", ["run", "--silent", "cli", "--", "detect", "LP00123456789012", "RR123456785CN"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        input: "LP00123456789012",
        normalized: "LP00123456789012",
        carrier: "cainiao",
        valid: true,
        candidates: [{ carrier: "cainiao", confidence: 0.97 }],
      },
      {
        input: "RR123456785CN",
        normalized: "RR123456785CN",
        carrier: "china-post",
        valid: true,
        country: "CN",
        candidates: [{ carrier: "china-post", confidence: 0.95 }],
      },
    ]);
  });

  it("answers invalid numbers with valid false and carrier null, still exit 0", () => {
    const { status, json } = cli(["detect", "not-a-number", "RR123456786CN"]);
    expect(status).toBe(0);
    expect(json[0]).toMatchObject({ carrier: null, valid: false, candidates: [] });
    expect(json[1]).toMatchObject({ carrier: "china-post", valid: false, country: "CN" });
  });

  it("ranks with --platform and --origin", () => {
    expect(cli(["detect", "986578788855"]).json[0].carrier).toBe("fedex");
    expect(cli(["detect", "--platform", "aliexpress", "986578788855"]).json[0].carrier).toBe("4px");
    expect(cli(["detect", "--origin=CN", "986578788855"]).json[0].carrier).toBe("4px");
  });
});

describe("detect -", () => {
  it("reads one number per line from stdin, skipping blank lines and CRLF endings", () => {
    const { status, json } = cli(["detect", "-"], "LP00123456789012\r\n\n   \n1Z5R89390357567127\nUF105934483YP\n");
    expect(status).toBe(0);
    expect(json.map((line) => line.carrier)).toEqual(["cainiao", "ups", "yanwen"]);
    expect(json[0].input).toBe("LP00123456789012");
  });

  it("answers twenty thousand numbers, one line each", () => {
    const numbers = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? "RR123456785CN" : `LP${String(i).padStart(14, "0")}`));
    const { status, lines } = cli(["detect", "-"], numbers.join("\n"));
    expect(status).toBe(0);
    expect(lines).toHaveLength(20_000);
    expect(JSON.parse(lines[19_999]).carrier).toBe("china-post");
  });

  it("survives binary and control characters on stdin", () => {
    const { status, json } = cli(["detect", "-"], "\u0000\u0001\u0002\n\u00ff\u00fe binary\nRR123456785CN\n");
    expect(status).toBe(0);
    expect(json.map((line) => line.valid)).toEqual([false, false, true]);
  });
});

describe("detect usage errors", () => {
  it("detect - with nothing on stdin is a usage error too", () => {
    const { status, lines, stderr } = cli(["detect", "-"], "\n  \n");
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(JSON.parse(stderr.trim()).error).toContain("standard input");
  });

  it.each([
    [[], "tracking numbers"],
    [["--platform", "etsy", "LP00123456789012"], "--platform"],
    [["--origin", "China", "LP00123456789012"], "--origin"],
    [["--colour", "LP00123456789012"], "unknown option"],
  ])("%j → one JSON error line on stderr, exit 2", (args, words) => {
    const { status, lines, stderr } = cli(["detect", ...args]);
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    const errorLines = stderr.trim().split("\n");
    expect(errorLines).toHaveLength(1);
    const error = JSON.parse(errorLines[0]) as { error: string };
    expect(error.error).toContain(words);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
