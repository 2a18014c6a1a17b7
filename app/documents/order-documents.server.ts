/**
 * The documents of one order for its owner: every letter kind rendered from the stored facts, a
 * letter (as the buyer edited it) as .txt or PDF, and the evidence packet with the uploaded files.
 * All PDF drawing goes through the templates' worker, off the request thread, with its time limit.
 */
import type { DB } from "../../db/client.server.ts";
import { letterFactsFromStored, type LetterExtras, type LetterFacts, type LetterLanguage } from "../../templates/document/letter-facts.ts";
import { lettersThatFit, type LetterFit } from "../../templates/letters/letter-fit.ts";
import { writeLetter } from "../../templates/letters/letter-templates.server.ts";
import { renderLetterPdf } from "../../templates/letters/letter-pdf.server.ts";
import { LETTER_KINDS, type LetterKind } from "../../templates/letters/render-letter.ts";
import { PacketRenderError } from "../../templates/packet/render-in-worker.server.ts";
import { renderPacket } from "../../templates/packet/render-packet.server.ts";
import { evidenceForPacket } from "../evidence/evidence-service.server.ts";
import { assessStoredOrder, type AssessedOrder } from "../orders/order-service.server.ts";
import { downloadResponse } from "./download-headers.server.ts";
import type { LetterFormat } from "./letter-limits.ts";

/** What each letter is, for the page and the downloaded file's name. */
export const LETTER_TITLES: Record<LetterKind, { title: string; purpose: string }> = {
  seller: { title: "Letter to the seller", purpose: "Ask the seller to ship, find the parcel, replace it or refund you." },
  marketplace: { title: "Marketplace dispute", purpose: "The text for the marketplace's dispute or support form." },
  carrier: { title: "Letter to the carrier", purpose: "Ask the local post or courier to trace the parcel." },
  customs: { title: "Customs inquiry", purpose: "Ask customs what holds the parcel and what is due." },
  "card-issuer": { title: "Chargeback request", purpose: "Ask your card's bank to reverse the payment: goods not received." },
  paypal: { title: "PayPal dispute", purpose: "The text for a PayPal “Item Not Received” dispute." },
};

export interface OrderLetter {
  kind: LetterKind;
  title: string;
  purpose: string;
  /** The language the letter is written in (the reader's: see templates/letters/letter-fit.ts). */
  lang: LetterLanguage;
  text: string;
}

/** A letter kind the page does not offer for this order, and why (issue 13). */
export interface NotOffered {
  kind: LetterKind;
  title: string;
  reason: string;
}

/**
 * What the buyer recorded for the documents beyond the order itself (profile: name, address,
 * language; the destination country; the PayPal transaction id or card statement line; the local
 * carrier's case number). The documents page's form fills it; without it those lines are left out.
 */
export type DocumentsProfile = Pick<LetterExtras, "buyer" | "destinationCountry" | "paymentReference" | "carrierCaseNumber">;

/** The stored order as the letters' facts: the same model the CLI renders from. */
export function storedLetterFacts(assessed: AssessedOrder, profile: DocumentsProfile = {}): LetterFacts {
  return letterFactsFromStored(assessed.facts, assessed.assessment, profile);
}

/** The part of a download's name that says which order it is: the item, else the order number. */
export function orderLabel(order: AssessedOrder["order"]): string {
  const item = order.item?.trim();
  if (item) return Array.from(item).slice(0, 60).join("").trim();
  return order.order_number ? `order ${order.order_number}` : "order";
}

export function letterFileName(order: AssessedOrder["order"], kind: LetterKind, format: LetterFormat): string {
  return `${orderLabel(order)} - ${LETTER_TITLES[kind].title.toLowerCase()}.${format}`;
}

/**
 * The letters that fit the user's order, rendered from its recorded facts, and the kinds left out
 * with the reason; null when the order is not theirs.
 */
export async function orderLetters(
  db: DB,
  userId: string,
  orderId: string,
  now: Date,
  profile: DocumentsProfile = {},
): Promise<{ assessed: AssessedOrder; letters: OrderLetter[]; notOffered: NotOffered[]; fit: Record<LetterKind, LetterFit> } | null> {
  const assessed = await assessStoredOrder(db, userId, orderId, now);
  if (!assessed) return null;
  const facts = storedLetterFacts(assessed, profile);
  const fit = lettersThatFit(facts);
  const offered = LETTER_KINDS.filter((kind) => fit[kind].fits);
  const letters = await Promise.all(
    offered.map(async (kind) => {
      const { lang, text } = await writeLetter(kind, facts, now);
      return { kind, ...LETTER_TITLES[kind], lang, text };
    }),
  );
  const notOffered = LETTER_KINDS.flatMap((kind) => {
    const f = fit[kind];
    return f.fits ? [] : [{ kind, title: LETTER_TITLES[kind].title, reason: f.reason }];
  });
  return { assessed, letters, notOffered, fit };
}

/**
 * One letter kind as rendered from the facts (`text` null and `reason` given when it does not fit
 * the order); null when the order is not theirs.
 */
export async function orderLetter(
  db: DB,
  userId: string,
  orderId: string,
  kind: LetterKind,
  now: Date,
  profile: DocumentsProfile = {},
): Promise<{ assessed: AssessedOrder; text: string; reason: null } | { assessed: AssessedOrder; text: null; reason: string } | null> {
  const assessed = await assessStoredOrder(db, userId, orderId, now);
  if (!assessed) return null;
  const facts = storedLetterFacts(assessed, profile);
  const fit = lettersThatFit(facts)[kind];
  if (!fit.fits) return { assessed, text: null, reason: fit.reason };
  return { assessed, text: (await writeLetter(kind, facts, now)).text, reason: null };
}

/** A PDF could not be drawn in time or at all: say so, the text download still works. */
function renderFailure(error: unknown, what: string): Response {
  if (!(error instanceof PacketRenderError)) throw error;
  return new Response(`The ${what} could not be made just now (${error.message}). Try again in a minute; the text download still works.\n`, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30" },
  });
}

/** The letter text as a download in the chosen format. */
export async function letterDownload(
  order: AssessedOrder["order"],
  kind: LetterKind,
  text: string,
  format: LetterFormat,
  now: Date,
): Promise<Response> {
  const fileName = letterFileName(order, kind, format);
  if (format === "txt") {
    return downloadResponse(text, { contentType: "text/plain; charset=utf-8", fileName });
  }
  try {
    const { bytes } = await renderLetterPdf(text, `${LETTER_TITLES[kind].title} — ${orderLabel(order)}`, now);
    return downloadResponse(bytes, { contentType: "application/pdf", fileName });
  } catch (error) {
    return renderFailure(error, "PDF");
  }
}

/** The evidence packet PDF with the order's uploaded files; null when the order is not theirs. */
export async function packetDownload(db: DB, userId: string, orderId: string, now: Date): Promise<Response | null> {
  const assessed = await assessStoredOrder(db, userId, orderId, now);
  if (!assessed) return null;
  const images = await evidenceForPacket(db, userId, orderId);
  try {
    const { bytes } = await renderPacket(assessed.facts, assessed.assessment, now, { images });
    return downloadResponse(bytes, { contentType: "application/pdf", fileName: `${orderLabel(assessed.order)} - evidence packet.pdf` });
  } catch (error) {
    return renderFailure(error, "evidence packet");
  }
}
