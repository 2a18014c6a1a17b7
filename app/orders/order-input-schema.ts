/**
 * The order JSON the CLI (`assess`, `letter`, `packet`) and the forms accept (CONTRACT.md §4), checked
 * at the edge and turned into the engine's OrderFacts. Every message names the field and what to fix.
 */
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { DocumentFacts } from "../../templates/document/document-facts.ts";
import { CARD_NETWORKS, MILESTONES, PAYMENT_METHODS, PLATFORMS, REPORT_KINDS } from "../../machines/vocabulary.ts";

const DATE_EXAMPLE = "2026-03-01T10:00:00Z";

// Date, optional time, optional offset. A time without an offset is read in the buyer's time zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const isoDate = z
  .string({
    required_error: `expected an ISO 8601 date such as ${DATE_EXAMPLE}`,
    invalid_type_error: `expected an ISO 8601 date such as ${DATE_EXAMPLE}`,
  })
  .trim()
  .refine((value) => parseIsoDate(value, "UTC") !== null, {
    message: `expected an ISO 8601 date such as ${DATE_EXAMPLE}`,
  });

const timeZone = z
  .string({ invalid_type_error: "expected an IANA time zone such as Europe/Paris" })
  .trim()
  .refine(isTimeZone, { message: "expected an IANA time zone such as Europe/Paris or UTC" });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    errorMap: (_issue, ctx) => ({
      message: `expected one of ${values.join(", ")}` + (ctx.data === undefined ? "" : `; got ${JSON.stringify(ctx.data)}`),
    }),
  });

const optionalText = z.string({ invalid_type_error: "expected text" }).nullish();

const EventInputSchema = z.object(
  {
    at: isoDate.nullable().optional(),
    text: z.string({ required_error: "each event needs its text", invalid_type_error: "expected the event text" }),
    location: optionalText,
    milestone: oneOf(MILESTONES).optional(),
    confidence: z.number().min(0).max(1).optional(),
    trackingNumber: optionalText,
    carrier: optionalText,
    source: optionalText,
  },
  { invalid_type_error: 'expected an event object such as {"at": "2026-03-04T08:00:00Z", "text": "In transit"}' },
);

const ReportInputSchema = z.object(
  {
    at: isoDate,
    kind: oneOf([...REPORT_KINDS, "protection_extended", "checklist_step"] as const),
    note: optionalText,
    reference: optionalText,
    protectionEndsAt: isoDate.nullish(),
    step: optionalText,
    skipped: z.boolean().optional(),
  },
  { invalid_type_error: 'expected a report object such as {"at": "2026-03-20T10:00:00Z", "kind": "not_received"}' },
);

const EstimatedDeliverySchema = z.object(
  { earliest: isoDate.nullish(), latest: isoDate.nullish() },
  { invalid_type_error: 'expected {"earliest": "…", "latest": "…"}' },
);

const AmountSchema = z.object(
  {
    value: z.union(
      [
        z.number().nonnegative(),
        z
          .string()
          .trim()
          .regex(/^\d+(?:[.,]\d{1,2})?$/, "expected an amount such as 12.34"),
      ],
      {
        errorMap: () => ({ message: "expected an amount such as 12.34" }),
      },
    ),
    currency: z
      .string({ required_error: "expected a currency code such as EUR" })
      .trim()
      .regex(/^[A-Za-z]{3}$/, "expected a currency code such as EUR"),
  },
  { invalid_type_error: 'expected {"value": 12.34, "currency": "EUR"}' },
);

const countryCode = z
  .string({ invalid_type_error: "expected an ISO 3166-1 alpha-2 country code such as ES" })
  .trim()
  .regex(/^[A-Za-z]{2}$/, "expected an ISO 3166-1 alpha-2 country code such as ES")
  .transform((value) => value.toUpperCase());

const BuyerSchema = z.object(
  { name: optionalText, address: optionalText, email: optionalText, country: countryCode.nullish(), language: optionalText, phone: optionalText },
  { invalid_type_error: 'expected {"name": "…", "address": "…", "email": "…"}' },
);

const ChecklistEntrySchema = z.object(
  {
    step: z.string({ required_error: "each checklist entry needs its step" }),
    doneAt: isoDate.nullable().optional(),
    skipped: z.boolean({ invalid_type_error: "expected true or false" }).optional(),
    reason: optionalText,
    note: optionalText,
    reference: optionalText,
  },
  { invalid_type_error: 'expected {"step": "…", "doneAt": "…", "skipped": false, "note": "…"}' },
);

/** The raw shape before dates are normalised to UTC. */
const OrderInputObjectSchema = z.object(
  {
    platform: oneOf(PLATFORMS),
    platformName: optionalText,
    orderedAt: isoDate,
    now: isoDate.nullish(),
    trackingNumbers: z
      .array(z.string({ invalid_type_error: "expected tracking numbers as text" }).trim().min(1, "a tracking number cannot be empty"), {
        invalid_type_error: 'expected a list such as ["LP00123456789012"]',
      })
      .default([]),
    events: z.array(EventInputSchema, { invalid_type_error: "expected a list of events" }).default([]),
    paymentMethod: oneOf(PAYMENT_METHODS).nullish(),
    cardNetwork: oneOf(CARD_NETWORKS).nullish(),
    shippedAt: isoDate.nullish(),
    protectionEndsAt: isoDate.nullish(),
    estimatedDelivery: EstimatedDeliverySchema.nullish(),
    timeZone: timeZone.nullish(),
    destinationCountry: countryCode.nullish(),
    reports: z.array(ReportInputSchema, { invalid_type_error: "expected a list of reports" }).default([]),
    orderNumber: z.union([z.string(), z.number()]).transform(String).nullish(),
    item: optionalText,
    amount: AmountSchema.nullish(),
    seller: optionalText,
    buyer: BuyerSchema.nullish(),
    paymentReference: optionalText,
    carrierCaseNumber: optionalText,
    checklist: z.array(ChecklistEntrySchema, { invalid_type_error: "expected a list of checklist steps" }).optional(),
  },
  {
    required_error: "expected an order object",
    invalid_type_error:
      'expected a JSON object such as {"platform": "aliexpress", "orderedAt": "2026-03-01T10:00:00Z", "trackingNumbers": [], "events": []}',
  },
);

/** OrderFacts plus the `now` the input may carry (the CLI uses it instead of the clock). */
export type OrderInput = DocumentFacts & { now: string | null };

export const OrderInputSchema = OrderInputObjectSchema.transform((raw): OrderInput => {
  const zone = raw.timeZone ?? "UTC";
  const utc = (value: string) => toUtcIso(value, zone);
  const utcOrNull = (value: string | null | undefined) => (value == null ? null : utc(value));
  // A date without a time is a whole day on the buyer's calendar: a window or an estimate that ends
  // on that day ends at its last second, one that starts on it starts at midnight (no invented hour).
  const dayEndOrNull = (value: string | null | undefined) => (value == null ? null : isDateOnly(value) ? endOfDayIso(value, zone) : utc(value));
  return {
    platform: raw.platform,
    platformName: raw.platformName ?? null,
    orderedAt: utc(raw.orderedAt),
    now: utcOrNull(raw.now),
    trackingNumbers: raw.trackingNumbers,
    events: raw.events.map((event) => ({
      at: utcOrNull(event.at),
      text: event.text,
      location: event.location ?? null,
      ...(event.milestone ? { milestone: event.milestone } : {}),
      ...(event.confidence !== undefined ? { confidence: event.confidence } : {}),
      trackingNumber: event.trackingNumber ?? null,
      carrier: event.carrier ?? null,
      source: event.source ?? null,
    })),
    paymentMethod: raw.paymentMethod ?? null,
    cardNetwork: raw.cardNetwork ?? null,
    shippedAt: utcOrNull(raw.shippedAt),
    protectionEndsAt: dayEndOrNull(raw.protectionEndsAt),
    estimatedDelivery: raw.estimatedDelivery
      ? { earliest: utcOrNull(raw.estimatedDelivery.earliest), latest: dayEndOrNull(raw.estimatedDelivery.latest) }
      : null,
    timeZone: raw.timeZone ?? null,
    destinationCountry: raw.destinationCountry ?? null,
    reports: raw.reports.map((report) => ({
      at: utc(report.at),
      kind: report.kind,
      note: report.note ?? null,
      reference: report.reference ?? null,
      ...(report.protectionEndsAt ? { protectionEndsAt: dayEndOrNull(report.protectionEndsAt)! } : {}),
      ...(report.step ? { step: report.step } : {}),
      ...(report.skipped !== undefined ? { skipped: report.skipped } : {}),
    })),
    orderNumber: raw.orderNumber ?? null,
    item: raw.item ?? null,
    amount: raw.amount ? { value: raw.amount.value, currency: raw.amount.currency.toUpperCase() } : null,
    seller: raw.seller ?? null,
    buyer: raw.buyer
      ? {
          name: raw.buyer.name ?? null,
          address: raw.buyer.address ?? null,
          email: raw.buyer.email ?? null,
          ...(raw.buyer.country ? { country: raw.buyer.country } : {}),
          ...(raw.buyer.language ? { language: raw.buyer.language } : {}),
          ...(raw.buyer.phone ? { phone: raw.buyer.phone } : {}),
        }
      : null,
    ...(raw.paymentReference ? { paymentReference: raw.paymentReference } : {}),
    ...(raw.carrierCaseNumber ? { carrierCaseNumber: raw.carrierCaseNumber } : {}),
    ...(raw.checklist
      ? {
          checklist: raw.checklist.map((c) => ({
            step: c.step,
            doneAt: utcOrNull(c.doneAt),
            note: c.note ?? null,
            ...(c.skipped ? { skipped: true } : {}),
            ...(c.reason ? { reason: c.reason } : {}),
            ...(c.reference ? { reference: c.reference } : {}),
          })),
        }
      : {}),
  };
});

/** One line naming the field and the fix, e.g. `orderedAt: expected an ISO 8601 date such as 2026-03-01T10:00:00Z`. */
export function formatOrderInputError(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path
      .map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`))
      .join("")
      .replace(/^\./, "");
    const message = issue.code === "invalid_type" && issue.received === "undefined" ? `missing; ${issue.message}` : issue.message;
    return path ? `${path}: ${message}` : message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return issues.join("; ") + more;
}

export type OrderInputResult = { ok: true; input: OrderInput } | { ok: false; error: string };

/** Validates already-parsed JSON; never throws. */
export function parseOrderInput(value: unknown): OrderInputResult {
  const result = OrderInputSchema.safeParse(value);
  return result.success ? { ok: true, input: result.data } : { ok: false, error: formatOrderInputError(result.error) };
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Null when the text is not a real calendar date (e.g. 2026-02-30). */
function parseIsoDate(value: string, zone: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "0", offset] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  if (offset) {
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, "0")}${normaliseOffset(offset)}`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  // No offset: the wall-clock time the buyer read, in their zone.
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, ms, zone).getTime());
}

function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
}

/** The last second of that calendar day in the zone (as the web forms store a day that ends a window). */
function endOfDayIso(value: string, zone: string): string {
  const [year, month, day] = value.trim().split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, 23, 59, 59, 0, zone).getTime()).toISOString();
}

function normaliseOffset(offset: string): string {
  if (offset.toUpperCase() === "Z") return "Z";
  const digits = offset.slice(1).replace(":", "");
  return `${offset[0]}${digits.slice(0, 2)}:${(digits.slice(2) || "00").padEnd(2, "0")}`;
}

function toUtcIso(value: string, zone: string): string {
  const date = parseIsoDate(value, zone);
  // Already refined above; the fallback only keeps the type honest.
  return (date ?? new Date(value)).toISOString();
}
