/**
 * Issue 13, "done when": the packet of every scenario order (tests/fixtures/orders/scenarios, the
 * same orders the letters are checked on) is read back with pdftotext and each claim it makes about
 * the buyer's steps, contacts and identity is checked against the order's recorded facts.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DocumentFacts } from "../../../templates/document/document-facts.ts";
import { BLANK_PATTERN } from "../../../templates/document/missing-fact.ts";
import { stopPacketWorker } from "../../../templates/packet/render-in-worker.server.ts";
import { renderPacket } from "../../../templates/packet/render-packet.server.ts";
import { SCENARIO_NAMES, rawScenario } from "../letters/letter-case.ts";
import { documentCase } from "../order-fixtures.ts";
import { folded, readPdf } from "./pdf-text.ts";

afterAll(() => stopPacketWorker());

interface ChecklistEntry {
  step: string;
  doneAt?: string | null;
  skipped?: boolean;
  reason?: string | null;
}

/** The paragraph under "The claim": the packet's one-paragraph story of what happened. */
const claimOf = (text: string) => /The claim (.*?) (?:Buyer|Item|Order) /.exec(text)?.[1] ?? "";

describe("the packet of each scenario order says only what the order records", () => {
  it("has at least 12 scenarios to check", () => {
    expect(SCENARIO_NAMES.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of SCENARIO_NAMES) {
    it(name, async () => {
      const raw = rawScenario(name);
      const c = documentCase(raw, name);
      const { bytes } = await renderPacket(c.facts as DocumentFacts, c.assessment, c.now, { images: [] });
      const text = folded(readPdf(bytes).text);

      // No blank for anyone to fill in, in a file nobody can edit.
      expect(text).not.toMatch(/fill in/i);
      expect(text).not.toMatch(new RegExp(BLANK_PATTERN.source));

      // Every checklist entry is shown as what it is: done, skipped with its reason, or not done yet.
      for (const entry of (raw.checklist ?? []) as ChecklistEntry[]) {
        const step = entry.step.replace(/\s+/g, " ").trim();
        if (entry.doneAt && !entry.skipped) {
          expect(text).toContain(`Checklist: ${step}`);
          expect(text).not.toContain(`Checklist: ${step} (skipped)`);
          expect(text).not.toContain(`Checklist: ${step} (not done yet)`);
        } else if (entry.skipped) {
          expect(text).toContain(`Checklist: ${step} (skipped)`);
          if (entry.reason) expect(text).toContain(entry.reason.replace(/\s+/g, " ").trim());
        } else {
          expect(text).toContain(`Checklist: ${step} (not done yet)`);
        }
      }

      // The story claims a contact or a dispute only when the buyer recorded it.
      const claim = claimOf(text);
      expect(claim, "the first page tells what happened").not.toBe("");
      const reported = new Set(((raw.reports ?? []) as Array<{ kind: string }>).map((r) => r.kind));
      if (!reported.has("contacted_seller")) expect(claim).not.toContain("contacted the seller");
      if (!reported.has("dispute_opened")) expect(claim).not.toContain("opened a dispute");
      if (!reported.has("escalated")) expect(claim).not.toContain("escalated the dispute");
      const checklist = (raw.checklist ?? []) as ChecklistEntry[];
      if (!checklist.some((e) => e.doneAt && !e.skipped)) expect(claim).not.toContain("of the missing-parcel checklist");
      if (!raw.carrierCaseNumber) expect(claim).not.toContain("with the local carrier");

      // The buyer's own details appear when given, and every tracking number of the order.
      const buyer = (raw.buyer ?? {}) as { name?: string; email?: string };
      if (buyer.name) expect(text).toContain(buyer.name);
      if (buyer.email) expect(text).toContain(buyer.email);
      for (const number of (raw.trackingNumbers ?? []) as string[]) expect(text).toContain(number);
    });
  }
});
