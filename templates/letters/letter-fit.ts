import type { Milestone } from "../../machines/vocabulary.ts";
import type { LetterFacts, LetterLanguage } from "../document/letter-facts.ts";
import { isLetterLanguage } from "../document/letter-facts.ts";
import { LETTER_KINDS, type LetterKind } from "./letter-kinds.ts";

/**
 * Which letters fit the case (issue 13): a PayPal letter only for a PayPal payment, a chargeback
 * letter only for a card, customs only for a parcel that met customs and is not marked delivered,
 * the carrier only once a carrier holds the parcel. Each refusal says why, in a sentence the CLI
 * prints as its error and the documents page can show.
 */

export type LetterFit = { fits: true; reason: null } | { fits: false; reason: string };

const CUSTOMS_MILESTONES: ReadonlySet<Milestone> = new Set(["customs_pending", "customs_held", "customs_cleared"]);

const yes: LetterFit = { fits: true, reason: null };
const no = (reason: string): LetterFit => ({ fits: false, reason });

export function metCustoms(facts: LetterFacts): boolean {
  return (
    facts.state === "in_customs" || facts.state === "customs_held" || facts.events.some((e) => e.milestone && CUSTOMS_MILESTONES.has(e.milestone))
  );
}

export function letterFit(kind: LetterKind, facts: LetterFacts): LetterFit {
  const method = facts.order.paymentMethod ?? null;
  switch (kind) {
    case "seller":
    case "marketplace":
      return yes;
    case "paypal":
      if (method === "card") return no("the order was paid by card, not with PayPal: use the card-issuer letter");
      if (method === "other") return no("the order was not paid with PayPal (paymentMethod is other)");
      return yes;
    case "card-issuer":
      if (method === "paypal") return no("the order was paid with PayPal, not by card: use the paypal letter");
      if (method === "other") return no("the order was not paid by card (paymentMethod is other)");
      return yes;
    case "customs":
      if (!metCustoms(facts)) return no("the parcel never met customs: no customs event in its tracking and it is not in customs");
      if (facts.state === "delivered")
        return no("the carrier marks the parcel delivered, so customs no longer holds it: write to the carrier instead");
      if (facts.state === "returned") return no("the parcel is being returned to the sender, so customs no longer holds it");
      return yes;
    case "carrier":
      if (!facts.currentLeg) return no("there is no tracking number yet, so no carrier holds the parcel: write to the seller");
      if (facts.state === "awaiting_shipment" || facts.state === "label_created") {
        return no("only a shipping label exists: the carrier has not received the parcel yet, so write to the seller");
      }
      return yes;
  }
}

/** Every letter kind with whether it fits and, when not, why. */
export function lettersThatFit(facts: LetterFacts): Record<LetterKind, LetterFit> {
  return Object.fromEntries(LETTER_KINDS.map((kind) => [kind, letterFit(kind, facts)])) as Record<LetterKind, LetterFit>;
}

/** Destination country → the language its post office and customs read (issue 13). */
const COUNTRY_LANGUAGE: Readonly<Record<string, LetterLanguage>> = {
  ES: "es",
  MX: "es",
  AR: "es",
  CL: "es",
  CO: "es",
  PE: "es",
  BR: "pt",
  PT: "pt",
  // Belgium has three official languages; French is the one bpost and customs answer most widely,
  // and `--lang nl`-style overrides stay possible once Dutch letters exist.
  FR: "fr",
  BE: "fr",
  DE: "de",
  AT: "de",
  CH: "de",
  IT: "it",
  PL: "pl",
};

export function countryLanguage(country: string | null | undefined): LetterLanguage | null {
  return country ? (COUNTRY_LANGUAGE[country.toUpperCase()] ?? null) : null;
}

/**
 * The language a letter is written in: `--lang` wins; letters to the local carrier and customs are
 * in the destination country's language; the others in the buyer's; English otherwise.
 */
export function letterLanguage(kind: LetterKind, facts: LetterFacts, override?: string | null): LetterLanguage {
  if (override && isLetterLanguage(override)) return override;
  if (kind === "carrier" || kind === "customs") {
    const local = countryLanguage(facts.destinationCountry);
    if (local) return local;
  }
  const own = facts.buyer?.language?.slice(0, 2) ?? null;
  if (own && isLetterLanguage(own)) return own;
  return "en";
}
