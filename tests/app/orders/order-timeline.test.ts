import { describe, expect, it } from "vitest";
import { buildTimeline, progressSteps } from "../../../app/orders/order-timeline.ts";

const now = new Date("2026-04-01T12:00:00Z");
const ev = (id: string, at: string, text: string, milestone: string, trackingNumber = "LP00512345678901") => ({
  id,
  at,
  text,
  location: null,
  milestone,
  trackingNumber,
});

describe("the order page's timeline", () => {
  const events = [
    ev("e4", "2026-03-20T08:00:00Z", "Out for delivery", "out_for_delivery", "9400111202555842332669"),
    ev("e3", "2026-03-18T08:00:00Z", "Handed over to the last mile carrier, tracking number 9400111202555842332669", "handed_over"),
    ev("e2", "2026-03-05T08:00:00Z", "Departed from departure country/region", "departed_origin"),
    ev("e1", "2026-03-04T08:00:00Z", "Received by logistics company", "picked_up"),
  ];
  const legs = new Map([
    ["LP00512345678901", 0],
    ["9400111202555842332669", 1],
  ]);

  it("marks silences over a week, up to now while the parcel is moving", () => {
    const items = buildTimeline(events, legs, "UTC", now, true);
    expect(items.filter((i) => i.kind === "gap")).toEqual([
      { kind: "gap", id: "gap-now", days: 12, current: true },
      { kind: "gap", id: "gap-e2", days: 13, current: false },
    ]);
    expect(items.map((i) => i.id)).toEqual(["gap-now", "e4", "e3", "gap-e2", "e2", "e1"]);
    expect(buildTimeline(events, legs, "UTC", now, false)[0]!.id).toBe("e4");
  });

  it("shows the hand-over's new number and which leg each event is on", () => {
    const items = buildTimeline(events, legs, "UTC", now, true).filter((i) => i.kind === "event");
    const handover = items.find((i) => i.id === "e3");
    expect(handover && handover.kind === "event" && handover.handover).toEqual({ number: "9400111202555842332669", carrier: "USPS" });
    const local = items.find((i) => i.id === "e4");
    expect(local && local.kind === "event" && local.leg).toBe(1);
    expect(local && local.kind === "event" && local.milestoneLabel).toBe("Out for delivery");
  });

  it("puts the furthest milestone on the progress line", () => {
    const steps = progressSteps(["picked_up", "customs_pending", "in_transit", "unknown"]);
    expect(steps.filter((s) => s.reached).map((s) => s.label)).toEqual(["Label created", "Picked up", "Left origin", "In your country", "Customs"]);
    expect(steps.find((s) => s.current)?.label).toBe("Customs");
    expect(progressSteps([]).some((s) => s.reached)).toBe(false);
  });
});
