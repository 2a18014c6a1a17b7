/**
 * Carrier-data providers' own status codes, mapped straight to contract milestones.
 *
 * AfterShip: tags and `Tag_NNN` subtags, https://www.aftership.com/docs/tracking/enum/delivery-statuses
 * and https://www.aftership.com/docs/tracking/enum/delivery-sub-statuses (../shared/POLICIES.md,
 * "Peers' vocabularies"). 17TRACK API v2: main statuses, sub-statuses and the milestone `stage`
 * values, https://api.17track.net/en/doc (v2.2 "Package status").
 *
 * A subtag, when known, is more precise than its tag and wins; an unknown subtag falls back to its
 * tag; an unknown tag is "unknown" (never a guess). Codes compare case-insensitively.
 */
import type { Milestone } from "../../../machines/vocabulary.ts";

const AFTERSHIP_TAGS: Record<string, Milestone> = {
  pending: "unknown",
  inforeceived: "info_received",
  intransit: "in_transit",
  outfordelivery: "out_for_delivery",
  attemptfail: "delivery_failed",
  delivered: "delivered",
  availableforpickup: "available_for_pickup",
  exception: "exception",
  expired: "unknown",
};

const AFTERSHIP_SUBTAGS: Record<string, Milestone> = {
  pending_001: "unknown", // no information yet
  pending_002: "unknown",
  pending_003: "unknown",
  pending_004: "unknown",
  pending_005: "unknown",
  pending_006: "unknown",
  inforeceived_001: "info_received",
  intransit_001: "in_transit", // shipment on the way
  intransit_002: "picked_up", // shipment accepted by the carrier
  intransit_003: "in_transit", // arrived at a hub or sorting center
  intransit_004: "arrived_destination", // international shipment arrived at the destination country
  intransit_005: "customs_cleared", // customs clearance completed
  intransit_006: "customs_pending", // handed over to customs for clearance
  intransit_007: "in_transit", // departed from the facility
  intransit_008: "in_transit", // problem resolved, in transit again
  intransit_009: "in_transit", // forwarded to a different delivery address
  outfordelivery_001: "out_for_delivery",
  outfordelivery_002: "available_for_pickup", // older subtag: at sorting center, available for pickup
  outfordelivery_003: "out_for_delivery", // customer contacted before final delivery
  outfordelivery_004: "out_for_delivery", // delivery appointment scheduled
  attemptfail_001: "delivery_failed",
  attemptfail_002: "delivery_failed", // recipient not available
  attemptfail_003: "delivery_failed", // business closed
  delivered_001: "delivered",
  delivered_002: "delivered", // picked up by the customer
  delivered_003: "delivered", // signed by customer
  delivered_004: "delivered", // delivered, cash on delivery collected
  delivered_005: "delivered", // delivered to a neighbour
  availableforpickup_001: "available_for_pickup",
  exception_001: "exception",
  exception_002: "delivery_failed", // customer moved
  exception_003: "returned", // customer refused delivery: the parcel goes back
  exception_004: "customs_held", // delayed by customs clearance
  exception_005: "exception", // delayed by external factors
  exception_006: "customs_held", // held for payment
  exception_007: "delivery_failed", // incorrect recipient address
  exception_008: "available_for_pickup", // available for pickup, not collected yet
  exception_009: "exception", // rejected by the carrier
  exception_010: "returned", // returning to the sender
  exception_011: "returned", // returned to the sender
  exception_012: "exception", // damaged
  exception_013: "exception", // lost
  expired_001: "unknown",
};

const SEVENTEEN_TRACK_STATUSES: Record<string, Milestone> = {
  notfound: "unknown",
  inforeceived: "info_received",
  intransit: "in_transit",
  expired: "unknown",
  availableforpickup: "available_for_pickup",
  outfordelivery: "out_for_delivery",
  deliveryfailure: "delivery_failed",
  delivered: "delivered",
  exception: "exception",
  // v2.2 milestone stages, which providers also put on single events
  pickedup: "picked_up",
  departure: "departed_origin",
  arrival: "arrived_destination",
  returning: "returned",
  returned: "returned",
};

const SEVENTEEN_TRACK_SUB_STATUSES: Record<string, Milestone> = {
  notfound_other: "unknown",
  notfound_invalidcode: "unknown",
  inforeceived: "info_received",
  intransit_pickedup: "picked_up",
  intransit_other: "in_transit",
  intransit_departure: "departed_origin", // departed from the origin country/region
  intransit_arrival: "arrived_destination", // arrived at the destination country/region
  intransit_customsprocessing: "customs_pending",
  intransit_customsreleased: "customs_cleared",
  intransit_customsrequiringinformation: "customs_held",
  expired_other: "unknown",
  availableforpickup_other: "available_for_pickup",
  outfordelivery_other: "out_for_delivery",
  deliveryfailure_other: "delivery_failed",
  deliveryfailure_nobody: "delivery_failed",
  deliveryfailure_security: "delivery_failed",
  deliveryfailure_rejected: "returned", // refused by the recipient: the parcel goes back
  deliveryfailure_invalidaddress: "delivery_failed",
  delivered_other: "delivered",
  exception_other: "exception",
  exception_returning: "returned",
  exception_returned: "returned",
  exception_nobody: "delivery_failed",
  exception_security: "customs_held", // held for a security/customs check
  exception_damage: "exception",
  exception_rejected: "returned",
  exception_delayed: "exception",
  exception_lost: "exception",
  exception_destroyed: "exception",
  exception_cancel: "exception",
};

function codeKey(code: string | undefined): string {
  return typeof code === "string" ? code.trim().toLowerCase() : "";
}

function lookup(table: Record<string, Milestone>, code: string | undefined): Milestone | undefined {
  const key = codeKey(code);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** AfterShip `tag` (e.g. "InTransit") and optional `subtag` (e.g. "InTransit_004"). */
export function milestoneFromAfterShip(tag: string, subtag?: string): Milestone {
  return lookup(AFTERSHIP_SUBTAGS, subtag) ?? lookup(AFTERSHIP_TAGS, tag) ?? "unknown";
}

/**
 * 17TRACK main `status` (e.g. "InTransit", or an event's `stage` such as "Departure") and optional
 * `subStatus` (e.g. "InTransit_CustomsProcessing"). A sub-status passed as the status works too.
 */
export function milestoneFrom17Track(status: string, subStatus?: string): Milestone {
  return (
    lookup(SEVENTEEN_TRACK_SUB_STATUSES, subStatus) ??
    lookup(SEVENTEEN_TRACK_STATUSES, status) ??
    lookup(SEVENTEEN_TRACK_SUB_STATUSES, status) ??
    "unknown"
  );
}

/** For tests and documentation: every code each table knows. */
export const KNOWN_PROVIDER_CODES = {
  afterShipTags: Object.keys(AFTERSHIP_TAGS),
  afterShipSubtags: Object.keys(AFTERSHIP_SUBTAGS),
  seventeenTrackStatuses: Object.keys(SEVENTEEN_TRACK_STATUSES),
  seventeenTrackSubStatuses: Object.keys(SEVENTEEN_TRACK_SUB_STATUSES),
} as const;
