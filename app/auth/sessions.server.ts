import { randomBytes } from "node:crypto";
import type { DB } from "../../db/client.server.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  sessionId: string;
  id: string;
  email: string;
  timeZone: string;
}

/** A fresh 256-bit id on every login, so an id planted before login is worth nothing after it. */
export async function createSession(db: DB, input: { userId: string; now: Date; userAgent: string | null }) {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto("sessions")
    .values({
      id,
      user_id: input.userId,
      created_at: input.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  // Expired rows are dead weight; logins are rare enough to carry the clean-up.
  await db.deleteFrom("sessions").where("expires_at", "<=", input.now.toISOString()).execute();
  return { id, expiresAt };
}

export async function findSessionUser(db: DB, sessionId: string, now: Date): Promise<SessionUser | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.id as sessionId", "users.id as id", "users.email as email", "users.time_zone as timeZone"])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row ?? null;
}

export async function deleteSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Signs out every other device, e.g. after a password change. */
export async function deleteOtherSessions(db: DB, userId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "!=", keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
