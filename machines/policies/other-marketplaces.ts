/**
 * Marketplaces beyond AliExpress and Temu (POLICIES.md, "Other marketplaces (checked 2026)"). Each
 * rule keeps its anchor date: the estimated delivery, the opening of the request, the order.
 */
import type { Policy } from "./policy.ts";

/** eBay Money Back Guarantee (ebay.co.uk help id=4042). */
export const EBAY_MONEY_BACK: Policy<{ reportWithinDaysAfterEstimate: number; sellerAnswerBusinessDays: number; stepInWithinBusinessDays: number }> =
  {
    id: "ebay-money-back",
    version: 1,
    name: "eBay Money Back Guarantee",
    date: "2026-01-01",
    source: "ebay.co.uk help id=4042",
    confidence: "H",
    rules: { reportWithinDaysAfterEstimate: 30, sellerAnswerBusinessDays: 3, stepInWithinBusinessDays: 21 },
  };

/** Amazon A-to-z Guarantee (amazon.ca help nodeId=201889410): third-party, seller-fulfilled items. */
export const AMAZON_A_TO_Z: Policy<{ contactSellerWaitHours: number; opensDaysAfterLatestEstimate: number; closesDaysAfterLatestEstimate: number }> =
  {
    id: "amazon-a-to-z",
    version: 1,
    name: "Amazon A-to-z Guarantee",
    date: "2026-01-01",
    source: "amazon.ca help nodeId=201889410",
    confidence: "H",
    rules: { contactSellerWaitHours: 48, opensDaysAfterLatestEstimate: 3, closesDaysAfterLatestEstimate: 90 },
  };

/** Wish refunds for non-delivery (cs-help.wish.com 360028449191). */
export const WISH_NOT_DELIVERED: Policy<{ refundWithinDaysAfterMaxDelivery: number }> = {
  id: "wish-not-delivered",
  version: 1,
  name: "Wish refund policy (item not delivered)",
  date: "2026-01-01",
  source: "cs-help.wish.com 360028449191",
  confidence: "H",
  rules: { refundWithinDaysAfterMaxDelivery: 30 },
};
