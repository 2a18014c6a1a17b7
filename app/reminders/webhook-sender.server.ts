/**
 * Webhook delivery: POST JSON signed with HMAC-SHA256 over "timestamp.body", so the receiver can
 * check both who sent it and that it is fresh. A hanging receiver is cut off by a timeout.
 */
import { createHmac } from "node:crypto";
import { webhookErrorOutcome, webhookStatusOutcome, type DeliveryOutcome } from "./delivery-outcome.ts";

export const SIGNATURE_HEADER = "X-ClaimTrail-Signature";
export const TIMESTAMP_HEADER = "X-ClaimTrail-Timestamp";
export const DELIVERY_HEADER = "X-ClaimTrail-Delivery";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function postWebhook(args: {
  url: string;
  secret: string;
  body: string;
  deliveryId: string;
  now: Date;
  timeoutMs: number;
}): Promise<DeliveryOutcome> {
  const timestamp = Math.floor(args.now.getTime() / 1000);
  try {
    const response = await fetch(args.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "ClaimTrail-Reminders/1",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(args.secret, timestamp, args.body),
        // Stable per reminder: a receiver can drop a re-delivery after a crash.
        [DELIVERY_HEADER]: args.deliveryId,
      },
      body: args.body,
      redirect: "manual",
      signal: AbortSignal.timeout(args.timeoutMs),
    });
    // The answer's body is not needed; drop it so the connection is freed.
    await response.body?.cancel().catch(() => undefined);
    return webhookStatusOutcome(response.status);
  } catch (error) {
    return webhookErrorOutcome(error);
  }
}
