/**
 * Deadlines are computed, dated facts, never timers (DESIGN.md principle 3): each says when, which
 * rule made it (`reason`) and where the rule comes from (`source`). A date the buyer read on their own
 * order page wins over a computed one and says so. Pure: `now` is an argument.
 */
import { dayLabel, earliest, isoMs, plusBusinessDays, plusDays, plusDaysMs, plusHours, plusYears, zoneOf, type Zone } from "./calendar.ts";
import type { Deadline, OrderFacts } from "./order-facts.ts";
import type { OrderContext } from "./order.machine.ts";
import { ALIEXPRESS_DISPUTE, ALIEXPRESS_PROTECTION, ALIEXPRESS_SELLER_RULEBOOK } from "./policies/aliexpress.ts";
import { AMAZON_A_TO_Z, EBAY_MONEY_BACK, WISH_NOT_DELIVERED } from "./policies/other-marketplaces.ts";
import { BUYERS_GUIDE } from "./policies/buyers-guide.ts";
import { CARD_CHARGEBACKS, type ChargebackRules } from "./policies/card-networks.ts";
import { checklistDeadlines } from "./checklist/checklist-deadlines.ts";
import { jurisdictionOf, UK_CHARGEBACK, UK_SECTION_75, US_FCBA } from "./policies/consumer-law.ts";
import { PAYPAL_BUYER_PROTECTION } from "./policies/paypal.ts";
import { sourceOf, type Policy } from "./policies/policy.ts";
import { TEMU_LATE_DELIVERY, TEMU_PURCHASE_PROTECTION } from "./policies/temu.ts";
import { ORDER_STATES, type CaseState, type OrderState } from "./vocabulary.ts";

export const FROM_ORDER_PAGE = "your order page";

/** What the deadline rules read: the facts, the machine's view of them, and the clock. */
export interface OrderView {
  state: OrderState;
  case: CaseState;
  context: OrderContext;
}

/** Deadline ids whose end closes a marketplace protection or dispute window (the `protection_expiring` alert). */
export const MARKETPLACE_WINDOW_IDS: ReadonlySet<string> = new Set([
  "aliexpress-protection-ends",
  "aliexpress-dispute-closes",
  "protection-ends",
  "ebay-report-closes",
  "amazon-a-to-z-closes",
  "wish-refund-closes",
]);

/** Once a dispute is open: when the seller must have answered, and from when the buyer may escalate. */
export const DISPUTE_DEADLINE_IDS = {
  sellerResponse: ["aliexpress-seller-response-rulebook", "aliexpress-seller-response", "ebay-seller-response"],
  escalate: ["aliexpress-escalate-opens", "ebay-step-in-closes", "paypal-escalate-by"],
} as const;

/** Guide deadlines whose passing raises an alert (alerts.ts); listed here so both read one table. */
export const GUIDE_DEADLINE_IDS = {
  trackingExpected: "guide-tracking-expected",
  labelStuck: "guide-label-stuck",
  noUpdate: "guide-no-update",
  noProgress: "guide-no-progress",
  customsDelay: "guide-customs-delay",
} as const;

/**
 * States in which the carrier still owes news, so a week of silence is worrying (contract: "while in
 * transit (not delivered, not returned)"); awaiting_shipment has no carrier yet (not_shipped covers it).
 */
export const UPDATE_EXPECTED_STATES: ReadonlySet<OrderState> = new Set(
  ORDER_STATES.filter((state) => state !== "awaiting_shipment" && state !== "delivered" && state !== "returned"),
);
/** States where "no progress" means nothing: the parcel arrived, is going back, or waits for the buyer. */
const RESTING_STATES: ReadonlySet<OrderState> = new Set(["delivered", "returned", "available_for_pickup"]);
const CUSTOMS_STATES: ReadonlySet<OrderState> = new Set(["in_customs", "customs_held"]);
/** Cases where the buyer is still trying to get the parcel (reminders to act still make sense). */
const OPEN_CASES: ReadonlySet<CaseState> = new Set(["none", "checklist", "contacted_seller"]);
const SETTLED_CASES: ReadonlySet<CaseState> = new Set(["refunded", "closed"]);

interface Draft {
  id: string;
  due: string;
  /** `due` as epoch ms when it was computed here (see dueIn), so it is not parsed and written again. */
  dueMs?: number;
  title: string;
  reason: string;
  source: string;
}

interface Inputs {
  facts: OrderFacts;
  view: OrderView;
  ctx: OrderContext;
  zone: Zone;
  now: Date;
  /** When the parcel left: the order page's date, else the first carrier event, else the order date. */
  shipment: { at: string; known: "shipped" | "first event" | "order date" };
  expectedDelivery: string | null;
}

/** A computed due date, as text and as the milliseconds it was written from. */
function dueIn(iso: string, days: number, zone: Zone): { due: string; dueMs: number } {
  const dueMs = plusDaysMs(iso, days, zone);
  return { due: new Date(dueMs).toISOString(), dueMs };
}

const day = (inputs: Inputs, iso: string) => dayLabel(iso, inputs.now, inputs.zone);
const dateOrNull = (iso: string | null | undefined) => (iso && !Number.isNaN(isoMs(iso)) ? iso : null);

function guideDeadlines(inputs: Inputs): Draft[] {
  const { view, ctx, facts, zone } = inputs;
  const rules = BUYERS_GUIDE.rules;
  const source = sourceOf(BUYERS_GUIDE);
  if (SETTLED_CASES.has(view.case)) return [];
  const drafts: Draft[] = [];
  if (ctx.latestMilestone === null) {
    drafts.push({
      id: GUIDE_DEADLINE_IDS.trackingExpected,
      ...dueIn(facts.orderedAt, rules.notShippedDays, zone),
      title: facts.trackingNumbers.length ? "The tracking should show a first carrier event" : "The seller should have sent a tracking number",
      reason: `A tracking number and a first carrier event usually appear within ${rules.notShippedDays} days of the order.`,
      source,
    });
  }
  if (view.state === "label_created" && ctx.labelAt) {
    drafts.push({
      id: GUIDE_DEADLINE_IDS.labelStuck,
      ...dueIn(ctx.labelAt, rules.labelStuckDays, zone),
      title: "The carrier should have picked up the parcel",
      reason: `Still only "label created" more than ${rules.labelStuckDays} days after the label was made is a delay.`,
      source,
    });
  }
  if (UPDATE_EXPECTED_STATES.has(view.state) && ctx.lastEventAt) {
    drafts.push({
      id: GUIDE_DEADLINE_IDS.noUpdate,
      ...dueIn(ctx.lastEventAt, rules.noUpdateDays, zone),
      title: "A new tracking update is due",
      reason: `A few quiet days are normal; more than ${rules.noUpdateDays} days without a carrier update is worth chasing.`,
      source,
    });
  }
  if (!RESTING_STATES.has(view.state)) {
    const since = ctx.stateSince ?? (ctx.latestMilestone === null ? facts.orderedAt : inputs.shipment.at);
    drafts.push({
      id: GUIDE_DEADLINE_IDS.noProgress,
      ...dueIn(since, rules.noProgressDays, zone),
      title: "The parcel should have moved on",
      reason: `No progress for more than ${rules.noProgressDays} days: contact the seller; a refund request or dispute may be needed.`,
      source,
    });
  }
  if (CUSTOMS_STATES.has(view.state) && ctx.customsSince) {
    drafts.push({
      id: GUIDE_DEADLINE_IDS.customsDelay,
      ...dueIn(ctx.customsSince, rules.customsDelayDays, zone),
      title: "Customs should have released the parcel",
      reason: `Customs usually takes 2 to ${rules.customsDelayDays} days; longer often means a fee or a document is missing.`,
      source,
    });
  }
  return drafts;
}

/** AliExpress protection end: the buyer's extension, else the order page, else computed (and said to be). */
function aliexpressProtectionEnd(inputs: Inputs): Draft {
  const { facts, ctx, zone, shipment, expectedDelivery } = inputs;
  const title = "AliExpress purchase protection ends";
  if (ctx.protectionExtendedTo) {
    return {
      id: "aliexpress-protection-ends",
      due: ctx.protectionExtendedTo,
      title,
      reason: "The seller extended purchase protection to this date, as you reported from your order page.",
      source: FROM_ORDER_PAGE,
    };
  }
  if (facts.protectionEndsAt) {
    return {
      id: "aliexpress-protection-ends",
      due: facts.protectionEndsAt,
      title,
      reason: "The protection countdown on your AliExpress order page ends on this date.",
      source: FROM_ORDER_PAGE,
    };
  }
  const rules = ALIEXPRESS_PROTECTION.rules;
  const capped = plusDays(shipment.at, rules.protectionCapDays, zone);
  const due = earliest(capped, expectedDelivery) ?? capped;
  const from =
    shipment.known === "shipped"
      ? "shipment"
      : shipment.known === "first event"
        ? "the first carrier event (the shipping date is not known)"
        : "the order date (the shipping date is not known)";
  const reason =
    due === capped
      ? `Protection lasts the seller's promised delivery time, counted from ${from}; copies of the rules cap it at ${rules.protectionCapDays} days (others say ${rules.protectionCapDaysAlternative}), so the earlier date is used. Check the countdown on your order page.`
      : `Protection lasts the seller's promised delivery time, counted from ${from}; the latest estimated delivery on your order page comes before the ${rules.protectionCapDays}-day cap, so it is used. Check the countdown on your order page.`;
  return { id: "aliexpress-protection-ends", due, title, reason, source: due === capped ? sourceOf(ALIEXPRESS_PROTECTION) : FROM_ORDER_PAGE };
}

function aliexpressDeadlines(inputs: Inputs): Draft[] {
  const { view, ctx, zone, shipment } = inputs;
  const rules = ALIEXPRESS_PROTECTION.rules;
  const source = sourceOf(ALIEXPRESS_PROTECTION);
  const protection = aliexpressProtectionEnd(inputs);
  const drafts: Draft[] = [protection];
  const stillComing = !RESTING_STATES.has(view.state) || view.state === "available_for_pickup";
  if (stillComing && OPEN_CASES.has(view.case)) {
    drafts.push({
      id: "aliexpress-request-extension",
      ...dueIn(protection.due, -rules.extensionLeadDays, zone),
      title: "Ask the seller to extend purchase protection",
      reason: `If the parcel is still on its way, ask for an extension 5 to 7 days before protection ends on ${day(inputs, protection.due)} (the seller must approve); the earlier date is used.`,
      source,
    });
  }
  if (OPEN_CASES.has(view.case)) {
    drafts.push({
      id: "aliexpress-dispute-opens",
      ...dueIn(shipment.at, rules.earliestDisputeDays, zone),
      title: "First day to open an AliExpress 'item not received' dispute",
      reason: `The official page allows a "not received" dispute ${rules.earliestDisputeDays} days after shipment; some help copies say day ${rules.earliestDisputeDaysAlternatives.join(" or ")}.`,
      source,
    });
  }
  const afterProtection = plusDays(protection.due, rules.disputeAfterProtectionDays, zone);
  const afterReceipt = ctx.receivedAt ? plusDays(ctx.receivedAt, rules.disputeAfterProtectionDays, zone) : null;
  const closes = earliest(afterProtection, afterReceipt) ?? afterProtection;
  drafts.push({
    id: "aliexpress-dispute-closes",
    due: closes,
    title: "Last day to open an AliExpress dispute",
    reason:
      closes === afterReceipt
        ? `A dispute can be opened until ${rules.disputeAfterProtectionDays} days after you confirmed receipt.`
        : `A dispute can be opened until ${rules.disputeAfterProtectionDays} days after purchase protection ends (${day(inputs, protection.due)}) or after you confirm receipt, whichever comes first.`,
    source: protection.source === FROM_ORDER_PAGE ? `${source}, with the date from ${FROM_ORDER_PAGE}` : source,
  });
  if (view.case === "dispute_open" && ctx.disputeOpenedAt) {
    const rulebook = ALIEXPRESS_SELLER_RULEBOOK.rules.sellerResponseDays;
    const escalate = ALIEXPRESS_DISPUTE.rules.escalateAfterDays;
    drafts.push(
      {
        id: "aliexpress-seller-response",
        ...dueIn(ctx.disputeOpenedAt, rules.sellerResponseDays, zone),
        title: "The seller must answer your dispute (buyer FAQ)",
        reason: `AliExpress's buyer help gives the seller ${rules.sellerResponseDays} days to answer a dispute; after that it goes to AliExpress. Copies of the seller rulebook say ${rulebook} days.`,
        source,
      },
      {
        id: "aliexpress-seller-response-rulebook",
        ...dueIn(ctx.disputeOpenedAt, rulebook, zone),
        title: "The seller must answer your dispute (seller rulebook)",
        reason: `Copies of AliExpress's seller rulebook give the seller ${rulebook} days to answer, else the buyer's refund applies; the buyer help says ${rules.sellerResponseDays} days. Both dates are shown.`,
        source: sourceOf(ALIEXPRESS_SELLER_RULEBOOK),
      },
      {
        id: "aliexpress-escalate-opens",
        ...dueIn(ctx.disputeOpenedAt, escalate, zone),
        title: "You can escalate the dispute to AliExpress",
        reason: `The "Escalate" button appears ${escalate} days after the dispute was opened.`,
        source: sourceOf(ALIEXPRESS_DISPUTE),
      },
    );
  }
  return drafts;
}

function temuDeadlines(inputs: Inputs): Draft[] {
  const { facts, ctx, zone, expectedDelivery } = inputs;
  const drafts: Draft[] = [];
  const deliveredInTime = ctx.deliveredAt !== null && expectedDelivery !== null && isoMs(ctx.deliveredAt) <= isoMs(expectedDelivery);
  if (expectedDelivery && !deliveredInTime) {
    const hours = TEMU_LATE_DELIVERY.rules.creditHoursAfterLatestEstimate;
    drafts.push({
      id: "temu-late-delivery-credit",
      due: plusHours(expectedDelivery, hours),
      title: "Temu's late-delivery credit is due",
      reason: `If the parcel is not delivered by the latest estimated date on your order page (${day(inputs, expectedDelivery)}), Temu credits you within ${hours} hours (not for wrong addresses or pickup points).`,
      source: sourceOf(TEMU_LATE_DELIVERY),
    });
  }
  const days = TEMU_PURCHASE_PROTECTION.rules.returnWindowDays;
  drafts.push({
    id: "temu-return-window",
    ...dueIn(facts.orderedAt, days, zone),
    title: `Temu's ${days}-day return window closes`,
    reason: `Most Temu items can be returned within ${days} days of purchase; ship the return within ${TEMU_PURCHASE_PROTECTION.rules.shipReturnWithinDays} days of requesting it.`,
    source: sourceOf(TEMU_PURCHASE_PROTECTION),
  });
  return drafts;
}

function ebayDeadlines(inputs: Inputs): Draft[] {
  const { view, ctx, zone, expectedDelivery } = inputs;
  const rules = EBAY_MONEY_BACK.rules;
  const source = sourceOf(EBAY_MONEY_BACK);
  const drafts: Draft[] = [];
  if (expectedDelivery && OPEN_CASES.has(view.case)) {
    drafts.push({
      id: "ebay-report-closes",
      ...dueIn(expectedDelivery, rules.reportWithinDaysAfterEstimate, zone),
      title: "Last day to report the item not received on eBay",
      reason: `eBay's Money Back Guarantee takes a "not received" request up to ${rules.reportWithinDaysAfterEstimate} days after the estimated delivery date (${day(inputs, expectedDelivery)}).`,
      source: `${source}, with the date from ${FROM_ORDER_PAGE}`,
    });
  }
  if (view.case === "dispute_open" && ctx.disputeOpenedAt) {
    drafts.push(
      {
        id: "ebay-seller-response",
        due: plusBusinessDays(ctx.disputeOpenedAt, rules.sellerAnswerBusinessDays, zone),
        title: "The seller must answer your eBay request",
        reason: `The seller has ${rules.sellerAnswerBusinessDays} business days to answer; then you can ask eBay to step in.`,
        source,
      },
      {
        id: "ebay-step-in-closes",
        due: plusBusinessDays(ctx.disputeOpenedAt, rules.stepInWithinBusinessDays, zone),
        title: "Last day to ask eBay to step in",
        reason: `Ask eBay to step in within ${rules.stepInWithinBusinessDays} business days of opening the request (weekends skipped; public holidays are not counted, so this date is on the safe side). A closed request cannot be reopened.`,
        source,
      },
    );
  }
  return drafts;
}

function amazonDeadlines(inputs: Inputs): Draft[] {
  const { view, zone, expectedDelivery } = inputs;
  if (!expectedDelivery || !OPEN_CASES.has(view.case)) return [];
  const rules = AMAZON_A_TO_Z.rules;
  const source = `${sourceOf(AMAZON_A_TO_Z)}, with the date from ${FROM_ORDER_PAGE}`;
  return [
    {
      id: "amazon-a-to-z-opens",
      ...dueIn(expectedDelivery, rules.opensDaysAfterLatestEstimate, zone),
      title: "First day for an Amazon A-to-z claim",
      reason: `An A-to-z claim for a third-party seller's item opens ${rules.opensDaysAfterLatestEstimate} days after the latest estimated delivery date; contact the seller first and wait ${rules.contactSellerWaitHours} hours. A card chargeback bars an A-to-z claim.`,
      source,
    },
    {
      id: "amazon-a-to-z-closes",
      ...dueIn(expectedDelivery, rules.closesDaysAfterLatestEstimate, zone),
      title: "Last day for an Amazon A-to-z claim",
      reason: `An A-to-z claim must be filed within ${rules.closesDaysAfterLatestEstimate} days of the latest estimated delivery date (${day(inputs, expectedDelivery)}).`,
      source,
    },
  ];
}

function wishDeadlines(inputs: Inputs): Draft[] {
  const { view, zone, expectedDelivery } = inputs;
  if (!expectedDelivery || !OPEN_CASES.has(view.case)) return [];
  const days = WISH_NOT_DELIVERED.rules.refundWithinDaysAfterMaxDelivery;
  return [
    {
      id: "wish-refund-closes",
      ...dueIn(expectedDelivery, days, zone),
      title: "Last day to ask Wish for a refund for an item not delivered",
      reason: `Wish refunds an item not delivered when asked within ${days} days after its maximum delivery date (${day(inputs, expectedDelivery)}).`,
      source: `${sourceOf(WISH_NOT_DELIVERED)}, with the date from ${FROM_ORDER_PAGE}`,
    },
  ];
}

/** The platform's own deadlines; a marketplace without computed rules shows the date the buyer typed. */
function marketplaceDeadlines(inputs: Inputs): Draft[] {
  switch (inputs.facts.platform) {
    case "aliexpress":
      return aliexpressDeadlines(inputs);
    case "ebay":
      return [...ebayDeadlines(inputs), ...orderPageProtection(inputs)];
    case "amazon":
      return [...amazonDeadlines(inputs), ...orderPageProtection(inputs)];
    case "wish":
      return [...wishDeadlines(inputs), ...orderPageProtection(inputs)];
    default:
      return orderPageProtection(inputs);
  }
}

/** The latest delivery date the marketplace promised, as the buyer read it. */
function estimatedDelivery(inputs: Inputs): Draft[] {
  if (!inputs.expectedDelivery || inputs.ctx.deliveredAt !== null) return [];
  return [
    {
      id: "estimated-delivery",
      due: inputs.expectedDelivery,
      title: "Latest estimated delivery",
      reason: "Your order page estimates delivery by this date.",
      source: FROM_ORDER_PAGE,
    },
  ];
}

/** A protection date the buyer typed for a marketplace whose rules we do not compute. */
function orderPageProtection(inputs: Inputs): Draft[] {
  const end = inputs.ctx.protectionExtendedTo ?? inputs.facts.protectionEndsAt;
  if (!end) return [];
  return [
    {
      id: "protection-ends",
      due: end,
      title: "Buyer protection ends",
      reason: "Your order page shows buyer protection ending on this date.",
      source: FROM_ORDER_PAGE,
    },
  ];
}

function paypalDeadlines(inputs: Inputs): Draft[] {
  const { facts, view, ctx, zone } = inputs;
  const rules = PAYPAL_BUYER_PROTECTION.rules;
  const source = sourceOf(PAYPAL_BUYER_PROTECTION);
  const drafts: Draft[] = [
    {
      id: "paypal-dispute-closes",
      ...dueIn(facts.orderedAt, rules.disputeWithinDays, zone),
      title: "Last day to open a PayPal dispute",
      reason: `A PayPal dispute must be opened within ${rules.disputeWithinDays} days of the payment.`,
      source,
    },
  ];
  if (view.case === "dispute_open" && ctx.disputeOpenedAt) {
    drafts.push({
      id: "paypal-escalate-by",
      ...dueIn(ctx.disputeOpenedAt, rules.escalateWithinDays, zone),
      title: "Escalate your PayPal dispute to a claim",
      reason: `If your dispute is with PayPal, escalate it to a claim within ${rules.escalateWithinDays} days of opening or it closes for good.`,
      source,
    });
  }
  return drafts;
}

/** The last filing day under one scheme's rules, with the sentence that explains it. */
function chargebackWindow(policy: Policy<ChargebackRules>, inputs: Inputs): { due: string; reason: string } {
  const { facts, zone, expectedDelivery } = inputs;
  const r = policy.rules;
  const fromTransaction = plusDays(facts.orderedAt, r.filingDays, zone);
  const fromDelivery = expectedDelivery ? plusDays(expectedDelivery, r.filingDays, zone) : null;
  const cap = r.maxDaysAfterTransaction ? plusDays(facts.orderedAt, r.maxDaysAfterTransaction, zone) : null;
  let due: string;
  let reason: string;
  if (r.countsFrom === "expected_delivery" && fromDelivery) {
    due = earliest(fromDelivery, cap) ?? fromDelivery;
    reason = `${r.filingDays} days from the latest expected delivery date${cap ? `, never more than ${r.maxDaysAfterTransaction} days after the purchase` : ""}.`;
  } else if (r.countsFrom === "earlier") {
    due = earliest(fromTransaction, fromDelivery, cap) ?? fromTransaction;
    reason = `${r.filingDays} days; sources disagree whether they run from the purchase or the expected delivery date, so the earlier date is used.`;
  } else {
    due = earliest(fromTransaction, cap) ?? fromTransaction;
    reason = `${r.filingDays} days from the purchase (no expected delivery date is known).`;
  }
  return { due, reason: `${policy.name}, reason ${r.reasonCode}: ${reason}` };
}

function cardDeadlines(inputs: Inputs): Draft[] {
  const { facts, zone, expectedDelivery } = inputs;
  const network = facts.cardNetwork && facts.cardNetwork !== "other" ? facts.cardNetwork : null;
  const policies = network ? [CARD_CHARGEBACKS[network]] : Object.values(CARD_CHARGEBACKS);
  const jurisdiction = jurisdictionOf(facts.timeZone);
  const windows = policies.map((policy) => ({ policy: policy as Policy<unknown>, ...chargebackWindow(policy, inputs) }));
  if (jurisdiction === "UK") {
    windows.push({
      policy: UK_CHARGEBACK,
      due: plusDays(facts.orderedAt, UK_CHARGEBACK.rules.filingDays, zone),
      reason: `UK banks normally accept a chargeback within ${UK_CHARGEBACK.rules.filingDays} days of the purchase or the intended delivery; the earlier is used.`,
    });
  }
  windows.sort((a, b) => isoMs(a.due) - isoMs(b.due));
  const first = windows[0];
  const disagree = windows.length > 1 ? " The rules differ between networks, so the earliest date is used." : "";
  const drafts: Draft[] = [
    {
      id: "chargeback-closes",
      due: first.due,
      title: "Last day to ask your card issuer for a chargeback",
      reason: first.reason + (network ? "" : " Your card network is not known.") + disagree,
      source: sourceOf(first.policy),
    },
  ];
  // Issuers turn a "not received" claim away before the goods were due.
  const waits = policies.map((p) => ({ policy: p, days: p.rules.earliestFilingDaysWithoutDeliveryDate })).filter((w) => w.days !== null);
  if (expectedDelivery) {
    drafts.push({
      id: "chargeback-opens",
      due: expectedDelivery,
      title: "Earliest day to ask your card issuer for a chargeback",
      reason: `A "not received" chargeback can be filed once the latest expected delivery date has passed (${policies.map((p) => p.name).join(", ")}).`,
      source: FROM_ORDER_PAGE,
    });
  } else if (waits.length) {
    const longest = waits.reduce((a, b) => ((b.days ?? 0) > (a.days ?? 0) ? b : a));
    drafts.push({
      id: "chargeback-opens",
      ...dueIn(facts.orderedAt, longest.days ?? 0, zone),
      title: "Earliest day to ask your card issuer for a chargeback",
      reason: `With no delivery date, ${longest.policy.name} asks you to wait ${longest.days} days after the purchase before filing${waits.length > 1 ? "; the networks differ, so the later day is used" : ""}.`,
      source: sourceOf(longest.policy),
    });
  }
  if (jurisdiction === "US") {
    drafts.push({
      id: "fcba-billing-notice",
      ...dueIn(facts.orderedAt, US_FCBA.rules.noticeWithinDaysOfStatement, zone),
      title: "Send your card issuer a written billing-error notice",
      reason: `With a US credit card, the Fair Credit Billing Act gives ${US_FCBA.rules.noticeWithinDaysOfStatement} days from the first statement showing the charge; counted here from the purchase, the earliest that statement can be. Check your statement date.`,
      source: sourceOf(US_FCBA),
    });
  }
  const amount = facts.amount ? Number(String(facts.amount.value).replace(",", ".")) : NaN;
  const s75 = UK_SECTION_75.rules;
  if (jurisdiction === "UK" && facts.amount?.currency.toUpperCase() === "GBP" && amount > s75.minAmountGbp && amount <= s75.maxAmountGbp) {
    drafts.push({
      id: "section-75-claim",
      due: plusYears(facts.orderedAt, s75.claimYearsScotland, zone),
      title: "Last day for a section 75 claim against your credit card issuer",
      reason: `Paid by UK credit card, over £${s75.minAmountGbp} and up to £${s75.maxAmountGbp}: the card issuer is jointly liable for ${s75.claimYears} years (${s75.claimYearsScotland} in Scotland; the earlier is used). PayPal in between usually breaks this.`,
      source: sourceOf(UK_SECTION_75),
    });
  }
  return drafts;
}

/** Every deadline for the order at `now`, earliest first, none before the order date. */
export function computeDeadlines(stored: OrderFacts, view: OrderView, now: Date): Deadline[] {
  if (Number.isNaN(isoMs(stored.orderedAt))) throw new Error(`orderedAt "${stored.orderedAt}" is not an ISO 8601 date`);
  // Optional dates that do not parse (a hand-edited row) count as unknown rather than crash a sweep.
  const facts: OrderFacts = {
    ...stored,
    shippedAt: dateOrNull(stored.shippedAt),
    protectionEndsAt: dateOrNull(stored.protectionEndsAt),
    estimatedDelivery: stored.estimatedDelivery
      ? { earliest: dateOrNull(stored.estimatedDelivery.earliest), latest: dateOrNull(stored.estimatedDelivery.latest) }
      : null,
  };
  const zone = zoneOf(facts.timeZone);
  const ctx = view.context;
  const shippedAt = facts.shippedAt ?? null;
  const shipment: Inputs["shipment"] = shippedAt
    ? { at: shippedAt, known: "shipped" }
    : ctx.firstEventAt
      ? { at: ctx.firstEventAt, known: "first event" }
      : { at: facts.orderedAt, known: "order date" };
  const inputs: Inputs = { facts, view, ctx, zone, now, shipment, expectedDelivery: facts.estimatedDelivery?.latest ?? null };
  const settled = SETTLED_CASES.has(view.case);
  const drafts: Draft[] = [
    ...guideDeadlines(inputs),
    ...(settled ? [] : estimatedDelivery(inputs)),
    ...marketplaceDeadlines(inputs),
    ...(facts.platform === "temu" ? temuDeadlines(inputs) : []),
    // Once refunded or closed, payment routes are no longer the buyer's next step.
    ...(!settled && facts.paymentMethod === "paypal" ? paypalDeadlines(inputs) : []),
    ...(!settled && facts.paymentMethod === "card" ? cardDeadlines(inputs) : []),
    // A "delivered but not received" case adds dates counted from the delivery scan (issue 8).
    ...checklistDeadlines(facts, { state: view.state, case: view.case, deliveredAt: ctx.deliveredAt }, zone),
  ];
  const orderedMs = isoMs(facts.orderedAt);
  const nowMs = now.getTime();
  return drafts
    .map((d) => {
      // A typo on the order page or a carrier clock must not put a deadline before the order.
      const dueMs = Math.max(d.dueMs ?? isoMs(d.due), orderedMs);
      // A date computed here is already in canonical form: only a moved or outside date is written again.
      const due = dueMs === d.dueMs ? d.due : new Date(dueMs).toISOString();
      return { id: d.id, due, title: d.title, reason: d.reason, source: d.source, past: dueMs < nowMs };
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
}
