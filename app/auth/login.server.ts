import type { DB } from "../../db/client.server.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.server.ts";
import { loginLimiters } from "./rate-limit.server.ts";
import { createSession } from "./sessions.server.ts";
import { createUser, findUserByEmail, normalizeEmail } from "./users.server.ts";

export type LoginResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** The one answer for an unknown e-mail and a wrong password, so neither reveals which accounts exist. */
export const INVALID_LOGIN_MESSAGE = "That e-mail and password do not match an account. Check both and try again.";

export function rateLimitedMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed log-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}

export async function attemptLogin(
  db: DB,
  input: { email: string; password: string; clientIp: string; userAgent: string | null; now: Date },
): Promise<LoginResult> {
  const { perClient, perAccount } = loginLimiters();
  const email = normalizeEmail(input.email);
  const t = input.now.getTime();
  const wait = Math.max(perClient.retryAfter(input.clientIp, t), perAccount.retryAfter(email, t));
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };

  const user = await findUserByEmail(db, email);
  const valid = user ? await verifyPassword(input.password, user.password_hash) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    perClient.fail(input.clientIp, t);
    perAccount.fail(email, t);
    return { ok: false, reason: "invalid" };
  }
  perAccount.clear(email);
  const session = await createSession(db, { userId: user.id, now: input.now, userAgent: input.userAgent });
  return { ok: true, userId: user.id, sessionId: session.id };
}

/** Creates the account and its first session; throws EmailTakenError for a known address. */
export async function signUp(
  db: DB,
  input: { email: string; password: string; userAgent: string | null; now: Date; timeZone?: string | null },
): Promise<{ userId: string; sessionId: string }> {
  const passwordHash = await hashPassword(input.password);
  const user = await createUser(db, { email: input.email, passwordHash, now: input.now, timeZone: input.timeZone });
  const session = await createSession(db, { userId: user.id, now: input.now, userAgent: input.userAgent });
  return { userId: user.id, sessionId: session.id };
}
