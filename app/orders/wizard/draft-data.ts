/**
 * What the wizard keeps between steps: the person's typing as typed (so going back shows it
 * unchanged) plus what the server recognised (tracking numbers, parsed events). Read back through
 * zod, so a damaged or older draft row reads as empty fields rather than crashing the page.
 */
import { z } from "zod";
import { MILESTONES, PLATFORMS } from "../../../machines/vocabulary.ts";

export const WIZARD_STEPS = ["marketplace", "facts", "tracking", "history", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_TITLES: Record<WizardStep, string> = {
  marketplace: "Marketplace",
  facts: "Order details",
  tracking: "Tracking number",
  history: "Tracking history",
  review: "Review and create",
};

export function isWizardStep(value: unknown): value is WizardStep {
  return typeof value === "string" && (WIZARD_STEPS as readonly string[]).includes(value);
}

export const DraftNumberSchema = z.object({
  number: z.string(),
  carrier: z.string().nullable(),
});
export type DraftNumber = z.infer<typeof DraftNumberSchema>;

export const DraftEventSchema = z.object({
  at: z.string().nullable(),
  location: z.string().nullable(),
  text: z.string(),
  milestone: z.enum(MILESTONES),
  keep: z.boolean().default(true),
});
export type DraftEvent = z.infer<typeof DraftEventSchema>;

const text = z.string().max(20_000).optional().catch(undefined);

export const DraftDataSchema = z.object({
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  platformName: text,
  orderNumber: text,
  orderedOn: text,
  item: text,
  seller: text,
  amount: text,
  currency: text,
  paymentMethod: text,
  cardNetwork: text,
  protectionEndsOn: text,
  promisedDeliveryOn: text,
  estimatedEarliestOn: text,
  estimatedLatestOn: text,
  tracking: z.string().max(200_000).optional().catch(undefined),
  noTracking: z.boolean().optional().catch(undefined),
  numbers: z.array(DraftNumberSchema).max(20).optional().catch(undefined),
  history: z.string().max(200_000).optional().catch(undefined),
  /** The history text the events below were read from; a changed paste is read again. */
  historyRead: z.string().max(200_000).optional().catch(undefined),
  events: z.array(DraftEventSchema).max(2000).optional().catch(undefined),
  historyWarnings: z.array(z.string()).max(50).optional().catch(undefined),
});
export type DraftData = z.infer<typeof DraftDataSchema>;

export function readDraftData(json: string): DraftData {
  try {
    const parsed = DraftDataSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
