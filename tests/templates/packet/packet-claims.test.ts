/**
 * Issue 13: the packet says only what is true. Each scenario order is rendered to PDF, read back
 * with pdftotext (as a bank's or marketplace's tools would) and every claim checked against the
 * order's own facts.
 */
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import type { DocumentFacts } from "../../../templates/document/document-facts.ts";
import { stopPacketWorker } from "../../../templates/packet/render-in-worker.server.ts";
import { renderPacket } from "../../../templates/packet/render-packet.server.ts";
import type { EvidenceImage } from "../../../templates/packet/prepare-images.server.ts";
import { documentCase, type DocumentCase } from "../order-fixtures.ts";
import type { PacketContent } from "../../../templates/packet/packet-content.ts";
import { drawPacketPdf } from "../../../templates/packet/pdf-document.server.ts";
import { folded, layoutPages, readPdf } from "./pdf-text.ts";

afterAll(() => stopPacketWorker());

const NOW = "2026-03-20T10:00:00Z";
// Tracking numbers are the contract's example (CONTRACT.md §4) and the Correos test number in
// app/carriers/numbers/formats/regional-carriers.ts (source: Correos localizador de envíos).
const madridBuyer = {
  name: "Lucía Fernández Ruiz",
  address: "Calle de Atocha 27, 3º B\n28012 Madrid",
  email: "lucia.fernandez@example.es",
  country: "ES",
  language: "es",
};

/** The new user of issue 13: AliExpress, "Entregado" but never received, paid by Visa, order date typed as a day. */
function madridOrder(extra: Record<string, unknown> = {}) {
  return {
    platform: "aliexpress",
    orderNumber: "8203456789012345",
    item: "Robot vacuum filter set",
    amount: { value: "18.40", currency: "EUR" },
    seller: "CleanHome Parts Store",
    buyer: madridBuyer,
    paymentMethod: "card",
    cardNetwork: "visa",
    orderedAt: "2026-02-20",
    timeZone: "Europe/Madrid",
    destinationCountry: "ES",
    now: NOW,
    trackingNumbers: ["LP00123456789012"],
    events: [
      { at: "2026-02-21T10:05:00+08:00", text: "Shipping label created", milestone: "info_received", trackingNumber: "LP00123456789012" },
      { at: "2026-02-22T18:40:00+08:00", text: "Parcel picked up by the carrier", milestone: "picked_up", trackingNumber: "LP00123456789012" },
      { at: "2026-02-24T02:10:00+08:00", text: "Departed from departure country", milestone: "departed_origin", trackingNumber: "LP00123456789012" },
      { at: "2026-03-10T11:32:00+01:00", text: "Entregado", location: "MADRID", milestone: "delivered", trackingNumber: "LP00123456789012" },
    ],
    ...extra,
  };
}

async function packetText(c: DocumentCase, images: EvidenceImage[] = []) {
  const { bytes } = await renderPacket(c.facts as DocumentFacts, c.assessment, c.now, { images });
  return readPdf(bytes);
}

/** The paragraph under "The claim", up to the first fact row. */
const claimOf = (text: string) => /The claim (.*?) Buyer /.exec(text)?.[1] ?? /The claim (.*?) Item /.exec(text)?.[1] ?? "";

describe("the packet of a buyer who filled in their profile", () => {
  it("carries their name, address and e-mail and no blank at all", async () => {
    const text = folded((await packetText(documentCase(madridOrder(), "madrid"))).text);
    expect(text).not.toMatch(/fill in/i);
    expect(text).not.toMatch(/\[[^\]]* — /);
    expect(text).toContain("Buyer Lucía Fernández Ruiz");
    expect(text).toContain("Delivery address Calle de Atocha 27, 3º B, 28012 Madrid, Spain");
    expect(text).toContain("E-mail lucia.fernandez@example.es");
    expect(text).toContain("Payment Visa card");
  });

  it("keeps a date typed as a day a day, dates shipment from the first scan, and gives every time its zone", async () => {
    const text = folded((await packetText(documentCase(madridOrder(), "madrid"))).text);
    expect(text).toContain("Ordered and paid 20 February 2026 Shipped");
    expect(text).not.toMatch(/20 Feb(ruary)? 2026 (00|12):00/);
    // No ship date given: the first scan showing the parcel in the carrier's hands (11:40 in Madrid).
    expect(text).toContain('Shipped 22 February 2026 (first carrier scan: "Parcel picked up by the carrier")');
    expect(text).toContain("Times are in the buyer's time zone, Europe/Madrid");
    expect(text).toContain("10 Mar 2026 11:32 UTC+1");
    expect(text).toContain("22 Feb 2026 11:40 UTC+1");
    expect(text).not.toMatch(/\d{2}:\d{2} \(UTC\)|Times are in UTC/);
  });

  it("says on the first page, in one paragraph, what happened and what is asked — and nothing the buyer did not do", async () => {
    const pdf = await packetText(documentCase(madridOrder(), "madrid"));
    const claim = claimOf(folded(pdf.pages[0]));
    expect(claim).toBe(
      "Lucía Fernández Ruiz ordered Robot vacuum filter set (18.40 EUR) from CleanHome Parts Store on AliExpress on 20 February 2026, order 8203456789012345. " +
        "The carrier's first scan of the parcel was on 22 February 2026. " +
        "The carrier marked the parcel as delivered on 10 Mar 2026 11:32 UTC+1, but the buyer did not receive it. " +
        "The goods were not received; the buyer asks for a full refund.",
    );
  });
});

describe("checklist steps done, skipped and not started", () => {
  const c = documentCase(
    madridOrder({
      reports: [{ at: "2026-03-11T09:00:00+01:00", kind: "not_received", note: "Nothing in the mailbox or with the concierge." }],
      checklist: [
        { step: "Checked the mailbox and the building's concierge", doneAt: "2026-03-11T08:30:00+01:00", note: "Nothing there" },
        { step: "Asked the neighbours", skipped: true, reason: "Nobody was home all week" },
        { step: "Asked Correos for the delivery signature" },
      ],
    }),
    "steps",
  );

  it("counts only the step done, and marks the skipped and the untouched one as such", async () => {
    const text = folded((await packetText(c)).text);
    expect(claimOf(text)).toContain(
      "reported it missing on 11 March 2026. The buyer has completed 1 step of the missing-parcel checklist (listed below).",
    );
    expect(text).toContain("11 March 2026 Checklist: Checked the mailbox and the building's concierge Nothing there");
    expect(text).toContain("Checklist: Asked the neighbours (skipped) Nobody was home all week");
    expect(text).toContain("Checklist: Asked Correos for the delivery signature (not done yet)");
    expect(text).not.toMatch(/Asked the neighbours(?! \(skipped\))/);
    expect(text).not.toMatch(/contacted the seller/i);
  });
});

describe("customs fee due", () => {
  it("says the parcel is held by customs and asks for the hold to be resolved", async () => {
    const c = documentCase(
      madridOrder({
        events: [
          { at: "2026-02-22T18:40:00+08:00", text: "Parcel picked up by the carrier", milestone: "picked_up" },
          {
            at: "2026-03-12T09:15:00+01:00",
            text: "Retenido en aduanas: pendiente de pago de tasas",
            location: "MADRID ADUANA",
            milestone: "customs_held",
          },
        ],
      }),
      "customs-fee",
    );
    const text = folded((await packetText(c)).text);
    expect(claimOf(text)).toContain(
      'The parcel is held by customs since 12 Mar 2026 09:15 UTC+1 ("Retenido en aduanas: pendiente de pago de tasas").',
    );
    expect(claimOf(text)).toContain("asks the seller to resolve the customs hold or refund the order in full");
    expect(text).toContain("Customs needs action (held or fee due)");
    for (const d of c.assessment.deadlines) expect(text).toContain(d.title.replace(/\s+/g, " "));
  });
});

describe("two legs", () => {
  it("lists both numbers and files each event under its own leg", async () => {
    const c = documentCase(
      madridOrder({
        trackingNumbers: ["LP00123456789012", "PQ4F6P0703673180108090Y"],
        events: [
          {
            at: "2026-02-22T18:40:00+08:00",
            text: "Parcel picked up by the carrier",
            milestone: "picked_up",
            trackingNumber: "LP00123456789012",
            carrier: "cainiao",
          },
          {
            at: "2026-03-05T07:00:00+01:00",
            text: "Handed over to the last-mile carrier",
            milestone: "handed_over",
            trackingNumber: "LP00123456789012",
            carrier: "cainiao",
          },
          {
            at: "2026-03-09T13:20:00+01:00",
            text: "En reparto",
            location: "MADRID",
            milestone: "out_for_delivery",
            trackingNumber: "PQ4F6P0703673180108090Y",
            carrier: "correos",
          },
        ],
      }),
      "two-legs",
    );
    const text = folded((await packetText(c)).text);
    expect(text).toContain("Tracking numbers LP00123456789012, PQ4F6P0703673180108090Y");
    // A long number wraps inside its cell; spaces removed, each row reads leg, carrier, time, place, text.
    const compact = text.replace(/ /g, "");
    expect(compact).toContain("LP00123456789012cainiao22Feb202611:40UTC+1—Parcelpickedupbythecarrier");
    expect(compact).toContain("PQ4F6P0703673180108090Ycorreos9Mar202613:20UTC+1MADRIDEnreparto");
  });
});

describe("payment by PayPal and by card", () => {
  it("names the PayPal transaction ID the buyer gave, and the card statement line for a card", async () => {
    const paypal = folded(
      (await packetText(documentCase(madridOrder({ paymentMethod: "paypal", cardNetwork: null, paymentReference: "5TY05013RG002845M" }), "paypal")))
        .text,
    );
    expect(paypal).toContain("Payment PayPal PayPal transaction ID 5TY05013RG002845M");
    const card = folded((await packetText(documentCase(madridOrder({ paymentReference: "ALIEXPRESS.COM LUXEMBOURG 18,40" }), "card"))).text);
    expect(card).toContain("Payment Visa card Card statement line ALIEXPRESS.COM LUXEMBOURG 18,40");
    // Not given: no row, no blank.
    const none = folded((await packetText(documentCase(madridOrder({ paymentMethod: "paypal", cardNetwork: null }), "paypal-none"))).text);
    expect(none).not.toContain("transaction ID");
  });

  it("names the local carrier's case number the buyer gave", async () => {
    const text = folded((await packetText(documentCase(madridOrder({ carrierCaseNumber: "CRR-2026-118834" }), "case"))).text);
    expect(text).toContain("Local carrier's case number CRR-2026-118834");
    expect(claimOf(text)).toContain("opened case CRR-2026-118834 with the local carrier");
  });
});

describe("a buyer who gave no details", () => {
  it("leaves out what is missing instead of printing blanks, and does not call carrier times UTC", async () => {
    const raw = madridOrder({ buyer: undefined, item: undefined, seller: undefined, amount: undefined, timeZone: undefined });
    const text = folded((await packetText(documentCase(raw, "bare"))).text);
    expect(text).not.toMatch(/fill in/i);
    expect(text).not.toContain("Delivery address");
    expect(text).not.toContain("E-mail");
    // The first page's facts start with what is known: no "Buyer", "Item" or "Seller" row.
    expect(text).toContain("the buyer asks for a full refund. Marketplace AliExpress Order number 8203456789012345");
    expect(claimOf(text)).toMatch(/^The buyer ordered an item on AliExpress on 20 February 2026, order 8203456789012345\./);
    expect(text).toContain("The buyer's time zone is not recorded");
    // The carrier's scan time is shown as recorded, without a zone label.
    expect(text).toMatch(/10 Mar 2026 10:32 MADRID Entregado/);
  });
});

describe("layout", () => {
  it("never leaves a heading alone at the bottom of a page", async () => {
    // Filler of every length moves the heading through every position near the page's end; the
    // table under it starts with a tall row (a deadline's rule that wraps over many lines).
    const rule = "A dispute can be opened until 15 days after purchase protection ends or after you confirm receipt, whichever comes first. ".repeat(
      3,
    );
    for (let lines = 44; lines <= 60; lines++) {
      const content: PacketContent = {
        title: "Layout check",
        generatedAt: "20 Mar 2026 11:00 UTC+1",
        footer: "ClaimTrail evidence packet · layout check",
        blocks: [
          { kind: "paragraph", text: Array.from({ length: lines }, (_, i) => `Filler line ${i + 1}`).join("\n") },
          { kind: "heading", text: "Deadlines" },
          {
            kind: "table",
            columns: [
              { title: "Due", width: 0.3 },
              { title: "Rule", width: 0.7 },
            ],
            rows: [
              ["24 March 2026", rule],
              ["8 August 2026", "Short"],
            ],
          },
          { kind: "heading", text: "What the buyer did" },
          { kind: "facts", rows: [["11 March 2026", rule]] },
        ],
      };
      const pages = layoutPages((await drawPacketPdf(content, [], NOW)).bytes);
      for (const page of pages) {
        const footer = page.findIndex((l) => l.includes("ClaimTrail evidence packet"));
        expect(page[footer - 1], `${lines} filler lines`).not.toMatch(/^(Deadlines|What the buyer did)$/);
      }
    }
  });

  it("prints each photo with its note and checklist step on the photo's page", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 900, height: 1400, channels: 3, background: "#557799" } })
        .png()
        .toBuffer(),
    );
    const images = [1, 2, 3].map((i) => ({
      fileName: `buzon-${i}.png`,
      uploadedAt: "2026-03-11T08:40:00Z",
      bytes: png,
      note: `Foto ${i}: el buzón vacío`,
      checklistStep: "check-mailbox",
    }));
    const pdf = await packetText(documentCase(madridOrder(), "photos"), images);
    expect(pdf.images).toBe(3);
    for (const i of [1, 2, 3]) {
      const page = pdf.pages.find((p) => folded(p).includes(`File: buzon-${i}.png`));
      expect(page, `buzon-${i}.png`).toBeDefined();
      expect(folded(page!)).toContain(`Buyer's note: Foto ${i}: el buzón vacío`);
      expect(folded(page!)).toContain("Checklist step: check mailbox");
      expect(folded(page!)).toContain("Uploaded: 11 Mar 2026 09:40 UTC+1");
    }
  });
});
