import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/current-user.server.ts";
import { recogniseTracking } from "~/orders/wizard/recognise-tracking.server.ts";
import { PLATFORMS, type Platform } from "../../machines/vocabulary.ts";

/**
 * GET /orders/new/detect?text=…&platform=… — the wizard's live carrier recognition (JavaScript
 * only; without it the same reading happens on submit). Reads nothing of the person's data.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const text = (url.searchParams.get("text") ?? "").slice(0, 4000);
  const platformParam = url.searchParams.get("platform");
  const platform = (PLATFORMS as readonly string[]).includes(platformParam ?? "") ? (platformParam as Platform) : undefined;
  const recognition = await recogniseTracking(text, platform, user.timeZone);
  return Response.json({ numbers: recognition.numbers, problem: recognition.problem }, { headers: { "Cache-Control": "no-store" } });
}
