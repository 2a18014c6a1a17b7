import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/current-user.server.ts";
import { calendarResponse } from "~/reminders/calendar-response.server.ts";
import { orderCalendar } from "~/reminders/calendar-feed.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";

/** One order's deadlines as an .ics download; another person's order is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ics = await orderCalendar(getDb(), { userId: user.id, orderId: params.id ?? "", now: new Date(), appUrl: getConfig().appUrl });
  if (ics === null)
    return new Response("There is no order at this address in your account.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return calendarResponse(ics, { download: `claimtrail-order-${params.id}.ics` });
}
