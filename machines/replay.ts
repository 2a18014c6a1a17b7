/**
 * Orders are event-sourced (DESIGN.md principle 1): the machine's snapshot is a pure function of the
 * stored facts and `now`. Facts are put in one canonical order first, so any arrival order, any
 * duplicate and any late event gives the same answer. A persisted snapshot is only a cache.
 */
import { isoMs } from "./calendar.ts";
import { createActor, type ActorScope } from "xstate";
import { z } from "zod";
import type { BuyerReportFact, OrderFacts } from "./order-facts.ts";
import {
  ORDER_MACHINE_ID,
  ORDER_MACHINE_VERSION,
  initialContextOf,
  orderMachine,
  type CarrierEventFact,
  type CaseReportKind,
  type OrderContext,
  type OrderMachineInput,
  type OrderEvent,
  type OrderSnapshot,
} from "./order.machine.ts";
import { CASE_STATES, MILESTONES, ORDER_STATES, PLATFORMS, REPORT_KINDS, type Milestone } from "./vocabulary.ts";

const MILESTONE_RANK = new Map<Milestone, number>(MILESTONES.map((m, i) => [m, i]));
const REPORT_RANK = new Map<string, number>([...REPORT_KINDS, "protection_extended", "checklist_step"].map((k, i) => [k, i]));

const normaliseNumber = (value: string) => value.replace(/[\s-]/g, "").toUpperCase();
const normaliseText = (value: string) => value.replace(/\s+/g, " ").trim().toLowerCase();

interface SortableEvent {
  ms: number;
  at: string | null;
  leg: number;
  rank: number;
  /** The text as stored; its normalised form is only needed to break a tie of time (see textOf). */
  raw: string;
  text: string | null;
  milestone: Milestone;
}

/** Normalising every text costs more than the rest of the ordering; only events sharing a time need it. */
function textOf(e: SortableEvent): string {
  if (e.text === null) e.text = normaliseText(e.raw);
  return e.text;
}

/**
 * Carrier events in replay order: by their own time (events without a time first, as the oldest we
 * know of, so they never hide a dated one), then leg (a later carrier's word wins a tie), then how far
 * along the milestone is, then the text. Same time and text is one event, whichever leg sent it.
 */
export function canonicalCarrierEvents(facts: OrderFacts): CarrierEventFact[] {
  const legs = new Map(facts.trackingNumbers.map((n, i) => [normaliseNumber(n), i]));
  // Events usually spell their number as the order does: look that up before normalising.
  facts.trackingNumbers.forEach((n, i) => legs.has(n) || legs.set(n, i));
  const candidates: SortableEvent[] = [];
  for (const event of facts.events) {
    const milestone = event.milestone ?? "unknown";
    if (milestone === "unknown") continue;
    const time = event.at === null ? Number.NEGATIVE_INFINITY : isoMs(event.at);
    if (Number.isNaN(time)) continue;
    candidates.push({
      ms: time,
      // One spelling per instant, so the same event written two ways is one event.
      at:
        event.at === null
          ? null
          : event.at.length === 24 && event.at[10] === "T" && event.at[19] === "." && event.at.endsWith("Z")
            ? event.at
            : new Date(time).toISOString(),
      leg: event.trackingNumber ? (legs.get(event.trackingNumber) ?? legs.get(normaliseNumber(event.trackingNumber)) ?? 0) : 0,
      rank: MILESTONE_RANK.get(milestone) ?? 0,
      raw: event.text,
      text: null,
      milestone,
    });
  }
  candidates.sort(compareEvents);
  // After sorting, the first of a duplicate (same time, same text) is the earliest leg's copy.
  // Duplicates share a time, so they sit in one run of equal times: a lone event needs no text.
  const events: CarrierEventFact[] = [];
  for (let start = 0; start < candidates.length;) {
    let end = start + 1;
    while (end < candidates.length && candidates[end].ms === candidates[start].ms) end++;
    if (end === start + 1) {
      const e = candidates[start];
      events.push({ milestone: e.milestone, at: e.at, leg: e.leg });
    } else {
      const seen = new Set<string>();
      for (let i = start; i < end; i++) {
        const e = candidates[i];
        const text = textOf(e);
        if (seen.has(text)) continue;
        seen.add(text);
        events.push({ milestone: e.milestone, at: e.at, leg: e.leg });
      }
    }
    start = end;
  }
  return events;
}

function compareEvents(a: SortableEvent, b: SortableEvent): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.leg !== b.leg) return a.leg - b.leg;
  if (a.rank !== b.rank) return a.rank - b.rank;
  const ta = textOf(a),
    tb = textOf(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** Buyer reports in replay order, duplicates dropped. */
export function canonicalReports(facts: OrderFacts): OrderEvent[] {
  const unique = new Map<string, { ms: number; report: BuyerReportFact }>();
  for (const report of facts.reports ?? []) {
    const time = isoMs(report.at);
    if (Number.isNaN(time)) continue;
    const key = `${time}|${report.kind}|${report.step ?? ""}|${report.protectionEndsAt ?? ""}|${report.skipped ? 1 : 0}`;
    if (!unique.has(key)) unique.set(key, { ms: time, report });
  }
  return [...unique.entries()]
    .sort(([ka, a], [kb, b]) =>
      a.ms !== b.ms ? a.ms - b.ms : (REPORT_RANK.get(a.report.kind) ?? 0) - (REPORT_RANK.get(b.report.kind) ?? 0) || (ka < kb ? -1 : ka > kb ? 1 : 0),
    )
    .flatMap(([, { ms, report }]): OrderEvent[] => {
      const at = new Date(ms).toISOString();
      if (report.kind === "protection_extended") {
        const ends = report.protectionEndsAt ? isoMs(report.protectionEndsAt) : Number.NaN;
        return Number.isNaN(ends) ? [] : [{ type: "report.protection_extended", at, protectionEndsAt: new Date(ends).toISOString() }];
      }
      if (report.kind === "checklist_step") {
        return report.step ? [{ type: "report.checklist_step", at, step: report.step, skipped: report.skipped ?? false }] : [];
      }
      return [{ type: `report.${report.kind as CaseReportKind}`, at }];
    });
}

/** What the machine starts from: the order's own fields and the clock (CONTRACT.md §4 input). */
export function orderMachineInput(facts: OrderFacts, now: Date): OrderMachineInput {
  return {
    platform: facts.platform,
    orderedAt: facts.orderedAt,
    hasTracking: facts.trackingNumbers.length > 0,
    shippedAt: facts.shippedAt ?? null,
    now: now.toISOString(),
  };
}

/** Everything the machine is told about an order after it starts, in canonical order. */
export function orderEventsOf(facts: OrderFacts): OrderEvent[] {
  // One batch: the machine folds a whole history in one step, which keeps re-assessing cheap.
  return [{ type: "carrier.events", events: canonicalCarrierEvents(facts) }, ...canonicalReports(facts)];
}

/**
 * XState's pure `transition()` builds a throw-away actor for every call (about 50 µs); re-assessing
 * thousands of orders instead steps the machine's own `transition` with one inert scope. The
 * machine only assigns context (no effects, no children), so nothing ever runs through the scope.
 * Tests check that this gives exactly what `initialTransition`/`transition` give.
 */
type OrderScope = ActorScope<OrderSnapshot, OrderEvent>;
let sharedScope: OrderScope | null = null;
function inertScope(): OrderScope {
  if (sharedScope === null) {
    const self = createActor(orderMachine, { input: { platform: "other", orderedAt: "1970-01-01T00:00:00.000Z", hasTracking: false } });
    const ignore = () => undefined;
    sharedScope = {
      self,
      id: "",
      sessionId: "",
      logger: ignore,
      defer: ignore,
      emit: ignore,
      system: self.system,
      stopChild: ignore,
      actionExecutor: ignore,
    };
  }
  return sharedScope;
}

/**
 * Resolving the starting snapshot (context factory, entering both regions, the eventless check
 * between awaiting_shipment and label_created) costs about 20 µs an order. Only `hasTracking` decides
 * where an order starts (no milestone, no report yet), so it is resolved once per value and each
 * order gets a copy with its own context, built by the machine's own context function.
 */
const startingSnapshots = new Map<boolean, OrderSnapshot>();
function startingSnapshot(input: OrderMachineInput, scope: OrderScope): OrderSnapshot {
  let resolved = startingSnapshots.get(input.hasTracking);
  if (resolved === undefined) {
    resolved = orderMachine.getInitialSnapshot(scope, input);
    startingSnapshots.set(input.hasTracking, resolved);
  }
  return { ...resolved, context: initialContextOf(input) };
}

function stepMachine(start: OrderSnapshot, events: readonly OrderEvent[], scope: OrderScope): OrderSnapshot {
  let snapshot = start;
  for (const event of events) snapshot = orderMachine.transition(snapshot, event, scope);
  return snapshot;
}

/**
 * The order's snapshot at `now`, rebuilt from its facts by XState's own transition: the machine is
 * the only interpreter (DESIGN.md principle 3), so a replay can never disagree with it.
 */
export function replay(facts: OrderFacts, now: Date): OrderSnapshot {
  const scope = inertScope();
  return stepMachine(startingSnapshot(orderMachineInput(facts, now), scope), orderEventsOf(facts), scope);
}

/** What is stored in `orders.snapshot` (JSON) next to `orders.snapshot_version`. */
export interface PersistedOrderSnapshot {
  machineId: string;
  version: number;
  /** Fingerprint of the facts the snapshot was built from: different facts, stale cache. */
  factsKey: string;
  value: { parcel: string; case: string };
  context: OrderContext;
}

/**
 * A fingerprint of the facts that matter to the machine, in canonical order (so arrival order and
 * duplicates do not change it). FNV-1a: a cache key, not a security boundary.
 */
export function factsKeyOf(facts: OrderFacts): string {
  const canonical = JSON.stringify([
    facts.platform,
    facts.orderedAt,
    facts.trackingNumbers.length > 0,
    facts.shippedAt ?? null,
    canonicalCarrierEvents(facts),
    canonicalReports(facts),
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${canonical.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

export function persistSnapshot(snapshot: OrderSnapshot, facts: OrderFacts): PersistedOrderSnapshot {
  return {
    machineId: ORDER_MACHINE_ID,
    version: ORDER_MACHINE_VERSION,
    factsKey: factsKeyOf(facts),
    value: snapshot.value as { parcel: string; case: string },
    context: structuredClone(snapshot.context),
  };
}

const iso = z.string().nullable();
const OrderContextSchema = z.object({
  platform: z.enum(PLATFORMS),
  orderedAt: z.string(),
  hasTracking: z.boolean(),
  shippedAt: iso,
  now: iso,
  latestMilestone: z.enum(MILESTONES).exclude(["unknown"]).nullable(),
  latestAt: iso,
  latestLeg: z.number().int(),
  latestRank: z.number().int(),
  firstEventAt: iso,
  lastEventAt: iso,
  eventCount: z.number().int().nonnegative(),
  stateSince: iso,
  labelAt: iso,
  customsSince: iso,
  deliveredAt: iso,
  latestReportKind: z.enum(REPORT_KINDS).nullable(),
  latestReportAt: iso,
  protectionExtendedTo: iso,
  protectionExtendedAt: iso,
  disputeOpenedAt: iso,
  escalatedAt: iso,
  receivedAt: iso,
  checklistSteps: z.array(z.string()),
  skippedSteps: z.array(z.string()),
  stepReportedAt: z.record(z.string()),
}) satisfies z.ZodType<OrderContext>;

const PersistedSchema = z.object({
  machineId: z.literal(ORDER_MACHINE_ID),
  version: z.literal(ORDER_MACHINE_VERSION),
  factsKey: z.string(),
  value: z.object({ parcel: z.enum(ORDER_STATES), case: z.enum(CASE_STATES) }),
  context: OrderContextSchema,
});

export type RestoreOutcome = "restored" | "rebuilt_unreadable" | "rebuilt_other_machine" | "rebuilt_other_version" | "rebuilt_stale_facts";

/**
 * The snapshot at `now` from a stored cache when it is this machine's current version and was built
 * from these very facts; anything else (older or unknown version, other facts, garbage) is rebuilt
 * from the facts. Never throws on what it reads.
 */
export function restoreSnapshot(stored: unknown, facts: OrderFacts, now: Date): { snapshot: OrderSnapshot; outcome: RestoreOutcome } {
  let value = stored;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { snapshot: replay(facts, now), outcome: "rebuilt_unreadable" };
    }
  }
  const envelope = value as Partial<PersistedOrderSnapshot> | null;
  if (envelope === null || typeof envelope !== "object") return { snapshot: replay(facts, now), outcome: "rebuilt_unreadable" };
  if (envelope.machineId !== ORDER_MACHINE_ID) return { snapshot: replay(facts, now), outcome: "rebuilt_other_machine" };
  if (envelope.version !== ORDER_MACHINE_VERSION) return { snapshot: replay(facts, now), outcome: "rebuilt_other_version" };
  const parsed = PersistedSchema.safeParse(envelope);
  if (!parsed.success) return { snapshot: replay(facts, now), outcome: "rebuilt_unreadable" };
  if (parsed.data.factsKey !== factsKeyOf(facts)) return { snapshot: replay(facts, now), outcome: "rebuilt_stale_facts" };
  const resolved = orderMachine.resolveState({ value: parsed.data.value, context: parsed.data.context });
  const snapshot = orderMachine.transition(resolved, { type: "clock.tick", now: now.toISOString() }, inertScope());
  return { snapshot, outcome: "restored" };
}
