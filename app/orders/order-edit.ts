/** The order's stored fields as the details form shows them, and the form's values back as changes. */
import type { Order } from "../../db/schema.ts";
import { PLATFORMS, type Platform } from "../../machines/vocabulary.ts";
import { isoToDay } from "./calendar-date.ts";
import type { DraftData } from "./wizard/draft-data.ts";
import { draftToOrder } from "./wizard/draft-order.ts";

export function orderAsDraftData(order: Order, timeZone: string): DraftData {
  return {
    platform: (PLATFORMS as readonly string[]).includes(order.platform) ? (order.platform as Platform) : "other",
    platformName: order.platform_name ?? undefined,
    orderNumber: order.order_number ?? "",
    orderedOn: isoToDay(order.ordered_at, timeZone),
    item: order.item ?? "",
    seller: order.seller ?? "",
    amount: order.amount_value ?? "",
    currency: order.currency ?? "",
    paymentMethod: order.payment_method ?? "",
    cardNetwork: order.card_network ?? "",
    protectionEndsOn: isoToDay(order.protection_ends_at, timeZone),
    promisedDeliveryOn: isoToDay(order.promised_delivery_at, timeZone),
    estimatedEarliestOn: isoToDay(order.estimated_delivery_earliest, timeZone),
    estimatedLatestOn: isoToDay(order.estimated_delivery_latest, timeZone),
  };
}

/** The validated form values as an update; the marketplace and zone stay as they were. */
export function orderChangesFrom(order: Order, values: Omit<DraftData, "platform">, timeZone: string) {
  const base = orderAsDraftData(order, timeZone);
  const planned = draftToOrder({ ...values, platform: base.platform, platformName: base.platformName }, timeZone);
  if (!planned) return {};
  const { platform: _platform, platform_name: _name, time_zone: _zone, ...changes } = planned.fields;
  return changes;
}
