/**
 * Everything stored about orders, shaped as the engine's OrderFacts (machines/order-facts.ts).
 * Many orders load in four queries (order-rows.server.ts), never one query per order, so
 * re-deriving every order after a classifier or policy change stays cheap.
 */
import type { BuyerReportFact, ChecklistEntryFact, OrderFacts, TrackingEventFact } from "../../machines/order-facts.ts";
import { CARD_NETWORKS, MILESTONES, PAYMENT_METHODS, PLATFORMS, type Milestone } from "../../machines/vocabulary.ts";
import type { DocumentFacts } from "../../templates/document/document-facts.ts";
import type { DB } from "../client.server.ts";
import { expectedDeliveryOf } from "../../machines/expected-delivery.ts";
import {
  loadFactsRowsPage,
  loadOrderRows,
  type FactsEventRow,
  type FactsReportRow,
  type FactsRows,
  type FactsSource,
  type OrdersFilter,
} from "./order-rows.server.ts";
import { STORED_REPORT_KINDS, reportData, type StoredReportKind } from "./reports.server.ts";

/** One order's facts with the ids a sweep or a benchmark needs to write results back. */
export interface OrderFactsEntry {
  orderId: string;
  userId: string;
  facts: OrderFacts;
}

// Bound values per IN list; far below SQLite's 32766 and PostgreSQL's 65535.
const ID_CHUNK = 500;

/** The user's order as OrderFacts, or null when it does not exist or is not theirs. */
export async function loadOrderFacts(db: DB, userId: string, orderId: string): Promise<OrderFacts | null> {
  const entries = await loadEntries(db, (eb) => eb.and([eb("o.user_id", "=", userId), eb("o.id", "=", orderId)]));
  return entries[0]?.facts ?? null;
}

/**
 * Facts of the user's orders by order id: all of them, or those of `orderIds` (ids that are not
 * theirs are left out, never an error).
 */
export async function loadOrderFactsForUser(db: DB, userId: string, orderIds?: string[]): Promise<Map<string, OrderFacts>> {
  const entries: OrderFactsEntry[] = [];
  if (orderIds === undefined) {
    entries.push(...(await loadEntries(db, (eb) => eb("o.user_id", "=", userId))));
  } else {
    for (let i = 0; i < orderIds.length; i += ID_CHUNK) {
      const chunk = orderIds.slice(i, i + ID_CHUNK);
      entries.push(...(await loadEntries(db, (eb) => eb.and([eb("o.user_id", "=", userId), eb("o.id", "in", chunk)]))));
    }
  }
  return new Map(entries.map((e) => [e.orderId, e.facts]));
}

/**
 * Every user's orders, one page at a time in id order, for the system's own jobs (the reminder
 * sweep, re-assessment after a classifier or policy change). Never call it for a person's request:
 * it is not scoped to a user. Pass the returned `nextAfterId` back until it is null. Give it the
 * raw better-sqlite3 connection (openDatabase's `sqlite`) for bulk work: the same facts, faster.
 */
export async function loadOrderFactsPage(
  db: FactsSource,
  options: { afterId?: string | null; limit?: number } = {},
): Promise<{ entries: OrderFactsEntry[]; nextAfterId: string | null }> {
  const limit = options.limit ?? 1000;
  const rows = await loadFactsRowsPage(db, options.afterId ?? null, limit);
  const entries = rows.map((r) => ({ orderId: r.order.id, userId: r.order.user_id, facts: orderFactsFromRows(r) }));
  return { entries, nextAfterId: rows.length < limit ? null : rows[rows.length - 1].order.id };
}

async function loadEntries(db: DB, filter: OrdersFilter): Promise<OrderFactsEntry[]> {
  const rows = await loadOrderRows(db, filter);
  return rows.map((r) => ({ orderId: r.order.id, userId: r.order.user_id, facts: orderFactsFromRows(r) }));
}

/**
 * Rows → OrderFacts. Columns hold text; values outside the vocabulary (a row written by a newer
 * version, a hand edit) read as the neutral choice instead of crashing the engine.
 */
export function orderFactsFromRows({ order, userTimeZone, buyer, numbers, events, reports }: FactsRows): DocumentFacts {
  const facts: DocumentFacts = {
    platform: oneOf(PLATFORMS, order.platform) ?? "other",
    platformName: order.platform_name,
    orderedAt: order.ordered_at,
    trackingNumbers: numbers.map((n) => n.number),
    events: [...events].sort(oldestFirst).map(eventFact),
    paymentMethod: oneOf(PAYMENT_METHODS, order.payment_method),
    cardNetwork: oneOf(CARD_NETWORKS, order.card_network),
    shippedAt: order.shipped_at,
    protectionEndsAt: order.protection_ends_at,
    timeZone: order.time_zone ?? userTimeZone,
    reports: reports.flatMap(reportFact),
    orderNumber: order.order_number,
    item: order.item,
    seller: order.seller,
    checklist: checklistFrom(reports),
  };
  // The promised day the buyer typed counts as the expected delivery too (issue 13: it used to be dropped here).
  const expected = expectedDeliveryOf({
    promisedDeliveryAt: order.promised_delivery_at,
    estimatedEarliest: order.estimated_delivery_earliest,
    estimatedLatest: order.estimated_delivery_latest,
  });
  if (expected) facts.estimatedDelivery = expected;
  if (order.amount_value !== null && order.currency !== null) {
    facts.amount = { value: order.amount_value, currency: order.currency };
  }
  // The buyer's own details and the facts they gave for documents (issue 13): letters and the
  // packet use them; a field left empty stays absent, so the sentence needing it is left out.
  if (buyer) {
    facts.buyer = {
      name: buyer.full_name,
      address: buyer.postal_address,
      email: buyer.email,
      country: buyer.country,
      language: buyer.language,
      phone: buyer.phone,
    };
    // Until an order records its own destination, the parcel goes to the address in the profile.
    if (buyer.country) facts.destinationCountry = buyer.country;
  }
  if (order.payment_reference) facts.paymentReference = order.payment_reference;
  if (order.carrier_case_number) facts.carrierCaseNumber = order.carrier_case_number;
  return facts;
}

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The value when it is one of `values`; a set per vocabulary list, as every event is checked. */
function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  let set = sets.get(values);
  if (!set) sets.set(values, (set = new Set(values)));
  return value !== null && set.has(value) ? (value as T) : null;
}

function eventFact(event: FactsEventRow): TrackingEventFact {
  return {
    at: event.occurred_at,
    text: event.text,
    location: event.location,
    milestone: oneOf<Milestone>(MILESTONES, event.milestone) ?? "unknown",
    confidence: event.confidence,
    trackingNumber: event.tracking_number,
    carrier: event.carrier,
    source: event.source,
  };
}

/** Oldest first, events without a time last (SQLite and PostgreSQL disagree on NULL order, so here). */
function oldestFirst(a: FactsEventRow, b: FactsEventRow): number {
  if (a.occurred_at !== b.occurred_at) {
    if (a.occurred_at === null) return 1;
    if (b.occurred_at === null) return -1;
    return a.occurred_at < b.occurred_at ? -1 : 1;
  }
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function reportFact(report: FactsReportRow): BuyerReportFact[] {
  const kind = oneOf<StoredReportKind>(STORED_REPORT_KINDS, report.kind);
  if (!kind) return [];
  const data = reportData(report);
  const fact: BuyerReportFact = { at: report.at, kind, note: report.note, reference: report.reference };
  if (kind === "protection_extended") fact.protectionEndsAt = data.protectionEndsAt ?? null;
  if (kind === "checklist_step") {
    fact.step = data.step ?? null;
    fact.skipped = data.skipped ?? false;
    const title = stepTitleOf(data);
    if (title) fact.stepTitle = title;
  }
  return [fact];
}

/** The step's title saved with the report (app/checklist), so documents quote it in words. */
function stepTitleOf(data: ReturnType<typeof reportData>): string | null {
  return typeof data.title === "string" && data.title.trim() ? data.title.trim() : null;
}

/** The latest report of each checklist step decides it: done (with its time) or skipped (null). */
function checklistFrom(reports: FactsReportRow[]): ChecklistEntryFact[] {
  const byStep = new Map<string, ChecklistEntryFact>();
  for (const report of reports) {
    if (report.kind !== "checklist_step") continue;
    const data = reportData(report);
    if (!data.step) continue;
    byStep.set(data.step, { step: stepTitleOf(data) ?? data.step, doneAt: data.skipped ? null : report.at, note: report.note });
  }
  return [...byStep.values()];
}
