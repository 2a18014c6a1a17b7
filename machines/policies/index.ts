/** Every policy the engine knows, for the packet's "rules used" page and the tests. */
import { ALIEXPRESS_PROTECTION } from "./aliexpress.ts";
import { BUYERS_GUIDE } from "./buyers-guide.ts";
import { CARD_CHARGEBACKS } from "./card-networks.ts";
import { UK_CHARGEBACK, UK_SECTION_75, US_FCBA } from "./consumer-law.ts";
import { PAYPAL_BUYER_PROTECTION } from "./paypal.ts";
import type { Policy } from "./policy.ts";
import { TEMU_LATE_DELIVERY, TEMU_PURCHASE_PROTECTION } from "./temu.ts";

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
];
