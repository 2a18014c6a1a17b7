/**
 * The missing-parcel checklist of one order at `now`: the steps adapted to its marketplace, local
 * carrier and country, each with what the buyer recorded (done or skipped, when, note, reference,
 * attachments), the progress, and the case's deadlines beside the steps. Pure: the facts, the
 * engine's assessment and the clock come in; the steps themselves are reports on the order.
 */
import type { Assessment } from "../assess.ts";
import { isoMs } from "../calendar.ts";
import { jurisdictionOf } from "../policies/consumer-law.ts";
import type { BuyerReportFact, Deadline, OrderFacts } from "../order-facts.ts";
import type { CaseState, Platform } from "../vocabulary.ts";
import { localCarrierOf } from "./checklist-deadlines.ts";
import {
  CHECKLIST_STEPS,
  stepShowsDeadline,
  stepText,
  type ChecklistStepId,
  type CountryKey,
  type LocalCarrierKey,
  type StepText,
} from "./checklist-steps.ts";

export type ChecklistStepStatus = "todo" | "done" | "skipped";

export interface ChecklistStepView extends StepText {
  id: ChecklistStepId;
  number: number;
  status: ChecklistStepStatus;
  /** When the buyer did (or decided to skip) it; null while to do. */
  at: string | null;
  /** What they wrote down; for a skipped step, why they skipped it. */
  note: string | null;
  reference: string | null;
  attachments: number;
  /** The case deadlines this step is about, earliest first (passed ones included, marked `past`). */
  deadlines: Deadline[];
  /** The earliest deadline still ahead that this step must not let pass. */
  nearestDeadline: Deadline | null;
}

export interface ChecklistView {
  /** The carrier says delivered: the checklist is the buyer's way forward. */
  delivered: boolean;
  /** The buyer said they did not receive it (and has not since found it). */
  reportedMissing: boolean;
  /** The latest "not received" report. */
  reportedMissingAt: string | null;
  /**
   * "I did not receive it" makes sense only with no case yet or a closed one: recorded later (a
   * dispute already open) it would send the case back to the checklist.
   */
  canReportMissing: boolean;
  case: CaseState;
  platform: Platform;
  carrier: { id: string | null; key: LocalCarrierKey };
  country: CountryKey | null;
  deliveredAt: string | null;
  steps: ChecklistStepView[];
  progress: { done: number; skipped: number; total: number; percent: number };
  /** Every deadline the steps show, earliest first. */
  deadlines: Deadline[];
}

export interface ChecklistOptions {
  /** Evidence files per step id (uploads live outside the engine's facts). */
  attachments?: Readonly<Record<string, number>>;
}

/** The latest report of each step decides it (a later "done" replaces an earlier "skipped"). */
function latestStepReports(reports: readonly BuyerReportFact[]): Map<string, BuyerReportFact> {
  const byStep = new Map<string, BuyerReportFact>();
  const ordered = reports
    .map((r, i) => ({ r, i, ms: isoMs(r.at) }))
    .filter((x) => x.r.kind === "checklist_step" && x.r.step && !Number.isNaN(x.ms))
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  for (const { r } of ordered) byStep.set(r.step!, r);
  return byStep;
}

function deliveredAtOf(facts: OrderFacts): string | null {
  const times = facts.events.filter((e) => e.milestone === "delivered" && e.at && !Number.isNaN(isoMs(e.at))).map((e) => e.at!);
  return times.sort().at(-1) ?? null;
}

export function checklistFor(
  facts: OrderFacts,
  assessment: Pick<Assessment, "state" | "case" | "deadlines">,
  now: Date,
  options: ChecklistOptions = {},
): ChecklistView {
  const reports = facts.reports ?? [];
  const carrier = localCarrierOf(facts);
  const country = jurisdictionOf(facts.timeZone);
  const nowMs = now.getTime();
  const caseDeadlines = assessment.deadlines.filter((d) => CHECKLIST_STEPS.some((row) => stepShowsDeadline(row, d.id)));
  const ahead = (list: readonly Deadline[]) => list.find((d) => isoMs(d.due) >= nowMs) ?? null;
  const latest = latestStepReports(reports);

  const steps = CHECKLIST_STEPS.map((row, i): ChecklistStepView => {
    const report = latest.get(row.id);
    const deadlines = caseDeadlines.filter((d) => stepShowsDeadline(row, d.id));
    return {
      id: row.id,
      number: i + 1,
      ...stepText(row, facts.platform, carrier.key, country),
      status: report ? (report.skipped ? "skipped" : "done") : "todo",
      at: report?.at ?? null,
      note: report?.note ?? null,
      reference: report?.reference ?? null,
      attachments: options.attachments?.[row.id] ?? 0,
      deadlines,
      nearestDeadline: ahead(row.watchesEveryDeadline ? caseDeadlines : deadlines),
    };
  });
  const done = steps.filter((s) => s.status === "done").length;
  const skipped = steps.filter((s) => s.status === "skipped").length;
  const missingReports = reports
    .filter((r) => r.kind === "not_received")
    .map((r) => r.at)
    .sort();
  return {
    delivered: assessment.state === "delivered",
    reportedMissing: assessment.case === "checklist",
    reportedMissingAt: missingReports.at(-1) ?? null,
    canReportMissing: assessment.case === "none" || assessment.case === "closed",
    case: assessment.case,
    platform: facts.platform,
    carrier,
    country,
    deliveredAt: deliveredAtOf(facts),
    steps,
    progress: { done, skipped, total: steps.length, percent: Math.round(((done + skipped) / steps.length) * 100) },
    deadlines: caseDeadlines,
  };
}
