/**
 * One order as the buyer sees it: the stored facts, replayed by the machine at `now`, with the
 * snapshot cache used when it still matches the facts and refreshed when it does not. Routes, the
 * reminder sweep, the provider refresher and the documents all go through here, so they agree.
 */
import { writeTransaction, type DB } from "../../db/client.server.ts";
import { loadOrderFacts, loadOrderFactsForUser } from "../../db/queries/order-facts.server.ts";
import { getOrder, listOrders, listOrdersByIds, loadOrderSnapshot, saveOrderSnapshot } from "../../db/queries/orders.server.ts";
import type { Order } from "../../db/schema.ts";
import { assessSnapshot, type Assessment } from "../../machines/assess.ts";
import type { OrderFacts } from "../../machines/order-facts.ts";
import { ORDER_MACHINE_VERSION } from "../../machines/order.machine.ts";
import { persistSnapshot, restoreSnapshot } from "../../machines/replay.ts";

export interface AssessedOrder {
  order: Order;
  facts: OrderFacts;
  assessment: Assessment;
}

/** Assesses facts against a cached snapshot; returns the snapshot to store when the cache was not usable. */
function assessWithCache(facts: OrderFacts, cached: unknown, now: Date) {
  const { snapshot, outcome } = restoreSnapshot(cached, facts, now);
  const assessment = assessSnapshot(facts, snapshot, now);
  return { assessment, toStore: outcome === "restored" ? null : persistSnapshot(snapshot, facts) };
}

/** The user's order assessed at `now`, or null when it does not exist or is not theirs. */
export async function assessStoredOrder(db: DB, userId: string, orderId: string, now: Date): Promise<AssessedOrder | null> {
  const [order, facts] = await Promise.all([getOrder(db, userId, orderId), loadOrderFacts(db, userId, orderId)]);
  if (!order || !facts) return null;
  const cached = await loadOrderSnapshot(db, userId, orderId, ORDER_MACHINE_VERSION);
  const { assessment, toStore } = assessWithCache(facts, cached, now);
  // The cache is only a cache: losing a write to it (busy database) costs a replay next time.
  if (toStore) await saveOrderSnapshot(db, userId, orderId, toStore, ORDER_MACHINE_VERSION).catch(() => undefined);
  return { order, facts, assessment };
}

/**
 * Every order of the user assessed at `now`, newest first, in a handful of queries; with
 * `orderIds`, only those of them (in no particular order).
 */
export async function assessUserOrders(db: DB, userId: string, now: Date, orderIds?: readonly string[]): Promise<AssessedOrder[]> {
  const [orders, factsById] = await Promise.all([
    orderIds ? listOrdersByIds(db, userId, orderIds) : listOrders(db, userId),
    loadOrderFactsForUser(db, userId, orderIds ? [...orderIds] : undefined),
  ]);
  const result: AssessedOrder[] = [];
  const stale: Array<{ orderId: string; snapshot: unknown }> = [];
  for (const order of orders) {
    const facts = factsById.get(order.id);
    if (!facts) continue;
    let cached: unknown = null;
    if (order.snapshot && order.snapshot_version === ORDER_MACHINE_VERSION) cached = order.snapshot;
    const { assessment, toStore } = assessWithCache(facts, cached, now);
    if (toStore) stale.push({ orderId: order.id, snapshot: toStore });
    result.push({ order, facts, assessment });
  }
  // One transaction (one durable commit) for all refreshed caches, not one per order: a dashboard
  // of a thousand changed orders would otherwise wait for a thousand disk syncs.
  if (stale.length > 0) {
    await writeTransaction(db, async (trx) => {
      for (const s of stale) await saveOrderSnapshot(trx, userId, s.orderId, s.snapshot, ORDER_MACHINE_VERSION);
    }).catch(() => undefined);
  }
  return result;
}
