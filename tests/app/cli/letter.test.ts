import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => `tests/fixtures/orders/${name}.json`;

/** The command exactly as the contract writes it: `npm run --silent cli -- letter KIND FILE`. */
function runLetter(args: string[], input?: string) {
  const result = spawnSync("npm", ["run", "--silent", "cli", "--", "letter", ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli letter (contract §4)", () => {
  it("prints the chargeback letter as plain text for an order file", () => {
    const { status, stdout, stderr } = runLetter(["card-issuer", fixture("delivered-not-received")]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("Subject: Chargeback request — goods not received");
    expect(stdout).toContain("Cardholder: Jordan Reyes");
    expect(stdout).toContain("Amount: 24.99 USD");
    expect(stdout).toContain('"Delivered, In/At Mailbox"');
    // The payment network is not in the order: the reason code is left for the buyer.
    expect(stdout).toContain("[card network (Visa, Mastercard, …) — fill in]");
  });

  it("reads the order from standard input with -", () => {
    const { status, stdout } = runLetter(["marketplace", "-"], readFileSync(`${root}${fixture("temu-no-tracking")}`, "utf8"));
    expect(status).toBe(0);
    expect(stdout).toContain("Hello Temu support,");
    expect(stdout).toContain("Order PO-211-04385920193847561");
  });

  it("answers an unknown kind with a one-line JSON error listing the kinds, exit 2", () => {
    const { status, stdout, stderr } = runLetter(["lawyer", fixture("returned")]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(stderr).error).toBe('unknown letter kind "lawyer": use one of seller, marketplace, carrier, customs, card-issuer, paypal');
  });

  it("names the field to fix when the order is invalid, and never prints a stack trace", () => {
    const { status, stderr } = runLetter(["seller", "-"], JSON.stringify({ platform: "ebay", orderedAt: "2026-03-01T10:00:00Z" }));
    expect(status).toBe(2);
    expect(JSON.parse(stderr).error).toMatch(/^invalid order: platform: expected one of aliexpress, temu, other/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a missing file and a missing argument", () => {
    expect(JSON.parse(runLetter(["seller", "no-such-order.json"]).stderr).error).toBe("file not found: no-such-order.json");
    expect(JSON.parse(runLetter(["seller"]).stderr).error).toMatch(/missing order file/);
  });
});
