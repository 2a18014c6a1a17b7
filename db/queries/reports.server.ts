/**
 * The buyer's reports about an order (not received, contacted the seller, dispute opened, a
 * protection extension, a checklist step…): facts the engine replays, reached through an order the
 * user owns.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { REPORT_KINDS } from "../../machines/vocabulary.ts";
import type { DB } from "../client.server.ts";
import { IsoInstantSchema, optionalText, parseInput } from "../fields.server.ts";
import type { Report } from "../schema.ts";
import { invalidateOrderSnapshot, ownedOrderId } from "./orders.server.ts";

/** The contract's report kinds plus the engine-level facts of machines/order-facts.ts. */
export const STORED_REPORT_KINDS = [...REPORT_KINDS, "protection_extended", "checklist_step"] as const;
export type StoredReportKind = (typeof STORED_REPORT_KINDS)[number];

/** The extra facts a report may carry (the `data` JSON column); unknown keys are kept for later features. */
export const ReportDataSchema = z
  .object({
    /** protection_extended: the new end of buyer protection. */
    protectionEndsAt: IsoInstantSchema.optional(),
    /** checklist_step: which step, and whether it was skipped rather than done. */
    step: z.string().trim().min(1).max(100).optional(),
    skipped: z.boolean().optional(),
  })
  .passthrough();
export type ReportData = z.output<typeof ReportDataSchema>;

export const ReportInputSchema = z
  .object({
    kind: z.enum(STORED_REPORT_KINDS),
    at: IsoInstantSchema,
    note: optionalText(2000),
    reference: optionalText(200),
    data: ReportDataSchema.nullish(),
  })
  .superRefine((report, ctx) => {
    if (report.kind === "protection_extended" && !report.data?.protectionEndsAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["data", "protectionEndsAt"], message: "a protection extension needs the new end date" });
    }
    if (report.kind === "checklist_step" && !report.data?.step) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["data", "step"], message: "a checklist step needs the step's id" });
    }
  });
export type ReportInput = z.input<typeof ReportInputSchema>;

/** Stores a report on the user's order; null when the order is not theirs. */
export async function addReport(db: DB, userId: string, orderId: string, input: ReportInput, now: Date = new Date()): Promise<Report | null> {
  const report = parseInput(ReportInputSchema, input, "report not saved");
  if ((await ownedOrderId(db, userId, orderId)) === null) return null;
  const row = await db
    .insertInto("reports")
    .values({
      id: randomUUID(),
      order_id: orderId,
      kind: report.kind,
      at: report.at,
      note: report.note,
      reference: report.reference,
      data: report.data ? JSON.stringify(report.data) : null,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await invalidateOrderSnapshot(db, orderId);
  return row;
}

/** The order's reports in the order they happened; empty when the order is not theirs. */
export async function listReports(db: DB, userId: string, orderId: string): Promise<Report[]> {
  return db
    .selectFrom("reports as r")
    .innerJoin("orders as o", "o.id", "r.order_id")
    .selectAll("r")
    .where("o.id", "=", orderId)
    .where("o.user_id", "=", userId)
    .orderBy("r.at")
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

/** Removes one report (an undone checklist step, a mistaken entry); false when it is not theirs. */
export async function deleteReport(db: DB, userId: string, reportId: string): Promise<boolean> {
  const owned = db.selectFrom("orders").select("id").where("user_id", "=", userId);
  const row = await db.deleteFrom("reports").where("id", "=", reportId).where("order_id", "in", owned).returning("order_id").executeTakeFirst();
  if (!row) return false;
  await invalidateOrderSnapshot(db, row.order_id);
  return true;
}

/** The report's `data` column as facts; a damaged or missing value reads as no extra facts. */
export function reportData(report: Pick<Report, "data">): ReportData {
  if (!report.data) return {};
  try {
    const parsed = ReportDataSchema.safeParse(JSON.parse(report.data));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
