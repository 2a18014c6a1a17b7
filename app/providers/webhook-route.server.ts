/** The thin part the webhook routes share: raw body in, JSON answer out. */
import type { ProviderId } from "../carriers/providers/provider.ts";
import { getConfig } from "../server/config.server.ts";
import { getDb } from "../server/db.server.ts";
import { providerSetup } from "./provider-setup.server.ts";
import { receiveProviderWebhook } from "./webhook.server.ts";

export async function providerWebhookAction(provider: ProviderId, request: Request): Promise<Response> {
  if (request.method !== "POST") return Response.json({ error: "Use POST." }, { status: 405, headers: { Allow: "POST" } });
  // The signature covers the exact bytes sent, so the body is read as text, never re-serialised.
  const rawBody = await request.text();
  const result = await receiveProviderWebhook(getDb(), {
    provider,
    setup: providerSetup(),
    rawBody,
    headers: request.headers,
    now: new Date(),
    messageDomain: new URL(getConfig().appUrl).hostname || "claimtrail.invalid",
  });
  return Response.json(result.body, { status: result.status });
}

export function webhookGetAnswer(): Response {
  return Response.json({ error: "This address receives tracking provider pushes; use POST." }, { status: 405, headers: { Allow: "POST" } });
}
