/**
 * The dashboard's rows for one person: every order assessed at `now`, ranked by urgency, then
 * filtered and searched. Assessing a thousand orders takes far longer than a page view may, so
 * the ranked rows are kept per person in this process and reused while (a) nothing stored under
 * the person's orders changed — checked on every request by one cheap fingerprint query — and
 * (b) they are less than a minute old, since countdowns and time-based alerts move with the clock.
 */
import { sql } from "kysely";
import type { DB } from "../../db/client.server.ts";
import { assessUserOrders } from "./order-service.server.ts";
import { byUrgency, dashboardRow, normaliseKey, type DashboardRow } from "./dashboard-rows.ts";

export const DASHBOARD_PAGE_SIZE = 25;
const FRESH_MS = 60_000;
const MAX_CACHED_USERS = 200;

interface Cached {
  /** The connection's own write count and SQLite's data_version (other connections' commits) when computed. */
  writeMark: string;
  fingerprint: string;
  computedAt: number;
  rows: DashboardRow[];
}
const cache = new Map<string, Cached>();

/**
 * Changes whenever an order, number, event or report of the person is added, changed or removed:
 * counts and the highest rowid of the child tables (both read from indexes alone; rows are only
 * ever added or deleted there) and the orders' latest update.
 */
async function fingerprintOf(db: DB, userId: string): Promise<string> {
  const row = await sql<{ f: string }>`
    select
      (select count(*) || ':' || ifnull(max(updated_at), '') from orders where user_id = ${userId}) || '|' ||
      (select count(*) || ':' || ifnull(max(n.rowid), 0) from orders o join tracking_numbers n on n.order_id = o.id where o.user_id = ${userId}) || '|' ||
      (select count(*) || ':' || ifnull(max(e.rowid), 0) from orders o join tracking_events e on e.order_id = o.id where o.user_id = ${userId}) || '|' ||
      (select count(*) || ':' || ifnull(max(r.rowid), 0) from orders o join reports r on r.order_id = o.id where o.user_id = ${userId})
      as f`.execute(db);
  return row.rows[0]?.f ?? "";
}

/**
 * Whether anything at all was written since: total_changes() counts this connection's writes,
 * data_version moves when another connection (the CLI, a sweep process) commits. Unchanged, the
 * database is exactly as it was, and the per-person fingerprint query can be skipped.
 */
async function writeMarkOf(db: DB): Promise<string> {
  const [changes, version] = await Promise.all([
    sql<{ n: number }>`select total_changes() as n`.execute(db),
    sql<{ data_version: number }>`pragma data_version`.execute(db),
  ]);
  return `${changes.rows[0]?.n}:${version.rows[0]?.data_version}`;
}

async function rankedRows(db: DB, userId: string, timeZone: string, now: Date): Promise<DashboardRow[]> {
  const hit = cache.get(userId);
  const fresh = hit !== undefined && now.getTime() - hit.computedAt < FRESH_MS && now.getTime() >= hit.computedAt;
  const writeMark = await writeMarkOf(db);
  if (fresh && hit.writeMark === writeMark) return hit.rows;
  const fingerprint = await fingerprintOf(db, userId);
  if (fresh && hit.fingerprint === fingerprint) {
    hit.writeMark = writeMark;
    return hit.rows;
  }
  const assessed = await assessUserOrders(db, userId, now);
  const rows = assessed.map(({ order, facts, assessment }) => dashboardRow(order, facts, assessment, timeZone, now)).sort(byUrgency);
  cache.delete(userId);
  if (cache.size >= MAX_CACHED_USERS) cache.delete(cache.keys().next().value!);
  // The mark from before the reads: a write racing this assessment (or the snapshot refresh it made
  // itself) sends the next request to the fingerprint check rather than being missed.
  cache.set(userId, { writeMark, fingerprint, computedAt: now.getTime(), rows });
  return rows;
}

export interface DashboardQuery {
  state?: string | null;
  platform?: string | null;
  q?: string | null;
  page?: number;
}

export interface Dashboard {
  total: number;
  matching: number;
  rows: DashboardRow[];
  page: number;
  pages: number;
  states: string[];
}

export async function loadDashboard(db: DB, userId: string, timeZone: string, now: Date, query: DashboardQuery): Promise<Dashboard> {
  const all = await rankedRows(db, userId, timeZone, now);
  const q = query.q?.trim() ?? "";
  const key = normaliseKey(q);
  const lowered = q.toLowerCase();
  const matching = all.filter(
    (r) =>
      (!query.state || r.state === query.state) &&
      (!query.platform || r.platform === query.platform) &&
      (!q || r.searchKeys.some((k) => k.includes(key)) || r.item.toLowerCase().includes(lowered)),
  );
  const pages = Math.max(1, Math.ceil(matching.length / DASHBOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return {
    total: all.length,
    matching: matching.length,
    rows: matching.slice((page - 1) * DASHBOARD_PAGE_SIZE, page * DASHBOARD_PAGE_SIZE),
    page,
    pages,
    states: [...new Set(all.map((r) => r.state))],
  };
}
