import type { DB } from "../../db/client.server.ts";
import { writeTransaction } from "../../db/client.server.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { deleteOtherSessions } from "./sessions.server.ts";
import { findUserById, updatePasswordHash } from "./users.server.ts";

export type PasswordChange = { ok: true; signedOutSessions: number } | { ok: false; reason: "wrong_password" };

/** Checks the current password, stores the new one and signs out every other session. */
export async function changePassword(
  db: DB,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; now: Date },
): Promise<PasswordChange> {
  if (!(await confirmPassword(db, input.userId, input.currentPassword))) return { ok: false, reason: "wrong_password" };
  // Hash outside the transaction: it takes a good part of a second and must not hold the write lock.
  const hash = await hashPassword(input.newPassword);
  const signedOutSessions = await writeTransaction(db, async (trx) => {
    await updatePasswordHash(trx, input.userId, hash, input.now);
    return deleteOtherSessions(trx, input.userId, input.sessionId);
  });
  return { ok: true, signedOutSessions };
}

export async function confirmPassword(db: DB, userId: string, password: string): Promise<boolean> {
  const user = await findUserById(db, userId);
  return user ? verifyPassword(password, user.password_hash) : false;
}
