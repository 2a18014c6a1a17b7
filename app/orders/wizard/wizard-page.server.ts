/**
 * What the wizard page shows for a draft and step: the typed values, the numbers and events read so
 * far, and on the review step the engine's answer for the order as it would be created.
 */
import type { DB } from "../../../db/client.server.ts";
import { getOrderDraft } from "../../../db/queries/order-drafts.server.ts";
import { assessOrder } from "../../../machines/assess.ts";
import type { SessionUser } from "~/auth/current-user.server.ts";
import { formatDate, platformLabel } from "~/components/order-labels.ts";
import { carrierLabel } from "~/components/order-words.ts";
import { todayIn } from "../calendar-date.ts";
import { assessmentView, type AssessmentView } from "./assessment-view.ts";
import { isWizardStep, readDraftData, WIZARD_STEPS, type DraftData, type WizardStep } from "./draft-data.ts";
import { draftToOrder } from "./draft-order.ts";

export interface WizardPage {
  draftId: string | null;
  step: WizardStep;
  /** Index of the furthest step the draft has reached; earlier steps are links. */
  reached: number;
  data: DraftData;
  today: string;
  numbers: Array<{ number: string; carrier: string | null; verdict: "ok"; candidates: []; message: string }>;
  events: Array<{ when: string | null; location: string | null; text: string; milestone: string; keep: boolean }>;
  warnings: string[];
  check: boolean;
  summary: Array<[string, string]>;
  review: AssessmentView | null;
}

export async function loadWizardPage(db: DB, user: SessionUser, url: URL, now: Date): Promise<WizardPage | null> {
  const tz = user.timeZone;
  const empty: WizardPage = {
    draftId: null,
    step: "marketplace",
    reached: 0,
    data: {},
    today: todayIn(tz, now),
    numbers: [],
    events: [],
    warnings: [],
    check: false,
    summary: [],
    review: null,
  };
  const draftId = url.searchParams.get("draft");
  if (!draftId) return empty;
  const draft = await getOrderDraft(db, user.id, draftId);
  if (!draft) return null;
  const data = readDraftData(draft.data);
  const reached = Math.max(0, WIZARD_STEPS.indexOf(draft.step as WizardStep));
  const requested = url.searchParams.get("step");
  const step: WizardStep = isWizardStep(requested) && WIZARD_STEPS.indexOf(requested) <= reached ? requested : WIZARD_STEPS[reached]!;
  const page: WizardPage = {
    ...empty,
    draftId: draft.id,
    step,
    reached,
    data,
    check: url.searchParams.get("check") === "1",
    numbers: (data.numbers ?? []).map((n) => ({
      number: n.number,
      carrier: n.carrier,
      verdict: "ok" as const,
      candidates: [] as [],
      message: `${n.number}: ${carrierLabel(n.carrier)}`,
    })),
    events: (data.events ?? []).map((e) => ({
      when: formatDate(e.at, tz, true),
      location: e.location,
      text: e.text,
      milestone: e.milestone,
      keep: e.keep,
    })),
    warnings: data.historyWarnings ?? [],
  };
  if (step === "review") {
    const planned = draftToOrder(data, tz);
    if (planned) {
      const f = planned.fields;
      const rows: Array<[string, string | null]> = [
        ["Marketplace", platformLabel(f.platform, f.platform_name)],
        ["Order number", f.order_number],
        ["What you ordered", f.item],
        ["Ordered", formatDate(f.ordered_at, tz)],
        ["Amount", f.amount_value ? `${f.amount_value} ${f.currency ?? ""}`.trim() : null],
        [
          "Tracking",
          planned.numbers.length
            ? planned.numbers.map((n) => `${n.number} (${carrierLabel(n.carrier)}${n.leg > 0 ? ", after hand-over" : ""})`).join(", ")
            : "No tracking number yet",
        ],
        ["Tracking events", String(planned.events.length)],
        ["Buyer protection ends", formatDate(f.protection_ends_at, tz)],
        [
          "Estimated delivery",
          f.estimated_delivery_latest
            ? `${formatDate(f.estimated_delivery_earliest, tz) ?? "?"} – ${formatDate(f.estimated_delivery_latest, tz)}`
            : null,
        ],
      ];
      page.summary = rows.filter((r): r is [string, string] => !!r[1]);
      page.review = assessmentView(assessOrder(planned.facts, now), tz, now);
    }
  }
  return page;
}
