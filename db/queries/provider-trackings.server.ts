/**
 * Tracking numbers registered with live tracking providers and when to ask each provider again.
 * The person-facing reads go through an order the user owns; the refresher and the webhooks are
 * system jobs with no signed-in person, and their queries say so in their names.
 */
import { randomUUID } from "node:crypto";
import { writeTransaction, type DB } from "../client.server.ts";
import { normaliseTrackingNumber } from "../event-dedupe-key.server.ts";
import type { ProviderTrackingsTable } from "../schema.ts";
import type { Selectable } from "kysely";

export type ProviderTrackingRow = Selectable<ProviderTrackingsTable>;
/** A row with the order's owner, which the system jobs need to store events as that person. */
export type ClaimedProviderTracking = ProviderTrackingRow & { user_id: string };

/**
 * One row per number and provider for the order (existing rows are kept as they are). New rows are
 * due at once, so the refresher registers and reads them on its next pass.
 */
export async function ensureProviderTrackings(
  db: DB,
  orderId: string,
  numbers: readonly string[],
  providers: readonly string[],
  now: Date,
  /** null: never to be asked about (an order already finished when a provider was connected). */
  nextRefreshAt: Date | null = now,
): Promise<void> {
  if (numbers.length === 0 || providers.length === 0) return;
  const at = now.toISOString();
  const rows = numbers.flatMap((number) =>
    providers.map((provider) => ({
      id: randomUUID(),
      order_id: orderId,
      tracking_number: normaliseTrackingNumber(number),
      provider,
      next_refresh_at: nextRefreshAt ? nextRefreshAt.toISOString() : null,
      failures: 0,
      created_at: at,
    })),
  );
  await db
    .insertInto("provider_trackings")
    .values(rows)
    .onConflict((oc) => oc.columns(["order_id", "tracking_number", "provider"]).doNothing())
    .execute();
}

/** The order's provider rows; empty when the order is not the user's. */
export async function listProviderTrackings(db: DB, userId: string, orderId: string): Promise<ProviderTrackingRow[]> {
  return db
    .selectFrom("provider_trackings as p")
    .innerJoin("orders as o", "o.id", "p.order_id")
    .selectAll("p")
    .where("o.id", "=", orderId)
    .where("o.user_id", "=", userId)
    .orderBy("p.tracking_number")
    .orderBy("p.provider")
    .execute();
}

/**
 * SYSTEM ONLY (refresher): takes up to `limit` rows due at `now` for the given providers and moves
 * their next refresh `leaseMs` ahead inside one BEGIN IMMEDIATE transaction. A second instance
 * claiming at the same time waits for the write lock and then no longer sees them as due; a
 * refresher that dies mid-way leaves them due again when the lease runs out.
 */
export async function claimDueProviderTrackings(
  db: DB,
  args: { providers: readonly string[]; now: Date; leaseMs: number; limit: number },
): Promise<ClaimedProviderTracking[]> {
  if (args.providers.length === 0) return [];
  const at = args.now.toISOString();
  const leaseUntil = new Date(args.now.getTime() + args.leaseMs).toISOString();
  return writeTransaction(db, async (trx) => {
    const due = await trx
      .selectFrom("provider_trackings as p")
      .innerJoin("orders as o", "o.id", "p.order_id")
      .selectAll("p")
      .select("o.user_id")
      .where("p.provider", "in", [...args.providers])
      .where("p.next_refresh_at", "is not", null)
      .where("p.next_refresh_at", "<=", at)
      .orderBy("p.next_refresh_at")
      .limit(args.limit)
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable("provider_trackings")
      .set({ next_refresh_at: leaseUntil })
      .where(
        "id",
        "in",
        due.map((r) => r.id),
      )
      .execute();
    return due.map((r) => ({ ...r, next_refresh_at: leaseUntil }));
  });
}

/** SYSTEM ONLY: the provider accepted the number. */
export async function markProviderTrackingsRegistered(db: DB, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("provider_trackings")
    .set({ registered_at: now.toISOString() })
    .where("id", "in", [...ids])
    .where("registered_at", "is", null)
    .execute();
}

/** SYSTEM ONLY: the provider no longer knows the number (it stops following quiet ones); register it again. */
export async function markProviderTrackingUnregistered(db: DB, id: string, next: Date): Promise<void> {
  await db.updateTable("provider_trackings").set({ registered_at: null, next_refresh_at: next.toISOString() }).where("id", "=", id).execute();
}

/** SYSTEM ONLY: a successful read; `next` null means never again (delivered and closed). */
export async function recordProviderRefresh(db: DB, id: string, now: Date, next: Date | null): Promise<void> {
  await db
    .updateTable("provider_trackings")
    .set({
      last_refreshed_at: now.toISOString(),
      next_refresh_at: next ? next.toISOString() : null,
      failures: 0,
      last_error: null,
      last_error_kind: null,
    })
    .where("id", "=", id)
    .execute();
}

/** SYSTEM ONLY: a failed registration or read, with the words a person will see and when to try again. */
export async function recordProviderFailure(
  db: DB,
  id: string,
  failure: { message: string; kind: string; failures: number; next: Date | null },
): Promise<void> {
  await db
    .updateTable("provider_trackings")
    .set({
      failures: failure.failures,
      last_error: failure.message,
      last_error_kind: failure.kind,
      next_refresh_at: failure.next ? failure.next.toISOString() : null,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * SYSTEM ONLY (webhooks): every order, of any person, that carries this tracking number. A push
 * names a number, not a person; the signature check in front of it is what makes this safe.
 */
export async function systemFindOrdersByTrackingNumber(db: DB, number: string): Promise<{ orderId: string; userId: string }[]> {
  return db
    .selectFrom("tracking_numbers as n")
    .innerJoin("orders as o", "o.id", "n.order_id")
    .select(["o.id as orderId", "o.user_id as userId"])
    .where("n.number", "=", normaliseTrackingNumber(number))
    .distinct()
    .execute();
}

/** SYSTEM ONLY: the rows of one order, number and provider (a push updates them). */
export async function systemProviderTrackingsOf(db: DB, orderId: string, provider: string, number: string): Promise<ProviderTrackingRow[]> {
  return db
    .selectFrom("provider_trackings")
    .selectAll()
    .where("order_id", "=", orderId)
    .where("provider", "=", provider)
    .where("tracking_number", "=", normaliseTrackingNumber(number))
    .execute();
}

/**
 * SYSTEM ONLY (refresher): tracking numbers some provider has no row for yet, e.g. saved by a
 * screen that did not call registerOrderNumbers, or added before the provider was connected.
 */
export async function systemFindUntrackedNumbers(
  db: DB,
  providers: readonly string[],
  limit: number,
): Promise<{ orderId: string; userId: string; number: string; missing: string[] }[]> {
  if (providers.length === 0) return [];
  const rows = await db
    .selectFrom("tracking_numbers as n")
    .innerJoin("orders as o", "o.id", "n.order_id")
    .select(["n.order_id as orderId", "o.user_id as userId", "n.number"])
    .where((eb) =>
      eb(
        eb
          .selectFrom("provider_trackings as p")
          .whereRef("p.order_id", "=", "n.order_id")
          .whereRef("p.tracking_number", "=", "n.number")
          .where("p.provider", "in", [...providers])
          .select((e) => e.fn.countAll<number>().as("c")),
        "<",
        providers.length,
      ),
    )
    .orderBy("n.created_at")
    .limit(limit)
    .execute();
  const known = await db
    .selectFrom("provider_trackings")
    .select(["order_id", "tracking_number", "provider"])
    .where("order_id", "in", rows.length > 0 ? rows.map((r) => r.orderId) : [""])
    .execute();
  return rows.map((r) => ({
    orderId: r.orderId,
    userId: r.userId,
    number: r.number,
    missing: providers.filter((p) => !known.some((k) => k.order_id === r.orderId && k.tracking_number === r.number && k.provider === p)),
  }));
}
