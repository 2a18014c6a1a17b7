/**
 * Orders with everything stored under them, for many orders at once: four queries (orders,
 * numbers, events, reports) filtered the same way, never one query per order. The engine's facts
 * and the account export are both built from these rows.
 */
import type { ExpressionBuilder, Expression, SqlBool } from "kysely";
import type { DB } from "../client.server.ts";
import type { Database, Order, Report, TrackingEvent, TrackingNumber } from "../schema.ts";

/** Which orders: a condition on the orders table, aliased `o` (owner, ids, an id range). */
export type OrdersFilter = (eb: ExpressionBuilder<Database & { o: Database["orders"] }, "o">) => Expression<SqlBool>;

export type TrackingEventWithNumber = TrackingEvent & { tracking_number: string | null };

export interface OrderRows {
  order: Order;
  /** The owner's time zone, the default for the order's calendar maths. */
  userTimeZone: string;
  /** First leg first. */
  numbers: TrackingNumber[];
  /** In storage order; callers sort by what they need (SQLite and PostgreSQL order NULLs differently). */
  events: TrackingEventWithNumber[];
  /** In the order they happened. */
  reports: Report[];
}

/** The matching orders in id order, each with its rows. */
export async function loadOrderRows(db: DB, filter: OrdersFilter): Promise<OrderRows[]> {
  const orders = await db
    .selectFrom("orders as o")
    .innerJoin("users as u", "u.id", "o.user_id")
    .selectAll("o")
    .select("u.time_zone as user_time_zone")
    .where(filter)
    .orderBy("o.id")
    .execute();
  if (orders.length === 0) return [];

  const [numbers, events, reports] = await Promise.all([
    db
      .selectFrom("tracking_numbers as n")
      .innerJoin("orders as o", "o.id", "n.order_id")
      .selectAll("n")
      .where(filter)
      .orderBy("n.order_id")
      .orderBy("n.leg")
      .orderBy("n.created_at")
      .orderBy("n.id")
      .execute(),
    db
      .selectFrom("tracking_events as e")
      .innerJoin("orders as o", "o.id", "e.order_id")
      .leftJoin("tracking_numbers as n", "n.id", "e.tracking_number_id")
      .selectAll("e")
      .select("n.number as tracking_number")
      .where(filter)
      .orderBy("e.order_id")
      .orderBy("e.created_at")
      .orderBy("e.id")
      .execute(),
    db
      .selectFrom("reports as r")
      .innerJoin("orders as o", "o.id", "r.order_id")
      .selectAll("r")
      .where(filter)
      .orderBy("r.order_id")
      .orderBy("r.at")
      .orderBy("r.created_at")
      .orderBy("r.id")
      .execute(),
  ]);

  const numbersOf = groupByOrder(numbers);
  const eventsOf = groupByOrder(events);
  const reportsOf = groupByOrder(reports);
  return orders.map(({ user_time_zone, ...order }) => ({
    order,
    userTimeZone: user_time_zone,
    numbers: numbersOf.get(order.id) ?? [],
    events: eventsOf.get(order.id) ?? [],
    reports: reportsOf.get(order.id) ?? [],
  }));
}

function groupByOrder<T extends { order_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.order_id);
    if (group) group.push(row);
    else groups.set(row.order_id, [row]);
  }
  return groups;
}
