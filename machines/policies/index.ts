/** Every policy the engine knows, for the packet's "rules used" page and the tests. */
import { ALIEXPRESS_DISPUTE, ALIEXPRESS_PROTECTION, ALIEXPRESS_SELLER_RULEBOOK } from "./aliexpress.ts";
import { AMAZON_A_TO_Z, EBAY_MONEY_BACK, WISH_NOT_DELIVERED } from "./other-marketplaces.ts";
import { BUYERS_GUIDE } from "./buyers-guide.ts";
import { CARD_CHARGEBACKS } from "./card-networks.ts";
import { UK_CHARGEBACK, UK_SECTION_75, US_FCBA } from "./consumer-law.ts";
import { PAYPAL_BUYER_PROTECTION } from "./paypal.ts";
import type { Policy } from "./policy.ts";
import { TEMU_LATE_DELIVERY, TEMU_PURCHASE_PROTECTION } from "./temu.ts";
import { ALIEXPRESS_DELIVERED_EVIDENCE, ROYAL_MAIL_FROM_ABROAD, TEMU_DELIVERED_GRACE, USPS_MISSING_MAIL } from "../checklist/checklist-policies.ts";

export const ALL_POLICIES: ReadonlyArray<Policy<unknown>> = [
  BUYERS_GUIDE,
  ALIEXPRESS_PROTECTION,
  ALIEXPRESS_DISPUTE,
  ALIEXPRESS_SELLER_RULEBOOK,
  EBAY_MONEY_BACK,
  AMAZON_A_TO_Z,
  WISH_NOT_DELIVERED,
  TEMU_LATE_DELIVERY,
  TEMU_PURCHASE_PROTECTION,
  PAYPAL_BUYER_PROTECTION,
  ...Object.values(CARD_CHARGEBACKS),
  US_FCBA,
  UK_CHARGEBACK,
  UK_SECTION_75,
  // The missing-parcel checklist's rules (issue 8).
  TEMU_DELIVERED_GRACE,
  USPS_MISSING_MAIL,
  ROYAL_MAIL_FROM_ABROAD,
  ALIEXPRESS_DELIVERED_EVIDENCE,
];
