import type { CardNetwork } from "../vocabulary.ts";
import type { Policy } from "./policy.ts";

export interface ChargebackRules {
  /** Days to file a "not received" chargeback. */
  filingDays: number;
  /** What the filing days run from. "earlier" = sources disagree between transaction and expected delivery: take the earlier. */
  countsFrom: "expected_delivery" | "transaction" | "earlier";
  /** Never more than this many days after the transaction. */
  maxDaysAfterTransaction: number | null;
  /** With no delivery date, the issuer wants this many days after the transaction before filing. */
  earliestFilingDaysWithoutDeliveryDate: number | null;
  /** The reason code the issuer will use. */
  reasonCode: string;
}

/** Card schemes' "goods not received" rules as quoted by chargeback processors (confidence M). */
export const CARD_CHARGEBACKS: Record<Exclude<CardNetwork, "other">, Policy<ChargebackRules>> = {
  visa: {
    id: "visa-13-1",
    version: 1,
    name: "Visa chargeback rules",
    date: "2025-01-01",
    source: "Visa rules as quoted by chargeback processors",
    confidence: "M",
    rules: {
      filingDays: 120,
      countsFrom: "expected_delivery",
      maxDaysAfterTransaction: 540,
      earliestFilingDaysWithoutDeliveryDate: 15,
      reasonCode: "13.1 (merchandise not received)",
    },
  },
  mastercard: {
    id: "mastercard-4853",
    version: 1,
    name: "Mastercard chargeback rules",
    date: "2025-01-01",
    source: "Mastercard rules as quoted by processor guides",
    confidence: "M",
    rules: {
      filingDays: 120,
      countsFrom: "earlier",
      maxDaysAfterTransaction: null,
      earliestFilingDaysWithoutDeliveryDate: 30,
      reasonCode: "4853 (goods not provided)",
    },
  },
  amex: {
    id: "amex",
    version: 1,
    name: "American Express chargeback rules",
    date: "2025-01-01",
    source: "American Express rules as quoted by a processor guide",
    confidence: "M",
    rules: {
      filingDays: 120,
      countsFrom: "earlier",
      maxDaysAfterTransaction: 540,
      earliestFilingDaysWithoutDeliveryDate: null,
      reasonCode: "C08 (goods not received)",
    },
  },
};
