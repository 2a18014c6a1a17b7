import type { Deadline, OrderFacts } from "../../machines/order-facts.ts";
import type { CardNetwork, OrderState } from "../../machines/vocabulary.ts";
import type { OrderAssessment } from "../document/assessment.ts";
import { oneLine, shorten } from "../document/clean-text.ts";
import { DAY_MS, formatDay } from "../document/format-time.ts";
import { STATE_LABEL } from "../document/labels.ts";
import { blank } from "../document/missing-fact.ts";
import { protectionDeadline, tellOrder, type OrderStory, type TimelineEntry } from "../document/order-story.ts";
import type { Fields, FieldValue } from "./fill-template.ts";

/**
 * Every fact a letter template may ask for, computed from the order, the engine's assessment and
 * `now`. A fact the order lacks is a marked blank (`known: false`), never a guess.
 */

/** Most recent events quoted in a letter; the packet carries the full history. */
const TIMELINE_LINES = 6;
/** Longest event text quoted in a letter, so one runaway carrier line cannot swamp it. */
const EVENT_TEXT_MAX = 160;
/** Days the seller or carrier is asked to answer within, unless a deadline comes sooner. */
const REPLY_DAYS = 5;

const known = (text: string): FieldValue => ({ text, known: true });
const missing = (label: string): FieldValue => ({ text: blank(label), known: false });
const fact = (value: string | null | undefined, label: string): FieldValue => {
  const text = value ? oneLine(value) : "";
  return text ? known(text) : missing(label);
};
const list = (lines: string[], label: string): FieldValue =>
  lines.length ? known(lines.join("\n")) : missing(label);
const flag = (on: boolean): FieldValue => ({ text: "", known: on });

/** Display names where the contract's id is not how people write it (contract §3 ids). */
const CARRIER_NAME: Record<string, string> = {
  usps: "USPS", ups: "UPS", dhl: "DHL Express", "dhl-ecommerce": "DHL eCommerce", "dhl-paket": "DHL Paket",
  dpd: "DPD", gls: "GLS", "4px": "4PX", postnl: "PostNL", "royal-mail": "Royal Mail", "la-poste": "La Poste",
  "canada-post": "Canada Post", "australia-post": "Australia Post", "deutsche-post": "Deutsche Post",
  "poste-italiane": "Poste Italiane", "china-post": "China Post", "japan-post": "Japan Post",
  "korea-post": "Korea Post", "singapore-post": "Singapore Post", fedex: "FedEx", yunexpress: "YunExpress",
  cainiao: "Cainiao", yanwen: "Yanwen", correos: "Correos", colissimo: "Colissimo", evri: "Evri",
  yodel: "Yodel", amazon: "Amazon Logistics", parcelforce: "Parcelforce", ontrac: "OnTrac",
  lasership: "LaserShip", purolator: "Purolator", canpar: "Canpar", landmark: "Landmark Global",
  gofo: "GOFO", speedee: "Spee-Dee", "old-dominion": "Old Dominion", temu: "Temu logistics",
};

/** Chargeback reason codes for "goods not received" (POLICIES.md, payment methods). */
const CHARGEBACK_REASON: Record<Exclude<CardNetwork, "other">, string> = {
  visa: "Visa reason code 13.1 (Merchandise/Services Not Received)",
  mastercard: "Mastercard reason code 4853 (Cardholder Dispute: goods or services not provided; formerly 4855)",
  amex: "American Express reason code C08 (Goods/Services Not Received)",
};

const NETWORK_NAME: Record<CardNetwork, string | null> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", other: null };

const IN_MOTION: ReadonlySet<OrderState> = new Set([
  "label_created", "in_transit", "arrived_destination", "with_local_carrier", "out_for_delivery", "delivery_failed", "available_for_pickup",
]);

function scanLine(entry: TimelineEntry | null, zone: string): string | null {
  if (!entry) return null;
  const parts = [entry.when ?? "time not given by the carrier", entry.place, `"${shorten(entry.text, EVENT_TEXT_MAX)}"`];
  return parts.filter(Boolean).join(", ") + ` (${zone})`;
}

function deadlineLine(d: Deadline, zone: string): string {
  const day = formatDay(d.due, zone) ?? d.due;
  return `- ${oneLine(d.title)}: ${day}. ${oneLine(d.reason)} (source: ${oneLine(d.source)})`;
}

function sortedDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  return [...deadlines].sort((a, b) => Number(a.past) - Number(b.past) || Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id));
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

/**
 * The carrier holding the parcel now: the one named on the latest event of the last leg. "s10"
 * only says the number is a UPU one, not which national post has it, so it gives no name.
 */
function localCarrier(facts: OrderFacts, story: OrderStory): string | null {
  const lastLeg = facts.trackingNumbers[facts.trackingNumbers.length - 1] ?? null;
  const withCarrier = story.timeline.filter((t) => t.carrier);
  const onLastLeg = withCarrier.filter((t) => t.leg === lastLeg);
  const carrier = (onLastLeg.length ? onLastLeg : withCarrier).at(-1)?.carrier;
  if (!carrier || carrier === "s10") return null;
  return CARRIER_NAME[carrier] ?? carrier;
}

function amountText(facts: OrderFacts): string | null {
  if (!facts.amount) return null;
  const value = String(facts.amount.value).trim();
  const currency = oneLine(facts.amount.currency);
  return value ? `${value} ${currency}`.trim() : null;
}

/** Room the checklist gets in a marketplace form limited to 1,000 characters. */
const CHECKLIST_BRIEF_MAX = 260;

export function letterFields(facts: OrderFacts, assessment: OrderAssessment, now: string): Fields {
  const story = tellOrder(facts, now);
  const zone = story.zone;
  const day = (iso: string | null | undefined) => (iso ? formatDay(iso, zone) : null);
  const deadlines = sortedDeadlines(assessment.deadlines);
  const upcoming = deadlines.filter((d) => !d.past);
  const reports = facts.reports ?? [];
  const firstReport = (kind: string) => reports.filter((r) => r.kind === kind).sort((a, b) => a.at.localeCompare(b.at))[0];
  const lastReport = (kind: string) => reports.filter((r) => r.kind === kind).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  const contacted = firstReport("contacted_seller");
  const dispute = lastReport("dispute_opened");
  const notReceived = firstReport("not_received");
  const customsScan = [story.latestOf("customs_held"), story.latestOf("customs_pending")]
    .filter((t): t is TimelineEntry => t !== null)
    .sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""))[0] ?? null;
  const protection = protectionDeadline(deadlines)?.due ?? facts.protectionEndsAt ?? null;
  // Letters say "protection ends on …": a date already past is not offered to them.
  const protectionAhead = protection && Date.parse(protection) > Date.parse(now) ? protection : null;
  const network = facts.cardNetwork ?? null;
  const tracking = facts.trackingNumbers.map((n) => oneLine(n)).filter(Boolean);
  const recent = story.timeline.slice(-TIMELINE_LINES).reverse();
  const earlier = story.timeline.length - recent.length;
  const checklistLines = story.actions.filter((a) => a.what.startsWith("Checklist:"));

  const stepsLine = (a: (typeof story.actions)[number]) =>
    `- ${a.when ?? "date not recorded"}: ${a.what}${a.note ? ` — ${shorten(a.note, EVENT_TEXT_MAX)}` : ""}`;

  const enclosures = [
    `- Order confirmation${facts.orderNumber ? ` for order ${oneLine(facts.orderNumber)}` : ""} (placed ${day(facts.orderedAt)})`,
    "- The card statement line showing the charge",
    tracking.length
      ? `- Tracking history for ${tracking.join(", ")} (${story.timeline.length} events${story.lastScan?.when ? `, the last on ${story.lastScan.when}` : ""})`
      : "- The order page showing that no tracking number was ever given",
    ...(contacted ? [`- Messages with the seller (from ${day(contacted.at)})`] : []),
    ...(dispute ? [`- The marketplace dispute${dispute.reference ? ` ${oneLine(dispute.reference)}` : ""} (opened ${day(dispute.at)})`] : []),
    ...(checklistLines.length ? ["- Records of the missing-parcel checks listed above"] : []),
    `- The ClaimTrail evidence packet (PDF) generated on ${day(now)}`,
  ];

  const fields: Record<string, FieldValue> = {
    today: known(day(now)!),
    buyer_name: fact(facts.buyer?.name, "your name"),
    buyer_address: fact(facts.buyer?.address, "delivery address"),
    buyer_email: fact(facts.buyer?.email, "your e-mail address"),
    order_number: fact(facts.orderNumber, "order number"),
    item: fact(facts.item, "item description"),
    amount: fact(amountText(facts), "amount paid and currency"),
    seller: fact(facts.seller, "seller or shop name"),
    platform: fact(story.platformName, "marketplace name"),
    ordered_on: known(day(facts.orderedAt) ?? facts.orderedAt),
    shipped_on: fact(day(facts.shippedAt), "shipping date"),
    payment_method: fact(
      facts.paymentMethod === "paypal" ? "PayPal" : facts.paymentMethod === "card" ? ["card", network && NETWORK_NAME[network]].filter(Boolean).join(", ") : null,
      "payment method",
    ),
    card_network: fact(network ? NETWORK_NAME[network] : null, "card network (Visa, Mastercard, …)"),
    chargeback_reason: network && network !== "other" ? known(CHARGEBACK_REASON[network]) : missing("reason code for goods not received, as your bank names it"),
    tracking_numbers: tracking.length ? known(tracking.join(", ")) : missing("tracking number"),
    local_tracking_number: tracking.length ? known(tracking[tracking.length - 1]) : missing("tracking number"),
    local_carrier: fact(localCarrier(facts, story), "local post or courier name"),
    expected_delivery: fact(day(facts.estimatedDelivery?.latest ?? facts.estimatedDelivery?.earliest), "expected delivery date from the order page"),
    protection_ends: fact(day(protectionAhead), "buyer protection end date from the order page"),
    state: known(STATE_LABEL[assessment.state]),
    time_zone: known(zone),
    last_scan: fact(scanLine(story.lastScan, zone), "last tracking event"),
    last_scan_date: fact(story.lastScan?.when, "date of the last tracking event"),
    last_scan_place: fact(story.lastScan?.place, "place of the last tracking event"),
    last_scan_text: fact(story.lastScan ? `"${shorten(story.lastScan.text, EVENT_TEXT_MAX)}"` : null, "text of the last tracking event"),
    days_silent: known(String(story.daysSilent)),
    silence_since: known(story.silenceSince === "event" ? "the last tracking event" : story.silenceSince === "shipment" ? "the shipping date" : "the order"),
    event_count: known(String(story.timeline.length)),
    timeline_summary: list([
      ...recent.map((t) => `- ${[t.when ?? "time not given", t.place, shorten(t.text, EVENT_TEXT_MAX)].filter(Boolean).join(" — ")}`),
      ...(earlier > 0 ? [`- (${earlier} earlier event${earlier === 1 ? "" : "s"} in the evidence packet)`] : []),
    ], "tracking events"),
    silent_gaps: list(story.gaps.map((g) => `- no update for ${g.days} days (${day(g.from)} to ${g.ongoing ? "today" : day(g.to)})`), "gaps in the tracking"),
    // Only what is still ahead matters to the reader; the packet lists the passed ones too.
    deadlines: list(upcoming.map((d) => deadlineLine(d, zone)), "deadlines that apply"),
    paypal_deadlines: list(upcoming.filter((d) => d.id.startsWith("paypal-")).map((d) => deadlineLine(d, zone)), "PayPal deadlines"),
    next_deadline: upcoming[0] ? known(`${oneLine(upcoming[0].title)} on ${day(upcoming[0].due)}`) : missing("next deadline"),
    steps_taken: list(story.actions.map(stepsLine), "steps you took, with dates"),
    checklist: list(checklistLines.map(stepsLine), "checks you made, with dates"),
    // One short line for the marketplace forms (1,000-character cap); the packet has the rest.
    checklist_brief: fact(
      checklistLines.length ? shorten(checklistLines.map((a) => `${a.when ?? "date not recorded"} ${a.what.slice("Checklist: ".length)}`).join("; "), CHECKLIST_BRIEF_MAX) : null,
      "checks you made, with dates",
    ),
    delivered_scan: fact(scanLine(story.latestOf("delivered"), zone), "delivery scan from the tracking page"),
    customs_scan: fact(scanLine(customsScan, zone), "customs event from the tracking page"),
    returned_scan: fact(scanLine(story.latestOf("returned"), zone), "return event from the tracking page"),
    contacted_seller_on: fact(day(contacted?.at), "date you contacted the seller"),
    dispute_opened_on: fact(day(dispute?.at), "date the dispute was opened"),
    dispute_reference: fact(dispute?.reference, "dispute number"),
    reported_missing_on: fact(day(notReceived?.at), "date you noticed the parcel was missing"),
    reply_by: known(day(replyBy(now, upcoming))!),
    enclosures: list(enclosures, "documents you enclose"),
    paypal_transaction: missing("PayPal transaction ID"),
    is_awaiting_shipment: flag(assessment.state === "awaiting_shipment"),
    is_moving: flag(IN_MOTION.has(assessment.state)),
    is_customs: flag(assessment.state === "in_customs" || assessment.state === "customs_held"),
    is_customs_held: flag(assessment.state === "customs_held" || assessment.alerts.includes("customs_action")),
    is_delivered: flag(assessment.state === "delivered"),
    is_returned: flag(assessment.state === "returned"),
    is_exception: flag(assessment.state === "exception"),
    is_not_delivered: flag(assessment.state !== "delivered"),
    has_tracking: flag(tracking.length > 0),
    has_events: flag(story.timeline.length > 0),
  };
  return fields;
}
