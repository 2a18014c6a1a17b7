/**
 * Orders, always through their owner: every query filters on `user_id`, so another user's order id
 * behaves exactly like an id that does not exist (routes answer 404 for both).
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CARD_NETWORKS, PAYMENT_METHODS, PLATFORMS } from "../../machines/vocabulary.ts";
import type { DB } from "../client.server.ts";
import { IsoInstantSchema, TimeZoneSchema, optionalText, parseInput } from "../fields.server.ts";
import type { Order } from "../schema.ts";

const DecimalSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => /^\d{1,12}(\.\d{1,4})?$/.test(value), { message: "must be an amount such as 12.34" });

/** What a person (or the CLI) may set on an order; ids, owner, timestamps and the cache are ours. */
export const OrderFieldsSchema = z.object({
  platform: z.enum(PLATFORMS),
  platform_name: optionalText(100),
  order_number: optionalText(100),
  ordered_at: IsoInstantSchema,
  shipped_at: IsoInstantSchema.nullish(),
  item: optionalText(500),
  seller: optionalText(200),
  amount_value: DecimalSchema.nullish(),
  currency: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .refine((value) => /^[A-Z]{3}$/.test(value), { message: "must be a three-letter currency code such as EUR" })
    .nullish(),
  payment_method: z.enum(PAYMENT_METHODS).nullish(),
  card_network: z.enum(CARD_NETWORKS).nullish(),
  protection_ends_at: IsoInstantSchema.nullish(),
  promised_delivery_at: IsoInstantSchema.nullish(),
  estimated_delivery_earliest: IsoInstantSchema.nullish(),
  estimated_delivery_latest: IsoInstantSchema.nullish(),
  time_zone: TimeZoneSchema.nullish(),
});

export type OrderFields = z.input<typeof OrderFieldsSchema>;

/** Creates an order owned by `userId`. Throws InvalidInputError naming the field when a value is malformed. */
export async function createOrder(db: DB, userId: string, fields: OrderFields, now: Date = new Date()): Promise<Order> {
  const values = parseInput(OrderFieldsSchema, fields, "order not saved");
  const at = now.toISOString();
  return db
    .insertInto("orders")
    .values({ ...values, id: randomUUID(), user_id: userId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The user's order, or null when it does not exist or belongs to someone else. */
export async function getOrder(db: DB, userId: string, orderId: string): Promise<Order | null> {
  const order = await db.selectFrom("orders").selectAll().where("id", "=", orderId).where("user_id", "=", userId).executeTakeFirst();
  return order ?? null;
}

/** The user's orders, newest first. */
export async function listOrders(db: DB, userId: string, options: { limit?: number } = {}): Promise<Order[]> {
  let query = db.selectFrom("orders").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id", "desc");
  if (options.limit !== undefined) query = query.limit(options.limit);
  return query.execute();
}

/** Those of `orderIds` that are the user's orders (for work done a page of orders at a time). */
export async function listOrdersByIds(db: DB, userId: string, orderIds: readonly string[]): Promise<Order[]> {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom("orders")
    .selectAll()
    .where("user_id", "=", userId)
    .where("id", "in", [...orderIds])
    .execute();
}

/**
 * Changes the given fields of the user's order; null when it is not theirs. The cached snapshot is
 * dropped because it was derived from the old facts.
 */
export async function updateOrder(
  db: DB,
  userId: string,
  orderId: string,
  changes: Partial<OrderFields>,
  now: Date = new Date(),
): Promise<Order | null> {
  const values = parseInput(OrderFieldsSchema.partial(), changes, "order not changed");
  const order = await db
    .updateTable("orders")
    .set({ ...values, snapshot: null, snapshot_version: null, updated_at: now.toISOString() })
    .where("id", "=", orderId)
    .where("user_id", "=", userId)
    .returningAll()
    .executeTakeFirst();
  return order ?? null;
}

/** Deletes the user's order and, by cascade, its tracking numbers, events and reports. */
export async function deleteOrder(db: DB, userId: string, orderId: string): Promise<boolean> {
  const result = await db.deleteFrom("orders").where("id", "=", orderId).where("user_id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Stores the machine's snapshot as a cache of the facts, with the machine version that made it (a
 * reader ignores a snapshot from another version and replays the facts). False when not theirs.
 */
export async function saveOrderSnapshot(db: DB, userId: string, orderId: string, snapshot: unknown, version: number): Promise<boolean> {
  const result = await db
    .updateTable("orders")
    .set({ snapshot: JSON.stringify(snapshot), snapshot_version: version })
    .where("id", "=", orderId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Drops the cached snapshot after the order's facts changed. Internal to the query layer. */
export async function invalidateOrderSnapshot(db: DB, orderId: string): Promise<void> {
  await db.updateTable("orders").set({ snapshot: null, snapshot_version: null }).where("id", "=", orderId).execute();
}

/** The id of the user's order, or null: the ownership check the child tables' queries start with. */
export async function ownedOrderId(db: DB, userId: string, orderId: string): Promise<string | null> {
  const row = await db.selectFrom("orders").select("id").where("id", "=", orderId).where("user_id", "=", userId).executeTakeFirst();
  return row?.id ?? null;
}

/** The cached snapshot when it was made by machine `version`; null when absent, stale or not theirs. */
export async function loadOrderSnapshot(db: DB, userId: string, orderId: string, version: number): Promise<unknown | null> {
  const row = await db
    .selectFrom("orders")
    .select(["snapshot", "snapshot_version"])
    .where("id", "=", orderId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row?.snapshot || row.snapshot_version !== version) return null;
  try {
    return JSON.parse(row.snapshot);
  } catch {
    // A damaged cache is only a cache: the caller replays the facts.
    return null;
  }
}
