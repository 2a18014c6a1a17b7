import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => `tests/fixtures/orders/${name}.json`;
const dir = mkdtempSync(join(tmpdir(), "claimtrail-packet-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command exactly as the contract writes it: `npm run --silent cli -- packet FILE --out PATH`. */
function runPacket(args: string[], input?: string) {
  const result = spawnSync("npm", ["run", "--silent", "cli", "--", "packet", ...args], { cwd: root, input, encoding: "utf8", timeout: 90_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli packet (contract §4)", () => {
  it("writes the PDF and prints its path, pages and bytes", () => {
    const out = join(dir, "in-transit.pdf");
    const { status, stdout, stderr } = runPacket([fixture("aliexpress-in-transit"), "--out", out]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(["path", "pages", "bytes"]);
    expect(answer.path).toBe(out);
    expect(answer.bytes).toBe(statSync(out).size);
    expect(execFileSync("pdfinfo", [out], { encoding: "utf8" })).toMatch(new RegExp(`^Pages:\\s+${answer.pages}$`, "m"));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" });
    expect(text).toContain("卖家已发货");
    expect(text).toContain("Élodie Marchand");
  });

  it("reads the order from standard input with -", () => {
    const out = join(dir, "customs.pdf");
    const { status, stdout } = runPacket(["-", "--out", out], readFileSync(`${root}${fixture("customs-held")}`, "utf8"));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).pages).toBeGreaterThan(1);
    expect(execFileSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" })).toContain("Задержано таможней");
  });

  it("requires --out, with a one-line JSON error and exit 2", () => {
    const { status, stdout, stderr } = runPacket([fixture("returned")]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(JSON.parse(stderr).error).toMatch(/^missing --out PATH/);
  });

  it("refuses a folder as the output path", () => {
    const { status, stderr } = runPacket([fixture("returned"), "--out", dir]);
    expect(status).toBe(2);
    expect(JSON.parse(stderr).error).toContain("is a folder");
  });
});
