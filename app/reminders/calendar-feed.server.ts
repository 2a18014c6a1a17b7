/**
 * Calendar downloads and the personal feed. A feed URL carries a long random token; only its
 * SHA-256 is stored, so the URL is shown once when made and a leaked database opens no feed.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DB } from "../../db/client.server.ts";
import { findCalendarFeedOwner, replaceCalendarFeed } from "../../db/queries/reminders.server.ts";
import { deadlineCalendar, type CalendarOrder } from "../../templates/calendar/deadline-calendar.ts";
import { assessStoredOrder, assessUserOrders, type AssessedOrder } from "../orders/order-service.server.ts";

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 256 random bits, URL-safe. */
export async function regenerateCalendarFeed(db: DB, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await replaceCalendarFeed(db, userId, hashFeedToken(token), now);
  return token;
}

export function calendarFeedUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/$/, "")}/calendar/${token}.ics`;
}

function calendarOrder({ order, assessment }: AssessedOrder): CalendarOrder {
  const label = [order.item, order.order_number].filter(Boolean).join(" · ") || `${order.platform} order`;
  return { orderId: order.id, label, deadlines: assessment.deadlines };
}

/** One order's deadlines as .ics, or null when the order is not this person's. */
export async function orderCalendar(db: DB, args: { userId: string; orderId: string; now: Date; appUrl: string }): Promise<string | null> {
  const assessed = await assessStoredOrder(db, args.userId, args.orderId, args.now);
  if (!assessed) return null;
  return deadlineCalendar([calendarOrder(assessed)], { appUrl: args.appUrl, now: args.now, calendarName: "ClaimTrail order deadlines" });
}

/** The feed of every order of the token's owner, or null for an unknown or revoked token. */
export async function feedCalendar(db: DB, args: { token: string; now: Date; appUrl: string }): Promise<string | null> {
  // Tokens are base64url of 32 bytes; anything else cannot match and needs no lookup.
  if (!/^[A-Za-z0-9_-]{43}$/.test(args.token)) return null;
  const userId = await findCalendarFeedOwner(db, hashFeedToken(args.token));
  if (!userId) return null;
  const orders = await assessUserOrders(db, userId, args.now);
  // A finished case needs no more dates in the person's calendar.
  const open = orders.filter((o) => o.assessment.case !== "closed" && o.assessment.case !== "refunded");
  return deadlineCalendar(open.map(calendarOrder), { appUrl: args.appUrl, now: args.now, calendarName: "ClaimTrail deadlines" });
}
