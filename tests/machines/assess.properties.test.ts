import fc from "fast-check";
import { initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { assessOrder } from "../../machines/assess.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import { orderMachine } from "../../machines/order.machine.ts";
import { orderEventsOf, orderMachineInput, replay } from "../../machines/replay.ts";
import {
  ALERTS,
  CARD_NETWORKS,
  CASE_STATES,
  MILESTONES,
  ORDER_STATES,
  PAYMENT_METHODS,
  PLATFORMS,
  REPORT_KINDS,
  type Alert,
  type CaseState,
  type OrderState,
} from "../../machines/vocabulary.ts";

const HOUR = 3_600_000;
const BASE = Date.parse("2026-01-01T00:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

const NUMBERS = ["LP00123456789012", "9400111899223100000000"];
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Europe/London", "Asia/Shanghai", "Australia/Lord_Howe"];

/** Random orders: events and reports around the order date, some without a time, some duplicated. */
const factsArb = fc
  .record({
    orderHour: fc.integer({ min: 0, max: 24 * 365 }),
    platform: fc.constantFrom(...PLATFORMS),
    numbers: fc.integer({ min: 0, max: 2 }),
    events: fc.array(
      fc.record({
        hour: fc.option(fc.integer({ min: -48, max: 24 * 120 }), { freq: 8 }),
        milestone: fc.constantFrom(...MILESTONES),
        text: fc.constantFrom("scan", "hub", "update", "Arrived", "Departed"),
        leg: fc.integer({ min: 0, max: 1 }),
      }),
      { maxLength: 25 },
    ),
    reports: fc.array(
      fc.record({
        hour: fc.integer({ min: 0, max: 24 * 120 }),
        kind: fc.constantFrom(...REPORT_KINDS, "protection_extended" as const, "checklist_step" as const),
      }),
      { maxLength: 5 },
    ),
    paymentMethod: fc.option(fc.constantFrom(...PAYMENT_METHODS)),
    cardNetwork: fc.option(fc.constantFrom(...CARD_NETWORKS)),
    protectionHour: fc.option(fc.integer({ min: -24 * 10, max: 24 * 90 })),
    latestHour: fc.option(fc.integer({ min: -24 * 10, max: 24 * 90 })),
    shippedHour: fc.option(fc.integer({ min: -24, max: 24 * 20 })),
    timeZone: fc.option(fc.constantFrom(...ZONES)),
    nowHour: fc.integer({ min: 0, max: 24 * 200 }),
  })
  .map((r) => {
    const ordered = BASE + r.orderHour * HOUR;
    const facts: OrderFacts = {
      platform: r.platform,
      orderedAt: iso(ordered),
      trackingNumbers: NUMBERS.slice(0, r.numbers),
      events: r.events.map((e) => ({
        at: e.hour === null ? null : iso(ordered + e.hour * HOUR),
        text: `${e.text} ${e.milestone}`,
        milestone: e.milestone,
        trackingNumber: NUMBERS[e.leg] ?? null,
      })),
      reports: r.reports.map((rep) => ({
        at: iso(ordered + rep.hour * HOUR),
        kind: rep.kind,
        ...(rep.kind === "protection_extended" ? { protectionEndsAt: iso(ordered + (rep.hour + 24 * 30) * HOUR) } : {}),
        ...(rep.kind === "checklist_step" ? { step: "neighbours" } : {}),
      })),
      paymentMethod: r.paymentMethod,
      cardNetwork: r.cardNetwork,
      protectionEndsAt: r.protectionHour === null ? null : iso(ordered + r.protectionHour * HOUR),
      estimatedDelivery: r.latestHour === null ? null : { latest: iso(ordered + r.latestHour * HOUR) },
      shippedAt: r.shippedHour === null ? null : iso(ordered + r.shippedHour * HOUR),
      timeZone: r.timeZone,
    };
    return { facts, now: new Date(ordered + r.nowHour * HOUR) };
  });

/** A seeded shuffle, so fast-check can shrink the seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Where each alert may appear at all (contract §2): anything else contradicts the state. */
const ALLOWED: Record<Alert, (state: OrderState, kase: CaseState) => boolean> = {
  not_shipped: (s) => s === "awaiting_shipment" || s === "label_created",
  no_update: (s) => !["delivered", "returned", "awaiting_shipment"].includes(s),
  label_stuck: (s) => s === "label_created",
  no_progress: (s) => !["delivered", "returned", "available_for_pickup"].includes(s),
  customs_delay: (s) => s === "in_customs" || s === "customs_held",
  customs_action: (s) => s === "customs_held",
  returned_to_sender: (s) => s === "returned",
  delivery_failed: (s) => s === "delivery_failed",
  missing_after_delivered: (s, c) => s === "delivered" && ["checklist", "contacted_seller", "dispute_open", "escalated"].includes(c),
  protection_expiring: (_s, c) => c === "none" || c === "checklist" || c === "contacted_seller",
};

describe("assess: properties over random orders", () => {
  it("never crashes on optional dates that do not parse (a hand-edited row)", () => {
    const junk = fc.option(fc.oneof(fc.string(), fc.constantFrom("2026-13-45", "yesterday", "")));
    fc.assert(
      fc.property(factsArb, junk, junk, junk, junk, ({ facts, now }, shippedAt, protectionEndsAt, latest, extendedTo) => {
        const odd = {
          ...facts,
          shippedAt,
          protectionEndsAt,
          estimatedDelivery: { latest },
          reports: [...(facts.reports ?? []), { at: facts.orderedAt, kind: "protection_extended" as const, protectionEndsAt: extendedTo }],
        };
        const answer = assessOrder(odd, now);
        for (const d of answer.deadlines) expect(Number.isNaN(Date.parse(d.due))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("replay steps to exactly what XState's own transition API gives", () => {
    fc.assert(
      fc.property(factsArb, ({ facts, now }) => {
        let [expected] = initialTransition(orderMachine, orderMachineInput(facts, now));
        for (const event of orderEventsOf(facts)) [expected] = transition(orderMachine, expected, event);
        const actual = replay(facts, now);
        expect(actual.value).toEqual(expected.value);
        expect(actual.context).toEqual(expected.context);
      }),
      { numRuns: 500 },
    );
  });

  it("any arrival order of the same facts gives the same answer", () => {
    fc.assert(
      fc.property(factsArb, fc.integer(), ({ facts, now }, seed) => {
        const permuted = { ...facts, events: shuffled(facts.events, seed), reports: shuffled(facts.reports ?? [], seed + 1) };
        expect(assessOrder(permuted, now)).toEqual(assessOrder(facts, now));
      }),
      { numRuns: 300 },
    );
  });

  it("repeating facts changes nothing", () => {
    fc.assert(
      fc.property(factsArb, ({ facts, now }) => {
        const doubled = { ...facts, events: [...facts.events, ...facts.events], reports: [...(facts.reports ?? []), ...(facts.reports ?? [])] };
        expect(assessOrder(doubled, now)).toEqual(assessOrder(facts, now));
      }),
      { numRuns: 200 },
    );
  });

  it("no deadline falls before the order date; each has a reason, a source and a correct 'past'", () => {
    fc.assert(
      fc.property(factsArb, ({ facts, now }) => {
        const { deadlines } = assessOrder(facts, now);
        expect(new Set(deadlines.map((d) => d.id)).size).toBe(deadlines.length);
        for (const d of deadlines) {
          expect(Date.parse(d.due)).toBeGreaterThanOrEqual(Date.parse(facts.orderedAt));
          expect(d.reason.trim().length).toBeGreaterThan(10);
          expect(d.source.trim().length).toBeGreaterThan(0);
          expect(d.title.trim().length).toBeGreaterThan(0);
          expect(d.past).toBe(Date.parse(d.due) < now.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("alerts never contradict the state or the case, and the answer uses only contract words", () => {
    fc.assert(
      fc.property(factsArb, ({ facts, now }) => {
        const answer = assessOrder(facts, now);
        expect(ORDER_STATES).toContain(answer.state);
        expect(CASE_STATES).toContain(answer.case);
        for (const alert of answer.alerts) {
          expect(ALERTS).toContain(alert);
          expect(ALLOWED[alert](answer.state, answer.case), `${alert} in ${answer.state}/${answer.case}`).toBe(true);
        }
        if (answer.case === "refunded" || answer.case === "closed") expect(answer.alerts).toEqual([]);
        for (const action of answer.actions) {
          expect(["now", "soon", "later"]).toContain(action.urgency);
          expect(action.title.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
