/**
 * The wizard's forms, one zod schema per step, shared by the browser (conform validates as the
 * person types) and the server (which decides). Messages say what to fix, in plain words.
 */
import { z } from "zod";
import { CARD_NETWORKS, PAYMENT_METHODS, PLATFORMS } from "../../../machines/vocabulary.ts";
import { parseAmount } from "../amount.ts";
import { isCalendarDay } from "../calendar-date.ts";

export const MarketplaceSchema = z
  .object({
    platform: z.enum(PLATFORMS, { errorMap: () => ({ message: "Choose where you ordered: AliExpress, Temu or another marketplace." }) }),
    platformName: z.string().trim().max(100, "Keep the marketplace's name under 100 characters.").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.platform === "other" && !value.platformName) {
      ctx.addIssue({ code: "custom", path: ["platformName"], message: "Type the marketplace's name, e.g. Shein or Wish." });
    }
  });

const optionalDay = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isCalendarDay(v), { message: `Enter ${what} as a date, e.g. 2026-03-01.` });

/** `today` is the person's calendar day (YYYY-MM-DD); an order cannot be placed after it. */
export function factsSchema(today: string) {
  return z
    .object({
      orderNumber: z.string().trim().max(100, "An order number is at most 100 characters.").optional(),
      orderedOn: z
        .string({ required_error: "Enter the day you placed the order; it is at the top of the order page." })
        .trim()
        .refine(isCalendarDay, { message: "Enter the order date as a date, e.g. 2026-03-01." })
        .refine((v) => !isCalendarDay(v) || v <= today, {
          message: "The order date is in the future. Check the date on your order page.",
        }),
      item: z
        .string({ required_error: "Say what you ordered, e.g. “USB-C cable, 2 m”, so you can tell your orders apart." })
        .trim()
        .max(500, "Keep the item under 500 characters."),
      seller: z.string().trim().max(200, "Keep the seller's name under 200 characters.").optional(),
      amount: z
        .string()
        .trim()
        .optional()
        .superRefine((v, ctx) => {
          if (!v) return;
          const result = parseAmount(v);
          if (!result.ok) ctx.addIssue({ code: "custom", message: result.message });
        }),
      currency: z
        .string()
        .trim()
        .optional()
        .refine((v) => !v || /^[A-Za-z]{3}$/.test(v), { message: "Use the three-letter currency code, e.g. EUR, USD or GBP." }),
      paymentMethod: z.enum(PAYMENT_METHODS).optional(),
      cardNetwork: z.enum(CARD_NETWORKS).optional(),
      protectionEndsOn: optionalDay("the buyer-protection end"),
      promisedDeliveryOn: optionalDay("the promised delivery day"),
      estimatedEarliestOn: optionalDay("the earliest estimated delivery"),
      estimatedLatestOn: optionalDay("the latest estimated delivery"),
    })
    .superRefine((v, ctx) => {
      if (v.amount && !v.currency) ctx.addIssue({ code: "custom", path: ["currency"], message: "Add the currency of the amount, e.g. EUR." });
      const afterOrder = (field: "protectionEndsOn" | "promisedDeliveryOn" | "estimatedEarliestOn" | "estimatedLatestOn", what: string) => {
        const day = v[field];
        if (day && isCalendarDay(day) && isCalendarDay(v.orderedOn) && day < v.orderedOn) {
          ctx.addIssue({ code: "custom", path: [field], message: `${what} is before the order date. Check both dates.` });
        }
      };
      afterOrder("protectionEndsOn", "The protection end");
      afterOrder("promisedDeliveryOn", "The promised delivery day");
      afterOrder("estimatedEarliestOn", "The earliest delivery day");
      afterOrder("estimatedLatestOn", "The latest delivery day");
      if (v.estimatedEarliestOn && v.estimatedLatestOn && v.estimatedLatestOn < v.estimatedEarliestOn) {
        ctx.addIssue({ code: "custom", path: ["estimatedLatestOn"], message: "The latest day is before the earliest day. Swap them." });
      }
    });
}

export const TrackingSchema = z
  .object({
    tracking: z.string().trim().max(200_000, "That is too long; paste the tracking numbers or one e-mail.").optional(),
    noTracking: z.boolean().optional(),
    keepUnrecognised: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.tracking && !v.noTracking) {
      ctx.addIssue({
        code: "custom",
        path: ["tracking"],
        message: "Paste a tracking number (or the shipping e-mail), or tick “No tracking number yet”.",
      });
    }
    if (v.tracking && v.noTracking) {
      ctx.addIssue({ code: "custom", path: ["noTracking"], message: "Untick “No tracking number yet”, or clear the tracking box." });
    }
  });

export const HistorySchema = z.object({
  history: z.string().trim().max(200_000, "That paste is too long; copy only the tracking history.").optional(),
  events: z
    .array(z.object({ milestone: z.string().optional(), keep: z.boolean().optional() }))
    .max(2000)
    .optional(),
});
