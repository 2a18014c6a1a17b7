/**
 * The missing-parcel checklist (issue 8) as data: eight steps from the buyer's guide, each with why
 * it matters, what to write down and where the advice comes from, and the variants a marketplace,
 * a local carrier or a country brings. Adding a carrier or a country is adding a row here.
 */
import { sourceOf } from "../policies/policy.ts";
import { PAYPAL_BUYER_PROTECTION } from "../policies/paypal.ts";
import { CARD_CHARGEBACKS } from "../policies/card-networks.ts";
import { UK_SECTION_75, US_FCBA } from "../policies/consumer-law.ts";
import type { Platform } from "../vocabulary.ts";
import { ALIEXPRESS_DELIVERED_EVIDENCE, ROYAL_MAIL_FROM_ABROAD, TEMU_DELIVERED_GRACE, USPS_MISSING_MAIL } from "./checklist-policies.ts";

export const CHECKLIST_STEP_IDS = [
  "wait_grace",
  "check_safe_places",
  "ask_household",
  "proof_of_delivery",
  "carrier_complaint",
  "do_not_confirm",
  "open_marketplace_case",
  "escalate_payment",
] as const;
export type ChecklistStepId = (typeof CHECKLIST_STEP_IDS)[number];

/** Local carriers with their own advice; every other carrier reads the generic "local post" text. */
export type LocalCarrierKey = "usps" | "royal-mail" | "local";
export type CountryKey = "US" | "UK";

export interface StepText {
  title: string;
  why: string;
  writeDown: string;
  source: string;
}

export interface ChecklistStepRow {
  id: ChecklistStepId;
  base: StepText;
  platform?: Partial<Record<Platform, Partial<StepText>>>;
  carrier?: Partial<Record<LocalCarrierKey, Partial<StepText>>>;
  country?: Partial<Record<CountryKey, Partial<StepText>>>;
  /** Case deadlines shown beside the step, by deadline id or id prefix (ending in "-"). */
  deadlines: readonly string[];
  /** A waiting step shows the nearest of all the case's deadlines, so waiting never lets one pass. */
  watchesEveryDeadline?: boolean;
}

const GUIDE = "buyer's guide";
const CHARGEBACK_SOURCE = `${sourceOf(CARD_CHARGEBACKS.visa)}; ${sourceOf(CARD_CHARGEBACKS.mastercard)}; ${sourceOf(PAYPAL_BUYER_PROTECTION)}`;

/** Deadline ids the checklist itself adds (machines/checklist/checklist-deadlines.ts). */
export const CHECKLIST_DEADLINE_IDS = {
  temuGraceEnds: "temu-delivered-grace-ends",
  uspsMissingMailOpens: "usps-missing-mail-opens",
} as const;

export const CHECKLIST_STEPS: readonly ChecklistStepRow[] = [
  {
    id: "wait_grace",
    base: {
      title: "Give it until the end of the next day",
      why: "Parcels are sometimes scanned as delivered shortly before they arrive, or left with someone nearby. A short wait often solves it, but never let a deadline pass while you wait.",
      writeDown: "When the tracking says it was delivered and where, and when you first looked for the parcel.",
      source: GUIDE,
    },
    platform: {
      temu: {
        title: 'Wait up to 48 hours after "Delivered"',
        why: "Temu says a parcel can show up to 48 hours after it is marked delivered. Wait that long before you contact Temu, but never let a deadline pass while you wait.",
        source: sourceOf(TEMU_DELIVERED_GRACE),
      },
    },
    deadlines: [CHECKLIST_DEADLINE_IDS.temuGraceEnds],
    watchesEveryDeadline: true,
  },
  {
    id: "check_safe_places",
    base: {
      title: "Check every safe place",
      why: "Couriers often leave parcels out of sight: the mailbox, a porch or bin store, a parcel locker, reception or the concierge. The marketplace will ask whether you looked.",
      writeDown: "Where you looked and when. A photo of the empty mailbox or doorstep helps.",
      source: GUIDE,
    },
    deadlines: [],
  },
  {
    id: "ask_household",
    base: {
      title: "Ask your household and neighbours",
      why: "Someone at home or next door may have taken the parcel in. Asking early also shows the marketplace you did what you could.",
      writeDown: "Who you asked, when, and what they said.",
      source: GUIDE,
    },
    deadlines: [],
  },
  {
    id: "proof_of_delivery",
    base: {
      title: "Look at the carrier's proof of delivery",
      why: "A photo, a GPS position or a signature shows where the courier left the parcel. A different door, a wrong name or no proof at all is your strongest evidence; ask the carrier for it if the tracking shows none.",
      writeDown: "What the proof shows (photo, place, signature name) or that there is none. Take a screenshot.",
      source: GUIDE,
    },
    carrier: {
      usps: {
        why: "USPS Tracking shows the delivery details it has; your local Post Office can tell you where the carrier scanned the parcel. A different address or no proof at all is your strongest evidence.",
      },
    },
    deadlines: [],
  },
  {
    id: "carrier_complaint",
    base: {
      title: "Contact the local carrier and file a complaint",
      why: "The carrier's own investigation is the evidence the marketplace and your bank ask for, and a reference number proves you asked.",
      writeDown: "The complaint's reference number, the date, and what the carrier answered.",
      source: GUIDE,
    },
    carrier: {
      usps: {
        title: "File a USPS Missing Mail search",
        why: "USPS takes a Missing Mail search request once an item is 7 or more days late or missing; until then, ask your local Post Office. The search request number is evidence for your case.",
        writeDown: "The Missing Mail search request number and the date you filed it.",
        source: sourceOf(USPS_MISSING_MAIL),
      },
      "royal-mail": {
        title: "Ask Royal Mail where the parcel was delivered",
        why: "For items posted from abroad, Royal Mail says compensation is the sender's matter and asks you to contact the seller first. Still ask Royal Mail to confirm where it was delivered: their answer is evidence for your case.",
        source: sourceOf(ROYAL_MAIL_FROM_ABROAD),
      },
    },
    deadlines: [CHECKLIST_DEADLINE_IDS.uspsMissingMailOpens],
  },
  {
    id: "do_not_confirm",
    base: {
      title: "Do not confirm receipt on the marketplace",
      why: "Most platforms stop helping once you confirm receipt, and the window for a dispute starts closing.",
      writeDown: "That the order is still unconfirmed: a screenshot of the order status.",
      source: GUIDE,
    },
    deadlines: [],
  },
  {
    id: "open_marketplace_case",
    base: {
      title: "Open a case with the marketplace",
      why: 'The marketplace sides with the carrier\'s "delivered" record unless you show what you did. Open the case within its window and attach the evidence packet with the steps above.',
      writeDown: "The case or dispute number and the date you opened it.",
      source: GUIDE,
    },
    platform: {
      aliexpress: {
        title: 'Open an AliExpress "item not received" dispute',
        why: 'AliExpress does not cover "not delivered" when the carrier\'s records say delivered unless you bring strong evidence: attach the evidence packet with the steps above, before the dispute window closes.',
        writeDown: "The dispute number and the date you opened it.",
        source: sourceOf(ALIEXPRESS_DELIVERED_EVIDENCE),
      },
      temu: {
        title: 'Contact Temu: "package shows delivered but not received"',
        why: "Temu's support has this exact option. Refunds may need photo proof, so attach your photos and the evidence packet.",
        writeDown: "The support ticket number, the date, and what Temu offered.",
        source: sourceOf(TEMU_DELIVERED_GRACE),
      },
    },
    deadlines: ["aliexpress-dispute-opens", "aliexpress-dispute-closes", "aliexpress-protection-ends", "protection-ends"],
  },
  {
    id: "escalate_payment",
    base: {
      title: "If the marketplace refuses: chargeback, PayPal dispute or police report",
      why: "Your card issuer (a chargeback for goods not received) and PayPal have deadlines of their own, shown beside this step. Where the value or local rules call for it, a police report supports the claim.",
      writeDown: "The chargeback or dispute reference and the date you filed it; a police report number if you made one.",
      source: CHARGEBACK_SOURCE,
    },
    country: {
      US: {
        why: "Your card issuer (a chargeback for goods not received) and PayPal have deadlines of their own, shown beside this step. With a US credit card you can also send a written billing-error notice under the Fair Credit Billing Act. Where the value or local rules call for it, a police report supports the claim.",
        source: `${CHARGEBACK_SOURCE}; ${sourceOf(US_FCBA)}`,
      },
      UK: {
        why: "Your card issuer (a chargeback for goods not received) and PayPal have deadlines of their own, shown beside this step. Paid by UK credit card, over £100: a section 75 claim against the card issuer is possible too. Where the value or local rules call for it, a police report supports the claim.",
        source: `${CHARGEBACK_SOURCE}; ${sourceOf(UK_SECTION_75)}`,
      },
    },
    deadlines: ["chargeback-", "paypal-", "fcba-", "section-75-"],
  },
];

/** The local carriers whose own advice we have, by contract carrier id. */
export const LOCAL_CARRIER_OF: Readonly<Record<string, LocalCarrierKey>> = {
  usps: "usps",
  "royal-mail": "royal-mail",
};

/** A step's text for one marketplace, carrier and country: the most specific row wins, field by field. */
export function stepText(row: ChecklistStepRow, platform: Platform, carrier: LocalCarrierKey, country: CountryKey | null): StepText {
  return {
    ...row.base,
    ...row.platform?.[platform],
    ...row.carrier?.[carrier],
    ...(country ? row.country?.[country] : undefined),
  };
}

/** True when the deadline id is one the step lists (exactly, or by a prefix ending in "-"). */
export function stepShowsDeadline(row: Pick<ChecklistStepRow, "deadlines">, deadlineId: string): boolean {
  return row.deadlines.some((d) => (d.endsWith("-") ? deadlineId.startsWith(d) : deadlineId === d));
}
