/**
 * The delivery date the buyer was given, as the rules that count from "the expected delivery date"
 * read it (CONTRACT.md §4 `estimatedDelivery`). A marketplace shows either a promised day ("Delivery
 * by 20 March", AliExpress) or an estimated range ("10–18 March", Temu); the web app stores both. With
 * both, the earlier end is used: POLICIES.md takes the safer (earlier) date for reminders.
 */
import { earliest, isoMs } from "./calendar.ts";

export interface StoredDeliveryDates {
  promisedDeliveryAt: string | null | undefined;
  estimatedEarliest: string | null | undefined;
  estimatedLatest: string | null | undefined;
}

const valid = (iso: string | null | undefined) => (iso && !Number.isNaN(isoMs(iso)) ? iso : null);

export function expectedDeliveryOf(dates: StoredDeliveryDates): { earliest: string | null; latest: string | null } | null {
  const promised = valid(dates.promisedDeliveryAt);
  const first = valid(dates.estimatedEarliest);
  const last = valid(dates.estimatedLatest);
  if (!promised && !first && !last) return null;
  return { earliest: first, latest: earliest(last, promised) };
}
