/**
 * What the order page's buttons do: record what happened (a report), paste more events, add a
 * tracking number, delete the order. Each validates first and then writes through the scoped
 * queries, so another person's order id changes nothing (the caller answers 404).
 */
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { splitLegs } from "~/carriers/handover.ts";
import { parseHistory } from "~/carriers/paste/parse-history.ts";
import type { DB } from "../../db/client.server.ts";
import { deleteOrder, ownedOrderId } from "../../db/queries/orders.server.ts";
import { addReport } from "../../db/queries/reports.server.ts";
import { addTrackingEvents, addTrackingNumbers, listTrackingNumbers } from "../../db/queries/tracking.server.ts";
import { dayToIso, isoToDay } from "./calendar-date.ts";
import { registerNumbersInBackground, replanAfterCommit } from "./after-order-change.server.ts";
import { AddEventsSchema, AddNumberSchema, DeleteSchema, ReportFormSchema } from "./order-page-schemas.ts";
import { recogniseTracking } from "./wizard/recognise-tracking.server.ts";
import type { Platform } from "../../machines/vocabulary.ts";

export type OrderPageOutcome =
  { kind: "redirect"; to: string } | { kind: "invalid"; intent: string; result: SubmissionResult<string[]> } | { kind: "missing" };

export interface OrderPageRequest {
  db: DB;
  userId: string;
  orderId: string;
  platform: Platform;
  timeZone: string;
  now: Date;
  /** For reminder Message-IDs: `messageDomainOf(appUrl)`. */
  messageDomain: string;
  formData: FormData;
}

export async function runOrderPageAction(req: OrderPageRequest): Promise<OrderPageOutcome> {
  const { db, userId, orderId, formData, now } = req;
  if ((await ownedOrderId(db, userId, orderId)) === null) return { kind: "missing" };
  const intent = String(formData.get("intent") ?? "");
  // Every change below has committed when this runs; the reminders follow the new facts at once.
  const back = async (notice: string) => {
    await replanAfterCommit(db, { userId, orderId, now, messageDomain: req.messageDomain });
    return { kind: "redirect" as const, to: `/orders/${orderId}?done=${notice}` };
  };

  if (intent === "report") {
    const submission = parseWithZod(formData, { schema: ReportFormSchema });
    if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
    const { kind, note, protectionEndsOn } = submission.value;
    const protectionEndsAt = protectionEndsOn ? dayToIso(protectionEndsOn, req.timeZone, "end") : null;
    await addReport(
      db,
      userId,
      orderId,
      { kind, at: now.toISOString(), note: note ?? null, data: protectionEndsAt ? { protectionEndsAt } : null },
      now,
    );
    return back("report");
  }

  if (intent === "add-events") {
    const submission = parseWithZod(formData, { schema: AddEventsSchema });
    if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
    const parsed = parseHistory(submission.value.history, { timeZone: req.timeZone });
    if (parsed.events.length === 0) {
      return {
        kind: "invalid",
        intent,
        result: submission.reply({
          fieldErrors: {
            history: [
              "We could not find any dated events in this text. Copy the whole history with the date and time of each event, e.g. “2026-03-04 08:15 Departed from sorting center”.",
            ],
          },
        }),
      };
    }
    const slack = now.getTime() + 24 * 3_600_000;
    const future = parsed.events.filter((e) => e.at !== null && Date.parse(e.at) > slack);
    if (future.length > 0) {
      return {
        kind: "invalid",
        intent,
        result: submission.reply({
          fieldErrors: {
            history: future
              .slice(0, 3)
              .map((e) => `“${e.text}” is dated ${isoToDay(e.at, req.timeZone)}, which is in the future. Check the year in your paste.`),
          },
        }),
      };
    }
    const numbers = await listTrackingNumbers(db, userId, orderId);
    // The buyer says which leg the paste comes from (the form's select); without a choice, splitLegs decides.
    const chosen = submission.value.leg && numbers.some((n) => n.number === submission.value.leg) ? submission.value.leg : null;
    const split = splitLegs(parsed.events, { legs: numbers, startNumber: chosen, platform: req.platform });
    if (split.newLegs.length > 0) {
      let nextLeg = Math.max(0, ...numbers.map((n) => n.leg)) + 1;
      await addTrackingNumbers(
        db,
        userId,
        orderId,
        split.newLegs.map((leg) => ({ number: leg.number, carrier: leg.carrier, leg: nextLeg++, source: "handover" as const })),
        now,
      );
      registerNumbersInBackground(db, userId, orderId, now);
    }
    await addTrackingEvents(
      db,
      userId,
      orderId,
      split.events.map((e) => ({
        at: e.at,
        text: e.text,
        location: e.location,
        milestone: e.milestone,
        confidence: e.confidence,
        trackingNumber: e.trackingNumber,
        carrier: e.carrier,
        source: "paste" as const,
      })),
      now,
    );
    return back("events");
  }

  if (intent === "add-number") {
    const submission = parseWithZod(formData, { schema: AddNumberSchema });
    if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
    const recognition = await recogniseTracking(submission.value.number, req.platform, req.timeZone);
    const n = recognition.numbers[0];
    if (!n || recognition.numbers.length !== 1) {
      return {
        kind: "invalid",
        intent,
        result: submission.reply({ fieldErrors: { number: [recognition.problem ?? "Paste one tracking number at a time."] } }),
      };
    }
    let carrier = n.carrier;
    if (n.verdict === "ambiguous") {
      const chosen = formData.get(`carrier-${n.number}`);
      if (typeof chosen !== "string" || !n.candidates.some((c) => c.carrier === chosen)) {
        return { kind: "invalid", intent, result: submission.reply({ fieldErrors: { number: [n.message] } }) };
      }
      carrier = chosen;
    } else if (n.verdict !== "ok") {
      return { kind: "invalid", intent, result: submission.reply({ fieldErrors: { number: [n.message] } }) };
    }
    await addTrackingNumbers(db, userId, orderId, [{ number: n.number, carrier, leg: submission.value.local ? 1 : 0, source: "user" }], now);
    registerNumbersInBackground(db, userId, orderId, now);
    return back("number");
  }

  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: DeleteSchema });
    if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
    await deleteOrder(db, userId, orderId);
    return { kind: "redirect", to: "/orders?deleted=1" };
  }

  return { kind: "invalid", intent, result: { status: "error", error: { "": ["That button did nothing: reload the page and try again."] } } };
}
