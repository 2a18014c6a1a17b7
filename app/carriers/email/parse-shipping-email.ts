/**
 * Reads a shipping notification — pasted as text, or an uploaded .eml — into the facts an order
 * needs: which marketplace, the order number, the tracking numbers with their carriers, and dates.
 * MIME (encodings, multipart, charsets, HTML) is parsed by mailparser; HTML bodies are turned into
 * text by html-to-text with table cells kept apart. No clock, no I/O beyond the given bytes.
 */
import { convert } from "html-to-text";
import { simpleParser } from "mailparser";
import type { CarrierId, Platform } from "../../../machines/vocabulary.ts";
import { carrierOf, namedCarriers } from "../handover.ts";
import { findTrackingNumbers } from "../numbers/find.ts";
import type { Candidate } from "../numbers/types.ts";
import { isValidTimeZone } from "../paste/to-instant.ts";
import { findEmailDates, type EmailDate } from "./email-dates.ts";
import { ORDER_LABEL, ORDER_NUMBER_SHAPES, PLATFORM_SIGNS } from "./email-signs.ts";

export interface EmailTrackingNumber {
  number: string;
  carrier: CarrierId | null;
  candidates: Candidate[];
  country?: string;
}

export interface ShippingEmailFacts {
  platform: Platform;
  /** Why that platform: "sender domain aliexpress.com", "mentions Temu", or "no marketplace sign". */
  platformReason: string;
  from: string | null;
  subject: string | null;
  /** The e-mail's Date header, ISO 8601 UTC. */
  sentAt: string | null;
  orderNumber: string | null;
  trackingNumbers: EmailTrackingNumber[];
  dates: EmailDate[];
  /** The first estimated-delivery date or range, as the assess input's `estimatedDelivery`. */
  estimatedDelivery: { earliest: string; latest: string } | null;
  warnings: string[];
}

export interface ParseEmailOptions {
  /** Zone for dates written without one (default UTC). */
  timeZone?: string;
}

/** Larger uploads are refused: a notification is a few hundred kilobytes at most. */
export const MAX_EMAIL_BYTES = 10 * 1024 * 1024;
/** Below this a number found in the text is reported as a warning, not as a tracking number. */
const MIN_CONFIDENCE = 0.5;
/** Only the start of a body is searched; notifications put their facts first. */
const MAX_TEXT_CHARS = 200_000;

// A message starts with header fields; at least one of these marks it as MIME, not a pasted body.
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?[^\r\n]{0,998}\r?$/;
const MESSAGE_HEADERS = /^(?:from|to|subject|date|mime-version|content-type|received|message-id|return-path|delivered-to)$/i;

function looksLikeMime(text: string): boolean {
  const lines = text.slice(0, 20_000).split("\n", 60);
  let known = 0;
  for (const line of lines) {
    if (line.trim() === "") break;
    if (/^[ \t]/.test(line)) continue; // folded header continuation
    if (!HEADER_LINE.test(line)) return false;
    if (MESSAGE_HEADERS.test(line.slice(0, line.indexOf(":")))) known += 1;
  }
  return known >= 2;
}

function htmlText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "table", format: "dataTable" },
    ],
  });
}

interface Message {
  from: string | null;
  fromName: string | null;
  subject: string | null;
  sentAt: string | null;
  text: string;
}

async function readMessage(source: string | Uint8Array, warnings: string[]): Promise<Message> {
  const isBytes = typeof source !== "string";
  if (!isBytes && !looksLikeMime(source)) {
    return { from: null, fromName: null, subject: null, sentAt: null, text: source };
  }
  const mail = await simpleParser(isBytes ? Buffer.from(source) : source, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true });
  const sender = mail.from?.value[0];
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
  let text = typeof mail.html === "string" && mail.html.trim() !== "" ? htmlText(mail.html) : (mail.text ?? "");
  if (text.trim() === "" && mail.text) text = mail.text;
  if (text.trim() === "") warnings.push("the e-mail has no readable text body");
  return { from: sender?.address?.toLowerCase() ?? null, fromName: sender?.name || null, subject: mail.subject ?? null, sentAt: date, text };
}

function platformOf(message: Message, text: string): { platform: Platform; reason: string } {
  const domain = message.from?.split("@")[1] ?? "";
  for (const sign of PLATFORM_SIGNS) {
    const hit = sign.domains.find((d) => domain === d || domain.endsWith(`.${d}`));
    if (hit) return { platform: sign.platform, reason: `sender domain ${hit}` };
  }
  // Without a sender (a pasted body) the name that appears most often decides.
  const lower = `${message.fromName ?? ""}\n${message.subject ?? ""}\n${text}`.toLowerCase();
  let best: { platform: Platform; count: number; word: string } | null = null;
  for (const sign of PLATFORM_SIGNS) {
    for (const word of sign.words) {
      const count = lower.split(word).length - 1;
      if (count > 0 && (!best || count > best.count)) best = { platform: sign.platform, count, word };
    }
  }
  return best ? { platform: best.platform, reason: `mentions ${best.word}` } : { platform: "other", reason: "no marketplace sign" };
}

function orderNumberOf(text: string, platform: Platform): string | null {
  const shapes = [...ORDER_NUMBER_SHAPES].sort((a, b) => Number(b.platform === platform) - Number(a.platform === platform));
  for (const { regex } of shapes) {
    const m = regex.exec(text);
    if (m) return (m[1] ?? m[0]).toUpperCase();
  }
  const labelled = ORDER_LABEL.exec(text);
  // A label followed by a word ("Order number: below") is not a number.
  return labelled && /\d/.test(labelled[1]) ? labelled[1].toUpperCase() : null;
}

export async function parseShippingEmail(source: string | Uint8Array, options: ParseEmailOptions = {}): Promise<ShippingEmailFacts> {
  const timeZone = options.timeZone ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"; give an IANA name such as Europe/Paris`);
  const size = typeof source === "string" ? source.length : source.byteLength;
  if (size > MAX_EMAIL_BYTES) {
    throw new RangeError(
      `the e-mail is ${(size / 1048576).toFixed(1)} MB; shipping notifications are far smaller — upload the .eml of the notification itself`,
    );
  }
  const warnings: string[] = [];
  const message = await readMessage(source, warnings);
  let body = message.text;
  if (body.length > MAX_TEXT_CHARS) {
    body = body.slice(0, MAX_TEXT_CHARS);
    warnings.push(`only the first ${MAX_TEXT_CHARS} characters of the body were read`);
  }
  const text = message.subject ? `${message.subject}\n${body}` : body;

  const { platform, reason } = platformOf(message, text);
  const orderNumber = orderNumberOf(text, platform);
  const seen = new Set<string>();
  const named = namedCarriers(text.toLowerCase());
  const trackingNumbers: EmailTrackingNumber[] = [];
  for (const found of findTrackingNumbers(text, { platform })) {
    // The order number is the likeliest false match (AliExpress ids are long digit runs).
    if (seen.has(found.normalized) || (orderNumber && orderNumber.replace(/-/g, "").includes(found.normalized))) continue;
    seen.add(found.normalized);
    const best = found.candidates[0]?.confidence ?? 0;
    if (!found.valid || best < MIN_CONFIDENCE) {
      // A guess ("on 0800 123" read as Parcelforce) is not a fact to file a claim on; say it instead.
      warnings.push(`left out ${found.normalized}: it only might be a ${found.carrier ?? "tracking"} number`);
      continue;
    }
    trackingNumbers.push({
      number: found.normalized,
      carrier: carrierOf(found, named),
      candidates: found.candidates,
      ...(found.country ? { country: found.country } : {}),
    });
  }
  if (trackingNumbers.length === 0) warnings.push("no tracking number found in the e-mail");

  const dates = findEmailDates(text, message.sentAt, timeZone);
  if (message.sentAt === null && dates.length === 0) warnings.push("no dates found in the e-mail");
  const estimate = dates.find((d) => d.kind === "estimated_delivery");
  const estimatedDelivery = estimate ? { earliest: estimate.at, latest: estimate.until ?? estimate.at } : null;

  return {
    platform,
    platformReason: reason,
    from: message.from,
    subject: message.subject,
    sentAt: message.sentAt,
    orderNumber,
    trackingNumbers,
    dates,
    estimatedDelivery,
    warnings,
  };
}
