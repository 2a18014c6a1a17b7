/**
 * What ClaimTrail needs from a tracking provider (17TRACK, AfterShip, …): register a number, fetch
 * its events, accept a pushed update. Adapters turn each provider's documented format into these
 * shapes; nothing outside this folder knows a provider's JSON.
 */
import type { Milestone } from "../../../machines/vocabulary.ts";

export type ProviderId = "17track" | "aftership";

export interface ProviderEvent {
  trackingNumber: string;
  /** ISO 8601 UTC, or null when the provider gave no time. */
  at: string | null;
  text: string;
  location: string | null;
  milestone: Milestone;
  confidence: number;
  /** The provider's own status code for this event (e.g. "InTransit_CustomsProcessing"). */
  statusCode: string | null;
  /** The carrier as the provider names it (e.g. "China Post"), when it says. */
  carrierName: string | null;
  /** The provider's JSON for this event, kept for the evidence packet and re-classification. */
  raw: unknown;
}

export interface ProviderTracking {
  trackingNumber: string;
  /** The provider's overall status mapped to a milestone, when it has one. */
  status: Milestone | null;
  events: ProviderEvent[];
  /** The destination carrier's own number, when the provider detected a handover. */
  linkedLeg: { number: string; carrierName: string | null } | null;
}

export type ProviderErrorKind =
  "not_configured" | "auth" | "not_found" | "rate_limited" | "quota" | "malformed" | "timeout" | "unavailable" | "rejected";

/** A provider failure described for a person ("17TRACK quota reached; next try at 14:00"). */
export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderId,
    readonly kind: ProviderErrorKind,
    message: string,
    /** When a retry makes sense (ISO 8601), e.g. from Retry-After. */
    readonly retryAt: string | null = null,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

export interface RegisterOutcome {
  accepted: string[];
  rejected: { number: string; reason: string }[];
}

export interface WebhookOutcome {
  trackings: ProviderTracking[];
}

export interface TrackingProvider {
  readonly id: ProviderId;
  /** The name a person recognises. */
  readonly name: string;
  register(numbers: string[]): Promise<RegisterOutcome>;
  fetch(numbers: string[]): Promise<{ trackings: ProviderTracking[]; notFound: string[] }>;
  /**
   * Verifies and reads a pushed update. Throws ProviderError("auth") for a missing or wrong
   * signature and ProviderError("rejected") for a stale or malformed delivery.
   */
  readWebhook(rawBody: string, headers: Record<string, string | undefined>, now: Date): WebhookOutcome;
}
