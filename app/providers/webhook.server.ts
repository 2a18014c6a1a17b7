/**
 * A provider's push: verified on the raw body before anything is read or stored, then stored on
 * every order that carries the pushed number. A repeated push adds nothing (events are
 * de-duplicated), so providers may retry freely.
 */
import { writeTransaction, type DB } from "../../db/client.server.ts";
import { recordProviderRefresh, systemFindOrdersByTrackingNumber, systemProviderTrackingsOf } from "../../db/queries/provider-trackings.server.ts";
import { ProviderError, type ProviderId, type WebhookOutcome } from "../carriers/providers/provider.ts";
import { ingestProviderTracking, nextRefreshForOrder } from "./ingest.server.ts";
import { PROVIDER_NAMES } from "./provider-names.ts";
import type { ProviderSetup } from "./provider-setup.server.ts";

export interface WebhookResult {
  status: number;
  body: { error: string } | { orders: number; added: number; duplicates: number; newLegs: number };
}

export async function receiveProviderWebhook(
  db: DB,
  args: { provider: ProviderId; setup: ProviderSetup; rawBody: string; headers: Headers; now: Date; messageDomain: string },
): Promise<WebhookResult> {
  const provider = args.setup.providers.get(args.provider);
  if (!provider) return { status: 404, body: { error: `${PROVIDER_NAMES[args.provider]} is not connected on this server.` } };

  const headers: Record<string, string | undefined> = {};
  args.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  let pushed: WebhookOutcome;
  try {
    pushed = provider.readWebhook(args.rawBody, headers, args.now);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    // Unsigned, wrongly signed, stale, or no secret to check against: unauthenticated, nothing stored.
    const status = error.kind === "rejected" || error.kind === "malformed" ? 400 : 401;
    return { status, body: { error: error.message } };
  }

  const totals = { orders: 0, added: 0, duplicates: 0, newLegs: 0 };
  const providerIds = [...args.setup.providers.keys()];
  for (const tracking of pushed.trackings) {
    for (const { orderId, userId } of await systemFindOrdersByTrackingNumber(db, tracking.trackingNumber)) {
      // One commit per order: the events, the new leg, the reminders and the schedule together.
      const outcome = await writeTransaction(db, async (trx) => {
        const result = await ingestProviderTracking(trx, {
          userId,
          orderId,
          tracking,
          providerIds,
          now: args.now,
          messageDomain: args.messageDomain,
        });
        // Only news moves the schedule: a repeated push changes nothing at all.
        if ((result.added > 0 || result.newLegs.length > 0) && result.assessed) {
          const next = nextRefreshForOrder(result.assessed, args.now);
          for (const row of await systemProviderTrackingsOf(trx, orderId, args.provider, tracking.trackingNumber)) {
            await recordProviderRefresh(trx, row.id, args.now, next);
          }
        }
        return result;
      });
      totals.orders++;
      totals.added += outcome.added;
      totals.duplicates += outcome.duplicates;
      totals.newLegs += outcome.newLegs.length;
    }
  }
  return { status: 200, body: totals };
}
