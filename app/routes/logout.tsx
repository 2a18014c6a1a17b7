import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearedSessionCookieHeader, readSessionId } from "~/auth/session-cookie.server.ts";
import { deleteSession } from "~/auth/sessions.server.ts";
import { getDb } from "~/server/db.server.ts";

// Logging out changes state, so it is a POST only; a GET (a link, a prefetch) just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  if (sessionId) await deleteSession(getDb(), sessionId);
  return redirect("/", { headers: { "Set-Cookie": await clearedSessionCookieHeader() } });
}
