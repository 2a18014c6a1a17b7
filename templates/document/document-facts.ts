import type { ChecklistEntryFact, OrderFacts } from "../../machines/order-facts.ts";

/**
 * The order's facts plus what only documents need (contract §4 `letter` input): the buyer's own
 * details from their profile and the facts the buyer gave on the documents page. Every field may be
 * absent; a document leaves out the sentence that would need it.
 */
export interface BuyerDetails {
  name?: string | null;
  address?: string | null;
  email?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** Preferred language for letters. */
  language?: string | null;
  phone?: string | null;
}

/** A checklist step as contract §4 gives it: done only with `doneAt` and not `skipped`. */
export type DocumentChecklistEntry = ChecklistEntryFact & { skipped?: boolean; reason?: string | null; reference?: string | null };

export type DocumentFacts = Omit<OrderFacts, "buyer" | "checklist"> & {
  buyer?: BuyerDetails | null;
  checklist?: DocumentChecklistEntry[];
  /** The PayPal transaction id or the card statement line. */
  paymentReference?: string | null;
  /** The local carrier's case or claim number. */
  carrierCaseNumber?: string | null;
};
