/**
 * What each wizard step does with a submitted form: validate, save what was typed in the draft
 * (always, so nothing typed is lost), and move on or back. The route module stays thin: it reads
 * the form and turns these results into responses.
 */
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { parseHistory } from "~/carriers/paste/parse-history.ts";
import type { DB } from "../../../db/client.server.ts";
import { createOrderDraft, deleteOrderDraft, getOrderDraft, saveOrderDraft } from "../../../db/queries/order-drafts.server.ts";
import { MILESTONES, type Milestone } from "../../../machines/vocabulary.ts";
import { isoToDay, todayIn } from "../calendar-date.ts";
import { registerNumbersInBackground, replanAfterCommit } from "../after-order-change.server.ts";
import { createOrderFromDraft } from "./create-from-draft.server.ts";
import { readDraftData, type DraftData, type WizardStep } from "./draft-data.ts";
import { recogniseTracking, type RecognisedNumber } from "./recognise-tracking.server.ts";
import { factsSchema, HistorySchema, MarketplaceSchema, TrackingSchema } from "./step-schemas.ts";

export type WizardOutcome =
  { kind: "redirect"; to: string } | { kind: "invalid"; result: SubmissionResult<string[]>; numbers?: RecognisedNumber[] } | { kind: "missing" };

export interface WizardRequest {
  db: DB;
  userId: string;
  timeZone: string;
  now: Date;
  /** For reminder Message-IDs: `messageDomainOf(appUrl)`. */
  messageDomain: string;
  formData: FormData;
}

const stepUrl = (draftId: string, step: WizardStep, extra = "") => `/orders/new?draft=${draftId}&step=${step}${extra}`;

/** Form values as typed (text fields only), for saving before validation. */
function typed(formData: FormData, names: readonly (keyof DraftData)[]): Partial<DraftData> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value;
  }
  return out as Partial<DraftData>;
}

const FACT_FIELDS = [
  "orderNumber",
  "orderedOn",
  "item",
  "seller",
  "amount",
  "currency",
  "paymentMethod",
  "cardNetwork",
  "protectionEndsOn",
  "promisedDeliveryOn",
  "estimatedEarliestOn",
  "estimatedLatestOn",
] as const satisfies readonly (keyof DraftData)[];

export async function runWizardAction(req: WizardRequest): Promise<WizardOutcome> {
  const { db, userId, formData, now } = req;
  const step = String(formData.get("step") ?? "marketplace") as WizardStep;
  const intent = String(formData.get("intent") ?? "next");
  const draftId = String(formData.get("draftId") ?? "");

  if (step === "marketplace" && !draftId) {
    const submission = parseWithZod(formData, { schema: MarketplaceSchema });
    if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
    const draft = await createOrderDraft(db, userId, "facts", submission.value, now);
    return { kind: "redirect", to: stepUrl(draft.id, "facts") };
  }

  const draft = await getOrderDraft(db, userId, draftId);
  if (!draft) return { kind: "missing" };
  const data = readDraftData(draft.data);
  const save = (next: WizardStep, changes: Partial<DraftData>) => saveOrderDraft(db, userId, draft.id, next, { ...data, ...changes }, now);

  if (intent === "discard") {
    await deleteOrderDraft(db, userId, draft.id);
    return { kind: "redirect", to: "/orders" };
  }

  switch (step) {
    case "marketplace": {
      const submission = parseWithZod(formData, { schema: MarketplaceSchema });
      if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
      await save("facts", submission.value);
      return { kind: "redirect", to: stepUrl(draft.id, "facts") };
    }
    case "facts": {
      const raw = typed(formData, FACT_FIELDS);
      if (intent === "back") {
        await save("marketplace", raw);
        return { kind: "redirect", to: stepUrl(draft.id, "marketplace") };
      }
      const submission = parseWithZod(formData, { schema: factsSchema(todayIn(req.timeZone, now)) });
      if (submission.status !== "success") {
        await save("facts", raw);
        return { kind: "invalid", result: submission.reply() };
      }
      await save("tracking", raw);
      return { kind: "redirect", to: stepUrl(draft.id, "tracking") };
    }
    case "tracking":
      return trackingStep(req, draft.id, data, intent, save);
    case "history":
      return historyStep(req, draft.id, data, intent, save);
    case "review": {
      if (intent === "back") {
        await save("history", {});
        return { kind: "redirect", to: stepUrl(draft.id, "history") };
      }
      const created = await createOrderFromDraft(db, userId, draft.id, req.timeZone, now);
      if (!created.ok) {
        return created.reason === "missing"
          ? { kind: "missing" }
          : {
              kind: "invalid",
              result: { status: "error", error: { "": ["Some order details are missing: go back to “Order details” and fill them in."] } },
            };
      }
      // Committed by now: createOrderFromDraft's transaction has ended.
      registerNumbersInBackground(db, userId, created.orderId, now);
      await replanAfterCommit(db, { userId, orderId: created.orderId, now, messageDomain: req.messageDomain });
      return { kind: "redirect", to: `/orders/${created.orderId}?created=1` };
    }
    default:
      return { kind: "missing" };
  }
}

type Save = (next: WizardStep, changes: Partial<DraftData>) => Promise<boolean>;

async function trackingStep(req: WizardRequest, draftId: string, data: DraftData, intent: string, save: Save): Promise<WizardOutcome> {
  const { formData } = req;
  const raw: Partial<DraftData> = { tracking: String(formData.get("tracking") ?? ""), noTracking: formData.get("noTracking") === "on" };
  if (intent === "back") {
    await save("facts", raw);
    return { kind: "redirect", to: stepUrl(draftId, "facts") };
  }
  const submission = parseWithZod(formData, { schema: TrackingSchema });
  if (submission.status !== "success") {
    await save("tracking", raw);
    return { kind: "invalid", result: submission.reply() };
  }
  if (submission.value.noTracking) {
    await save("history", { ...raw, numbers: [] });
    return { kind: "redirect", to: stepUrl(draftId, "history") };
  }
  const recognition = await recogniseTracking(submission.value.tracking ?? "", data.platform, req.timeZone);
  const errors: string[] = recognition.problem ? [recognition.problem] : [];
  const keepUnknown = submission.value.keepUnrecognised === true;
  const numbers: Array<{ number: string; carrier: string | null }> = [];
  for (const n of recognition.numbers) {
    if (n.verdict === "ok") numbers.push({ number: n.number, carrier: n.carrier });
    else if (n.verdict === "ambiguous") {
      const chosen = formData.get(`carrier-${n.number}`);
      if (typeof chosen === "string" && n.candidates.some((c) => c.carrier === chosen)) numbers.push({ number: n.number, carrier: chosen });
      else errors.push(n.message);
    } else if (keepUnknown) numbers.push({ number: n.number, carrier: null });
    else errors.push(n.message);
  }
  // Blanks of the order an e-mail can fill; what the person typed always wins.
  const fromEmail: Partial<DraftData> = {};
  if (recognition.email?.orderNumber && !data.orderNumber) fromEmail.orderNumber = recognition.email.orderNumber;
  if (recognition.email?.estimatedDelivery && !data.estimatedLatestOn) {
    fromEmail.estimatedEarliestOn = isoToDay(recognition.email.estimatedDelivery.earliest, req.timeZone);
    fromEmail.estimatedLatestOn = isoToDay(recognition.email.estimatedDelivery.latest, req.timeZone);
  }
  if (errors.length > 0) {
    await save("tracking", { ...raw, ...fromEmail });
    return { kind: "invalid", result: submission.reply({ fieldErrors: { tracking: errors } }), numbers: recognition.numbers };
  }
  await save("history", { ...raw, ...fromEmail, numbers });
  return { kind: "redirect", to: stepUrl(draftId, "history") };
}

async function historyStep(req: WizardRequest, draftId: string, data: DraftData, intent: string, save: Save): Promise<WizardOutcome> {
  const { formData, now } = req;
  const history = String(formData.get("history") ?? "");
  const submission = parseWithZod(formData, { schema: HistorySchema });
  // The person's corrections to the events already shown (milestone, keep).
  const corrected = (data.events ?? []).map((event, i) => {
    const milestone = formData.get(`events[${i}].milestone`);
    const shown = formData.has(`events[${i}].shown`);
    return {
      ...event,
      milestone: typeof milestone === "string" && (MILESTONES as readonly string[]).includes(milestone) ? (milestone as Milestone) : event.milestone,
      keep: shown ? formData.get(`events[${i}].keep`) === "on" : event.keep,
    };
  });
  if (intent === "back") {
    await save("tracking", { history, events: corrected });
    return { kind: "redirect", to: stepUrl(draftId, "tracking") };
  }
  if (submission.status !== "success") {
    await save("history", { history });
    return { kind: "invalid", result: submission.reply() };
  }
  const text = history.trim();
  if (text === "") {
    await save("review", { history, historyRead: "", events: [], historyWarnings: [] });
    return { kind: "redirect", to: stepUrl(draftId, "review") };
  }
  // A new or changed paste is read and shown for checking before anything moves on.
  if (intent === "read" || text !== (data.historyRead ?? "").trim()) {
    const parsed = parseHistory(text, { timeZone: req.timeZone });
    if (parsed.events.length === 0) {
      await save("history", { history, historyRead: "", events: [], historyWarnings: [] });
      return {
        kind: "invalid",
        result: submission.reply({
          fieldErrors: {
            history: [
              "We could not find any dated events in this text. Copy the whole history from the tracking page, with the date and time of each event (e.g. “2026-03-04 08:15 Departed from sorting center”), or clear the box to skip this step.",
            ],
          },
        }),
      };
    }
    const events = parsed.events.map((e) => ({ at: e.at, location: e.location, text: e.text, milestone: e.milestone, keep: true }));
    await save("history", { history, historyRead: text, events, historyWarnings: parsed.warnings.slice(0, 10) });
    return { kind: "redirect", to: stepUrl(draftId, "history", "&check=1#events") };
  }
  // Carriers never report the future; a date there is a misread year or a typo.
  const slack = now.getTime() + 24 * 3_600_000;
  const future = corrected.filter((e) => e.keep && e.at !== null && Date.parse(e.at) > slack);
  if (future.length > 0) {
    await save("history", { history, events: corrected });
    return {
      kind: "invalid",
      result: submission.reply({
        formErrors: future
          .slice(0, 5)
          .map(
            (e) =>
              `“${e.text}” is dated ${isoToDay(e.at, req.timeZone)}, which is in the future. Check the year in your paste and read it again, or untick that event.`,
          ),
      }),
    };
  }
  await save("review", { history, events: corrected });
  return { kind: "redirect", to: stepUrl(draftId, "review") };
}
