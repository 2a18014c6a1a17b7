import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ALERTS, CASE_STATES, MILESTONES, ORDER_STATES } from "../../../machines/vocabulary.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "claimtrail-assess-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The command exactly as the contract writes it: `npm run --silent cli -- assess FILE|-`. Spawned
 * asynchronously so the test worker keeps answering vitest while the CLI starts.
 */
function runAssess(args: string[], input?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "cli", "--", "assess", ...args], { cwd: root, timeout: 60_000 });
    let stdout = "",
      stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

// The contract's own example order (CONTRACT.md §4).
const example = {
  platform: "aliexpress",
  orderedAt: "2026-03-01T10:00:00Z",
  now: "2026-03-20T10:00:00Z",
  trackingNumbers: ["LP00123456789012"],
  events: [{ at: "2026-03-04T08:00:00Z", text: "Departure from outward office of exchange" }],
};

describe("cli assess (contract §4)", () => {
  it("reads a file and prints one object with exactly the contract's keys and words", async () => {
    const file = join(dir, "order.json");
    writeFileSync(file, JSON.stringify(example));
    const { status, stdout, stderr } = await runAssess([file]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]);
    expect(Object.keys(answer)).toEqual(["state", "milestone", "alerts", "case", "deadlines", "actions"]);
    // The event text was classified by the CLI: departure from the origin country.
    expect(answer.milestone).toBe("departed_origin");
    expect(answer.state).toBe("in_transit");
    expect(answer.case).toBe("none");
    // 16 days since the only event: a week without an update and two weeks without progress.
    expect(answer.alerts).toEqual(["no_update", "no_progress"]);
    expect(ORDER_STATES).toContain(answer.state);
    expect(MILESTONES).toContain(answer.milestone);
    expect(CASE_STATES).toContain(answer.case);
    for (const alert of answer.alerts) expect(ALERTS).toContain(alert);
    for (const deadline of answer.deadlines) {
      expect(Object.keys(deadline)).toEqual(["id", "due", "title", "reason", "source", "past"]);
      expect(deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(answer.deadlines.map((d: { id: string }) => d.id)).toContain("aliexpress-protection-ends");
    for (const action of answer.actions) expect(["now", "soon", "later"]).toContain(action.urgency);
    expect(answer.actions[0].urgency).toBe("now");
  });

  it("reads standard input with -, and the buyer's order-page date wins", async () => {
    const { status, stdout } = await runAssess(
      ["-"],
      JSON.stringify({ ...example, protectionEndsAt: "2026-03-23T10:00:00Z", timeZone: "Europe/Paris" }),
    );
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    const protection = answer.deadlines.find((d: { id: string }) => d.id === "aliexpress-protection-ends");
    expect(protection).toMatchObject({ due: "2026-03-23T10:00:00.000Z", source: "your order page", past: false });
    expect(answer.alerts).toContain("protection_expiring");
  });

  it("answers 'delivered but not received' with the checklist", async () => {
    const order = {
      ...example,
      events: [...example.events, { at: "2026-03-18T09:00:00Z", text: "Delivered", milestone: "delivered" }],
      reports: [{ at: "2026-03-19T10:00:00Z", kind: "not_received" }],
    };
    const answer = JSON.parse((await runAssess(["-"], JSON.stringify(order))).stdout);
    expect(answer).toMatchObject({ state: "delivered", milestone: "delivered", case: "checklist", alerts: ["missing_after_delivered"] });
  });

  it.each([
    ["not JSON", "{platform: aliexpress", /not valid JSON/],
    ["not an object", "[]", /expected a JSON object/],
    [
      "a missing date",
      JSON.stringify({ platform: "aliexpress", trackingNumbers: [] }),
      /^orderedAt: missing; expected an ISO 8601 date such as 2026-03-01T10:00:00Z/,
    ],
    ["a bad date", JSON.stringify({ ...example, orderedAt: "01/03/2026" }), /^orderedAt: expected an ISO 8601 date such as 2026-03-01T10:00:00Z$/],
    [
      "an unknown platform",
      JSON.stringify({ ...example, platform: "etsy" }),
      /^platform: expected one of aliexpress, temu, ebay, amazon, shein, wish, joom, other; got "etsy"$/,
    ],
    ["a bad event", JSON.stringify({ ...example, events: [{ at: "yesterday" }] }), /events\[0\]\.at: expected an ISO 8601 date/],
    [
      "an unknown report kind",
      JSON.stringify({ ...example, reports: [{ at: "2026-03-10T10:00:00Z", kind: "lost" }] }),
      /reports\[0\]\.kind: expected one of not_received/,
    ],
    ["an unknown time zone", JSON.stringify({ ...example, timeZone: "Mars/Olympus" }), /timeZone: expected an IANA time zone/],
    ["empty input", "", /empty/],
  ])("%s → one-line JSON error, exit 2", async (_label, input, message) => {
    const { status, stdout, stderr } = await runAssess(["-"], input);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const { error } = JSON.parse(lines[0]);
    expect(error).toMatch(message);
  });

  it("a missing file or argument is a usage error, not a stack trace", async () => {
    for (const args of [[join(dir, "nope.json")], []]) {
      const { status, stderr } = await runAssess(args);
      expect(status).toBe(2);
      expect(JSON.parse(stderr).error).toMatch(/file not found|missing order file/);
    }
  });
});
