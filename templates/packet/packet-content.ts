import type { Deadline } from "../../machines/order-facts.ts";
import type { OrderAssessment } from "../document/assessment.ts";
import { oneLine, shorten } from "../document/clean-text.ts";
import type { DocumentFacts } from "../document/document-facts.ts";
import { ALERT_LABEL, CASE_LABEL, MILESTONE_LABEL, STATE_LABEL } from "../document/labels.ts";
import { buyerActions, protectionDeadline, tellOrder, SILENT_GAP_DAYS, type OrderStory } from "../document/order-story.ts";
import { dayOf, momentOf, packetZone, shippedFrom, typedDateOf, type PacketZone } from "./packet-times.ts";

/**
 * What the evidence packet says, as plain data: the PDF module only lays it out. Pure and
 * deterministic for the same facts, assessment, attachments and `now`. It states only recorded
 * facts (DESIGN.md §9): a row or sentence whose fact is missing is left out, never a blank marker.
 */

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; emphasis?: boolean }
  | { kind: "facts"; rows: Array<[label: string, value: string]> }
  | { kind: "table"; columns: Array<{ title: string; width: number }>; rows: string[][] }
  | { kind: "image"; ref: number; caption: string[] }
  | { kind: "page-break" };

export interface PacketContent {
  /** Shown on every page, with the page number. */
  footer: string;
  title: string;
  generatedAt: string;
  blocks: Block[];
}

/** What the packet knows about one attached file (the image bytes travel separately). */
export interface AttachmentSummary {
  fileName: string;
  uploadedAt: string;
  sha256: string;
  /** What the buyer wrote about the file, and the checklist step it documents (its title when known). */
  note?: string | null;
  checklistStep?: string | null;
  /** Set when the image is in the packet; null when it could not be used (see `problem`). */
  image: { width: number; height: number; originalWidth: number; originalHeight: number } | null;
  problem: string | null;
}

/** A carrier line longer than this is cut in the table, with a marker saying how much. */
const CELL_TEXT_MAX = 600;

function cut(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= CELL_TEXT_MAX) return text;
  return `${chars.slice(0, CELL_TEXT_MAX).join("")}… [${chars.length - CELL_TEXT_MAX} more characters not shown]`;
}

/** The text when there is any, else null: rows and sentences with null are left out. */
const given = (value: string | null | undefined): string | null => (value ? oneLine(value) || null : null);

/** Facts rows without the ones nobody recorded. */
const rowsOf = (rows: Array<[string, string | null]>): Array<[string, string]> => rows.filter((r): r is [string, string] => r[1] !== null);

function amountOf(facts: DocumentFacts): string | null {
  return facts.amount ? `${String(facts.amount.value).trim()} ${facts.amount.currency}`.trim() : null;
}

function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The address as it goes on an envelope, with the country when the address does not already name it. */
function addressOf(facts: DocumentFacts): string | null {
  const address = facts.buyer?.address ? facts.buyer.address.split(/\r?\n/).map(oneLine).filter(Boolean).join(", ") : null;
  const country = countryName(facts.buyer?.country);
  if (!address) return null;
  return country && !address.toLowerCase().includes(country.toLowerCase()) ? `${address}, ${country}` : address;
}

function paymentOf(facts: DocumentFacts): string | null {
  if (facts.paymentMethod === "paypal") return "PayPal";
  if (facts.paymentMethod === "card") {
    const network = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", other: null }[facts.cardNetwork ?? "other"];
    return network ? `${network} card` : "card";
  }
  return facts.paymentMethod === "other" ? "other payment method" : null;
}

function paymentReferenceLabel(facts: DocumentFacts): string {
  return facts.paymentMethod === "paypal" ? "PayPal transaction ID" : facts.paymentMethod === "card" ? "Card statement line" : "Payment reference";
}

const joinAnd = (parts: string[]) => (parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`);

/**
 * The first page's one paragraph: who ordered what, where the parcel stands, what the buyer has
 * done, and what is asked. Every clause comes from a recorded fact; a missing one drops the clause.
 */
function claimParagraph(facts: DocumentFacts, assessment: OrderAssessment, story: OrderStory, z: PacketZone): string {
  const day = (iso: string | null | undefined) => dayOf(iso, z.zone);
  const item = given(facts.item);
  const amount = amountOf(facts);
  const seller = given(facts.seller);
  const orderNumber = given(facts.orderNumber);
  const intro =
    `${given(facts.buyer?.name) ?? "The buyer"} ordered ${item ?? "an item"}${amount ? ` (${amount})` : ""}` +
    `${seller ? ` from ${seller}` : ""}${story.platformName ? ` on ${story.platformName}` : ""} on ${day(facts.orderedAt)}` +
    `${orderNumber ? `, order ${orderNumber}` : ""}.`;
  const shipped = shippedFrom(facts);
  const shipping = shipped
    ? shipped.scan
      ? ` The carrier's first scan of the parcel was on ${day(shipped.at)}.`
      : ` The seller shipped it on ${day(shipped.at)}.`
    : "";
  const last = story.lastScan;
  const lastWhen = last?.at ? momentOf(last.at, z) : null;
  const lastText = last ? `${lastWhen ?? "at a time the carrier did not give"} ("${shorten(last.text, 160)}")` : null;
  const notReceived = (facts.reports ?? []).find((r) => r.kind === "not_received");
  let status: string;
  switch (assessment.state) {
    case "awaiting_shipment":
      status = `No tracking number was ever given; ${story.daysSilent} days have passed since the order.`;
      break;
    case "delivered": {
      const delivered = story.latestOf("delivered");
      const when = delivered?.at ? momentOf(delivered.at, z) : null;
      status =
        `The carrier marked the parcel as delivered${when ? ` on ${when}` : ""}, but the buyer did not receive it` +
        (notReceived ? ` and reported it missing on ${day(notReceived.at)}.` : ".");
      break;
    }
    case "returned":
      status = `The carrier reports that the parcel is being returned to the sender${lastText ? `: ${lastText}` : ""}.`;
      break;
    case "customs_held":
      status = `The parcel is held by customs${lastText ? ` since ${lastText}` : ""}.`;
      break;
    default:
      status = lastText
        ? `The tracking shows the parcel ${STATE_LABEL[assessment.state]}; the last update was ${lastText}, and there has been no update for ${story.daysSilent} days.`
        : `The tracking shows no carrier event in the ${story.daysSilent} days since ${story.silenceSince === "shipment" ? "shipment" : "the order"}.`;
  }
  // What the buyer has done: only reports and checklist steps recorded as done (never a skipped one).
  const done: string[] = [];
  const checksDone = stepsDone(facts);
  if (checksDone) done.push(`completed ${checksDone} step${checksDone === 1 ? "" : "s"} of the missing-parcel checklist (listed below)`);
  const firstOf = (kind: string) => (facts.reports ?? []).find((r) => r.kind === kind);
  const contacted = firstOf("contacted_seller");
  if (contacted) done.push(`contacted the seller on ${day(contacted.at)}`);
  const dispute = firstOf("dispute_opened");
  if (dispute) done.push(`opened a dispute on ${day(dispute.at)}`);
  const escalated = firstOf("escalated");
  if (escalated) done.push(`escalated the dispute on ${day(escalated.at)}`);
  if (facts.carrierCaseNumber) done.push(`opened case ${oneLine(facts.carrierCaseNumber)} with the local carrier`);
  const steps = done.length ? ` The buyer has ${joinAnd(done)}.` : "";
  const ask =
    assessment.case === "refunded"
      ? "The buyer has been refunded; this packet records what happened."
      : assessment.state === "delivered" || assessment.state === "returned" || assessment.state === "exception"
        ? "The goods were not received; the buyer asks for a full refund."
        : assessment.state === "customs_held"
          ? "The goods have not been received; the buyer asks the seller to resolve the customs hold or refund the order in full."
          : "The goods have not been received; the buyer asks for delivery without further delay or a full refund.";
  return `${intro}${shipping} ${status}${steps} ${ask}`;
}

/** A checklist entry counts as done only with a date and not skipped (contract §4). */
const isDone = (c: { doneAt?: string | null; skipped?: boolean }) => !!c.doneAt && !c.skipped;

/** Distinct checklist steps done: the latest report of a step decides; entries not reported count on their own. */
function stepsDone(facts: DocumentFacts): number {
  const latest = new Map<string, boolean>();
  const reported = new Set<string>();
  for (const r of facts.reports ?? []) {
    if (r.kind !== "checklist_step" || !r.step) continue;
    latest.set(r.step, !r.skipped);
    reported.add(r.step);
    if (r.stepTitle) reported.add(r.stepTitle);
  }
  const fromChecklist = (facts.checklist ?? []).filter((c) => !reported.has(c.step) && isDone(c)).length;
  return [...latest.values()].filter(Boolean).length + fromChecklist;
}

/**
 * The buyer's steps, oldest first: their reports as the shared story tells them, and checklist
 * entries marked done, skipped (with the reason) or not done yet, so a skipped step never reads as done.
 */
function packetActions(facts: DocumentFacts, zone: string): Array<{ when: string | null; what: string; note: string | null }> {
  const reported = new Set((facts.reports ?? []).flatMap((r) => (r.kind === "checklist_step" ? [r.step, r.stepTitle] : [])));
  const fromReports = buyerActions({ ...facts, checklist: [] }, zone).map((a) => ({ ...a, sortAt: a.at }));
  const fromChecklist = (facts.checklist ?? [])
    .filter((c) => !reported.has(c.step))
    .map((c) => {
      const state = isDone(c) ? "" : c.skipped ? " (skipped)" : " (not done yet)";
      const notes = [c.skipped ? given(c.reason) : null, given(c.note), c.reference ? `reference ${oneLine(c.reference)}` : null].filter(Boolean);
      const at = isDone(c) && !Number.isNaN(Date.parse(c.doneAt!)) ? c.doneAt! : null;
      return { when: dayOf(at, zone), what: `Checklist: ${oneLine(c.step)}${state}`, note: notes.length ? notes.join("; ") : null, sortAt: at };
    });
  return [...fromReports, ...fromChecklist]
    .map((a, i) => ({ ...a, i }))
    .sort((a, b) => {
      const ta = a.sortAt ? Date.parse(a.sortAt) : Number.POSITIVE_INFINITY;
      const tb = b.sortAt ? Date.parse(b.sortAt) : Number.POSITIVE_INFINITY;
      return ta === tb ? a.i - b.i : ta - tb;
    })
    .map(({ when, what, note }) => ({ when, what, note }));
}

/** A checklist step id as the buyer saw it: the title recorded with the step's report, else the id. */
function stepTitle(facts: DocumentFacts, step: string): string {
  const report = (facts.reports ?? []).find((r) => r.kind === "checklist_step" && r.step === step && r.stepTitle);
  return report?.stepTitle ?? step.replace(/[-_]+/g, " ");
}

function deadlineRows(deadlines: readonly Deadline[], zone: string): string[][] {
  return [...deadlines]
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id))
    .map((d) => [(dayOf(d.due, zone) ?? d.due) + (d.past ? " (passed)" : ""), oneLine(d.title), oneLine(d.reason), oneLine(d.source)]);
}

/** A heading, then the table, or a sentence saying there is nothing to list. */
function tableSection(title: string, columns: Array<[string, number]>, rows: string[][], empty: string): Block[] {
  const body: Block = rows.length
    ? { kind: "table", columns: columns.map(([t, width]) => ({ title: t, width })), rows }
    : { kind: "paragraph", text: empty };
  return [{ kind: "heading", text: title }, body];
}

export function buildPacketContent(
  facts: DocumentFacts,
  assessment: OrderAssessment,
  now: string,
  attachments: readonly AttachmentSummary[] = [],
): PacketContent {
  const story = tellOrder(facts, now);
  const z = packetZone(facts.timeZone);
  const zone = z.zone;
  const day = (iso: string | null | undefined) => dayOf(iso, zone);
  const instant = (iso: string) => momentOf(iso, z, true) ?? iso;
  const generatedAt = instant(now);
  const orderLabel = facts.orderNumber ? oneLine(facts.orderNumber) : "order number not given";
  const upcoming = assessment.deadlines.filter((d) => !d.past);
  const blocks: Block[] = [];
  const protection = protectionDeadline(assessment.deadlines);
  const protectionLine = protection
    ? `${day(protection.due)} (${oneLine(protection.source)})`
    : facts.protectionEndsAt
      ? `${day(facts.protectionEndsAt)} (as the order page shows)`
      : null;
  const shipped = shippedFrom(facts);
  const shippedLine = shipped
    ? shipped.scan
      ? `${day(shipped.at)} (first carrier scan: "${shorten(oneLine(shipped.scan), 120)}")`
      : day(shipped.at)
    : null;
  const trackingLine = facts.trackingNumbers.length ? facts.trackingNumbers.map(oneLine).join(", ") : "none given by the seller";
  const paymentReference = given(facts.paymentReference);
  const zoneNote = z.known
    ? `Times are in the buyer's time zone, ${zone}, each with its offset from UTC.`
    : "The buyer's time zone is not recorded: carrier times are shown as recorded, without a zone; the packet's own times are in UTC.";

  // Cover: what happened and what is asked, who, and the key dates.
  blocks.push({ kind: "title", text: `Evidence packet: order ${orderLabel}` });
  blocks.push({ kind: "paragraph", text: `Prepared with ClaimTrail on ${generatedAt}. ${zoneNote}` });
  blocks.push({ kind: "heading", text: "The claim" });
  blocks.push({ kind: "paragraph", text: claimParagraph(facts, assessment, story, z), emphasis: true });
  blocks.push({
    kind: "facts",
    rows: rowsOf([
      ["Buyer", given(facts.buyer?.name)],
      ["Delivery address", addressOf(facts)],
      ["E-mail", given(facts.buyer?.email)],
      ["Phone", given(facts.buyer?.phone)],
      ["Item", given(facts.item)],
      ["Seller", given(facts.seller)],
      ["Marketplace", story.platformName],
      ["Order number", given(facts.orderNumber)],
      ["Tracking numbers", trackingLine],
    ]),
  });
  blocks.push({ kind: "heading", text: "Key dates and deadlines" });
  blocks.push({
    kind: "facts",
    rows: rowsOf([
      ["Ordered and paid", typedDateOf(facts.orderedAt, z) ?? facts.orderedAt],
      ["Shipped", shippedLine],
      ["Expected delivery", day(facts.estimatedDelivery?.latest ?? facts.estimatedDelivery?.earliest)],
      [
        "Last tracking event",
        story.lastScan ? `${momentOf(story.lastScan.at, z) ?? "time not given"}: ${shorten(story.lastScan.text, 160)}` : "none",
      ],
      ["Days without an update", String(story.daysSilent)],
      ["Buyer protection ends", protectionLine],
      ...[...upcoming]
        .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id))
        .filter((d) => d !== protection)
        .slice(0, 5)
        .map((d): [string, string] => [oneLine(d.title), day(d.due) ?? d.due]),
    ]),
  });
  blocks.push({ kind: "page-break" });

  // Order facts as the engine sees them.
  blocks.push({ kind: "heading", text: "Order facts" });
  blocks.push({
    kind: "facts",
    rows: rowsOf([
      ["Marketplace", story.platformName],
      ["Order number", given(facts.orderNumber)],
      ["Item", given(facts.item)],
      ["Amount", amountOf(facts)],
      ["Seller", given(facts.seller)],
      ["Payment", paymentOf(facts)],
      [paymentReferenceLabel(facts), paymentReference],
      ["Ordered", typedDateOf(facts.orderedAt, z) ?? facts.orderedAt],
      ["Shipped", shippedLine],
      ["Tracking numbers", trackingLine],
      ["Local carrier's case number", given(facts.carrierCaseNumber)],
      ["Where the parcel stands", STATE_LABEL[assessment.state]],
      ["Needs attention", assessment.alerts.length ? assessment.alerts.map((a) => ALERT_LABEL[a] ?? a).join("; ") : "nothing flagged"],
      ["The buyer's claim", CASE_LABEL[assessment.case]],
    ]),
  });

  blocks.push({ kind: "heading", text: `Tracking timeline (${story.timeline.length} events, oldest first)` });
  if (story.timeline.length === 0) {
    blocks.push({ kind: "paragraph", text: "The carrier has reported no event for this order." });
  } else {
    blocks.push({
      kind: "paragraph",
      text: `Each event as the carrier wrote it, with the milestone ClaimTrail read from it and where the event came from. ${zoneNote} Characters this PDF cannot draw appear as [U+…] codes.`,
    });
    blocks.push({
      kind: "table",
      columns: [
        { title: "Leg / number", width: 0.17 },
        { title: "Time", width: 0.15 },
        { title: "Place", width: 0.14 },
        { title: "Carrier's text", width: 0.3 },
        { title: "Milestone", width: 0.14 },
        { title: "Source", width: 0.1 },
      ],
      rows: story.timeline.map((t) => [
        cut([t.leg, t.carrier].filter(Boolean).join("\n")) || "—",
        momentOf(t.at, z) ?? "not given",
        t.place ? cut(t.place) : "—",
        cut(t.text) || "(empty)",
        MILESTONE_LABEL[t.milestone],
        t.source ? cut(t.source) : "—",
      ]),
    });
  }

  const gapRows = story.gaps.map((g) => [
    momentOf(g.from, z) ?? g.from,
    g.ongoing ? `${instant(g.to)} (still silent when this packet was made)` : (momentOf(g.to, z) ?? g.to),
    `no update for ${g.days} days`,
  ]);
  blocks.push(
    ...tableSection(
      "Silent gaps",
      [
        ["From", 0.3],
        ["To", 0.3],
        ["Silence", 0.4],
      ],
      gapRows,
      `No period of more than ${SILENT_GAP_DAYS} days without a carrier event.`,
    ),
  );
  blocks.push(
    ...tableSection(
      "Deadlines",
      [
        ["Due", 0.16],
        ["Deadline", 0.24],
        ["Rule", 0.38],
        ["Source", 0.22],
      ],
      deadlineRows(assessment.deadlines, zone),
      "No deadline applies to this order yet.",
    ),
  );
  const actionRows = packetActions(facts, zone).map((a) => [a.when ?? "date not recorded", a.what, a.note ? cut(a.note) : "—"]);
  blocks.push(
    ...tableSection(
      "What the buyer did",
      [
        ["Date", 0.18],
        ["Step", 0.42],
        ["Note", 0.4],
      ],
      actionRows,
      "No step recorded yet.",
    ),
  );

  if (attachments.length) {
    blocks.push({ kind: "page-break" });
    blocks.push({ kind: "heading", text: `Attached evidence (${attachments.length} file${attachments.length === 1 ? "" : "s"})` });
    attachments.forEach((a, ref) => {
      // The note and the step travel in the caption, which the layout keeps on the photo's page.
      const caption = [
        `File: ${shorten(oneLine(a.fileName), 200) || "(no name)"}`,
        ...(a.checklistStep ? [`Checklist step: ${shorten(oneLine(stepTitle(facts, a.checklistStep)), 200)}`] : []),
        ...(given(a.note) ? [`Buyer's note: ${shorten(given(a.note)!, 600)}`] : []),
        `Uploaded: ${instant(a.uploadedAt)}`,
        `SHA-256 of the uploaded file: ${a.sha256}`,
      ];
      if (a.image) {
        caption.push(`Image ${a.image.originalWidth} × ${a.image.originalHeight} pixels, re-encoded for this packet`);
        blocks.push({ kind: "image", ref, caption });
      } else {
        blocks.push({
          kind: "paragraph",
          text: [...caption, `Not shown: ${a.problem ?? "the file is not an image this packet can show"}`].join("\n"),
        });
      }
    });
  }

  return {
    title: `Evidence packet: order ${orderLabel}`,
    generatedAt,
    footer: `ClaimTrail evidence packet · order ${orderLabel} · generated ${generatedAt}`,
    blocks,
  };
}
