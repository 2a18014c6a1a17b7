import type { Alert, CaseState, Milestone, OrderState, Platform, ReportKind } from "../../machines/vocabulary.ts";

/** The contract's words as plain English for letters and the packet (contract §1–2). */
export const MILESTONE_LABEL: Record<Milestone, string> = {
  info_received: "Shipping information received",
  picked_up: "Picked up by the carrier",
  departed_origin: "Left the origin country",
  in_transit: "In transit",
  arrived_destination: "Arrived in the destination country",
  customs_pending: "Presented to customs",
  customs_held: "Held by customs",
  customs_cleared: "Released by customs",
  handed_over: "Handed to the local carrier",
  at_delivery_office: "At the delivery office",
  out_for_delivery: "Out for delivery",
  delivery_failed: "Delivery attempt failed",
  available_for_pickup: "Available for pickup",
  delivered: "Marked as delivered",
  returned: "Returned to sender",
  exception: "Carrier-reported problem",
  unknown: "Not recognised",
};

export const STATE_LABEL: Record<OrderState, string> = {
  awaiting_shipment: "not shipped yet (no tracking number)",
  label_created: "label created, not yet moving",
  in_transit: "in transit",
  arrived_destination: "arrived in the destination country",
  in_customs: "in customs",
  customs_held: "held by customs",
  with_local_carrier: "with the local carrier",
  out_for_delivery: "out for delivery",
  delivery_failed: "delivery attempt failed",
  available_for_pickup: "waiting for pickup",
  delivered: "marked as delivered by the carrier",
  returned: "being returned to the sender",
  exception: "reported as a problem by the carrier",
};

export const ALERT_LABEL: Record<Alert, string> = {
  not_shipped: "Not shipped",
  no_update: "No tracking update for more than 7 days",
  label_stuck: "Stuck at label created",
  no_progress: "No progress for more than 14 days",
  customs_delay: "In customs for more than 10 days",
  customs_action: "Customs needs action (held or fee due)",
  returned_to_sender: "Being returned to sender",
  delivery_failed: "Delivery attempt failed",
  missing_after_delivered: "Marked delivered but not received",
  protection_expiring: "Buyer protection ends within 5 days",
};

export const CASE_LABEL: Record<CaseState, string> = {
  none: "no claim yet",
  checklist: "working through the missing-parcel checklist",
  contacted_seller: "seller contacted",
  dispute_open: "dispute open",
  escalated: "dispute escalated",
  refunded: "refunded",
  closed: "closed",
};

export const REPORT_LABEL: Record<ReportKind | "protection_extended" | "checklist_step", string> = {
  not_received: "Reported the parcel as not received",
  contacted_seller: "Contacted the seller",
  dispute_opened: "Opened a dispute",
  escalated: "Escalated the dispute",
  refunded: "Refund received",
  received: "Parcel received",
  closed: "Case closed",
  protection_extended: "Buyer protection extended",
  checklist_step: "Checklist step",
};

export const PLATFORM_LABEL: Record<Exclude<Platform, "other">, string> = {
  aliexpress: "AliExpress",
  temu: "Temu",
  ebay: "eBay",
  amazon: "Amazon",
  shein: "SHEIN",
  wish: "Wish",
  joom: "Joom",
};
