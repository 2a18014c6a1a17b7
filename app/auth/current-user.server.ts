import { redirect } from "@remix-run/node";
import { getConfig } from "../server/config.server.ts";
import { getDb } from "../server/db.server.ts";
import { safeRedirectPath } from "../server/safe-redirect.server.ts";
import { readSessionId } from "./session-cookie.server.ts";
import { findSessionUser, type SessionUser } from "./sessions.server.ts";

export type { SessionUser };

/** The signed-in person, or null for a missing, tampered, expired or revoked session. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  return findSessionUser(getDb(), sessionId, new Date());
}

/** Where /login should return to after signing in: this request's own path, if it is safe. */
export function loginUrlFor(request: Request): string {
  const url = new URL(request.url);
  const back = safeRedirectPath(url.pathname + url.search, getConfig().appUrl, "");
  return back && back !== "/" ? `/login?redirectTo=${encodeURIComponent(back)}` : "/login";
}

/** For loaders and actions: the signed-in person, or a redirect to /login that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect(loginUrlFor(request));
  return user;
}

/** For /login and /signup: someone already signed in goes to the dashboard. */
export async function redirectIfSignedIn(request: Request): Promise<void> {
  if (await getSessionUser(request)) throw redirect("/orders");
}
