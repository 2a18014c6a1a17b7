/**
 * The deadlines a "delivered but not received" case adds, counted from the delivery scan: the end of
 * Temu's 48-hour grace and the first day of a USPS Missing Mail search. They exist only while the
 * buyer works through the checklist of a delivered order, so a closed case drops them.
 */
import { plusDays, plusHours, type Zone } from "../calendar.ts";
import type { OrderFacts } from "../order-facts.ts";
import { sourceOf } from "../policies/policy.ts";
import type { CaseState, OrderState } from "../vocabulary.ts";
import { TEMU_DELIVERED_GRACE, USPS_MISSING_MAIL } from "./checklist-policies.ts";
import { CHECKLIST_DEADLINE_IDS, LOCAL_CARRIER_OF, type LocalCarrierKey } from "./checklist-steps.ts";

export interface ChecklistDeadlineDraft {
  id: string;
  due: string;
  title: string;
  reason: string;
  source: string;
}

/**
 * The carrier that made the delivery scan, else the carrier of the last leg (the parcel's latest
 * tracking number) that reported anything, else the latest carrier named: after a hand-over the
 * local carrier's advice applies, not the first carrier's.
 */
export function localCarrierOf(facts: Pick<OrderFacts, "events"> & Partial<Pick<OrderFacts, "trackingNumbers">>): {
  id: string | null;
  key: LocalCarrierKey;
} {
  const timeOf = (at: string | null) => (at === null ? Number.NEGATIVE_INFINITY : Date.parse(at) || Number.NEGATIVE_INFINITY);
  const named = facts.events.filter((e) => e.carrier).sort((a, b) => timeOf(a.at) - timeOf(b.at));
  const delivered = named.filter((e) => e.milestone === "delivered");
  const norm = (n: string) => n.replace(/[\s-]/g, "").toUpperCase();
  const legs = (facts.trackingNumbers ?? []).map(norm);
  const legOf = (e: (typeof named)[number]) => (e.trackingNumber ? legs.indexOf(norm(e.trackingNumber)) : -1);
  const lastLeg = Math.max(-1, ...named.map(legOf));
  const onLastLeg = lastLeg >= 0 ? named.filter((e) => legOf(e) === lastLeg) : [];
  const id = (delivered.at(-1) ?? onLastLeg.at(-1) ?? named.at(-1))?.carrier ?? null;
  return { id, key: (id && LOCAL_CARRIER_OF[id]) || "local" };
}

export function checklistDeadlines(
  facts: Pick<OrderFacts, "platform" | "events">,
  view: { state: OrderState; case: CaseState; deliveredAt: string | null },
  zone: Zone,
): ChecklistDeadlineDraft[] {
  if (view.case !== "checklist" || view.state !== "delivered" || !view.deliveredAt) return [];
  const drafts: ChecklistDeadlineDraft[] = [];
  if (facts.platform === "temu") {
    const hours = TEMU_DELIVERED_GRACE.rules.graceHours;
    drafts.push({
      id: CHECKLIST_DEADLINE_IDS.temuGraceEnds,
      due: plusHours(view.deliveredAt, hours),
      title: `Temu's ${hours}-hour wait after "Delivered" ends`,
      reason: `Temu says a parcel can show up to ${hours} hours after it is marked delivered; after that, contact Temu with "${TEMU_DELIVERED_GRACE.rules.supportOption}".`,
      source: sourceOf(TEMU_DELIVERED_GRACE),
    });
  }
  if (localCarrierOf(facts).key === "usps") {
    const days = USPS_MISSING_MAIL.rules.searchAfterDays;
    drafts.push({
      id: CHECKLIST_DEADLINE_IDS.uspsMissingMailOpens,
      due: plusDays(view.deliveredAt, days, zone),
      title: "First day for a USPS Missing Mail search",
      reason: `USPS takes a Missing Mail search request once an item is ${days} or more days late or missing, counted here from the delivery scan.`,
      source: sourceOf(USPS_MISSING_MAIL),
    });
  }
  return drafts;
}
