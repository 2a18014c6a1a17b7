import { createCookie, type Cookie } from "@remix-run/node";
import { getConfig } from "../server/config.server.ts";
import { SESSION_TTL_MS } from "./sessions.server.ts";

export const SESSION_COOKIE_NAME = "claimtrail_session";

let cookie: Cookie | undefined;

/** The cookie carries only the session id, signed with SESSION_SECRET; the session lives in the database. */
export function sessionCookie(): Cookie {
  if (cookie) return cookie;
  const config = getConfig();
  cookie = createCookie(SESSION_COOKIE_NAME, {
    secrets: [config.sessionSecret],
    httpOnly: true,
    sameSite: "lax",
    secure: config.isProduction,
    path: "/",
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
  return cookie;
}

/** The session id in the request's cookie, or null when missing or its signature does not verify. */
export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function sessionCookieHeader(sessionId: string): Promise<string> {
  return sessionCookie().serialize(sessionId);
}

export function clearedSessionCookieHeader(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}
