/**
 * A finished wizard draft as the order it becomes: the row's fields, its tracking numbers (with a
 * last-mile leg when an event announces a hand-over), its events, and the engine's OrderFacts for
 * the review step. Pure: the zone comes in, nothing is read from the clock.
 */
import { splitLegs } from "~/carriers/handover.ts";
import { expectedDeliveryOf } from "../../../machines/expected-delivery.ts";
import type { OrderFacts, TrackingEventFact } from "../../../machines/order-facts.ts";
import { CARD_NETWORKS, PAYMENT_METHODS, type CardNetwork, type PaymentMethod, type Platform } from "../../../machines/vocabulary.ts";
import { parseAmount } from "../amount.ts";
import { dayToIso } from "../calendar-date.ts";
import type { DraftData } from "./draft-data.ts";

export interface DraftOrder {
  fields: {
    platform: Platform;
    platform_name: string | null;
    order_number: string | null;
    ordered_at: string;
    item: string | null;
    seller: string | null;
    amount_value: string | null;
    currency: string | null;
    payment_method: PaymentMethod | null;
    card_network: CardNetwork | null;
    protection_ends_at: string | null;
    promised_delivery_at: string | null;
    estimated_delivery_earliest: string | null;
    estimated_delivery_latest: string | null;
    time_zone: string;
  };
  numbers: Array<{ number: string; carrier: string | null; leg: number; source: "user" | "handover" }>;
  events: Array<
    Required<Pick<TrackingEventFact, "at" | "text" | "location" | "milestone">> & { trackingNumber: string | null; carrier: string | null }
  >;
  facts: OrderFacts;
}

const blank = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  value && (values as readonly string[]).includes(value) ? (value as T) : null;

/** Null when the draft lacks what an order needs (a marketplace and an order date). */
export function draftToOrder(data: DraftData, timeZone: string): DraftOrder | null {
  const orderedAt = data.orderedOn ? dayToIso(data.orderedOn, timeZone, "noon") : null;
  if (!data.platform || !orderedAt) return null;
  const day = (value: string | undefined) => (value ? dayToIso(value, timeZone, "end") : null);
  const amount = data.amount ? parseAmount(data.amount) : null;
  const fields: DraftOrder["fields"] = {
    platform: data.platform,
    platform_name: data.platform === "other" ? blank(data.platformName) : null,
    order_number: blank(data.orderNumber),
    ordered_at: orderedAt,
    item: blank(data.item),
    seller: blank(data.seller),
    amount_value: amount?.ok ? amount.value : null,
    currency: amount?.ok && data.currency ? data.currency.trim().toUpperCase() : null,
    payment_method: oneOf(PAYMENT_METHODS, data.paymentMethod),
    card_network: data.paymentMethod === "card" ? oneOf(CARD_NETWORKS, data.cardNetwork) : null,
    protection_ends_at: day(data.protectionEndsOn),
    promised_delivery_at: day(data.promisedDeliveryOn),
    estimated_delivery_earliest: data.estimatedEarliestOn ? dayToIso(data.estimatedEarliestOn, timeZone, "start") : null,
    estimated_delivery_latest: day(data.estimatedLatestOn),
    time_zone: timeZone,
  };
  const numbers: DraftOrder["numbers"] = data.noTracking
    ? []
    : (data.numbers ?? []).map((n) => ({ number: n.number, carrier: n.carrier, leg: 0, source: "user" as const }));
  const kept = (data.events ?? []).filter((e) => e.keep).map((e) => ({ at: e.at, text: e.text, location: e.location, milestone: e.milestone }));
  // A pasted Cainiao history often hands over to the local carrier's new number: every event after the
  // hand-over belongs to that new leg, and the leg is followed as the next tracking number.
  const split = splitLegs(kept, { legs: numbers, platform: data.platform });
  const events = split.events;
  let nextLeg = Math.max(0, ...numbers.map((n) => n.leg)) + 1;
  for (const leg of split.newLegs) numbers.push({ number: leg.number, carrier: leg.carrier, leg: nextLeg++, source: "handover" });
  const facts: OrderFacts = {
    platform: fields.platform,
    platformName: fields.platform_name,
    orderedAt: fields.ordered_at,
    trackingNumbers: numbers.map((n) => n.number),
    events: events.map((e) => ({ ...e, source: "paste" })),
    paymentMethod: fields.payment_method,
    cardNetwork: fields.card_network,
    protectionEndsAt: fields.protection_ends_at,
    // The promised day ("Delivery by …") is an expected delivery date too: the rules that count from it use it.
    estimatedDelivery: expectedDeliveryOf({
      promisedDeliveryAt: fields.promised_delivery_at,
      estimatedEarliest: fields.estimated_delivery_earliest,
      estimatedLatest: fields.estimated_delivery_latest,
    }),
    timeZone,
    reports: [],
    orderNumber: fields.order_number,
    item: fields.item,
    amount: fields.amount_value && fields.currency ? { value: fields.amount_value, currency: fields.currency } : null,
    seller: fields.seller,
  };
  return { fields, numbers, events, facts };
}
