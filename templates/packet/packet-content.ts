import type { Deadline, OrderFacts } from "../../machines/order-facts.ts";
import type { OrderAssessment } from "../document/assessment.ts";
import { oneLine, shorten } from "../document/clean-text.ts";
import { formatDateTime, formatDay } from "../document/format-time.ts";
import { ALERT_LABEL, CASE_LABEL, MILESTONE_LABEL, STATE_LABEL } from "../document/labels.ts";
import { blank } from "../document/missing-fact.ts";
import { protectionDeadline, tellOrder, SILENT_GAP_DAYS, type OrderStory } from "../document/order-story.ts";

/**
 * What the evidence packet says, as plain data: the PDF module only lays it out. Pure and
 * deterministic for the same facts, assessment, attachments and `now`.
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

const or = (value: string | null | undefined, label: string) => (value && oneLine(value)) || blank(label);

function amountOf(facts: OrderFacts): string | null {
  return facts.amount ? `${String(facts.amount.value).trim()} ${facts.amount.currency}`.trim() : null;
}

function claimParagraph(facts: OrderFacts, assessment: OrderAssessment, story: OrderStory): string {
  const day = (iso: string | null | undefined) => (iso ? formatDay(iso, story.zone) : null);
  const who = or(facts.buyer?.name, "buyer's name");
  const intro =
    `${who} ordered ${or(facts.item, "item description")} (${or(amountOf(facts), "amount paid")}) ` +
    `from ${or(facts.seller, "seller")} on ${or(story.platformName, "marketplace name")} on ${day(facts.orderedAt)}` +
    `, order ${or(facts.orderNumber, "order number")}.`;
  const last = story.lastScan;
  const lastText = last ? `${last.when ?? "at a time the carrier did not give"} ("${shorten(last.text, 160)}")` : null;
  let status: string;
  switch (assessment.state) {
    case "awaiting_shipment":
      status = `No tracking number was ever given; ${story.daysSilent} days have passed since the order.`;
      break;
    case "delivered": {
      const delivered = story.latestOf("delivered");
      const reported = (facts.reports ?? []).find((r) => r.kind === "not_received");
      status =
        `The carrier marked the parcel as delivered${delivered?.when ? ` on ${delivered.when}` : ""}, but the buyer did not receive it` +
        (reported ? ` and reported it missing on ${day(reported.at)}.` : ".");
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
  const ask = assessment.state === "delivered" || assessment.state === "returned" || assessment.state === "exception"
    ? "The goods were not received; the buyer asks for a full refund."
    : "The goods have not been received; the buyer asks for delivery without further delay or a full refund.";
  return `${intro} ${status} ${ask}`;
}

function deadlineRows(deadlines: readonly Deadline[], zone: string): string[][] {
  return [...deadlines]
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id))
    .map((d) => [
      (formatDay(d.due, zone) ?? d.due) + (d.past ? " (passed)" : ""),
      oneLine(d.title),
      oneLine(d.reason),
      oneLine(d.source),
    ]);
}

/** A heading, then the table, or a sentence saying there is nothing to list. */
function tableSection(title: string, columns: Array<[string, number]>, rows: string[][], empty: string): Block[] {
  const body: Block = rows.length
    ? { kind: "table", columns: columns.map(([t, width]) => ({ title: t, width })), rows }
    : { kind: "paragraph", text: empty };
  return [{ kind: "heading", text: title }, body];
}

export function buildPacketContent(
  facts: OrderFacts,
  assessment: OrderAssessment,
  now: string,
  attachments: readonly AttachmentSummary[] = [],
): PacketContent {
  const story = tellOrder(facts, now);
  const zone = story.zone;
  const day = (iso: string | null | undefined) => (iso ? formatDay(iso, zone) : null);
  const generatedAt = `${formatDateTime(now, zone)} (${zone})`;
  const orderLabel = facts.orderNumber ? oneLine(facts.orderNumber) : "order number not given";
  const upcoming = assessment.deadlines.filter((d) => !d.past);
  const blocks: Block[] = [];
  const protection = protectionDeadline(assessment.deadlines);
  const protectionLine = protection
    ? `${day(protection.due)} (${oneLine(protection.source)})`
    : facts.protectionEndsAt
      ? `${day(facts.protectionEndsAt)} (as the order page shows)`
      : blank("protection end date from the order page");

  // Cover: who, what, the claim, the key dates.
  blocks.push({ kind: "title", text: `Evidence packet: order ${orderLabel}` });
  blocks.push({ kind: "paragraph", text: `Prepared with ClaimTrail on ${generatedAt}. Times are in ${zone}.` });
  blocks.push({ kind: "heading", text: "The claim" });
  blocks.push({ kind: "paragraph", text: claimParagraph(facts, assessment, story), emphasis: true });
  blocks.push({
    kind: "facts",
    rows: [
      ["Buyer", or(facts.buyer?.name, "buyer's name")],
      ["Delivery address", or(facts.buyer?.address, "delivery address")],
      ["E-mail", or(facts.buyer?.email, "e-mail address")],
      ["Item", or(facts.item, "item description")],
      ["Seller", or(facts.seller, "seller")],
      ["Marketplace", or(story.platformName, "marketplace name")],
      ["Order number", or(facts.orderNumber, "order number")],
      ["Tracking numbers", facts.trackingNumbers.length ? facts.trackingNumbers.map(oneLine).join(", ") : "none given by the seller"],
    ],
  });
  blocks.push({ kind: "heading", text: "Key dates and deadlines" });
  blocks.push({
    kind: "facts",
    rows: [
      ["Ordered and paid", day(facts.orderedAt) ?? facts.orderedAt],
      ["Shipped", day(facts.shippedAt) ?? blank("shipping date")],
      ["Expected delivery", day(facts.estimatedDelivery?.latest ?? facts.estimatedDelivery?.earliest) ?? blank("expected delivery date")],
      ["Last tracking event", story.lastScan ? `${story.lastScan.when ?? "time not given"}: ${shorten(story.lastScan.text, 160)}` : "none"],
      ["Days without an update", String(story.daysSilent)],
      ["Buyer protection ends", protectionLine],
      ...[...upcoming]
        .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id))
        .filter((d) => d !== protection)
        .slice(0, 5)
        .map((d): [string, string] => [oneLine(d.title), day(d.due) ?? d.due]),
    ],
  });
  blocks.push({ kind: "page-break" });

  // Order facts as the engine sees them.
  blocks.push({ kind: "heading", text: "Order facts" });
  blocks.push({
    kind: "facts",
    rows: [
      ["Marketplace", or(story.platformName, "marketplace name")],
      ["Order number", or(facts.orderNumber, "order number")],
      ["Item", or(facts.item, "item description")],
      ["Amount", or(amountOf(facts), "amount paid")],
      ["Seller", or(facts.seller, "seller")],
      ["Payment", facts.paymentMethod ? [facts.paymentMethod, facts.cardNetwork].filter(Boolean).join(", ") : blank("payment method")],
      ["Ordered", formatDateTime(facts.orderedAt, zone) ?? facts.orderedAt],
      ["Shipped", day(facts.shippedAt) ?? blank("shipping date")],
      ["Tracking numbers", facts.trackingNumbers.length ? facts.trackingNumbers.map(oneLine).join(", ") : "none given by the seller"],
      ["Where the parcel stands", STATE_LABEL[assessment.state]],
      ["Needs attention", assessment.alerts.length ? assessment.alerts.map((a) => ALERT_LABEL[a]).join("; ") : "nothing flagged"],
      ["The buyer's claim", CASE_LABEL[assessment.case]],
    ],
  });

  blocks.push({ kind: "heading", text: `Tracking timeline (${story.timeline.length} events, oldest first)` });
  if (story.timeline.length === 0) {
    blocks.push({ kind: "paragraph", text: "The carrier has reported no event for this order." });
  } else {
    blocks.push({
      kind: "paragraph",
      text: `Each event as the carrier wrote it, with the milestone ClaimTrail read from it and where the event came from. Times are in ${zone}. Characters this PDF cannot draw appear as [U+…] codes.`,
    });
    blocks.push({
      kind: "table",
      columns: [
        { title: "Leg / number", width: 0.16 },
        { title: "Time", width: 0.13 },
        { title: "Place", width: 0.14 },
        { title: "Carrier's text", width: 0.33 },
        { title: "Milestone", width: 0.14 },
        { title: "Source", width: 0.1 },
      ],
      rows: story.timeline.map((t) => [
        cut([t.leg, t.carrier].filter(Boolean).join("\n")) || "—",
        t.when ?? "not given",
        t.place ? cut(t.place) : "—",
        cut(t.text) || "(empty)",
        MILESTONE_LABEL[t.milestone],
        t.source ? cut(t.source) : "—",
      ]),
    });
  }

  const gapRows = story.gaps.map((g) => [
    formatDateTime(g.from, zone) ?? g.from,
    g.ongoing ? `${formatDateTime(g.to, zone)} (still silent when this packet was made)` : formatDateTime(g.to, zone) ?? g.to,
    `no update for ${g.days} days`,
  ]);
  blocks.push(...tableSection("Silent gaps", [["From", 0.3], ["To", 0.3], ["Silence", 0.4]], gapRows, `No period of more than ${SILENT_GAP_DAYS} days without a carrier event.`));
  blocks.push(
    ...tableSection("Deadlines", [["Due", 0.16], ["Deadline", 0.24], ["Rule", 0.38], ["Source", 0.22]], deadlineRows(assessment.deadlines, zone), "No deadline applies to this order yet."),
  );
  const actionRows = story.actions.map((a) => [a.when ?? "date not recorded", a.what, a.note ? cut(a.note) : "—"]);
  blocks.push(...tableSection("What the buyer did", [["Date", 0.18], ["Step", 0.42], ["Note", 0.4]], actionRows, "No step recorded yet."));

  if (attachments.length) {
    blocks.push({ kind: "page-break" });
    blocks.push({ kind: "heading", text: `Attached evidence (${attachments.length} file${attachments.length === 1 ? "" : "s"})` });
    attachments.forEach((a, ref) => {
      const caption = [
        `File: ${shorten(oneLine(a.fileName), 200) || "(no name)"}`,
        `Uploaded: ${formatDateTime(a.uploadedAt, zone) ?? a.uploadedAt} (${zone})`,
        `SHA-256 of the uploaded file: ${a.sha256}`,
      ];
      if (a.image) {
        caption.push(`Image ${a.image.originalWidth} × ${a.image.originalHeight} pixels, re-encoded for this packet`);
        blocks.push({ kind: "image", ref, caption });
      } else {
        blocks.push({ kind: "paragraph", text: [...caption, `Not shown: ${a.problem ?? "the file is not an image this packet can show"}`].join("\n") });
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
