import type { ActionFunctionArgs } from "@remix-run/node";
import { providerWebhookAction, webhookGetAnswer } from "~/providers/webhook-route.server.ts";

/** POST /webhooks/17track — 17TRACK pushes (TRACKING_UPDATED), checked with the `sign` header. */
export const loader = webhookGetAnswer;
export const action = ({ request }: ActionFunctionArgs) => providerWebhookAction("17track", request);
