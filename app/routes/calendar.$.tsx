import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/reminders/calendar-response.server.ts";
import { feedCalendar } from "~/reminders/calendar-feed.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";

/**
 * /calendar/TOKEN.ics: the personal feed calendar apps poll, without a session (the token is the
 * key, not an id of something the visitor owns). Unknown or revoked token → 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params["*"] ?? "";
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : "";
  const ics = token ? await feedCalendar(getDb(), { token, now: new Date(), appUrl: getConfig().appUrl }) : null;
  if (ics === null)
    return new Response("This calendar address does not exist or was revoked.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return calendarResponse(ics, {});
}
