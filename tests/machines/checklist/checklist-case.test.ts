import { describe, expect, it } from "vitest";
import { assessOrder } from "../../../machines/assess.ts";
import { checklistFor } from "../../../machines/checklist/checklist-for.ts";
import { CHECKLIST_STEP_IDS } from "../../../machines/checklist/checklist-steps.ts";
import type { OrderFacts } from "../../../machines/order-facts.ts";
import { carrierEvent, day, nowAt, orderFacts, report } from "../../factories/order-facts.ts";

/** A parcel that the carrier marked delivered on day 20 (by `carrier`, when given). */
function deliveredOrder(overrides: Partial<OrderFacts> = {}, carrier: string | null = null): OrderFacts {
  return orderFacts({
    events: [
      carrierEvent("picked_up", 2),
      carrierEvent("departed_origin", 4),
      carrierEvent("arrived_destination", 12),
      carrierEvent("delivered", 20, carrier ? { carrier } : {}),
    ],
    ...overrides,
  });
}

describe("the case of a delivered order the buyer did not receive", () => {
  it("goes to checklist with the missing_after_delivered alert once the buyer reports it not received", () => {
    const before = assessOrder(deliveredOrder(), nowAt(21));
    expect(before.case).toBe("none");
    expect(before.alerts).not.toContain("missing_after_delivered");

    const after = assessOrder(deliveredOrder({ reports: [report("not_received", 21)] }), nowAt(21.5));
    expect(after.state).toBe("delivered");
    expect(after.case).toBe("checklist");
    expect(after.alerts).toContain("missing_after_delivered");
  });

  it("stays in checklist while steps are done or skipped (steps are not case reports)", () => {
    const facts = deliveredOrder({
      reports: [
        report("not_received", 21),
        report("checklist_step", 21.2, { step: "check_safe_places", note: "mailbox empty" }),
        report("checklist_step", 21.3, { step: "ask_household", skipped: true, note: "I live alone" }),
      ],
    });
    const a = assessOrder(facts, nowAt(22));
    expect(a.case).toBe("checklist");
    expect(a.alerts).toContain("missing_after_delivered");
  });

  it("closes when the buyer found the parcel after all: no alert, no checklist deadlines", () => {
    const facts = deliveredOrder(
      {
        platform: "temu",
        reports: [report("not_received", 20.5), report("checklist_step", 20.6, { step: "check_safe_places" }), report("received", 21)],
      },
      "usps",
    );
    const a = assessOrder(facts, nowAt(22));
    expect(a.case).toBe("closed");
    expect(a.alerts).toEqual([]);
    expect(a.deadlines.map((d) => d.id)).not.toContain("temu-delivered-grace-ends");
    expect(a.deadlines.map((d) => d.id)).not.toContain("usps-missing-mail-opens");
  });

  it("moves on to dispute_open when the buyer opens the marketplace case", () => {
    const facts = deliveredOrder({ reports: [report("not_received", 21), report("dispute_opened", 23)] });
    expect(assessOrder(facts, nowAt(24)).case).toBe("dispute_open");
  });
});

describe("the case's deadlines", () => {
  it("Temu: the 48-hour wait after Delivered, counted from the delivery scan, with its source", () => {
    const facts = deliveredOrder({ platform: "temu", reports: [report("not_received", 20.2)] });
    const grace = assessOrder(facts, nowAt(20.5)).deadlines.find((d) => d.id === "temu-delivered-grace-ends");
    expect(grace?.due).toBe(day(22));
    expect(grace?.past).toBe(false);
    expect(grace?.source).toContain("Temu FAQ");
    // Not an AliExpress rule.
    const ali = assessOrder(deliveredOrder({ reports: [report("not_received", 20.2)] }), nowAt(20.5));
    expect(ali.deadlines.map((d) => d.id)).not.toContain("temu-delivered-grace-ends");
  });

  it("USPS: a Missing Mail search from 7 days after the delivery scan, only when USPS delivered", () => {
    const usps = assessOrder(deliveredOrder({ reports: [report("not_received", 21)] }, "usps"), nowAt(22));
    const search = usps.deadlines.find((d) => d.id === "usps-missing-mail-opens");
    expect(search?.due).toBe(day(27));
    expect(search?.source).toContain("USPS");
    const royal = assessOrder(deliveredOrder({ reports: [report("not_received", 21)] }, "royal-mail"), nowAt(22));
    expect(royal.deadlines.map((d) => d.id)).not.toContain("usps-missing-mail-opens");
  });

  it("no checklist deadlines before the buyer reports the parcel missing", () => {
    const a = assessOrder(deliveredOrder({ platform: "temu" }, "usps"), nowAt(21));
    expect(a.deadlines.map((d) => d.id).filter((id) => id.startsWith("temu-delivered") || id.startsWith("usps-"))).toEqual([]);
  });
});

describe("checklistFor", () => {
  const now = nowAt(21.5);

  it("lists the eight steps with why and what to write down, adapted to the marketplace", () => {
    const facts = deliveredOrder({ platform: "temu", reports: [report("not_received", 21)] });
    const view = checklistFor(facts, assessOrder(facts, now), now);
    expect(view.steps.map((s) => s.id)).toEqual([...CHECKLIST_STEP_IDS]);
    for (const s of view.steps) {
      expect(s.why.length).toBeGreaterThan(20);
      expect(s.writeDown.length).toBeGreaterThan(10);
      expect(s.source).toBeTruthy();
    }
    expect(view.steps[0].title).toContain("48 hours");
    expect(view.steps[6].title).toContain("package shows delivered but not received");
    const ali = deliveredOrder({ reports: [report("not_received", 21)] });
    const aliView = checklistFor(ali, assessOrder(ali, now), now);
    expect(aliView.steps[0].title).not.toContain("48 hours");
    expect(aliView.steps[6].title).toContain("item not received");
  });

  it("adapts the carrier step: USPS Missing Mail, Royal Mail for items from abroad, else the local post", () => {
    const titleFor = (carrier: string | null) => {
      const f = deliveredOrder({ reports: [report("not_received", 21)] }, carrier);
      return checklistFor(f, assessOrder(f, now), now).steps.find((s) => s.id === "carrier_complaint")!;
    };
    expect(titleFor("usps").title).toContain("Missing Mail");
    expect(titleFor("royal-mail").why).toContain("sender's matter");
    expect(titleFor("dhl-paket").title).toBe("Contact the local carrier and file a complaint");
  });

  it("adapts the payment step to the buyer's country", () => {
    const step = (timeZone: string) => {
      const f = deliveredOrder({ timeZone, paymentMethod: "card", reports: [report("not_received", 21)] });
      return checklistFor(f, assessOrder(f, now), now).steps.find((s) => s.id === "escalate_payment")!;
    };
    expect(step("America/Chicago").why).toContain("Fair Credit Billing Act");
    expect(step("Europe/London").why).toContain("section 75");
    expect(step("Europe/Paris").why).not.toMatch(/section 75|Fair Credit/);
  });

  it("reads done and skipped steps from the reports, the latest report per step winning, with progress", () => {
    const facts = deliveredOrder({
      reports: [
        report("not_received", 21),
        report("checklist_step", 21.1, { step: "ask_household", skipped: true, note: "nobody home" }),
        report("checklist_step", 21.2, { step: "check_safe_places", note: "mailbox and locker empty", reference: null }),
        report("checklist_step", 21.3, { step: "carrier_complaint", note: "called", reference: "MM-1234" }),
        report("checklist_step", 21.4, { step: "ask_household", note: "neighbour has nothing" }),
      ],
    });
    const view = checklistFor(facts, assessOrder(facts, now), now, { attachments: { check_safe_places: 2 } });
    const byId = new Map(view.steps.map((s) => [s.id, s]));
    expect(byId.get("check_safe_places")).toMatchObject({ status: "done", at: day(21.2), note: "mailbox and locker empty", attachments: 2 });
    expect(byId.get("carrier_complaint")).toMatchObject({ status: "done", reference: "MM-1234" });
    expect(byId.get("ask_household")).toMatchObject({ status: "done", note: "neighbour has nothing" });
    expect(byId.get("wait_grace")).toMatchObject({ status: "todo", at: null, attachments: 0 });
    expect(view.progress).toEqual({ done: 3, skipped: 0, total: 8, percent: 38 });
    expect(view.reportedMissing).toBe(true);
    expect(view.reportedMissingAt).toBe(day(21));
  });

  it("offers 'I did not receive it' only with no case or a closed one, never over an open dispute", () => {
    const offered = (reports: OrderFacts["reports"]) => {
      const f = deliveredOrder({ reports });
      return checklistFor(f, assessOrder(f, now), now).canReportMissing;
    };
    expect(offered([])).toBe(true);
    expect(offered([report("not_received", 20.5)])).toBe(false);
    expect(offered([report("dispute_opened", 20.5)])).toBe(false);
    expect(offered([report("not_received", 20.5), report("received", 21)])).toBe(true);
  });

  it("shows the case deadlines beside the steps: AliExpress dispute window, card chargeback, PayPal", () => {
    const card = deliveredOrder({ paymentMethod: "card", cardNetwork: "visa", reports: [report("not_received", 21)] });
    const view = checklistFor(card, assessOrder(card, now), now);
    const ids = (id: string) => view.steps.find((s) => s.id === id)!.deadlines.map((d) => d.id);
    expect(ids("open_marketplace_case")).toContain("aliexpress-dispute-closes");
    expect(ids("escalate_payment")).toContain("chargeback-closes");
    expect(view.deadlines.map((d) => d.id)).toEqual(expect.arrayContaining(["aliexpress-dispute-closes", "chargeback-closes"]));
    const paypal = deliveredOrder({ platform: "temu", paymentMethod: "paypal", reports: [report("not_received", 21)] });
    const pview = checklistFor(paypal, assessOrder(paypal, now), now);
    expect(pview.steps.find((s) => s.id === "escalate_payment")!.deadlines.map((d) => d.id)).toContain("paypal-dispute-closes");
  });

  it("waiting shows the nearest deadline of the whole case, so waiting never lets one pass", () => {
    // Protection typed from the order page ends a day after the delivery: sooner than Temu's 48 hours.
    const facts = deliveredOrder({ platform: "temu", protectionEndsAt: day(21), reports: [report("not_received", 20.1)] });
    const at = nowAt(20.2);
    const wait = checklistFor(facts, assessOrder(facts, at), at).steps[0];
    expect(wait.nearestDeadline?.id).toBe("protection-ends");
    expect(wait.deadlines.map((d) => d.id)).toEqual(["temu-delivered-grace-ends"]);
  });
});
