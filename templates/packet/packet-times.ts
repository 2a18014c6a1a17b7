import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { OrderFacts } from "../../machines/order-facts.ts";
import { MILESTONES, type Milestone } from "../../machines/vocabulary.ts";

/**
 * How the packet writes moments (issue 13): every time carries its zone's offset, so a reader in
 * another country can line it up with the carrier's page; a date the buyer gave as a day stays a
 * day (no invented hour); and when the buyer's zone is not known, carrier times are shown as the
 * carrier gave them instead of being relabelled UTC.
 */

/** The zone the packet writes times in, and whether it is the buyer's own (known) or a fallback. */
export interface PacketZone {
  zone: string;
  known: boolean;
}

export function packetZone(timeZone: string | null | undefined): PacketZone {
  if (!timeZone) return { zone: "UTC", known: false };
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return { zone: timeZone, known: true };
  } catch {
    return { zone: "UTC", known: false };
  }
}

function inZone(iso: string, zone: string): TZDate | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new TZDate(ms, zone);
}

/** "UTC+1", "UTC-8", "UTC+5:30" for that moment in that zone (summer and winter differ). */
export function offsetLabel(iso: string, zone: string): string {
  const d = inZone(iso, zone);
  if (!d) return "";
  const offset = format(d, "xxx");
  if (offset === "+00:00" || offset === "Z") return "UTC";
  const [, sign, hours, minutes] = /^([+-])(\d\d):(\d\d)$/.exec(offset) ?? [];
  return sign ? `UTC${sign}${Number(hours)}${minutes === "00" ? "" : `:${minutes}`}` : `UTC${offset}`;
}

/** "4 March 2026". */
export function dayOf(iso: string | null | undefined, zone: string): string | null {
  if (!iso) return null;
  const d = inZone(iso, zone);
  return d ? format(d, "d MMMM yyyy") : null;
}

/**
 * "4 Mar 2026 09:00 UTC+1": a moment known as an instant (a scan, an upload, the packet's own
 * time). With `zoneKnown` false the offset is left off: the time is shown as recorded.
 */
export function momentOf(iso: string | null | undefined, z: PacketZone, instant = false): string | null {
  if (!iso) return null;
  const d = inZone(iso, z.zone);
  if (!d) return null;
  const time = format(d, "d MMM yyyy HH:mm");
  return z.known || instant ? `${time} ${offsetLabel(iso, z.zone)}` : time;
}

/**
 * A date the buyer typed: the order form stores a day as noon (or midnight) in their zone, so such
 * a value is written as the day alone; a real time of day is kept, with its offset.
 */
export function typedDateOf(iso: string | null | undefined, z: PacketZone): string | null {
  if (!iso) return null;
  const d = inZone(iso, z.zone);
  if (!d) return null;
  const clock = format(d, "HH:mm:ss.SSS");
  if (clock === "12:00:00.000" || clock === "00:00:00.000") return format(d, "d MMMM yyyy");
  return momentOf(iso, z);
}

/** Milestones that show the parcel was in the carrier's hands: all but a label, a problem, or nothing. */
const MOVING: ReadonlySet<Milestone> = new Set(MILESTONES.filter((m) => m !== "info_received" && m !== "exception" && m !== "unknown"));

/**
 * When the parcel left: the buyer's ship date when they gave one, else the first carrier scan that
 * shows the parcel in the carrier's hands (with the scan's words), else nothing.
 */
export function shippedFrom(facts: Pick<OrderFacts, "shippedAt" | "events">): { at: string; scan: string | null } | null {
  if (facts.shippedAt && !Number.isNaN(Date.parse(facts.shippedAt))) return { at: facts.shippedAt, scan: null };
  let first: { at: string; text: string } | null = null;
  for (const e of facts.events) {
    if (!e.at || Number.isNaN(Date.parse(e.at)) || !e.milestone || !MOVING.has(e.milestone)) continue;
    if (!first || Date.parse(e.at) < Date.parse(first.at)) first = { at: e.at, text: e.text };
  }
  return first ? { at: first.at, scan: first.text } : null;
}
