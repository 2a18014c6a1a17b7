/**
 * The buyer's next steps, from the state, the alerts, the case and the deadlines: each a concrete
 * sentence with its date, and how soon it matters. One rule per entry of ACTION_RULES, tried in order.
 */
import { dayLabel, isoMs, zoneOf, type Zone } from "./calendar.ts";
import type { OrderView } from "./deadlines.ts";
import type { Deadline, NextAction, OrderFacts } from "./order-facts.ts";
import type { Alert, CaseState } from "./vocabulary.ts";

interface ActionInputs {
  facts: OrderFacts;
  view: OrderView;
  alerts: ReadonlySet<Alert>;
  deadlines: ReadonlyMap<string, Deadline>;
  now: Date;
  zone: Zone;
}

type ActionRule = (i: ActionInputs) => NextAction | null;

const DAY_MS = 86_400_000;
const OPEN_CASES: ReadonlySet<CaseState> = new Set(["none", "checklist", "contacted_seller"]);
const URGENCY_ORDER = { now: 0, soon: 1, later: 2 } as const;
const STUCK_ALERTS: readonly Alert[] = ["not_shipped", "label_stuck", "no_update", "no_progress"];

const day = (i: ActionInputs, iso: string) => dayLabel(iso, i.now, i.zone);
const daysLeft = (i: ActionInputs, d: Deadline) => (isoMs(d.due) - i.now.getTime()) / DAY_MS;
/** An open deadline: not passed. */
const open = (d: Deadline | undefined): d is Deadline => d !== undefined && !d.past;

/** Why the buyer should claim their money now: the parcel is late, lost, going back or missing. */
function claimIsDue(i: ActionInputs): boolean {
  if (!OPEN_CASES.has(i.view.case)) return false;
  if (["no_progress", "missing_after_delivered", "returned_to_sender"].some((a) => i.alerts.has(a as Alert))) return true;
  if (i.view.state === "exception") return true;
  if (i.view.state === "delivered") return false;
  const protection = i.deadlines.get("aliexpress-protection-ends") ?? i.deadlines.get("protection-ends");
  if (i.alerts.has("protection_expiring") || protection?.past === true) return true;
  // The seller was asked and the parcel is still stuck; a fee or a failed delivery is the buyer's own step.
  return i.view.case === "contacted_seller" && STUCK_ALERTS.some((a) => i.alerts.has(a));
}

const ACTION_RULES: readonly ActionRule[] = [
  (i) => (i.alerts.has("customs_action") ? { id: "pay-import-fee", title: "Pay the import fee or contact the local post", urgency: "now" } : null),
  (i) =>
    i.alerts.has("returned_to_sender")
      ? { id: "contact-seller-returned", title: "Message the seller now: the parcel is going back to them; ask for a reshipment or a refund", urgency: "now" }
      : null,
  (i) =>
    i.view.state === "exception" && OPEN_CASES.has(i.view.case)
      ? { id: "report-carrier-problem", title: "The carrier reports a problem (lost, damaged or seized): send the seller the tracking page and ask for a reshipment or a refund", urgency: "now" }
      : null,
  (i) =>
    i.alerts.has("delivery_failed")
      ? { id: "rearrange-delivery", title: "Rearrange the delivery or collect the parcel: check the carrier's notice or website", urgency: "now" }
      : null,
  (i) =>
    i.view.state === "available_for_pickup" && OPEN_CASES.has(i.view.case)
      ? { id: "collect-parcel", title: "Collect the parcel at the post office or pickup point before it is sent back", urgency: "now" }
      : null,
  (i) => {
    if (!i.alerts.has("missing_after_delivered")) return null;
    const started = i.view.context.checklistSteps.length > 0;
    return {
      id: "missing-parcel-checklist",
      title: started
        ? "Finish the missing-parcel checklist: neighbours and family, the local carrier's complaint, then the marketplace"
        : "Start the missing-parcel checklist: ask family and neighbours, then file a complaint with the local carrier",
      urgency: "now",
    };
  },
  (i) =>
    i.view.state === "delivered" && i.view.case === "none"
      ? { id: "start-checklist", title: "If the parcel is not in your hands, start the missing-parcel checklist (and do not confirm receipt)", urgency: "soon" }
      : null,
  (i) =>
    i.alerts.has("not_shipped")
      ? {
          id: "ask-seller-for-tracking",
          title: `Ask the seller for a tracking number: you ordered on ${day(i, i.facts.orderedAt)} and nothing has shipped yet`,
          urgency: "now",
        }
      : null,
  (i) =>
    i.alerts.has("label_stuck") && i.view.context.labelAt
      ? {
          id: "ask-seller-about-label",
          title: `Ask the seller why the parcel has not reached the carrier: the label was created on ${day(i, i.view.context.labelAt)}`,
          urgency: "soon",
        }
      : null,
  (i) =>
    i.alerts.has("customs_delay") && i.view.context.customsSince
      ? {
          id: "contact-customs",
          title: `Check for an import fee and contact the local post or customs: in customs since ${day(i, i.view.context.customsSince)}`,
          urgency: "soon",
        }
      : null,
  (i) => {
    if (!i.alerts.has("no_update") || !i.view.context.lastEventAt) return null;
    const since = day(i, i.view.context.lastEventAt);
    return i.facts.platform === "temu"
      ? { id: "chase-no-update", title: `Contact Temu support in the app: no tracking update since ${since}`, urgency: "soon" }
      : { id: "chase-no-update", title: `Message the seller: no tracking update since ${since}`, urgency: "soon" };
  },
  (i) => {
    if (!i.alerts.has("no_progress") || i.view.case === "contacted_seller") return null;
    const since = i.view.context.stateSince ?? i.view.context.firstEventAt ?? i.facts.orderedAt;
    return { id: "contact-seller-no-progress", title: `Contact the seller and ask for a reshipment or a refund: no progress since ${day(i, since)}`, urgency: "now" };
  },
  (i) => {
    const request = i.deadlines.get("aliexpress-request-extension");
    const protection = i.deadlines.get("aliexpress-protection-ends");
    if (!request || !open(protection)) return null;
    const by = request.past ? protection.due : request.due;
    const urgency = i.alerts.has("protection_expiring") || request.past ? "now" : daysLeft(i, request) <= 7 ? "soon" : "later";
    return { id: "extend-protection", title: `Ask the seller to extend purchase protection before ${day(i, by)}`, urgency };
  },
  (i) => {
    if (!claimIsDue(i)) return null;
    const { facts } = i;
    if (facts.platform === "aliexpress") {
      const opens = i.deadlines.get("aliexpress-dispute-opens");
      const closes = i.deadlines.get("aliexpress-dispute-closes");
      if (!open(closes)) return null;
      if (open(opens)) {
        return { id: "open-dispute", title: `Open an 'item not received' dispute from ${day(i, opens.due)}: the window closes on ${day(i, closes.due)}`, urgency: "soon" };
      }
      return { id: "open-dispute", title: `Open an 'item not received' dispute now: the window closes on ${day(i, closes.due)}`, urgency: "now" };
    }
    if (facts.platform === "temu") {
      return { id: "open-dispute", title: "Ask Temu support for a refund under Purchase Protection ('package not received'), with your tracking and photos", urgency: "now" };
    }
    const paypal = i.deadlines.get("paypal-dispute-closes");
    if (open(paypal)) {
      return { id: "open-dispute", title: `Open a PayPal 'item not received' dispute now: the window closes on ${day(i, paypal.due)}`, urgency: "now" };
    }
    return { id: "open-dispute", title: "Ask the marketplace for a refund for an item not received", urgency: "now" };
  },
  (i) => {
    if (i.view.case !== "dispute_open") return null;
    const response = i.deadlines.get("aliexpress-seller-response");
    if (open(response)) {
      return { id: "follow-dispute", title: `Answer the seller in the dispute; if there is no solution by ${day(i, response.due)}, escalate it to AliExpress`, urgency: "soon" };
    }
    if (response) return { id: "follow-dispute", title: "Escalate the dispute to AliExpress: the seller's time to answer is over", urgency: "now" };
    return null;
  },
  (i) => {
    const escalate = i.deadlines.get("paypal-escalate-by");
    if (!open(escalate)) return null;
    return { id: "escalate-paypal", title: `Escalate the PayPal dispute to a claim before ${day(i, escalate.due)}`, urgency: daysLeft(i, escalate) <= 5 ? "now" : "soon" };
  },
  (i) =>
    i.view.case === "escalated"
      ? { id: "wait-for-decision", title: "Wait for the marketplace's decision and keep your evidence ready: tracking, photos, messages", urgency: "later" }
      : null,
  (i) => {
    const temu = i.deadlines.get("temu-late-delivery-credit");
    if (!temu?.past || i.view.state === "delivered" || !OPEN_CASES.has(i.view.case)) return null;
    return { id: "check-temu-credit", title: `Check that Temu credited you for the late delivery: it was due by ${day(i, temu.due)}`, urgency: "soon" };
  },
  (i) => {
    const chargeback = i.deadlines.get("chargeback-closes");
    if (!open(chargeback)) return null;
    const fallback = i.view.case === "dispute_open" || i.view.case === "escalated" || (claimIsDue(i) && i.facts.platform === "other");
    if (!fallback) return null;
    return {
      id: "chargeback",
      title: `If the seller and the marketplace do not refund you, ask your card issuer for a chargeback before ${day(i, chargeback.due)}`,
      urgency: daysLeft(i, chargeback) <= 14 ? "soon" : "later",
    };
  },
];

/** The buyer's next steps, most urgent first; a calm "check again on …" when nothing is pressing. */
export function nextActions(facts: OrderFacts, view: OrderView, alerts: readonly Alert[], deadlines: readonly Deadline[], now: Date): NextAction[] {
  if (view.case === "refunded" || view.case === "closed") return [];
  const inputs: ActionInputs = {
    facts,
    view,
    alerts: new Set(alerts),
    deadlines: new Map(deadlines.map((d) => [d.id, d])),
    now,
    zone: zoneOf(facts.timeZone),
  };
  const actions: NextAction[] = [];
  for (const rule of ACTION_RULES) {
    const action = rule(inputs);
    if (action && !actions.some((a) => a.id === action.id)) actions.push(action);
  }
  // With nothing pressing, say when to look again rather than leave the buyer guessing.
  if (!actions.some((a) => a.urgency !== "later")) {
    const next = deadlines.find((d) => !d.past && d.source === "buyer's guide");
    actions.push({
      id: "wait",
      title: next ? `Nothing to do yet: check the tracking again on ${day(inputs, next.due)}` : "Nothing to do yet: check the tracking again in a few days",
      urgency: "later",
    });
  }
  return actions.sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency]);
}
