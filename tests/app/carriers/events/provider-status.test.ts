import { describe, expect, it } from "vitest";
import { MILESTONES } from "../../../../machines/vocabulary.ts";
import { KNOWN_PROVIDER_CODES, milestoneFrom17Track, milestoneFromAfterShip } from "../../../../app/carriers/events/provider-status.ts";

describe("milestoneFromAfterShip", () => {
  it.each([
    ["InfoReceived", undefined, "info_received"],
    ["InTransit", undefined, "in_transit"],
    ["InTransit", "InTransit_002", "picked_up"],
    ["InTransit", "InTransit_004", "arrived_destination"],
    ["InTransit", "InTransit_005", "customs_cleared"],
    ["InTransit", "InTransit_006", "customs_pending"],
    ["OutForDelivery", "OutForDelivery_001", "out_for_delivery"],
    ["AttemptFail", "AttemptFail_002", "delivery_failed"],
    ["AvailableForPickup", undefined, "available_for_pickup"],
    ["Delivered", "Delivered_002", "delivered"],
    ["Exception", "Exception_004", "customs_held"],
    ["Exception", "Exception_006", "customs_held"],
    ["Exception", "Exception_010", "returned"],
    ["Exception", "Exception_011", "returned"],
    ["Exception", "Exception_013", "exception"],
    ["Pending", "Pending_001", "unknown"],
    ["Expired", undefined, "unknown"],
  ] as const)("%s / %s → %s", (tag, subtag, milestone) => {
    expect(milestoneFromAfterShip(tag, subtag)).toBe(milestone);
  });

  it("falls back to the tag for an unknown subtag, and to unknown for an unknown tag", () => {
    expect(milestoneFromAfterShip("InTransit", "InTransit_999")).toBe("in_transit");
    expect(milestoneFromAfterShip("Teleported")).toBe("unknown");
    expect(milestoneFromAfterShip("constructor")).toBe("unknown");
  });

  it("ignores case and surrounding spaces", () => {
    expect(milestoneFromAfterShip(" delivered ")).toBe("delivered");
    expect(milestoneFromAfterShip("intransit", "intransit_004")).toBe("arrived_destination");
  });
});

describe("milestoneFrom17Track", () => {
  it.each([
    ["NotFound", undefined, "unknown"],
    ["InfoReceived", undefined, "info_received"],
    ["InTransit", "InTransit_PickedUp", "picked_up"],
    ["InTransit", "InTransit_Departure", "departed_origin"],
    ["InTransit", "InTransit_Arrival", "arrived_destination"],
    ["InTransit", "InTransit_CustomsProcessing", "customs_pending"],
    ["InTransit", "InTransit_CustomsReleased", "customs_cleared"],
    ["InTransit", "InTransit_CustomsRequiringInformation", "customs_held"],
    ["AvailableForPickup", undefined, "available_for_pickup"],
    ["OutForDelivery", undefined, "out_for_delivery"],
    ["DeliveryFailure", "DeliveryFailure_NoBody", "delivery_failed"],
    ["Delivered", "Delivered_Other", "delivered"],
    ["Exception", "Exception_Returning", "returned"],
    ["Exception", "Exception_Returned", "returned"],
    ["Exception", "Exception_Lost", "exception"],
    ["Expired", undefined, "unknown"],
    // milestone stages on single events
    ["Departure", undefined, "departed_origin"],
    ["Arrival", undefined, "arrived_destination"],
    ["Returning", undefined, "returned"],
    // a sub-status passed alone
    ["InTransit_CustomsReleased", undefined, "customs_cleared"],
  ] as const)("%s / %s → %s", (status, subStatus, milestone) => {
    expect(milestoneFrom17Track(status, subStatus)).toBe(milestone);
  });

  it("answers unknown for codes it does not know", () => {
    expect(milestoneFrom17Track("Lost_In_Space")).toBe("unknown");
    expect(milestoneFrom17Track("")).toBe("unknown");
  });

  it("maps every code it knows to a contract milestone", () => {
    for (const code of [...KNOWN_PROVIDER_CODES.afterShipSubtags, ...KNOWN_PROVIDER_CODES.afterShipTags]) {
      expect(MILESTONES).toContain(milestoneFromAfterShip(code, code));
    }
    for (const code of [...KNOWN_PROVIDER_CODES.seventeenTrackStatuses, ...KNOWN_PROVIDER_CODES.seventeenTrackSubStatuses]) {
      expect(MILESTONES).toContain(milestoneFrom17Track(code, code));
    }
  });
});
