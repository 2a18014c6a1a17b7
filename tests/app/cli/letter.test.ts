import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => `tests/fixtures/orders/${name}.json`;
const scenario = (name: string) => `tests/fixtures/orders/scenarios/${name}.json`;

/** The command exactly as the contract writes it: `npm run --silent cli -- letter KIND FILE`. */
// Asynchronous, so the test worker keeps answering vitest while the command runs.
function runLetter(args: string[], input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "cli", "--", "letter", ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

async function refusal(args: string[]) {
  const { status, stdout, stderr } = await runLetter(args);
  expect(status).toBe(2);
  expect(stdout).toBe("");
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  return JSON.parse(stderr).error as string;
}

describe("cli letter (contract §4)", { timeout: 120_000 }, () => {
  it("prints the chargeback letter for a card order, with only what the order records", async () => {
    const { status, stdout, stderr } = await runLetter(["card-issuer", scenario("es-aliexpress-delivered-nothing-done"), "--lang", "en"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("Subject: Chargeback request — goods not received");
    expect(stdout).toContain("Reason: Visa 13.1 (Merchandise/Services Not Received)");
    expect(stdout).toContain("- Amount: 19.90 EUR");
    expect(stdout).toContain('"El envío ha sido entregado con éxito."');
    // No name was recorded: no "Cardholder" line, and never a blank to fill in.
    expect(stdout).not.toMatch(/Cardholder:|fill in|\[/);
    // Nothing was done yet: no step is claimed.
    expect(stdout).not.toMatch(/Steps I took|neighbour|mailbox/i);
  });

  it("writes to the local carrier in the destination's language, addressed to the carrier of the last leg", async () => {
    const { status, stdout } = await runLetter(["carrier", scenario("de-two-legs-handover-delivered")]);
    expect(status).toBe(0);
    expect(stdout).toContain("Betreff: Sendung 00340434161094042557 als zugestellt gemeldet, aber nicht erhalten");
    expect(stdout).toContain("An den Kundenservice von DHL Paket,");
    const polish = (await runLetter(["carrier", scenario("pl-temu-delivered-inpost-paypal")])).stdout;
    expect(polish).toContain("Do działu obsługi klienta InPost,");
  });

  it("--lang overrides the language", async () => {
    const { status, stdout } = await runLetter(["seller", scenario("fr-aliexpress-delivered-steps-done-paypal"), "--lang", "it"]);
    expect(status).toBe(0);
    expect(stdout).toContain("Oggetto: Ordine 8183745520091234 non ricevuto");
    expect(JSON.parse((await runLetter(["seller", scenario("fr-aliexpress-delivered-steps-done-paypal"), "--lang", "xx"])).stderr).error).toMatch(
      /unknown language "xx": use one of en, es, pt, fr, de, pl, it/,
    );
  });

  it.each([
    ["paypal", scenario("es-aliexpress-delivered-nothing-done"), /^the paypal letter does not fit this order: the order was paid by card/],
    ["paypal", scenario("temu-label-only"), /paymentMethod is other/],
    ["card-issuer", fixture("delivered-not-received"), /^the card-issuer letter does not fit this order: the order was paid with PayPal/],
    ["customs", scenario("es-aliexpress-delivered-nothing-done"), /^the customs letter does not fit this order: the parcel never met customs/],
    ["carrier", scenario("es-aliexpress-awaiting-shipment"), /no tracking number/],
  ])("refuses %s for %s, saying why", async (kind, file, reason) => {
    expect(await refusal([kind, file])).toMatch(reason);
  });

  it("reads the order from standard input with -", async () => {
    const { status, stdout } = await runLetter(["marketplace", "-"], readFileSync(`${root}${fixture("temu-no-tracking")}`, "utf8"));
    expect(status).toBe(0);
    expect(stdout).toContain("Hello Temu support,");
    expect(stdout).toContain("Order PO-211-04385920193847561");
  });

  it("answers an unknown kind with a one-line JSON error listing the kinds, exit 2", async () => {
    expect(await refusal(["lawyer", fixture("returned")])).toBe(
      'unknown letter kind "lawyer": use one of seller, marketplace, carrier, customs, card-issuer, paypal',
    );
  });

  it("names the field to fix when the order is invalid, and never prints a stack trace", async () => {
    const { status, stderr } = await runLetter(["seller", "-"], JSON.stringify({ platform: "etsy", orderedAt: "2026-03-01T10:00:00Z" }));
    expect(status).toBe(2);
    expect(JSON.parse(stderr).error).toMatch(/^invalid order: platform: expected one of /);
    expect(stderr).not.toMatch(/\n\s+at /);
    const bad = await runLetter(
      ["seller", "-"],
      JSON.stringify({ platform: "temu", orderedAt: "2026-03-01T10:00:00Z", destinationCountry: "Spain" }),
    );
    expect(JSON.parse(bad.stderr).error).toMatch(/^invalid order: destinationCountry: expected an ISO 3166-1 alpha-2/);
  });

  it("reports a missing file and a missing argument", async () => {
    expect(JSON.parse((await runLetter(["seller", "no-such-order.json"])).stderr).error).toBe("file not found: no-such-order.json");
    expect(JSON.parse((await runLetter(["seller"])).stderr).error).toMatch(/missing order file/);
  });
});
