/**
 * The public words of ../shared/CONTRACT.md, in one place. Carriers, the machine, the letters and
 * the screens all speak these; outside checks compare them letter for letter.
 */

/** What one carrier event means (contract §1). */
export const MILESTONES = [
  "info_received",
  "picked_up",
  "departed_origin",
  "in_transit",
  "arrived_destination",
  "customs_pending",
  "customs_held",
  "customs_cleared",
  "handed_over",
  "at_delivery_office",
  "out_for_delivery",
  "delivery_failed",
  "available_for_pickup",
  "delivered",
  "returned",
  "exception",
  "unknown",
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Where the order stands (contract §2). */
export const ORDER_STATES = [
  "awaiting_shipment",
  "label_created",
  "in_transit",
  "arrived_destination",
  "in_customs",
  "customs_held",
  "with_local_carrier",
  "out_for_delivery",
  "delivery_failed",
  "available_for_pickup",
  "delivered",
  "returned",
  "exception",
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** What needs attention now (contract §2). */
export const ALERTS = [
  "not_shipped",
  "no_update",
  "label_stuck",
  "no_progress",
  "customs_delay",
  "customs_action",
  "returned_to_sender",
  "delivery_failed",
  "missing_after_delivered",
  "protection_expiring",
] as const;
export type Alert = (typeof ALERTS)[number];

/** The buyer's claim, independent of the parcel (contract §2). */
export const CASE_STATES = ["none", "checklist", "contacted_seller", "dispute_open", "escalated", "refunded", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** What the buyer can report (contract §4, `reports[].kind`). */
export const REPORT_KINDS = ["not_received", "contacted_seller", "dispute_opened", "escalated", "refunded", "received", "closed"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Contract §4 `platform`; the web wizard offers AliExpress, Temu and "another marketplace" (with its name). */
export const PLATFORMS = ["aliexpress", "temu", "ebay", "amazon", "shein", "wish", "joom", "other"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PAYMENT_METHODS = ["card", "paypal", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const CARD_NETWORKS = ["visa", "mastercard", "amex", "other"] as const;
export type CardNetwork = (typeof CARD_NETWORKS)[number];

/** Carrier ids (contract §3). More may be added; none may be renamed. */
export const CARRIER_IDS = [
  "cainiao",
  "yunexpress",
  "4px",
  "yanwen",
  "china-post",
  "usps",
  "ups",
  "fedex",
  "dhl",
  "dhl-ecommerce",
  "royal-mail",
  "parcelforce",
  "postnl",
  "deutsche-post",
  "la-poste",
  "colissimo",
  "correos",
  "poste-italiane",
  "canada-post",
  "australia-post",
  "amazon",
  "ontrac",
  "lasership",
  "evri",
  "yodel",
  "dpd",
  "gls",
  "purolator",
  "canpar",
  "landmark",
  "gofo",
  "speedee",
  "old-dominion",
  "dhl-paket",
  "japan-post",
  "korea-post",
  "singapore-post",
  "temu",
  "inpost",
  "correios",
  "poczta-polska",
  "yamato",
  "sagawa",
  "ukrposhta",
  "nova-poshta",
  "correos-express",
  "tnt",
  "postnord",
  "posti",
  "s10",
] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

/** Contract §2: the state that follows from the latest known milestone. */
export const STATE_OF_MILESTONE: Record<Exclude<Milestone, "unknown">, OrderState> = {
  info_received: "label_created",
  picked_up: "in_transit",
  departed_origin: "in_transit",
  in_transit: "in_transit",
  arrived_destination: "arrived_destination",
  customs_pending: "in_customs",
  customs_held: "customs_held",
  customs_cleared: "with_local_carrier",
  handed_over: "with_local_carrier",
  at_delivery_office: "with_local_carrier",
  out_for_delivery: "out_for_delivery",
  delivery_failed: "delivery_failed",
  available_for_pickup: "available_for_pickup",
  delivered: "delivered",
  returned: "returned",
  exception: "exception",
};
