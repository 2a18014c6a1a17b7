import { randomUUID } from "node:crypto";
import type { DB } from "../../db/client.server.ts";
import type { User } from "../../db/schema.ts";
import { isTimeZone } from "../profile/time-zones.ts";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this e-mail already exists.");
    this.name = "EmailTakenError";
  }
}

/** E-mail addresses compare without case or surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DB, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export async function findUserById(db: DB, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** `timeZone` is the browser's, when it sent one that exists; UTC otherwise (changeable in the profile). */
export async function createUser(db: DB, input: { email: string; passwordHash: string; now: Date; timeZone?: string | null }): Promise<User> {
  const at = input.now.toISOString();
  const user: User = {
    id: randomUUID(),
    email: normalizeEmail(input.email),
    password_hash: input.passwordHash,
    time_zone: input.timeZone && isTimeZone(input.timeZone) ? input.timeZone : "UTC",
    created_at: at,
    updated_at: at,
    full_name: null,
    postal_address: null,
    country: null,
    phone: null,
    language: null,
  };
  try {
    await db.insertInto("users").values(user).execute();
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides, the loser hears why.
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new EmailTakenError();
    throw error;
  }
  return user;
}

export async function updatePasswordHash(db: DB, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash, updated_at: now.toISOString() }).where("id", "=", userId).execute();
}
