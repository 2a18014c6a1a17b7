/**
 * How often to ask a provider about an order. Pure: the scheduler passes what it knows and `now`.
 * Providers count quota per request, so quiet parcels are asked rarely and parcels near a deadline
 * or in a state that needs action are asked often.
 */
import type { OrderState } from "../../../machines/vocabulary.ts";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export interface CadenceInput {
  state: OrderState;
  /** The buyer's case; a closed or refunded case needs no more news. */
  caseState: string;
  /** Latest carrier event time, if any. */
  lastEventAt: string | null;
  /** The nearest deadline still ahead, if any. */
  nextDeadlineAt: string | null;
  now: Date;
}

const FINISHED_CASES = new Set(["closed", "refunded"]);
const URGENT_STATES = new Set<OrderState>(["customs_held", "delivery_failed", "out_for_delivery", "available_for_pickup", "exception"]);

/** When to refresh next, or null when the order is finished and must never be refreshed again. */
export function nextRefreshAt(input: CadenceInput): Date | null {
  const { state, caseState, now } = input;
  if (FINISHED_CASES.has(caseState) && (state === "delivered" || state === "returned" || caseState === "refunded")) return null;
  if (state === "delivered" && caseState === "none") return null;
  if (state === "returned" && caseState === "none") return null;

  const t = now.getTime();
  let interval = 6 * HOUR;
  const lastEvent = input.lastEventAt ? Date.parse(input.lastEventAt) : NaN;
  if (!Number.isNaN(lastEvent) && t - lastEvent > 7 * 24 * HOUR) interval = 12 * HOUR;
  if (!Number.isNaN(lastEvent) && t - lastEvent < 48 * HOUR) interval = 4 * HOUR;
  if (URGENT_STATES.has(state)) interval = 2 * HOUR;
  const deadline = input.nextDeadlineAt ? Date.parse(input.nextDeadlineAt) : NaN;
  if (!Number.isNaN(deadline) && deadline > t && deadline - t < 3 * 24 * HOUR) interval = Math.min(interval, 2 * HOUR);
  return new Date(t + interval);
}

/** Exponential back-off after failures: 15 min, 30, 60 … capped at a day; a provider's own retry time wins when later. */
export function retryAfterFailure(failures: number, now: Date, providerRetryAt: string | null): Date {
  const backoff = Math.min(15 * MINUTE * 2 ** Math.max(0, failures - 1), 24 * HOUR);
  const ours = now.getTime() + backoff;
  const theirs = providerRetryAt ? Date.parse(providerRetryAt) : NaN;
  return new Date(Number.isNaN(theirs) ? ours : Math.max(ours, theirs));
}
