import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { describeDatabaseError } from "../../db/errors.server.ts";
import { addTrackingEvents } from "../../db/queries/tracking.server.ts";
import { classifyEvent } from "~/carriers/events/classify.ts";
import { requireUser } from "~/auth/current-user.server.ts";
import { replanAfterCommit } from "~/orders/after-order-change.server.ts";
import { messageDomainOf } from "~/reminders/sweep-config.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";

/**
 * POST /orders/:id/events — stores one tracking event on the signed-in person's order. JSON in,
 * JSON out (201 stored, 200 already stored); a plain form post goes back to the order page. The
 * same number, time and text are stored once, so a retried request is harmless.
 */
const EventSchema = z.object({
  text: z.string({ required_error: "is required" }).trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
  occurredAt: z
    .string()
    .trim()
    .datetime({ offset: true, message: "must be an ISO 8601 time with a zone, such as 2026-03-04T08:00:00Z" })
    // Parcels of this app's era: year 0000 or 9999 is a typo or a probe, and breaks date maths downstream.
    .refine((value) => {
      const year = new Date(value).getUTCFullYear();
      return year >= 2000 && year <= 2100;
    }, "must be a time between the years 2000 and 2100")
    .nullish()
    .or(z.literal("").transform(() => null)),
  location: z.string().trim().max(300, "must be at most 300 characters").nullish(),
  trackingNumber: z.string().trim().max(64, "must be at most 64 characters").nullish(),
  carrier: z.string().trim().max(50, "must be at most 50 characters").nullish(),
});

function isJson(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().includes("application/json");
}

export async function loader() {
  return Response.json({ error: "Use POST to add a tracking event." }, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const json = isJson(request);
  let body: unknown;
  try {
    body = json ? await request.json() : Object.fromEntries(await request.formData());
  } catch {
    return Response.json({ error: "The request body could not be read; send JSON or a form." }, { status: 400 });
  }
  const parsed = EventSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return Response.json({ error: `${issue.path.join(".") || "body"}: ${issue.message}` }, { status: 400 });
  }
  const { text, occurredAt, location, trackingNumber, carrier } = parsed.data;
  const { milestone, confidence } = classifyEvent(text);
  let result;
  const now = new Date();
  try {
    result = await addTrackingEvents(
      getDb(),
      user.id,
      params.id ?? "",
      [{ at: occurredAt ?? null, text, location, carrier, trackingNumber, source: "manual", milestone, confidence }],
      now,
    );
  } catch (error) {
    // Busy, full or read-only: say so in words; nothing was stored, so retrying is safe.
    const described = describeDatabaseError(error);
    if (!described) throw error;
    return Response.json({ error: described.message }, { status: described.status });
  }
  if (result === null) return Response.json({ error: "There is no such order in your account." }, { status: 404 });
  if (result.added.length > 0)
    await replanAfterCommit(getDb(), { userId: user.id, orderId: params.id ?? "", now, messageDomain: messageDomainOf(getConfig().appUrl) });
  if (!json) return redirect(`/orders/${params.id}`, 303);
  const created = result.added.length > 0;
  return Response.json({ created, milestone, eventId: result.added[0]?.id ?? null }, { status: created ? 201 : 200 });
}
