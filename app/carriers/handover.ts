/**
 * Spots the hand-over to a last-mile carrier inside an event ("Handed over to the last mile
 * carrier, tracking number 9400…", "转单号：…") and returns the new number as a linked second leg,
 * so the order keeps following the parcel once the first carrier stops reporting.
 */
import type { CarrierId } from "../../machines/vocabulary.ts";
import { classifyEvent } from "./events/classify.ts";
import { findTrackingNumbers, type FoundNumber } from "./numbers/find.ts";
import type { DetectContext } from "./numbers/types.ts";

export interface HandoverLeg {
  /** The new number, normalised (upper case, no spaces). */
  number: string;
  carrier: CarrierId | null;
  /** ISO 3166 alpha-2 country of the new leg, when the number or the carrier says it. */
  country?: string;
}

export interface HandoverContext extends DetectContext {
  /** The number this event was reported under; never returned as the new leg. */
  currentNumber?: string;
}

/**
 * Phrases that announce a hand-over or a new number, per language, lower case. Sources: Cainiao /
 * AliExpress and 17TRACK event wording ("The destination carrier tracking number is …", "Handed
 * over to last mile carrier"), 4PX/Yanwen/YunExpress Chinese events (转单号, 尾程单号), and the
 * equivalents carriers print in the other contract languages.
 */
const HANDOVER_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    "handed over",
    "hand over",
    "handover",
    "last mile",
    "last-mile",
    "destination carrier",
    "local carrier",
    "delivery partner",
    "new tracking number",
    "tracking number is",
    "transferred to",
    "forwarded to",
    "tendered to",
    "passed to",
  ],
  zh: ["转单号", "尾程单号", "尾程", "末端派送", "派送单号", "交接", "移交", "转交", "交给", "交由", "新单号", "目的国承运商", "当地承运商"],
  de: ["übergeben", "übergabe", "zustellpartner", "neue sendungsnummer", "weitergeleitet an"],
  fr: ["remis au transporteur", "remis à", "transporteur local", "nouveau numéro", "confié à"],
  es: ["entregado al transportista", "transportista local", "nuevo número", "transferido a"],
  pt: ["entregue à transportadora", "transportadora local", "novo código", "repassado", "transferido para"],
  nl: ["overgedragen", "overgedragen aan", "nieuw trackingnummer", "lokale vervoerder"],
  ru: ["передано", "передан", "новый трек", "местной службе", "последней мили"],
  it: ["affidato a", "consegnato al corriere", "corriere locale", "nuovo numero"],
  pl: ["przekazano", "przekazana", "nowy numer", "lokalnemu przewoźnikowi"],
};

/**
 * Carrier names as events write them → the contract ids they may mean. A name only decides among
 * the carriers the number's shape allows ("DHL" + a DHL Paket number → dhl-paket).
 */
const CARRIER_NAMES: ReadonlyArray<{ name: string; ids: readonly CarrierId[] }> = [
  { name: "usps", ids: ["usps"] },
  { name: "u.s. postal", ids: ["usps"] },
  { name: "royal mail", ids: ["royal-mail"] },
  { name: "parcelforce", ids: ["parcelforce"] },
  { name: "postnl", ids: ["postnl"] },
  { name: "deutsche post", ids: ["deutsche-post", "dhl-paket"] },
  { name: "dhl", ids: ["dhl-paket", "dhl-ecommerce", "dhl", "deutsche-post"] },
  { name: "la poste", ids: ["la-poste", "colissimo"] },
  { name: "colissimo", ids: ["colissimo", "la-poste"] },
  { name: "correos", ids: ["correos"] },
  { name: "poste italiane", ids: ["poste-italiane"] },
  { name: "canada post", ids: ["canada-post"] },
  { name: "australia post", ids: ["australia-post"] },
  { name: "evri", ids: ["evri"] },
  { name: "hermes", ids: ["evri"] },
  { name: "yodel", ids: ["yodel"] },
  { name: "dpd", ids: ["dpd"] },
  { name: "gls", ids: ["gls"] },
  { name: "ups", ids: ["ups"] },
  { name: "fedex", ids: ["fedex"] },
  { name: "ontrac", ids: ["ontrac"] },
  { name: "lasership", ids: ["lasership"] },
  { name: "purolator", ids: ["purolator"] },
  { name: "canpar", ids: ["canpar"] },
  { name: "gofo", ids: ["gofo"] },
  { name: "speedee", ids: ["speedee"] },
  { name: "landmark", ids: ["landmark"] },
  { name: "japan post", ids: ["japan-post"] },
  { name: "korea post", ids: ["korea-post"] },
  { name: "singpost", ids: ["singapore-post"] },
  { name: "singapore post", ids: ["singapore-post"] },
  { name: "amazon", ids: ["amazon"] },
  { name: "4px", ids: ["4px"] },
  { name: "yunexpress", ids: ["yunexpress"] },
  { name: "yanwen", ids: ["yanwen"] },
  { name: "cainiao", ids: ["cainiao"] },
  { name: "china post", ids: ["china-post"] },
];

/** Home country of carriers that deliver in one country only (multi-country ones are left out). */
const HOME_COUNTRY: Partial<Record<CarrierId, string>> = {
  usps: "US",
  ontrac: "US",
  lasership: "US",
  gofo: "US",
  speedee: "US",
  "old-dominion": "US",
  "royal-mail": "GB",
  parcelforce: "GB",
  evri: "GB",
  yodel: "GB",
  postnl: "NL",
  "deutsche-post": "DE",
  "dhl-paket": "DE",
  "la-poste": "FR",
  colissimo: "FR",
  correos: "ES",
  "poste-italiane": "IT",
  "canada-post": "CA",
  purolator: "CA",
  canpar: "CA",
  "australia-post": "AU",
  "japan-post": "JP",
  "korea-post": "KR",
  "singapore-post": "SG",
};

const ALL_PHRASES = Object.values(HANDOVER_PHRASES).flat();

function firstPhraseIndex(lower: string): number {
  let best = -1;
  for (const phrase of ALL_PHRASES) {
    const at = lower.indexOf(phrase);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** Carrier ids the text names ("handed over to USPS", "Carrier: PostNL"), in table order. */
export function namedCarriers(lower: string): CarrierId[] {
  const ids: CarrierId[] = [];
  for (const { name, ids: meant } of CARRIER_NAMES) {
    const at = lower.indexOf(name);
    if (at < 0) continue;
    // "ups" must be a word, not part of "groups"; CJK text has no spaces, so only Latin letters count.
    const before = lower.charCodeAt(at - 1);
    const after = lower.charCodeAt(at + name.length);
    const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
    if (isLetter(before) || isLetter(after)) continue;
    ids.push(...meant);
  }
  return ids;
}

/**
 * The carrier of a number found in text: a carrier the text names wins when the number's shape
 * allows it (an ambiguous 12-digit number beside "4PX" is 4PX's), else the detector's best guess.
 */
export function carrierOf(found: FoundNumber, named: readonly CarrierId[]): CarrierId | null {
  const allowed = found.candidates.map((c) => c.carrier);
  const agreed = named.find((id) => allowed.includes(id));
  if (agreed) return agreed;
  if (found.carrier) return found.carrier;
  return named[0] ?? null;
}

const normalise = (value: string) => value.replace(/[\s-]/g, "").toUpperCase();

/** The new leg announced in `text`, or null when the event hands nothing over or names no number. */
export function findHandover(text: string, context: HandoverContext = {}): HandoverLeg | null {
  if (typeof text !== "string" || text.length === 0) return null;
  const lower = text.toLowerCase();
  const phraseAt = firstPhraseIndex(lower);
  if (phraseAt < 0 && classifyEvent(text).milestone !== "handed_over") return null;

  const current = context.currentNumber ? normalise(context.currentNumber) : null;
  const numbers = findTrackingNumbers(text, context).filter((n) => n.valid && n.normalized !== current);
  if (numbers.length === 0) return null;
  // The number that follows the hand-over wording is the new one; an earlier number is usually the
  // first leg's own ("LP… handed over to USPS, 9400…").
  const found = numbers.find((n) => n.index > phraseAt) ?? numbers[numbers.length - 1];

  const carrier = carrierOf(found, namedCarriers(lower));
  const country = found.country ?? (carrier ? HOME_COUNTRY[carrier] : undefined);
  return { number: found.normalized, carrier, ...(country ? { country } : {}) };
}

/**
 * The latest hand-over in a leg's events (any order), with the time it was reported: what the order
 * page links as the second leg.
 */
export function latestHandover<E extends { at: string | null; text: string }>(
  events: readonly E[],
  context: HandoverContext = {},
): (HandoverLeg & { at: string | null }) | null {
  let latest: (HandoverLeg & { at: string | null }) | null = null;
  for (const event of events) {
    const leg = findHandover(event.text, context);
    if (!leg) continue;
    const newer = latest === null || (event.at !== null && (latest.at === null || Date.parse(event.at) > Date.parse(latest.at)));
    if (newer) latest = { ...leg, at: event.at };
  }
  return latest;
}

export interface KnownLeg {
  number: string;
  carrier: CarrierId | string | null;
}

export interface SplitLegsOptions extends DetectContext {
  /** The order's numbers, first leg first. */
  legs: readonly KnownLeg[];
  /**
   * The leg the buyer said the paste comes from (the paste form's select). Without it: the leg just
   * before the known number a hand-over line announces (a whole first-leg history pasted again), else
   * the latest leg (the one being followed).
   */
  startNumber?: string | null;
}

export interface SplitLegsResult<E> {
  /** Each event with the number of the leg that reported it, and that leg's carrier when known. */
  events: Array<E & { trackingNumber: string | null; carrier: string | null }>;
  /** Legs announced by a hand-over in these events that the order did not know, in the order announced. */
  newLegs: Array<HandoverLeg & { at: string | null }>;
}

/**
 * Gives every event of a pasted history its leg. In time order: a line that names one of the
 * order's numbers belongs to that number; a hand-over line ("The destination carrier tracking number
 * is …") still belongs to the leg that reported it, and every later line belongs to the new number;
 * any other line belongs to the leg the paste is being read under (see `startNumber`). Events without a time are the oldest we know of, so they stay on the starting leg.
 */
function defaultStart(events: readonly { text: string }[], order: readonly number[], options: SplitLegsOptions): string | null {
  const numbers = options.legs.map((leg) => normalise(leg.number));
  for (const i of order) {
    const handover = findHandover(events[i].text, options);
    const index = handover ? numbers.indexOf(handover.number) : -1;
    if (index > 0) return numbers[index - 1];
  }
  return numbers.at(-1) ?? null;
}

export function splitLegs<E extends { at: string | null; text: string }>(events: readonly E[], options: SplitLegsOptions): SplitLegsResult<E> {
  const known = new Map<string, KnownLeg>(
    options.legs.map((leg) => [normalise(leg.number), { number: normalise(leg.number), carrier: leg.carrier }]),
  );
  const time = (e: E) => (e.at === null ? Number.NEGATIVE_INFINITY : Date.parse(e.at));
  const order = events.map((e, i) => i).sort((a, b) => time(events[a]) - time(events[b]) || a - b);
  const start = options.startNumber ? normalise(options.startNumber) : defaultStart(events, order, options);
  const assigned = new Array<{ trackingNumber: string | null; carrier: string | null }>(events.length);
  const newLegs: SplitLegsResult<E>["newLegs"] = [];
  let current = start;
  for (const i of order) {
    const event = events[i];
    const upper = normalise(event.text);
    // A line that names one of the order's numbers (other than a hand-over announcing it) is that leg's.
    const named = [...known.keys()].find((n) => n !== current && n.length >= 8 && upper.includes(n));
    const handover = findHandover(event.text, { ...options, ...(current ? { currentNumber: current } : {}) });
    const owner = handover || !named ? current : named;
    assigned[i] = { trackingNumber: owner, carrier: owner ? (known.get(owner)?.carrier ?? null) : null };
    if (handover && handover.number !== current) {
      if (!known.has(handover.number)) {
        known.set(handover.number, { number: handover.number, carrier: handover.carrier });
        newLegs.push({ ...handover, at: event.at });
      }
      current = handover.number;
    }
  }
  return { events: events.map((e, i) => ({ ...e, ...assigned[i] })), newLegs };
}
