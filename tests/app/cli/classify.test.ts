import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MILESTONES } from "../../../machines/vocabulary.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** The command exactly as the contract writes it: `npm run --silent cli -- classify`, texts on stdin. */
function runClassify(input: string, args: string[] = []) {
  const result = spawnSync("npm", ["run", "--silent", "cli", "--", "classify", ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli classify (contract §4)", () => {
  it("prints one JSON line per line in, in order, blank lines included", () => {
    const input =
      [
        "Departure from outward office of exchange",
        "",
        "已签收",
        "Die Sendung wurde erfolgreich zugestellt.",
        "Export customs clearance started",
      ].join("\n") + "\n";
    const { status, stdout, stderr } = runClassify(input);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.text)).toEqual([
      "Departure from outward office of exchange",
      "",
      "已签收",
      "Die Sendung wurde erfolgreich zugestellt.",
      "Export customs clearance started",
    ]);
    expect(lines.map((l) => l.milestone)).toEqual(["departed_origin", "unknown", "delivered", "delivered", "departed_origin"]);
    expect(lines[1].confidence).toBe(0);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(["text", "milestone", "confidence"]);
      expect(MILESTONES).toContain(line.milestone);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("handles Windows line ends and a last line without a newline", () => {
    const { status, stdout } = runClassify("Out for delivery\r\nDelivered");
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.text, l.milestone])).toEqual([
      ["Out for delivery", "out_for_delivery"],
      ["Delivered", "delivered"],
    ]);
  });

  it("prints nothing for empty input and exits 0", () => {
    const { status, stdout, stderr } = runClassify("");
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe("");
  });

  it("answers binary junk and control characters with unknown, never a crash", () => {
    const { status, stdout } = runClassify("\u0000\u0001\u0002\u00ff\ud83d\ude00\n🙂📦\n");
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.milestone === "unknown")).toBe(true);
  });

  it("answers an argument with a one-line JSON error and exit 2", () => {
    const { status, stdout, stderr } = runClassify("Delivered\n", ["--lang", "en"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(stderr).error).toContain("classify takes no arguments");
  });
});
