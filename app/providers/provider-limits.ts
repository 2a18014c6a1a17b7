/**
 * What each provider allows per request and per second, as data with its source. The refresher
 * takes one token per HTTP request, so a batch of 40 numbers costs 17TRACK one token.
 */
import type { ProviderId } from "../carriers/providers/provider.ts";

export interface ProviderLimits {
  /** Sustained requests per second the provider accepts from one API key. */
  perSecond: number;
  /** Numbers per register request. */
  registerBatch: number;
  /** Numbers per read request. */
  fetchBatch: number;
  source: string;
}

export const PROVIDER_LIMITS: Readonly<Record<ProviderId, ProviderLimits>> = {
  "17track": {
    perSecond: 3,
    registerBatch: 40,
    fetchBatch: 40,
    source: "17TRACK API v2.2 documentation: 3 requests per second per key, 40 numbers per register/gettrackinfo call",
  },
  aftership: {
    perSecond: 10,
    registerBatch: 1,
    fetchBatch: 50,
    source:
      "AfterShip Tracking API 2024-04: 10 requests per second per key; POST /trackings creates one; GET /trackings?tracking_numbers= takes up to 50",
  },
};
