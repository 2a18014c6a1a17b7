import { createHash } from "node:crypto";

/**
 * The de-duplication key of a tracking event: the same tracking number, time and text give the
 * same key whoever reports it (a re-paste, a repeated provider push, an e-mail), so storing the
 * event again adds nothing. Location and milestone are left out on purpose: sources spell
 * locations differently, and a better classifier must not turn an old event into a new one.
 */
export function eventDedupeKey(event: { trackingNumber?: string | null; at: string | null; text: string }): string {
  const parts = [normaliseTrackingNumber(event.trackingNumber ?? ""), normaliseEventTime(event.at), normaliseEventText(event.text)];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** Spaces and case do not distinguish tracking numbers ("lp 0012…" is "LP0012…"). */
export function normaliseTrackingNumber(number: string): string {
  return number.replace(/\s+/g, "").toUpperCase();
}

/** "2026-03-04T08:00Z", "2026-03-04T09:00:00+01:00" and "…08:00:00.000Z" are one instant. */
function normaliseEventTime(at: string | null): string {
  if (!at) return "";
  const time = Date.parse(at);
  return Number.isNaN(time) ? at.trim() : new Date(time).toISOString();
}

/** Width variants (full-width digits in Chinese texts), case and spacing do not make a new event. */
function normaliseEventText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
