import type { Deadline } from "../../machines/order-facts.ts";
import type { CardNetwork, OrderState } from "../../machines/vocabulary.ts";
import { carrierName } from "../document/carrier-names.ts";
import { oneLine } from "../document/clean-text.ts";
import { DAY_MS, wholeDaysBetween, zoneOf } from "../document/format-time.ts";
import { letterDateTime, letterDay } from "../document/letter-dates.ts";
import type { LetterEvent, LetterFacts, LetterLanguage, LetterReport } from "../document/letter-facts.ts";
import { platformName, protectionDeadline } from "../document/order-story.ts";
import type { Fields, FieldValue } from "./fill-template.ts";
import { LETTER_WORDS } from "./letter-words.ts";

/**
 * Every fact a letter template may ask for, from the recorded facts only (issue 13). A fact nobody
 * recorded is `known: false`: a template line that uses it is left out whole, never filled with a
 * guess or a blank. Conditions (`is_…`, `has_…`) are true or false, never text.
 */

/** Most recent events quoted in a letter; the packet carries the full history. */
const TIMELINE_LINES = 6;
/** Days the reader is asked to answer within, unless a deadline comes sooner. */
const REPLY_DAYS = 5;

const known = (text: string): FieldValue => ({ text, known: true });
const unknown: FieldValue = { text: "", known: false };
const fact = (value: string | null | undefined): FieldValue => {
  const text = value ? oneLine(value) : "";
  return text ? known(text) : unknown;
};
const lines = (items: string[]): FieldValue => (items.length ? known(items.join("\n")) : unknown);
const flag = (on: boolean): FieldValue => ({ text: "", known: on });

/** Chargeback reason codes for "goods not received" (POLICIES.md, payment methods); the networks' own names. */
const CHARGEBACK_REASON: Record<Exclude<CardNetwork, "other">, string> = {
  visa: "Visa 13.1 (Merchandise/Services Not Received)",
  mastercard: "Mastercard 4853 (Cardholder Dispute: goods or services not provided)",
  amex: "American Express C08 (Goods/Services Not Received)",
};
const NETWORK_NAME: Record<CardNetwork, string | null> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", other: null };

const IN_MOTION: ReadonlySet<OrderState> = new Set([
  "label_created",
  "in_transit",
  "arrived_destination",
  "with_local_carrier",
  "out_for_delivery",
  "delivery_failed",
  "available_for_pickup",
]);

function validMs(iso: string | null | undefined): number | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

function replyBy(now: string, deadlines: readonly Deadline[]): string {
  const nowMs = Date.parse(now);
  let by = nowMs + REPLY_DAYS * DAY_MS;
  for (const d of deadlines) {
    const due = Date.parse(d.due);
    // Ask for an answer the day before a deadline that comes first, but give at least a day.
    if (!d.past && due - DAY_MS < by && due - DAY_MS >= nowMs + DAY_MS) by = due - DAY_MS;
  }
  return new Date(by).toISOString();
}

export function letterFields(lf: LetterFacts, lang: LetterLanguage, now: string): Fields {
  const w = LETTER_WORDS[lang];
  const facts = lf.order;
  const zone = zoneOf(facts.timeZone);
  const day = (iso: string | null | undefined) => letterDay(iso, zone, w.locale);
  const when = (e: LetterEvent) => (validMs(e.at) === null ? null : e.dateOnly ? day(e.at) : letterDateTime(e.at, zone, w.locale));

  const timeline = lf.events
    .map((e, i) => ({ e, i, ms: validMs(e.at) }))
    .sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity) || a.i - b.i)
    .map(({ e }) => e);
  const dated = timeline.filter((e) => validMs(e.at) !== null);
  const lastScan = dated.at(-1) ?? null;
  const hasTime = dated.some((e) => !e.dateOnly);
  const scanLine = (e: LetterEvent | null): string | null => {
    if (!e) return null;
    const stamp = when(e);
    const parts = [stamp && !e.dateOnly ? `${stamp} (${zone})` : stamp, e.location ? oneLine(e.location) : null, `"${oneLine(e.text)}"`];
    return parts.filter(Boolean).join(", ");
  };
  const latestOf = (...milestones: string[]) => [...timeline].reverse().find((e) => e.milestone && milestones.includes(e.milestone)) ?? null;

  const recent = timeline.slice(-TIMELINE_LINES).reverse();
  const earlier = timeline.length - recent.length;
  const timelineLines = [
    ...recent.map((e) => `- ${[when(e) ?? w.noTime, e.location ? oneLine(e.location) : null, oneLine(e.text)].filter(Boolean).join(" — ")}`),
    ...(earlier > 0 ? [`- ${w.earlier(earlier)}`] : []),
  ];

  const reports = [...lf.reports].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const first = (kind: LetterReport["kind"]) => reports.find((r) => r.kind === kind) ?? null;
  const last = (kind: LetterReport["kind"]) => reports.filter((r) => r.kind === kind).at(-1) ?? null;
  const contacted = first("contacted_seller");
  const dispute = last("dispute_opened");
  const escalated = last("escalated");
  const refunded = last("refunded");
  const notReceived = first("not_received");

  const done = lf.steps.filter((s) => s.status === "done" && s.at).sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
  const skipped = lf.steps.filter((s) => s.status === "skipped");
  const extrasOf = (note: string | null, reference: string | null) =>
    [note ? ` — ${note}` : "", reference ? ` (${w.reference} ${reference})` : ""].join("");
  const doneLines = done.map((s) => {
    const said = (s.id && w.stepDone[s.id]) || `"${s.title}"`;
    return `- ${day(s.at)}: ${said}${extrasOf(s.note, s.reference)}`;
  });
  const skippedLines = skipped.map((s) => {
    const name = (s.id && w.stepTitle[s.id]) || s.title;
    return `- ${w.notDone}: "${name}"${s.reason ? ` (${w.reason}: ${s.reason})` : ""}`;
  });

  const upcoming = [...lf.deadlines].filter((d) => !d.past).sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id));
  // Deadline titles and rules are the engine's English words: only English letters quote them.
  const deadlineLine = (d: Deadline) => `- ${oneLine(d.title)}: ${day(d.due)}. ${oneLine(d.reason)} (source: ${oneLine(d.source)})`;
  const protection = protectionDeadline(lf.deadlines)?.due ?? facts.protectionEndsAt ?? null;
  // Letters say "protection ends on …": a date already past is not offered to them.
  const protectionAhead = protection && Date.parse(protection) > Date.parse(now) ? protection : null;

  const network = facts.cardNetwork ?? null;
  const tracking = facts.trackingNumbers.map((n) => oneLine(n)).filter(Boolean);
  const leg = lf.currentLeg;
  const amount =
    facts.amount && String(facts.amount.value).trim() ? `${String(facts.amount.value).trim()} ${oneLine(facts.amount.currency)}`.trim() : null;
  const gaps = (() => {
    const out: string[] = [];
    for (let i = 1; i < dated.length; i++) {
      const from = dated[i - 1].at!;
      const to = dated[i].at!;
      if (Date.parse(to) - Date.parse(from) > 3 * DAY_MS) out.push(`- ${w.gap(wholeDaysBetween(from, to), day(from)!, day(to)!)}`);
    }
    return out;
  })();
  const finished = lf.state === "delivered" || lf.state === "returned";

  const enclosures = [
    `- ${w.enclosure.order(facts.orderNumber ? oneLine(facts.orderNumber) : null, day(facts.orderedAt)!)}`,
    `- ${w.enclosure.paymentLine}`,
    ...(tracking.length ? [`- ${w.enclosure.tracking(tracking.join(", "), timeline.length)}`] : []),
    ...(contacted ? [`- ${w.enclosure.sellerMessages(day(contacted.at)!)}`] : []),
    ...(dispute ? [`- ${w.enclosure.dispute(dispute.reference, day(dispute.at)!)}`] : []),
    ...(done.length ? [`- ${w.enclosure.checks}`] : []),
    `- ${w.enclosure.packet(day(now)!)}`,
  ];

  const fields: Record<string, FieldValue> = {
    today: known(day(now)!),
    buyer_name: fact(lf.buyer?.name),
    buyer_address: fact(lf.buyer?.address),
    buyer_email: fact(lf.buyer?.email),
    order_number: fact(facts.orderNumber),
    item: fact(facts.item),
    amount: fact(amount),
    seller: fact(facts.seller),
    platform: fact(platformName(facts)),
    ordered_on: fact(day(facts.orderedAt)),
    shipped_on: fact(day(facts.shippedAt)),
    expected_delivery: fact(day(facts.estimatedDelivery?.latest ?? facts.estimatedDelivery?.earliest)),
    protection_ends: fact(day(protectionAhead)),
    card_network: fact(network ? NETWORK_NAME[network] : null),
    chargeback_reason: fact(network && network !== "other" ? CHARGEBACK_REASON[network] : null),
    payment_reference: fact(lf.paymentReference),
    // The PayPal letter is offered only when the payment was not recorded as card or other, so
    // the reference the buyer gave is then the PayPal transaction.
    paypal_transaction: fact(facts.paymentMethod === "card" || facts.paymentMethod === "other" ? null : lf.paymentReference),
    carrier_case_number: fact(lf.carrierCaseNumber),
    tracking_numbers: lines(tracking.length ? [tracking.join(", ")] : []),
    leg_number: fact(leg?.number),
    leg_carrier: fact(carrierName(leg?.carrier)),
    state: known(w.state[lf.state]),
    time_zone: known(zone),
    last_scan: fact(scanLine(lastScan)),
    days_silent: lastScan && !finished ? known(String(Math.max(0, wholeDaysBetween(lastScan.at!, now)))) : unknown,
    days_since_order: known(String(Math.max(0, wholeDaysBetween(facts.orderedAt, now)))),
    timeline: lines(timeline.length ? timelineLines : []),
    has_times: flag(hasTime),
    silent_gaps: lines(gaps),
    delivered_scan: fact(scanLine(latestOf("delivered"))),
    customs_scan: fact(scanLine(latestOf("customs_held", "customs_pending", "customs_cleared"))),
    returned_scan: fact(scanLine(latestOf("returned"))),
    steps_done: lines(doneLines),
    steps_skipped: lines(skippedLines),
    reported_missing_on: fact(day(notReceived?.at)),
    contacted_seller_on: fact(day(contacted?.at)),
    dispute_opened_on: fact(day(dispute?.at)),
    // A later report without its number does not erase the number recorded before.
    dispute_reference: fact(reports.filter((r) => r.kind === "dispute_opened" && r.reference).at(-1)?.reference),
    escalated_on: fact(day(escalated?.at)),
    refunded_on: fact(day(refunded?.at)),
    reply_by: known(day(replyBy(now, upcoming))!),
    deadlines: lang === "en" ? lines(upcoming.map(deadlineLine)) : unknown,
    paypal_deadlines: lang === "en" ? lines(upcoming.filter((d) => d.id.startsWith("paypal-")).map(deadlineLine)) : unknown,
    enclosures: lines(enclosures),
    is_awaiting_shipment: flag(lf.state === "awaiting_shipment"),
    is_moving: flag(IN_MOTION.has(lf.state)),
    is_customs: flag(lf.state === "in_customs" || lf.state === "customs_held"),
    is_customs_held: flag(lf.state === "customs_held" || lf.alerts.includes("customs_action")),
    is_delivered: flag(lf.state === "delivered"),
    is_returned: flag(lf.state === "returned"),
    is_exception: flag(lf.state === "exception"),
    is_not_delivered: flag(lf.state !== "delivered"),
    is_card: flag(facts.paymentMethod === "card"),
    has_tracking: flag(tracking.length > 0),
    has_events: flag(timeline.length > 0),
    // Once a dispute is reported, letters cite it and never threaten to open one (issue 13).
    dispute_open: flag(dispute !== null),
  };
  return fields;
}
