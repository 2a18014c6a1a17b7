/**
 * The stored facts of one order, as the engine reads them (contract §4 `assess` input, plus the
 * fields letters and the packet use). Times are ISO-8601 UTC strings. Everything the engine says
 * is derived from these facts and `now`.
 */
import type { CardNetwork, Milestone, PaymentMethod, Platform, ReportKind } from "./vocabulary.ts";

export interface TrackingEventFact {
  /** When the carrier says it happened; null when the source gave no time. */
  at: string | null;
  text: string;
  location?: string | null;
  /** Read by the classifier; absent in raw input, filled in before the engine runs. */
  milestone?: Milestone;
  confidence?: number;
  /** Which tracking number (leg) the event belongs to, when known. */
  trackingNumber?: string | null;
  carrier?: string | null;
  /** paste | provider | manual | email */
  source?: string | null;
}

export interface BuyerReportFact {
  at: string;
  /** The contract's report kinds, plus engine-level facts such as a protection extension or a checklist step. */
  kind: ReportKind | "protection_extended" | "checklist_step";
  note?: string | null;
  reference?: string | null;
  /** protection_extended: the new end date. */
  protectionEndsAt?: string | null;
  /** checklist_step: which step, and whether it was done or skipped. */
  step?: string | null;
  skipped?: boolean;
  /** checklist_step: the step's title as the buyer saw it, for letters and the packet. */
  stepTitle?: string | null;
}

export interface ChecklistEntryFact {
  step: string;
  doneAt: string | null;
  note?: string | null;
  /** The buyer decided not to do this step (with `reason`): not done, and not "to do" either. */
  skipped?: boolean;
  reason?: string | null;
  reference?: string | null;
}

export interface OrderFacts {
  platform: Platform;
  /** The marketplace's name when platform is "other". */
  platformName?: string | null;
  orderedAt: string;
  trackingNumbers: string[];
  events: TrackingEventFact[];
  paymentMethod?: PaymentMethod | null;
  cardNetwork?: CardNetwork | null;
  shippedAt?: string | null;
  /** As the marketplace shows it: wins over the computed date. */
  protectionEndsAt?: string | null;
  estimatedDelivery?: { earliest?: string | null; latest?: string | null } | null;
  /** The buyer's IANA time zone for calendar maths; UTC when absent. */
  timeZone?: string | null;
  /** ISO 3166-1 alpha-2 country the parcel goes to (contract §4). */
  destinationCountry?: string | null;
  reports?: BuyerReportFact[];
  // For letters and the packet:
  orderNumber?: string | null;
  item?: string | null;
  amount?: { value: string | number; currency: string } | null;
  seller?: string | null;
  buyer?: { name?: string | null; address?: string | null; email?: string | null; country?: string | null; language?: string | null } | null;
  /** The PayPal transaction id or the card statement line. */
  paymentReference?: string | null;
  carrierCaseNumber?: string | null;
  checklist?: ChecklistEntryFact[];
}

export interface Deadline {
  id: string;
  /** ISO-8601 UTC. */
  due: string;
  title: string;
  /** The rule, in a sentence. */
  reason: string;
  /** The policy's name and date, "buyer's guide", or "your order page". */
  source: string;
  /** Already past at `now`. */
  past: boolean;
}

export interface NextAction {
  id: string;
  title: string;
  urgency: "now" | "soon" | "later";
}
