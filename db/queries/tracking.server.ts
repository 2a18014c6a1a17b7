/**
 * Tracking numbers and tracking events of an order, reached only through an order the user owns.
 * Events are facts: stored once (de-duplicated by key), never edited, replayed by the engine.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { MILESTONES } from "../../machines/vocabulary.ts";
import type { DB } from "../client.server.ts";
import { eventDedupeKey, normaliseTrackingNumber } from "../event-dedupe-key.server.ts";
import { IsoInstantSchema, optionalText, parseInput } from "../fields.server.ts";
import type { TrackingEvent, TrackingNumber } from "../schema.ts";
import { invalidateOrderSnapshot, ownedOrderId } from "./orders.server.ts";

export const TRACKING_NUMBER_SOURCES = ["user", "handover", "provider", "email"] as const;
export const TRACKING_EVENT_SOURCES = ["paste", "provider", "manual", "email"] as const;

export const TrackingNumberInputSchema = z.object({
  number: z
    .string()
    .transform(normaliseTrackingNumber)
    .refine((value) => /^[A-Z0-9-]{4,40}$/.test(value), { message: "must be 4 to 40 letters and digits" }),
  carrier: optionalText(50),
  /** 0 for the first carrier, 1 for the local carrier after a handover, … */
  leg: z.number().int().min(0).max(20).default(0),
  source: z.enum(TRACKING_NUMBER_SOURCES),
});
export type TrackingNumberInput = z.input<typeof TrackingNumberInputSchema>;

export const TrackingEventInputSchema = z.object({
  /** When the carrier says it happened; null when the source gave no time. */
  at: IsoInstantSchema.nullable(),
  text: z.string().trim().min(1, { message: "must not be empty" }).max(2000),
  location: optionalText(300),
  carrier: optionalText(50),
  source: z.enum(TRACKING_EVENT_SOURCES),
  milestone: z.enum(MILESTONES),
  confidence: z.number().min(0).max(1).default(0),
  /** The tracking number the event belongs to; links the event to that leg when the order has it. */
  trackingNumber: z.string().nullish(),
  /** The provider's raw event, kept as evidence and for re-classification. */
  raw: z.unknown().optional(),
});
export type TrackingEventInput = z.input<typeof TrackingEventInputSchema>;

/** A stored event with its tracking number spelled out. */
export type TrackingEventRow = TrackingEvent & { tracking_number: string | null };

// SQLite allows 32766 bound values per statement; 14 columns × 500 rows stays far below it.
const INSERT_CHUNK = 500;

/**
 * Adds tracking numbers to the user's order; a number the order already has keeps its row (a
 * carrier learned later fills in an unknown one). Returns all of the order's numbers, or null when
 * the order is not theirs.
 */
export async function addTrackingNumbers(
  db: DB,
  userId: string,
  orderId: string,
  numbers: TrackingNumberInput[],
  now: Date = new Date(),
): Promise<TrackingNumber[] | null> {
  const parsed = parseInput(z.array(TrackingNumberInputSchema), numbers, "tracking numbers not saved");
  if ((await ownedOrderId(db, userId, orderId)) === null) return null;
  // One row per number per statement: PostgreSQL refuses to upsert the same row twice in one go.
  const unique = parsed.filter((n, i) => parsed.findIndex((m) => m.number === n.number) === i);
  if (unique.length > 0) {
    const at = now.toISOString();
    await db
      .insertInto("tracking_numbers")
      .values(
        unique.map((n) => ({
          id: randomUUID(),
          order_id: orderId,
          number: n.number,
          carrier: n.carrier,
          leg: n.leg,
          source: n.source,
          created_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["order_id", "number"]).doUpdateSet((eb) => ({ carrier: eb.fn.coalesce("tracking_numbers.carrier", eb.ref("excluded.carrier")) })),
      )
      .execute();
    await invalidateOrderSnapshot(db, orderId);
  }
  return listTrackingNumbers(db, userId, orderId);
}

/** The order's tracking numbers, first leg first; empty when the order is not theirs. */
export async function listTrackingNumbers(db: DB, userId: string, orderId: string): Promise<TrackingNumber[]> {
  return db
    .selectFrom("tracking_numbers as n")
    .innerJoin("orders as o", "o.id", "n.order_id")
    .selectAll("n")
    .where("o.id", "=", orderId)
    .where("o.user_id", "=", userId)
    .orderBy("n.leg")
    .orderBy("n.created_at")
    .orderBy("n.id")
    .execute();
}

/**
 * Stores events for the user's order; an event already stored (same number, time and text) is
 * skipped by the database itself (INSERT … ON CONFLICT DO NOTHING), so a re-paste, a repeated
 * provider push or two requests racing add it once. Returns the events actually added and how many
 * were already there, or null when the order is not theirs. Throws InvalidInputError for a malformed event.
 */
export async function addTrackingEvents(
  db: DB,
  userId: string,
  orderId: string,
  events: TrackingEventInput[],
  now: Date = new Date(),
): Promise<{ added: TrackingEvent[]; duplicates: number } | null> {
  const parsed = parseInput(z.array(TrackingEventInputSchema), events, "tracking events not saved");
  if ((await ownedOrderId(db, userId, orderId)) === null) return null;
  if (parsed.length === 0) return { added: [], duplicates: 0 };

  const numbers = await db.selectFrom("tracking_numbers").select(["id", "number"]).where("order_id", "=", orderId).execute();
  const numberIds = new Map(numbers.map((n) => [n.number, n.id]));
  const at = now.toISOString();
  const rows = parsed.map((e) => {
    const number = e.trackingNumber ? normaliseTrackingNumber(e.trackingNumber) : null;
    return {
      id: randomUUID(),
      order_id: orderId,
      tracking_number_id: number ? (numberIds.get(number) ?? null) : null,
      occurred_at: e.at,
      location: e.location,
      text: e.text,
      carrier: e.carrier,
      source: e.source,
      milestone: e.milestone,
      confidence: e.confidence,
      dedupe_key: eventDedupeKey({ trackingNumber: number, at: e.at, text: e.text }),
      raw: e.raw === undefined ? null : JSON.stringify(e.raw),
      created_at: at,
    };
  });

  const added: TrackingEvent[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await db
      .insertInto("tracking_events")
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(["order_id", "dedupe_key"]).doNothing())
      .returningAll()
      .execute();
    added.push(...inserted);
  }
  if (added.length > 0) await invalidateOrderSnapshot(db, orderId);
  return { added, duplicates: rows.length - added.length };
}

/**
 * The order's events, newest first (events without a time last); empty when the order is not
 * theirs.
 */
export async function listTrackingEvents(db: DB, userId: string, orderId: string): Promise<TrackingEventRow[]> {
  const rows = await db
    .selectFrom("tracking_events as e")
    .innerJoin("orders as o", "o.id", "e.order_id")
    .leftJoin("tracking_numbers as n", "n.id", "e.tracking_number_id")
    .selectAll("e")
    .select("n.number as tracking_number")
    .where("o.id", "=", orderId)
    .where("o.user_id", "=", userId)
    .execute();
  return rows.sort(newestFirst);
}

/** Sorted here rather than in SQL: SQLite and PostgreSQL put NULLs at opposite ends. */
function newestFirst(a: TrackingEvent, b: TrackingEvent): number {
  if (a.occurred_at !== b.occurred_at) {
    if (a.occurred_at === null) return 1;
    if (b.occurred_at === null) return -1;
    return a.occurred_at < b.occurred_at ? 1 : -1;
  }
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
