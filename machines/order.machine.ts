/**
 * One order's life (CONTRACT.md §2): the parcel's state follows the latest known milestone by event
 * time, the buyer's case follows their latest report. Two parallel regions, `parcel` and `case`,
 * whose state names are the contract's words, so `snapshot.value` is `{parcel: state, case: case}`.
 *
 * Deadlines are not timers here: they are computed from the context and `now` (see deadlines.ts),
 * and a sweep sends `clock.tick`. XState `after` timers would not survive a restored snapshot.
 */
import { assign, setup, type SnapshotFrom } from "xstate";
import { isoMs } from "./calendar.ts";
import {
  CASE_STATES,
  MILESTONES,
  ORDER_STATES,
  REPORT_KINDS,
  STATE_OF_MILESTONE,
  type CaseState,
  type Milestone,
  type OrderState,
  type Platform,
} from "./vocabulary.ts";

export const ORDER_MACHINE_ID = "order";
/** Bump when the context's shape or a transition's meaning changes: older snapshots are rebuilt from facts. */
export const ORDER_MACHINE_VERSION = 2;

export type KnownMilestone = Exclude<Milestone, "unknown">;
export type CaseReportKind = (typeof REPORT_KINDS)[number];

export interface OrderContext {
  platform: Platform;
  orderedAt: string;
  hasTracking: boolean;
  shippedAt: string | null;
  /** The last `clock.tick`; alerts and deadlines are measured against it. */
  now: string | null;
  /** Latest known milestone and its ordering key (time, leg, milestone rank). */
  latestMilestone: KnownMilestone | null;
  latestAt: string | null;
  latestLeg: number;
  latestRank: number;
  /** Timed carrier events with a known milestone. */
  firstEventAt: string | null;
  lastEventAt: string | null;
  eventCount: number;
  /** When the parcel entered its current state (first timed event of that state). */
  stateSince: string | null;
  /** First "label created" event. */
  labelAt: string | null;
  /** When the current customs episode began; null outside customs. */
  customsSince: string | null;
  deliveredAt: string | null;
  /** The buyer's latest case report and its time. */
  latestReportKind: CaseReportKind | null;
  latestReportAt: string | null;
  /** The seller-approved extension the buyer reported (latest wins). */
  protectionExtendedTo: string | null;
  protectionExtendedAt: string | null;
  disputeOpenedAt: string | null;
  escalatedAt: string | null;
  /** "Confirm receipt" starts AliExpress's last 15 days. */
  receivedAt: string | null;
  /** Checklist steps done (latest report of each step says done), sorted. */
  checklistSteps: string[];
  /** Checklist steps the buyer decided to skip (latest report says skipped), sorted: not "to do" either. */
  skippedSteps: string[];
  /** When each step was last reported; a later report of the same step replaces an earlier one. */
  stepReportedAt: Record<string, string>;
}

export interface OrderMachineInput {
  platform: Platform;
  orderedAt: string;
  hasTracking: boolean;
  shippedAt?: string | null;
  /** The clock at start (a replay starts "now"); later time arrives by `clock.tick`. */
  now?: string | null;
}

export type OrderEvent =
  | { type: "carrier.event"; milestone: Milestone; at: string | null; leg: number }
  /** Several carrier events at once (a pasted history, a provider's answer), in any order. */
  | { type: "carrier.events"; events: CarrierEventFact[] }
  | { type: `report.${CaseReportKind}`; at: string }
  | { type: "report.protection_extended"; at: string; protectionEndsAt: string }
  | { type: "report.checklist_step"; at: string; step: string; skipped?: boolean }
  | { type: "order.updated"; platform: Platform; orderedAt: string; hasTracking: boolean; shippedAt: string | null }
  | { type: "clock.tick"; now: string };

type CarrierEvent = Extract<OrderEvent, { type: "carrier.event" }>;
type CarrierBatchEvent = Extract<OrderEvent, { type: "carrier.events" }>;
export type CaseReportEvent = { type: `report.${CaseReportKind}`; at: string };

const MILESTONE_RANK = new Map<Milestone, number>(MILESTONES.map((m, i) => [m, i]));
const REPORT_RANK = new Map<string, number>(REPORT_KINDS.map((k, i) => [k, i]));
const CUSTOMS_STATES = new Set<OrderState>(["in_customs", "customs_held"]);

/** The buyer's latest report decides the case (contract §2). */
export const CASE_OF_REPORT: Record<CaseReportKind, CaseState> = {
  not_received: "checklist",
  contacted_seller: "contacted_seller",
  dispute_opened: "dispute_open",
  escalated: "escalated",
  refunded: "refunded",
  received: "closed",
  closed: "closed",
};

const ms = (iso: string | null): number => (iso === null ? Number.NEGATIVE_INFINITY : isoMs(iso));

/** Events are ordered by their own time, then leg, then how far along the milestone is. */
function isLatestCarrierEvent(context: OrderContext, event: CarrierEventFact): boolean {
  if (context.latestMilestone === null) return true;
  const a = ms(event.at),
    b = ms(context.latestAt);
  if (a !== b) return a > b;
  if (event.leg !== context.latestLeg) return event.leg > context.latestLeg;
  return (MILESTONE_RANK.get(event.milestone) ?? 0) >= context.latestRank;
}

export function isLatestReport(context: OrderContext, event: CaseReportEvent): boolean {
  if (context.latestReportAt === null) return true;
  const a = ms(event.at),
    b = ms(context.latestReportAt);
  if (a !== b) return a > b;
  return (REPORT_RANK.get(event.type.slice("report.".length)) ?? 0) >= (REPORT_RANK.get(context.latestReportKind ?? "") ?? 0);
}

const minIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : ms(a) <= ms(b) ? a : b);
const maxIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : ms(a) >= ms(b) ? a : b);

export interface CarrierEventFact {
  milestone: Milestone;
  at: string | null;
  leg: number;
}

function compareCarrierEvents(a: CarrierEventFact, b: CarrierEventFact): number {
  const ta = ms(a.at),
    tb = ms(b.at);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.leg !== b.leg) return a.leg - b.leg;
  return (MILESTONE_RANK.get(a.milestone) ?? 0) - (MILESTONE_RANK.get(b.milestone) ?? 0);
}

/** Records one event into `next`, a private copy of the context made by the fold (so no copy per event). */
function recordCarrierEvent(next: OrderContext, event: CarrierEventFact): void {
  if (event.milestone === "unknown") return;
  const timed = event.at !== null;
  next.eventCount += 1;
  if (timed) {
    next.firstEventAt = minIso(next.firstEventAt, event.at);
    next.lastEventAt = maxIso(next.lastEventAt, event.at);
    if (event.milestone === "info_received") next.labelAt = minIso(next.labelAt, event.at);
  }
  if (!isLatestCarrierEvent(next, event)) return;
  const before = next.latestMilestone ? STATE_OF_MILESTONE[next.latestMilestone] : null;
  const after = STATE_OF_MILESTONE[event.milestone];
  next.latestMilestone = event.milestone;
  next.latestAt = event.at;
  next.latestLeg = event.leg;
  next.latestRank = MILESTONE_RANK.get(event.milestone) ?? 0;
  if (before !== after) {
    next.stateSince = event.at;
    const wasInCustoms = before !== null && CUSTOMS_STATES.has(before);
    next.customsSince = CUSTOMS_STATES.has(after) ? (wasInCustoms ? next.customsSince : event.at) : null;
    if (after === "delivered") next.deliveredAt = event.at;
  }
}

/**
 * Folds a batch of carrier events (one, or a whole pasted history) into the context, in their own
 * time order whatever order they came in. Guards and the action both need the result; it is
 * memoised per (event, context) pair, which keeps it a pure function.
 */
const foldMemo = new WeakMap<object, { context: OrderContext; result: OrderContext }>();
export function foldCarrierEvents(context: OrderContext, event: CarrierEvent | CarrierBatchEvent): OrderContext {
  const memo = foldMemo.get(event);
  if (memo && memo.context === context) return memo.result;
  const batch = event.type === "carrier.event" ? [event] : [...event.events].sort(compareCarrierEvents);
  const result = { ...context };
  for (const item of batch) recordCarrierEvent(result, item);
  foldMemo.set(event, { context, result });
  return result;
}

export function recordReport(context: OrderContext, event: CaseReportEvent): Partial<OrderContext> {
  const kind = event.type.slice("report.".length) as CaseReportKind;
  const update: Partial<OrderContext> = {};
  if (kind === "dispute_opened") update.disputeOpenedAt = minIso(context.disputeOpenedAt, event.at);
  if (kind === "escalated") update.escalatedAt = minIso(context.escalatedAt, event.at);
  if (kind === "received") update.receivedAt = minIso(context.receivedAt, event.at);
  if (isLatestReport(context, event)) {
    update.latestReportKind = kind;
    update.latestReportAt = event.at;
  }
  return update;
}

/** The seller's extension the buyer reported; an older report than the one recorded changes nothing. */
export function recordExtension(context: OrderContext, event: Extract<OrderEvent, { type: "report.protection_extended" }>): Partial<OrderContext> {
  if (context.protectionExtendedAt !== null && ms(event.at) < ms(context.protectionExtendedAt)) return {};
  return { protectionExtendedTo: event.protectionEndsAt, protectionExtendedAt: event.at };
}

/**
 * The latest report of a step decides it (a later "done" replaces an earlier "skipped" and back).
 * A done "open a case on the marketplace" step is the buyer saying they opened a dispute, so it also
 * starts the dispute's clock (the seller's reply and the escalation dates count from it).
 */
export const DISPUTE_STEP = "open_marketplace_case";
export function recordChecklistStep(context: OrderContext, event: Extract<OrderEvent, { type: "report.checklist_step" }>): Partial<OrderContext> {
  const before = context.stepReportedAt[event.step];
  if (before !== undefined && ms(event.at) < ms(before)) return {};
  const without = (list: string[]) => list.filter((step) => step !== event.step);
  const update: Partial<OrderContext> = {
    checklistSteps: event.skipped ? without(context.checklistSteps) : [...without(context.checklistSteps), event.step].sort(),
    skippedSteps: event.skipped ? [...without(context.skippedSteps), event.step].sort() : without(context.skippedSteps),
    stepReportedAt: { ...context.stepReportedAt, [event.step]: event.at },
  };
  if (stepOpensDispute(context, event)) Object.assign(update, recordReport(context, { type: "report.dispute_opened", at: event.at }));
  return update;
}

/** A done dispute step moves the case on, unless the buyer has already escalated that dispute. */
export function stepOpensDispute(context: OrderContext, event: Extract<OrderEvent, { type: "report.checklist_step" }>): boolean {
  if (event.step !== DISPUTE_STEP || event.skipped || context.latestReportKind === "escalated") return false;
  const before = context.stepReportedAt[event.step];
  if (before !== undefined && ms(event.at) < ms(before)) return false;
  return isLatestReport(context, { type: "report.dispute_opened", at: event.at });
}

/**
 * The context an order starts with: its own fields and the clock. Exported so a replay of thousands
 * of orders can start each from one resolved starting snapshot with this context (replay.ts).
 */
export function initialContextOf(input: OrderMachineInput): OrderContext {
  return {
    platform: input.platform,
    orderedAt: input.orderedAt,
    hasTracking: input.hasTracking,
    shippedAt: input.shippedAt ?? null,
    now: input.now ?? null,
    latestMilestone: null,
    latestAt: null,
    latestLeg: 0,
    latestRank: 0,
    firstEventAt: null,
    lastEventAt: null,
    eventCount: 0,
    stateSince: null,
    labelAt: null,
    customsSince: null,
    deliveredAt: null,
    latestReportKind: null,
    latestReportAt: null,
    protectionExtendedTo: null,
    protectionExtendedAt: null,
    disputeOpenedAt: null,
    escalatedAt: null,
    receivedAt: null,
    checklistSteps: [],
    skippedSteps: [],
    stepReportedAt: {},
  };
}

/** One guarded transition per target state (generated from the contract's states, not written by hand); the fold decides which. */
const carrierTransitions = [
  { guard: "keepsState" as const, actions: "recordCarrierEvents" as const },
  ...ORDER_STATES.filter((state) => state !== "awaiting_shipment").map((state) => ({
    guard: { type: "leadsTo" as const, params: { state } },
    target: `.${state}`,
    actions: "recordCarrierEvents" as const,
  })),
];

const caseTransitions = Object.fromEntries(
  REPORT_KINDS.map((kind) => [
    `report.${kind}`,
    [
      { guard: "isLatestReport" as const, target: `.${CASE_OF_REPORT[kind]}`, actions: "recordReport" as const },
      { actions: "recordReport" as const },
    ],
  ]),
);

export const orderMachine = setup({
  types: {
    context: {} as OrderContext,
    events: {} as OrderEvent,
    input: {} as OrderMachineInput,
  },
  guards: {
    keepsState: ({ context, event }) =>
      (event.type !== "carrier.event" && event.type !== "carrier.events") ||
      foldCarrierEvents(context, event).latestMilestone === context.latestMilestone,
    leadsTo: ({ context, event }, params: { state: OrderState }) => {
      if (event.type !== "carrier.event" && event.type !== "carrier.events") return false;
      const latest = foldCarrierEvents(context, event).latestMilestone;
      return latest !== null && STATE_OF_MILESTONE[latest] === params.state;
    },
    isLatestReport: ({ context, event }) => event.type.startsWith("report.") && isLatestReport(context, event as CaseReportEvent),
    // Without any carrier milestone, the tracking number alone decides awaiting_shipment vs label_created.
    hasOnlyTrackingNumber: ({ context }) => context.latestMilestone === null && context.hasTracking,
    hasNoTrackingYet: ({ context }) => context.latestMilestone === null && !context.hasTracking,
    hasNoCase: ({ context }) => context.latestReportKind === null,
    // "I opened a case on the marketplace" (a done checklist step) is a dispute_opened report.
    opensDispute: ({ context, event }) => event.type === "report.checklist_step" && stepOpensDispute(context, event),
  },
  actions: {
    recordCarrierEvents: assign(({ context, event }) =>
      event.type === "carrier.event" || event.type === "carrier.events" ? foldCarrierEvents(context, event) : {},
    ),
    recordReport: assign(({ context, event }) => (event.type.startsWith("report.") ? recordReport(context, event as CaseReportEvent) : {})),
    recordExtension: assign(({ context, event }) => (event.type === "report.protection_extended" ? recordExtension(context, event) : {})),
    recordChecklistStep: assign(({ context, event }) => (event.type === "report.checklist_step" ? recordChecklistStep(context, event) : {})),
    updateOrder: assign(({ event }) =>
      event.type === "order.updated"
        ? { platform: event.platform, orderedAt: event.orderedAt, hasTracking: event.hasTracking, shippedAt: event.shippedAt }
        : {},
    ),
    tick: assign(({ event }) => (event.type === "clock.tick" ? { now: event.now } : {})),
  },
}).createMachine({
  id: ORDER_MACHINE_ID,
  type: "parallel",
  context: ({ input }) => initialContextOf(input),
  on: {
    "clock.tick": { actions: "tick" },
    "report.protection_extended": { actions: "recordExtension" },
  },
  states: {
    parcel: {
      initial: "awaiting_shipment",
      on: {
        "carrier.event": carrierTransitions,
        "carrier.events": carrierTransitions,
        "order.updated": { actions: "updateOrder" },
      },
      states: {
        ...(Object.fromEntries(ORDER_STATES.map((state) => [state, {}])) as Record<OrderState, object>),
        awaiting_shipment: { always: { guard: "hasOnlyTrackingNumber", target: "label_created" } },
        label_created: { always: { guard: "hasNoTrackingYet", target: "awaiting_shipment" } },
      },
    },
    case: {
      initial: "none",
      on: {
        ...caseTransitions,
        // A checklist step without a report still means the buyer is looking for the parcel.
        "report.checklist_step": [
          { guard: "opensDispute", target: ".dispute_open", actions: "recordChecklistStep" },
          { guard: "hasNoCase", target: ".checklist", actions: "recordChecklistStep" },
          { actions: "recordChecklistStep" },
        ],
      },
      states: Object.fromEntries(CASE_STATES.map((state) => [state, {}])) as Record<CaseState, object>,
    },
  },
});

export type OrderSnapshot = SnapshotFrom<typeof orderMachine>;

/** The contract `state` of a snapshot. */
export function stateOf(snapshot: OrderSnapshot): OrderState {
  return (snapshot.value as { parcel: OrderState }).parcel;
}

/** The contract `case` of a snapshot. */
export function caseOf(snapshot: OrderSnapshot): CaseState {
  return (snapshot.value as { case: CaseState }).case;
}

/** Both regions' states, as `snapshot.value` holds them. */
export interface OrderStateValue {
  parcel: OrderState;
  case: CaseState;
}
