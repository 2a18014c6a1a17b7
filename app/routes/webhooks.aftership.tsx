import type { ActionFunctionArgs } from "@remix-run/node";
import { providerWebhookAction, webhookGetAnswer } from "~/providers/webhook-route.server.ts";

/** POST /webhooks/aftership — AfterShip webhooks, checked with the `aftership-hmac-sha256` header. */
export const loader = webhookGetAnswer;
export const action = ({ request }: ActionFunctionArgs) => providerWebhookAction("aftership", request);
