/**
 * Orders with everything stored under them, for many orders at once: four queries (orders,
 * numbers, events, reports) filtered the same way, never one query per order. The engine's facts
 * and the account export are both built from these rows.
 */
import SQLite from "better-sqlite3";
import { CompiledQuery, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { DB } from "../client.server.ts";
import type { Database, Order, Report, TrackingEvent, TrackingNumber, User } from "../schema.ts";

/** Which orders: a condition on the orders table, aliased `o` (owner, ids, an id range). */
export type OrdersFilter = (eb: ExpressionBuilder<Database & { o: Database["orders"] }, "o">) => Expression<SqlBool>;

export type TrackingEventWithNumber = TrackingEvent & { tracking_number: string | null };

/** The columns the engine's facts are read from (order-facts.server.ts): never the snapshot cache. */
export type FactsOrderRow = Pick<
  Order,
  | "id"
  | "user_id"
  | "platform"
  | "platform_name"
  | "order_number"
  | "ordered_at"
  | "shipped_at"
  | "item"
  | "seller"
  | "amount_value"
  | "currency"
  | "payment_method"
  | "card_network"
  | "protection_ends_at"
  | "promised_delivery_at"
  | "estimated_delivery_earliest"
  | "estimated_delivery_latest"
  | "time_zone"
>;
/** An event's facts columns: never the provider's raw payload or the dedupe key. */
export type FactsEventRow = Pick<
  TrackingEvent,
  "id" | "order_id" | "occurred_at" | "location" | "text" | "carrier" | "source" | "milestone" | "confidence" | "created_at"
> & { tracking_number: string | null };
export type FactsReportRow = Pick<Report, "order_id" | "kind" | "at" | "note" | "reference" | "data">;

/** One order's rows as the facts need them; OrderRows (every column) is one too. */
export interface FactsRows {
  order: FactsOrderRow & Partial<Pick<Order, "payment_reference" | "carrier_case_number">>;
  userTimeZone: string;
  /** The owner's own details for documents (issue 13). */
  buyer?: BuyerRow;
  /** First leg first. */
  numbers: Array<Pick<TrackingNumber, "number">>;
  /** In no particular order; the facts sort them. */
  events: FactsEventRow[];
  /** In the order they happened. */
  reports: FactsReportRow[];
}

/** The owner's profile as documents use it (issue 13). */
export type BuyerRow = Pick<User, "email" | "full_name" | "postal_address" | "country" | "phone" | "language">;

export interface OrderRows {
  order: Order;
  /** The owner's time zone, the default for the order's calendar maths. */
  userTimeZone: string;
  buyer?: BuyerRow;
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
    .select([
      "u.time_zone as user_time_zone",
      "u.email as buyer_email",
      "u.full_name as buyer_full_name",
      "u.postal_address as buyer_postal_address",
      "u.country as buyer_country",
      "u.phone as buyer_phone",
      "u.language as buyer_language",
    ])
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

  const numbersOf = byOrder(numbers);
  const eventsOf = byOrder(events);
  const reportsOf = byOrder(reports);
  return orders.map(
    ({ user_time_zone, buyer_email, buyer_full_name, buyer_postal_address, buyer_country, buyer_phone, buyer_language, ...order }) => ({
      order,
      userTimeZone: user_time_zone,
      buyer: {
        email: buyer_email,
        full_name: buyer_full_name,
        postal_address: buyer_postal_address,
        country: buyer_country,
        phone: buyer_phone,
        language: buyer_language,
      },
      numbers: numbersOf.get(order.id) ?? [],
      events: eventsOf.get(order.id) ?? [],
      reports: reportsOf.get(order.id) ?? [],
    }),
  );
}

/** A Kysely handle, or the raw better-sqlite3 connection behind it (openDatabase returns both). */
export type FactsSource = DB | SQLite.Database;

// The page's queries, written once for both handles. Children are read by an order_id range (a
// page's orders are consecutive ids) in the order of existing indexes: events by
// tracking_events_order_time (order_id, occurred_at), so SQLite neither joins nor sorts them; the
// facts put events in their final order. Columns are listed, never *: no snapshot cache, raw payload
// or dedupe key is read.
const ORDERS_SQL = `select o.id, o.user_id, o.platform, o.platform_name, o.order_number, o.ordered_at, o.shipped_at, o.item, o.seller,
  o.amount_value, o.currency, o.payment_method, o.card_network, o.protection_ends_at, o.estimated_delivery_earliest,
  o.estimated_delivery_latest, o.time_zone, u.time_zone as user_time_zone, o.promised_delivery_at, o.payment_reference, o.carrier_case_number,
  u.email, u.full_name, u.postal_address, u.country, u.phone, u.language
  from orders o join users u on u.id = o.user_id where o.id > ? order by o.id limit ?`;
const NUMBERS_SQL = "select order_id, id, number from tracking_numbers where order_id >= ? and order_id <= ? order by order_id, leg, created_at, id";
const EVENTS_SQL = `select order_id, tracking_number_id, id, occurred_at, location, text, carrier, source, milestone, confidence, created_at
  from tracking_events where order_id >= ? and order_id <= ? order by order_id, occurred_at`;
const REPORTS_SQL =
  "select order_id, kind, at, note, reference, data from reports where order_id >= ? and order_id <= ? order by order_id, at, created_at, id";

type Cell = string | number | null;
type Rows = Cell[][];

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** Rows as arrays in column order: better-sqlite3's raw mode, or Kysely's objects' values. */
async function rowsOf(source: FactsSource, query: string, parameters: Cell[]): Promise<Rows> {
  if (source instanceof SQLite) {
    let cache = statements.get(source);
    if (!cache) statements.set(source, (cache = new Map()));
    let statement = cache.get(query);
    if (!statement) cache.set(query, (statement = source.prepare(query).raw(true)));
    return statement.all(...parameters) as Rows;
  }
  const result = await source.executeQuery<Record<string, Cell>>(CompiledQuery.raw(query, parameters));
  return result.rows.map((row) => Object.values(row));
}

/**
 * Every user's orders after `afterId` in id order, at most `limit`, with only the columns the facts
 * need: for the system's own jobs (re-assessing every order), never for a person's request. On the
 * raw connection rows come as arrays (no object per row from the driver): re-assessing 10,000
 * orders reads 200,000 events.
 */
export async function loadFactsRowsPage(source: FactsSource, afterId: string | null, limit: number): Promise<FactsRows[]> {
  // "" sorts before every id, so the first page needs no other query.
  const orders = await rowsOf(source, ORDERS_SQL, [afterId ?? "", limit]);
  if (orders.length === 0) return [];
  const range = [orders[0][0], orders[orders.length - 1][0]];
  const numbers = await rowsOf(source, NUMBERS_SQL, range);
  const events = await rowsOf(source, EVENTS_SQL, range);
  const reports = await rowsOf(source, REPORTS_SQL, range);

  const numberOfId = new Map<string, string>();
  for (const n of numbers) numberOfId.set(n[1] as string, n[2] as string);
  // An event pointing at another order's number (a hand edit) still shows that number, as a join would.
  const straySet = new Set<string>();
  for (const e of events) if (e[1] !== null && !numberOfId.has(e[1] as string)) straySet.add(e[1] as string);
  const strays = [...straySet];
  for (let i = 0; i < strays.length; i += 500) {
    const chunk = strays.slice(i, i + 500);
    for (const n of await rowsOf(source, `select id, number from tracking_numbers where id in (${chunk.map(() => "?").join(", ")})`, chunk)) {
      numberOfId.set(n[0] as string, n[1] as string);
    }
  }

  const numbersOf = groupByOrder(numbers, (n): Pick<TrackingNumber, "number"> => ({ number: n[2] as string }));
  const eventsOf = groupByOrder(events, (e): FactsEventRow => ({
    order_id: e[0] as string,
    tracking_number: e[1] === null ? null : (numberOfId.get(e[1] as string) ?? null),
    id: e[2] as string,
    occurred_at: e[3] as string | null,
    location: e[4] as string | null,
    text: e[5] as string,
    carrier: e[6] as string | null,
    source: e[7] as string,
    milestone: e[8] as string,
    confidence: e[9] as number,
    created_at: e[10] as string,
  }));
  const reportsOf = groupByOrder(reports, (r): FactsReportRow => ({
    order_id: r[0] as string,
    kind: r[1] as string,
    at: r[2] as string,
    note: r[3] as string | null,
    reference: r[4] as string | null,
    data: r[5] as string | null,
  }));
  return orders.map((o) => {
    const id = o[0] as string;
    const order = {
      id,
      user_id: o[1],
      platform: o[2],
      platform_name: o[3],
      order_number: o[4],
      ordered_at: o[5],
      shipped_at: o[6],
      item: o[7],
      seller: o[8],
      amount_value: o[9],
      currency: o[10],
      payment_method: o[11],
      card_network: o[12],
      protection_ends_at: o[13],
      estimated_delivery_earliest: o[14],
      estimated_delivery_latest: o[15],
      time_zone: o[16],
      promised_delivery_at: o[18],
      payment_reference: o[19],
      carrier_case_number: o[20],
    } as FactsRows["order"];
    const buyer = { email: o[21], full_name: o[22], postal_address: o[23], country: o[24], phone: o[25], language: o[26] } as BuyerRow;
    return {
      order,
      userTimeZone: o[17] as string,
      buyer,
      numbers: numbersOf.get(id) ?? [],
      events: eventsOf.get(id) ?? [],
      reports: reportsOf.get(id) ?? [],
    };
  });
}

/** Array rows arrive grouped by order (order_id first, ORDER BY order_id): one map entry per run. */
function groupByOrder<T>(rows: Rows, shape: (row: Cell[]) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  let current: T[] = [];
  let currentId: string | null = null;
  for (const row of rows) {
    if (row[0] !== currentId) {
      currentId = row[0] as string;
      current = groups.get(currentId) ?? [];
      groups.set(currentId, current);
    }
    current.push(shape(row));
  }
  return groups;
}

function byOrder<T extends { order_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.order_id);
    if (group) group.push(row);
    else groups.set(row.order_id, [row]);
  }
  return groups;
}
