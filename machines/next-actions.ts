/**
 * The buyer's next steps, from the state, the alerts, the case and the deadlines: each a concrete
 * sentence with its date, and how soon it matters. One rule per entry of ACTION_RULES, tried in order.
 */
import { dayLabel, isoMs, zoneOf, type Zone } from "./calendar.ts";
import { localCarrierOf } from "./checklist/checklist-deadlines.ts";
import { CHECKLIST_STEPS, stepText, type ChecklistStepId } from "./checklist/checklist-steps.ts";
import { jurisdictionOf } from "./policies/consumer-law.ts";
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

/** Actions that are a checklist step: once the step is done, or skipped with a reason, it is not asked again. */
const STEP_OF_ACTION: Readonly<Record<string, ChecklistStepId>> = {
  "open-dispute": "open_marketplace_case",
  chargeback: "escalate_payment",
  "escalate-paypal": "escalate_payment",
  "start-checklist": "check_safe_places",
};

/** Early "message the seller" steps: once a dispute is open (or further), its own dates take over. */
const BEFORE_DISPUTE_ACTIONS: ReadonlySet<string> = new Set([
  "ask-seller-for-tracking",
  "ask-seller-about-label",
  "chase-no-update",
  "contact-seller-no-progress",
  "contact-seller-returned",
  "report-carrier-problem",
]);

/** The claim has started but no dispute is open yet. */
const BEFORE_DISPUTE_CASES: ReadonlySet<string> = new Set(["checklist", "contacted_seller"]);

/** Steps the buyer has not yet done nor decided to skip, in the checklist's order. */
function remainingSteps(i: ActionInputs) {
  const { checklistSteps, skippedSteps } = i.view.context;
  return CHECKLIST_STEPS.filter((row) => !checklistSteps.includes(row.id) && !skippedSteps.includes(row.id));
}

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
      ? {
          id: "contact-seller-returned",
          title: "Message the seller now: the parcel is going back to them; ask for a reshipment or a refund",
          urgency: "now",
        }
      : null,
  (i) =>
    i.view.state === "exception" && OPEN_CASES.has(i.view.case)
      ? {
          id: "report-carrier-problem",
          title: "The carrier reports a problem (lost, damaged or seized): send the seller the tracking page and ask for a reshipment or a refund",
          urgency: "now",
        }
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
    // Once a dispute is open the marketplace's clock leads; the checklist is not asked again.
    if (!i.alerts.has("missing_after_delivered") || !BEFORE_DISPUTE_CASES.has(i.view.case)) return null;
    const left = remainingSteps(i);
    if (left.length === 0) return null;
    const started = left.length < CHECKLIST_STEPS.length;
    return {
      id: "missing-parcel-checklist",
      title: started
        ? `Finish the missing-parcel checklist: ${left.length} step${left.length === 1 ? "" : "s"} left, next "${stepText(left[0], i.facts.platform, localCarrierOf(i.facts).key, jurisdictionOf(i.facts.timeZone)).title}"`
        : "Start the missing-parcel checklist: ask family and neighbours, then file a complaint with the local carrier",
      urgency: "now",
    };
  },
  (i) =>
    i.view.state === "delivered" && i.view.case === "none"
      ? {
          id: "start-checklist",
          title: "If the parcel is not in your hands, start the missing-parcel checklist (and do not confirm receipt)",
          urgency: "soon",
        }
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
    return {
      id: "contact-seller-no-progress",
      title: `Contact the seller and ask for a reshipment or a refund: no progress since ${day(i, since)}`,
      urgency: "now",
    };
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
        return {
          id: "open-dispute",
          title: `Open an 'item not received' dispute from ${day(i, opens.due)}: the window closes on ${day(i, closes.due)}`,
          urgency: "soon",
        };
      }
      return { id: "open-dispute", title: `Open an 'item not received' dispute now: the window closes on ${day(i, closes.due)}`, urgency: "now" };
    }
    if (facts.platform === "temu") {
      return {
        id: "open-dispute",
        title: "Ask Temu support for a refund under Purchase Protection ('package not received'), with your tracking and photos",
        urgency: "now",
      };
    }
    const ebay = i.deadlines.get("ebay-report-closes");
    if (facts.platform === "ebay" && open(ebay)) {
      return { id: "open-dispute", title: `Report the item not received on eBay (Money Back Guarantee) before ${day(i, ebay.due)}`, urgency: "now" };
    }
    const aToZOpens = i.deadlines.get("amazon-a-to-z-opens");
    const aToZCloses = i.deadlines.get("amazon-a-to-z-closes");
    if (facts.platform === "amazon" && open(aToZCloses)) {
      return open(aToZOpens)
        ? {
            id: "open-dispute",
            title: `Contact the seller now; if nothing changes within 48 hours, file an A-to-z claim from ${day(i, aToZOpens.due)} (before ${day(i, aToZCloses.due)})`,
            urgency: "soon",
          }
        : {
            id: "open-dispute",
            title: `File an Amazon A-to-z claim before ${day(i, aToZCloses.due)} (contact the seller first and wait 48 hours)`,
            urgency: "now",
          };
    }
    const wish = i.deadlines.get("wish-refund-closes");
    if (facts.platform === "wish" && open(wish)) {
      return { id: "open-dispute", title: `Ask Wish for a refund for an item not delivered before ${day(i, wish.due)}`, urgency: "now" };
    }
    const paypal = i.deadlines.get("paypal-dispute-closes");
    if (open(paypal)) {
      return {
        id: "open-dispute",
        title: `Open a PayPal 'item not received' dispute now: the window closes on ${day(i, paypal.due)}`,
        urgency: "now",
      };
    }
    return { id: "open-dispute", title: "Ask the marketplace for a refund for an item not received", urgency: "now" };
  },
  // Once a dispute is open, the next steps are its dates: the seller's answer, then escalation.
  (i) => {
    if (i.view.case !== "dispute_open") return null;
    const faq = i.deadlines.get("aliexpress-seller-response");
    const rulebook = i.deadlines.get("aliexpress-seller-response-rulebook");
    if (faq && rulebook && open(faq)) {
      return {
        id: "seller-reply",
        title: `Answer the seller in the dispute: they should reply by ${day(i, rulebook.due)} (seller rules: 5 days)${rulebook.past ? ", which has passed" : ""}, at the latest by ${day(i, faq.due)} (buyer help: 15 days)`,
        urgency: "soon",
      };
    }
    const ebay = i.deadlines.get("ebay-seller-response");
    if (open(ebay))
      return { id: "seller-reply", title: `The seller has until ${day(i, ebay.due)} (3 business days) to answer your eBay request`, urgency: "soon" };
    return null;
  },
  (i) => {
    if (i.view.case !== "dispute_open") return null;
    const opens = i.deadlines.get("aliexpress-escalate-opens");
    const faq = i.deadlines.get("aliexpress-seller-response");
    const rulebook = i.deadlines.get("aliexpress-seller-response-rulebook");
    if (opens && faq) {
      if (faq.past)
        return { id: "escalate-dispute", title: "Escalate the dispute to AliExpress now: the seller's time to answer is over", urgency: "now" };
      if (open(opens)) {
        return {
          id: "escalate-dispute",
          title: `You can escalate the dispute to AliExpress from ${day(i, opens.due)} if the seller offers no solution`,
          urgency: "later",
        };
      }
      const sellerLate = rulebook?.past === true;
      return {
        id: "escalate-dispute",
        title: sellerLate
          ? `Escalate the dispute to AliExpress if the seller has not offered a solution: their answer was due by ${day(i, rulebook!.due)}`
          : `Escalate the dispute to AliExpress if the seller offers no solution by ${day(i, faq.due)} (possible now)`,
        urgency: sellerLate ? "now" : "soon",
      };
    }
    const stepIn = i.deadlines.get("ebay-step-in-closes");
    const ebayReply = i.deadlines.get("ebay-seller-response");
    if (open(stepIn)) {
      return ebayReply && !ebayReply.past
        ? {
            id: "escalate-dispute",
            title: `Ask eBay to step in after ${day(i, ebayReply.due)} if there is no solution, and before ${day(i, stepIn.due)}`,
            urgency: "later",
          }
        : { id: "escalate-dispute", title: `Ask eBay to step in before ${day(i, stepIn.due)}: the seller's time to answer is over`, urgency: "now" };
    }
    return null;
  },
  (i) => {
    const escalate = i.deadlines.get("paypal-escalate-by");
    if (!open(escalate)) return null;
    return {
      id: "escalate-paypal",
      title: `Escalate the PayPal dispute to a claim before ${day(i, escalate.due)}`,
      urgency: daysLeft(i, escalate) <= 5 ? "now" : "soon",
    };
  },
  (i) => {
    // A marketplace without dated dispute rules: keep the case moving without inventing a date.
    if (i.view.case !== "dispute_open") return null;
    if (["aliexpress", "ebay"].includes(i.facts.platform) || open(i.deadlines.get("paypal-escalate-by"))) return null;
    return {
      id: "follow-dispute",
      title: "Answer the marketplace's messages in your case and send your evidence: tracking, photos, messages",
      urgency: "soon",
    };
  },
  (i) => {
    // The date the buyer was promised has passed and the parcel is not there: say so, with the date.
    const promised = i.deadlines.get("estimated-delivery");
    if (!promised?.past || !OPEN_CASES.has(i.view.case)) return null;
    if (["delivered", "returned", "available_for_pickup", "exception"].includes(i.view.state)) return null;
    return {
      id: "promised-date-passed",
      title: `The delivery date you were given (${day(i, promised.due)}) has passed: message the seller and ask for the parcel's status or a refund`,
      urgency: "soon",
    };
  },
  (i) =>
    i.view.case === "escalated"
      ? {
          id: "wait-for-decision",
          title: "Wait for the marketplace's decision and keep your evidence ready: tracking, photos, messages",
          urgency: "later",
        }
      : null,
  (i) => {
    const temu = i.deadlines.get("temu-late-delivery-credit");
    if (!temu?.past || i.view.state === "delivered" || !OPEN_CASES.has(i.view.case)) return null;
    return {
      id: "check-temu-credit",
      title: `Check that Temu credited you for the late delivery: it was due by ${day(i, temu.due)}`,
      urgency: "soon",
    };
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
  const { checklistSteps, skippedSteps } = view.context;
  for (const rule of ACTION_RULES) {
    const action = rule(inputs);
    if (!action || actions.some((a) => a.id === action.id)) continue;
    if (BEFORE_DISPUTE_ACTIONS.has(action.id) && !OPEN_CASES.has(view.case)) continue;
    const step = STEP_OF_ACTION[action.id];
    // A step recorded as done is not asked again; one skipped with a reason is the buyer's choice.
    if (step && (checklistSteps.includes(step) || skippedSteps.includes(step))) continue;
    actions.push(action);
  }
  // With nothing pressing, say when to look again rather than leave the buyer guessing.
  if (!actions.some((a) => a.urgency !== "later")) {
    const next = deadlines.find((d) => !d.past && d.source === "buyer's guide");
    actions.push({
      id: "wait",
      title: next
        ? `Nothing to do yet: check the tracking again on ${day(inputs, next.due)}`
        : "Nothing to do yet: check the tracking again in a few days",
      urgency: "later",
    });
  }
  return actions.sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency]);
}
