import { describe, expect, it } from "vitest";
import { assessOrder } from "../../../machines/assess.ts";
import type { OrderFacts } from "../../../machines/order-facts.ts";
import { byUrgency, dashboardRow } from "../../../app/orders/dashboard-rows.ts";

const now = new Date("2026-04-01T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

function row(id: string, facts: OrderFacts, created = days(-1)) {
  return dashboardRow(
    { id, created_at: created, platform: facts.platform, platform_name: null, item: id, order_number: `N-${id}`, time_zone: "UTC" },
    facts,
    assessOrder(facts, now),
    "UTC",
    now,
  );
}

describe("dashboard rows", () => {
  const silent: OrderFacts = {
    platform: "aliexpress",
    orderedAt: days(-30),
    trackingNumbers: ["LP00512345678901"],
    events: [{ at: days(-12), text: "Departed from sorting center", milestone: "in_transit" }],
  };
  const fresh: OrderFacts = { platform: "temu", orderedAt: days(-1), trackingNumbers: [], events: [] };
  const delivered: OrderFacts = {
    platform: "aliexpress",
    orderedAt: days(-20),
    trackingNumbers: ["LP00512345678902"],
    events: [{ at: days(-2), text: "Delivered", milestone: "delivered" }],
  };

  it("says the state, the latest event with its age, alerts, the next deadline and action", () => {
    const r = row("silent", silent);
    expect(r.stateLabel).toBe("In transit");
    expect(r.latestEvent).toEqual({ text: "Departed from sorting center", ago: "12 days ago" });
    expect(r.alerts).toContain("No tracking update for over a week");
    expect(r.nextDeadline?.countdown).toMatch(/^in \d+ (days?|hours?)$/);
    expect(r.nextAction?.title).toBeTruthy();
    expect(r.searchKeys).toEqual(["N-SILENT", "LP00512345678901"].map((k) => k.replace("-", "")));
  });

  it("ranks orders needing attention first and finished ones last", () => {
    const rows = [row("delivered", delivered), row("fresh", fresh), row("silent", silent)].sort(byUrgency);
    expect(rows.map((r) => r.id)).toEqual(["silent", "fresh", "delivered"]);
  });

  // Issue 13: a Madrid buyer's orders, ranked as the buyer would rank them.
  const inCustoms14: OrderFacts = {
    platform: "aliexpress",
    orderedAt: days(-40),
    trackingNumbers: ["LP00512345678903"],
    events: [
      { at: days(-25), text: "Departed from sorting center", milestone: "in_transit" },
      { at: days(-14), text: "Customs clearance started", milestone: "customs_pending" },
    ],
  };
  const unshipped: OrderFacts = { platform: "aliexpress", orderedAt: days(-6), trackingNumbers: [], events: [] };
  const feeDue: OrderFacts = {
    platform: "aliexpress",
    orderedAt: days(-20),
    trackingNumbers: ["LP00512345678904"],
    events: [{ at: days(-2), text: "Held by customs: import duty to pay", milestone: "customs_held" }],
  };
  const reportedMissing: OrderFacts = {
    platform: "aliexpress",
    orderedAt: days(-20),
    trackingNumbers: ["LP00512345678905"],
    events: [{ at: days(-3), text: "Entregado", milestone: "delivered" }],
    reports: [{ at: days(-1), kind: "not_received" }],
  };

  it("ranks 14 days stuck in customs above an order a few days unshipped", () => {
    const rows = [row("unshipped", unshipped), row("customs", inCustoms14)].sort(byUrgency);
    expect(rows.map((r) => r.id)).toEqual(["customs", "unshipped"]);
  });

  it("puts a customs hold or fee first, then a parcel reported missing, then stuck ones", () => {
    const rows = [
      row("unshipped", unshipped),
      row("customs", inCustoms14),
      row("missing", reportedMissing),
      row("fee", feeDue),
      row("delivered", delivered),
    ].sort(byUrgency);
    expect(rows.map((r) => r.id)).toEqual(["fee", "missing", "customs", "unshipped", "delivered"]);
  });

  it("never shows a green Delivered badge for a parcel the buyer reported missing", () => {
    const r = row("missing", reportedMissing);
    expect(r.badge.label).toBe("Reported missing");
    expect(r.badge.tone).not.toBe("delivered");
    const disputed = row("disputed", { ...reportedMissing, reports: [...reportedMissing.reports!, { at: days(0), kind: "dispute_opened" }] });
    expect(disputed.badge.label).toBe("Dispute open");
    expect(row("delivered", delivered).badge).toEqual({ label: "Delivered", tone: "delivered" });
  });
});
