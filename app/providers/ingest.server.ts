/**
 * What happens when a provider tells us about a number, whether we asked (refresher) or it pushed
 * (webhook): its events are stored as the order's facts, a hand-over becomes the next leg, and the
 * order is assessed again so alerts, deadlines and reminders follow like for any other event.
 */
import type { DB } from "../../db/client.server.ts";
import { normaliseTrackingNumber } from "../../db/event-dedupe-key.server.ts";
import { ensureProviderTrackings } from "../../db/queries/provider-trackings.server.ts";
import { addTrackingEvents, addTrackingNumbers, listTrackingNumbers, type TrackingEventInput } from "../../db/queries/tracking.server.ts";
import { latestHandover } from "../carriers/handover.ts";
import type { ProviderTracking } from "../carriers/providers/provider.ts";
import { nextRefreshAt } from "../carriers/providers/refresh-cadence.ts";
import { assessStoredOrder, type AssessedOrder } from "../orders/order-service.server.ts";
import { replanOrderReminders } from "../reminders/replan.server.ts";

export interface IngestArgs {
  userId: string;
  orderId: string;
  tracking: ProviderTracking;
  /** Providers a new hand-over number is registered with. */
  providerIds: readonly string[];
  now: Date;
  /** The domain of reminder Message-IDs (the app's host). */
  messageDomain: string;
}

export interface IngestOutcome {
  added: number;
  duplicates: number;
  /** Hand-over numbers added to the order as a new leg. */
  newLegs: string[];
  /** The order after the update; null when it no longer exists. */
  assessed: AssessedOrder | null;
}

const NUMBER_SHAPE = /^[A-Z0-9-]{4,40}$/;
const clip = (text: string | null, max: number) => (text === null ? null : text.slice(0, max));

function eventInputs(tracking: ProviderTracking): TrackingEventInput[] {
  return tracking.events.map((e) => ({
    at: e.at,
    text: e.text.slice(0, 2000),
    location: clip(e.location, 300),
    carrier: clip(e.carrierName, 50),
    source: "provider",
    milestone: e.milestone,
    confidence: e.confidence,
    trackingNumber: tracking.trackingNumber,
    raw: e.raw,
  }));
}

/** The destination carrier's number, from the provider's own link or from the event texts. */
function handoverOf(tracking: ProviderTracking): { number: string; carrier: string | null } | null {
  if (tracking.linkedLeg) return { number: normaliseTrackingNumber(tracking.linkedLeg.number), carrier: tracking.linkedLeg.carrierName };
  const found = latestHandover(tracking.events, { currentNumber: tracking.trackingNumber });
  return found ? { number: found.number, carrier: found.carrier } : null;
}

export async function ingestProviderTracking(db: DB, args: IngestArgs): Promise<IngestOutcome> {
  const { userId, orderId, tracking, now } = args;
  const stored = await addTrackingEvents(db, userId, orderId, eventInputs(tracking), now);
  if (stored === null) return { added: 0, duplicates: 0, newLegs: [], assessed: null };

  const newLegs: string[] = [];
  const handover = handoverOf(tracking);
  if (handover && NUMBER_SHAPE.test(handover.number)) {
    const numbers = await listTrackingNumbers(db, userId, orderId);
    const current = numbers.find((n) => n.number === normaliseTrackingNumber(tracking.trackingNumber));
    if (!numbers.some((n) => n.number === handover.number)) {
      await addTrackingNumbers(
        db,
        userId,
        orderId,
        [{ number: handover.number, carrier: clip(handover.carrier, 50), leg: Math.min((current?.leg ?? 0) + 1, 20), source: "handover" }],
        now,
      );
      // Due at once: the next refresher pass registers the new leg and reads it.
      await ensureProviderTrackings(db, orderId, [handover.number], args.providerIds, now);
      newLegs.push(handover.number);
    }
  }

  const assessed = await assessStoredOrder(db, userId, orderId, now);
  if (assessed && (stored.added.length > 0 || newLegs.length > 0)) {
    await replanOrderReminders(db, { orderId, userId, assessment: assessed.assessment, now, messageDomain: args.messageDomain });
  }
  return { added: stored.added.length, duplicates: stored.duplicates, newLegs, assessed };
}

/** When to ask about this order next, from its assessment; null once it is delivered and closed. */
export function nextRefreshForOrder(assessed: AssessedOrder, now: Date): Date | null {
  let lastEventAt: string | null = null;
  for (const e of assessed.facts.events) if (e.at && (lastEventAt === null || e.at > lastEventAt)) lastEventAt = e.at;
  let nextDeadlineAt: string | null = null;
  for (const d of assessed.assessment.deadlines) if (!d.past && (nextDeadlineAt === null || d.due < nextDeadlineAt)) nextDeadlineAt = d.due;
  return nextRefreshAt({ state: assessed.assessment.state, caseState: assessed.assessment.case, lastEventAt, nextDeadlineAt, now });
}
