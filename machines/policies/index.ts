/** Every policy the engine knows, for the packet's "rules used" page and the tests. */
import { ALIEXPRESS_PROTECTION } from "./aliexpress.ts";
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
