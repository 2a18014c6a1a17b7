/**
 * The contract's words (machines/vocabulary.ts) as a buyer reads them on screen. Keys are the
 * contract's names, so a new word without a label is a type error.
 */
import type { Alert, CaseState, Milestone, OrderState, ReportKind } from "../../machines/vocabulary.ts";
import { carrierName } from "../../templates/document/carrier-names.ts";

export const MILESTONE_LABELS: Record<Milestone, string> = {
  info_received: "Label created",
  picked_up: "Picked up",
  departed_origin: "Left the origin country",
  in_transit: "In transit",
  arrived_destination: "Arrived in your country",
  customs_pending: "At customs",
  customs_held: "Held by customs",
  customs_cleared: "Cleared customs",
  handed_over: "Handed to the local carrier",
  at_delivery_office: "At the delivery office",
  out_for_delivery: "Out for delivery",
  delivery_failed: "Delivery failed",
  available_for_pickup: "Ready for pickup",
  delivered: "Delivered",
  returned: "Returned to sender",
  exception: "Problem reported",
  unknown: "Not sure what this means",
};

export const STATE_LABELS: Record<OrderState, string> = {
  awaiting_shipment: "Waiting to ship",
  label_created: "Label created",
  in_transit: "In transit",
  arrived_destination: "Arrived in your country",
  in_customs: "In customs",
  customs_held: "Held by customs",
  with_local_carrier: "With the local carrier",
  out_for_delivery: "Out for delivery",
  delivery_failed: "Delivery failed",
  available_for_pickup: "Ready for pickup",
  delivered: "Delivered",
  returned: "Returned to sender",
  exception: "Problem reported",
};

export const ALERT_LABELS: Record<Alert, string> = {
  not_shipped: "Not shipped yet",
  no_update: "No tracking update for over a week",
  label_stuck: "Label created but not moving",
  no_progress: "No progress for over two weeks",
  customs_delay: "Long customs delay",
  customs_action: "Customs needs you to act",
  returned_to_sender: "Being returned to the seller",
  delivery_failed: "Delivery attempt failed",
  missing_after_delivered: "Marked delivered but not received",
  protection_expiring: "Buyer protection ends soon",
};

export const CASE_LABELS: Record<CaseState, string> = {
  none: "No claim started",
  checklist: "Working through the missing-parcel checklist",
  contacted_seller: "Seller contacted",
  dispute_open: "Dispute open",
  escalated: "Dispute escalated",
  refunded: "Refunded",
  closed: "Closed",
};

/** The buttons on the order page that record what happened, in the order a claim usually goes. */
export const REPORT_BUTTONS: ReadonlyArray<{ kind: ReportKind | "protection_extended"; label: string }> = [
  { kind: "contacted_seller", label: "I contacted the seller" },
  { kind: "protection_extended", label: "Protection was extended" },
  { kind: "dispute_opened", label: "I opened a dispute" },
  { kind: "escalated", label: "I escalated the dispute" },
  { kind: "refunded", label: "I was refunded" },
  { kind: "received", label: "I received the parcel" },
  { kind: "not_received", label: "I have not received it" },
];

export const REPORT_LABELS: Record<string, string> = {
  not_received: "Reported not received",
  contacted_seller: "Contacted the seller",
  protection_extended: "Buyer protection extended",
  dispute_opened: "Opened a dispute",
  escalated: "Escalated the dispute",
  refunded: "Refunded",
  received: "Received the parcel",
  closed: "Closed the case",
  checklist_step: "Checklist step",
};

/** A carrier id as a name; unknown ids (added later, typed by hand) show as they are. */
export function carrierLabel(id: string | null | undefined): string {
  if (!id) return "Carrier not known";
  if (id === "s10") return "National post (UPU S10)";
  return carrierName(id) ?? id;
}
