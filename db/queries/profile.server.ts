/**
 * The buyer's own details on their account (issue 13). Scoped by the user's id; the e-mail is the
 * account's and is changed nowhere here.
 */
import type { DB } from "../client.server.ts";

export interface BuyerProfile {
  email: string;
  fullName: string | null;
  postalAddress: string | null;
  country: string | null;
  phone: string | null;
  language: string | null;
  timeZone: string;
}

export async function loadProfile(db: DB, userId: string): Promise<BuyerProfile | null> {
  const row = await db
    .selectFrom("users")
    .select(["email", "full_name", "postal_address", "country", "phone", "language", "time_zone"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    email: row.email,
    fullName: row.full_name,
    postalAddress: row.postal_address,
    country: row.country,
    phone: row.phone,
    language: row.language,
    timeZone: row.time_zone,
  };
}

export async function saveProfile(db: DB, userId: string, profile: Omit<BuyerProfile, "email">, now: Date): Promise<void> {
  await db
    .updateTable("users")
    .set({
      full_name: profile.fullName,
      postal_address: profile.postalAddress,
      country: profile.country,
      phone: profile.phone,
      language: profile.language,
      time_zone: profile.timeZone,
      updated_at: now.toISOString(),
    })
    .where("id", "=", userId)
    .execute();
}
