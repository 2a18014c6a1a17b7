import type { Deadline, OrderFacts, TrackingEventFact } from "../../machines/order-facts.ts";
import type { CaseState, OrderState, ReportKind } from "../../machines/vocabulary.ts";
import type { OrderAssessment } from "./assessment.ts";
import { oneLine } from "./clean-text.ts";

/**
 * The one facts model every letter is rendered from, whether the order came as contract JSON (CLI)
 * or from stored rows (web app). Each adapter only gathers what was recorded; nothing here fills a
 * gap. A step is `done` only when it was recorded done with its date, `skipped` keeps the buyer's
 * reason, and a step never recorded is `open` (letters leave it out).
 */

export const LETTER_LANGUAGES = ["en", "es", "pt", "fr", "de", "pl", "it"] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export function isLetterLanguage(value: string): value is LetterLanguage {
  return (LETTER_LANGUAGES as readonly string[]).includes(value);
}

export interface LetterEvent extends TrackingEventFact {
  /** The source gave a day but no time: letters show the day only, never an invented hour. */
  dateOnly: boolean;
}

export interface LetterStep {
  /** The checklist step's id (app/checklist) when known, so letters can say it in the reader's language. */
  id: string | null;
  /** The step in the buyer's own words (or the title the buyer saw). */
  title: string;
  status: "done" | "skipped" | "open";
  /** When it was done (status done) or recorded as skipped. */
  at: string | null;
  dateOnly: boolean;
  /** Why the buyer skipped it. */
  reason: string | null;
  note: string | null;
  reference: string | null;
}

export interface LetterReport {
  kind: ReportKind;
  at: string;
  dateOnly: boolean;
  reference: string | null;
  note: string | null;
}

export interface LetterLeg {
  number: string;
  /** Contract carrier id, when an event or the number names it. */
  carrier: string | null;
}

export interface LetterBuyer {
  name: string | null;
  address: string | null;
  email: string | null;
  country: string | null;
  language: string | null;
}

export interface LetterFacts {
  order: OrderFacts;
  events: LetterEvent[];
  steps: LetterStep[];
  /** The buyer's reports of the contract's kinds (checklist steps are in `steps`). */
  reports: LetterReport[];
  buyer: LetterBuyer | null;
  destinationCountry: string | null;
  paymentReference: string | null;
  carrierCaseNumber: string | null;
  /** Tracking legs in the order given (a hand-over leg announced by an event last). */
  legs: LetterLeg[];
  /** The leg that last held the parcel: the carrier letter goes to its carrier, about its number. */
  currentLeg: LetterLeg | null;
  state: OrderState;
  caseState: CaseState;
  deadlines: readonly Deadline[];
  alerts: readonly string[];
}

/** What an adapter may add beyond the engine's OrderFacts (all optional, all recorded facts). */
export interface LetterExtras {
  buyer?: Partial<LetterBuyer> | null;
  destinationCountry?: string | null;
  paymentReference?: string | null;
  carrierCaseNumber?: string | null;
  /** By index into `facts.checklist`: what the order JSON says beyond done/not done. */
  checklistExtras?: ReadonlyArray<{ skipped?: boolean; reason?: string | null; reference?: string | null; dateOnly?: boolean } | undefined>;
  /** By index into `facts.events`. */
  eventDateOnly?: readonly boolean[];
  /** By index into `facts.reports`. */
  reportDateOnly?: readonly boolean[];
  /** Carrier of a tracking number when no event names it (detected at the edge, app/carriers). */
  carrierOfNumber?: (number: string) => string | null;
  /** A later leg announced by a hand-over event (its number and carrier), when not already a leg. */
  handover?: LetterLeg | null;
}

const CASE_KINDS: ReadonlySet<string> = new Set([
  "not_received",
  "contacted_seller",
  "dispute_opened",
  "escalated",
  "refunded",
  "received",
  "closed",
]);

const text = (value: string | null | undefined): string | null => {
  const t = value == null ? "" : oneLine(value);
  return t || null;
};

function validIso(at: string | null | undefined): string | null {
  return at && !Number.isNaN(Date.parse(at)) ? at : null;
}

function stepsOf(facts: OrderFacts, extras: LetterExtras): LetterStep[] {
  const byKey = new Map<string, LetterStep>();
  // Steps recorded as reports (the web app's checklist): the latest report of a step decides it.
  const reports = (facts.reports ?? []).map((r, i) => ({ r, i })).filter(({ r }) => r.kind === "checklist_step" && r.step);
  reports.sort((a, b) => Date.parse(a.r.at) - Date.parse(b.r.at) || a.i - b.i);
  for (const { r, i } of reports) {
    const at = validIso(r.at);
    byKey.set(r.step!, {
      id: r.step!,
      title: text(r.stepTitle) ?? text(r.step)!,
      status: r.skipped ? "skipped" : at ? "done" : "open",
      at,
      dateOnly: extras.reportDateOnly?.[i] ?? false,
      reason: r.skipped ? text(r.note) : null,
      note: r.skipped ? null : text(r.note),
      reference: text(r.reference),
    });
  }
  const titles = new Set([...byKey.values()].map((s) => s.title));
  (facts.checklist ?? []).forEach((c, i) => {
    const extra = extras.checklistExtras?.[i] ?? {};
    const title = text(c.step);
    // Stored rows list each reported step again as a checklist entry: it is told once.
    if (!title || byKey.has(c.step) || titles.has(title)) return;
    const at = validIso(c.doneAt);
    const skipped = extra.skipped === true;
    byKey.set(`checklist:${i}`, {
      // A step may be given by its checklist id (app/checklist); letters say known ids in words.
      id: c.step.trim(),
      title,
      status: skipped ? "skipped" : at ? "done" : "open",
      at: skipped ? null : at,
      dateOnly: extra.dateOnly ?? false,
      reason: skipped ? text(extra.reason) : null,
      note: text(c.note),
      reference: text(extra.reference),
    });
  });
  return [...byKey.values()];
}

function legsOf(facts: OrderFacts, events: readonly LetterEvent[], extras: LetterExtras): { legs: LetterLeg[]; current: LetterLeg | null } {
  const numbers = facts.trackingNumbers.map((n) => text(n)).filter((n): n is string => n !== null);
  const handover = extras.handover && !numbers.includes(extras.handover.number) ? extras.handover : null;
  if (handover) numbers.push(handover.number);
  const carrierOf = (number: string): string | null => {
    const named = events.filter((e) => e.trackingNumber === number && e.carrier).at(-1)?.carrier ?? null;
    if (named) return named;
    if (handover?.number === number && handover.carrier) return handover.carrier;
    if (numbers.length === 1) {
      const only = events.filter((e) => e.carrier).at(-1)?.carrier;
      if (only) return only;
    }
    return extras.carrierOfNumber?.(number) ?? null;
  };
  const legs = numbers.map((number) => ({ number, carrier: carrierOf(number) }));
  // The leg that last held the parcel: a newly announced hand-over leg, else the leg of the latest
  // dated event that names one, else the last number given.
  const dated = events.filter((e) => e.trackingNumber && numbers.includes(e.trackingNumber) && validIso(e.at));
  dated.sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
  const currentNumber = handover?.number ?? dated.at(-1)?.trackingNumber ?? numbers.at(-1) ?? null;
  return { legs, current: legs.find((l) => l.number === currentNumber) ?? null };
}

/** The core builder both adapters call. */
export function buildLetterFacts(facts: OrderFacts, assessment: OrderAssessment, extras: LetterExtras = {}): LetterFacts {
  const events: LetterEvent[] = facts.events.map((e, i) => ({ ...e, dateOnly: extras.eventDateOnly?.[i] ?? false }));
  const reports: LetterReport[] = (facts.reports ?? []).flatMap((r, i) =>
    CASE_KINDS.has(r.kind) && validIso(r.at)
      ? [{ kind: r.kind as ReportKind, at: r.at, dateOnly: extras.reportDateOnly?.[i] ?? false, reference: text(r.reference), note: text(r.note) }]
      : [],
  );
  const given = extras.buyer ?? null;
  const fromOrder = facts.buyer ?? null;
  const buyer: LetterBuyer | null =
    given || fromOrder
      ? {
          name: text(given?.name ?? fromOrder?.name),
          address: text(given?.address ?? fromOrder?.address),
          email: text(given?.email ?? fromOrder?.email),
          country: text(given?.country ?? fromOrder?.country)?.toUpperCase() ?? null,
          language: text(given?.language ?? fromOrder?.language)?.toLowerCase() ?? null,
        }
      : null;
  const { legs, current } = legsOf(facts, events, extras);
  return {
    order: facts,
    events,
    steps: stepsOf(facts, extras),
    reports,
    buyer,
    destinationCountry: text(extras.destinationCountry ?? facts.destinationCountry)?.toUpperCase() ?? null,
    paymentReference: text(extras.paymentReference ?? facts.paymentReference),
    carrierCaseNumber: text(extras.carrierCaseNumber ?? facts.carrierCaseNumber),
    legs,
    currentLeg: current,
    state: assessment.state,
    caseState: assessment.case,
    deadlines: assessment.deadlines,
    alerts: assessment.alerts,
  };
}

/**
 * Adapter for stored orders (web app): checklist steps and reports come from the report rows in
 * `facts.reports`; what the buyer's profile or the documents page recorded comes as `profile`.
 */
export function letterFactsFromStored(
  facts: OrderFacts,
  assessment: OrderAssessment,
  profile: Pick<LetterExtras, "buyer" | "destinationCountry" | "paymentReference" | "carrierCaseNumber"> = {},
): LetterFacts {
  return buildLetterFacts(facts, assessment, profile);
}
