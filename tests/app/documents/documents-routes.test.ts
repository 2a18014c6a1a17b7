/**
 * The documents routes against the real server: the page, letter downloads (as written and as
 * edited, text and PDF), the evidence packet with an uploaded photo, the file names in
 * Content-Disposition, and 404 for anyone but the owner.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addReport } from "../../../db/queries/reports.server.ts";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { jpegWithGps } from "../../factories/evidence-files.ts";
import { uploadEvidence } from "../evidence/upload-client.ts";
import { Client, signedUpClient } from "../server/http-client.ts";
import { seedOrder, userIdOf, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";

const ITEM = "蓝牙耳机 Bluetooth earbuds";
const ORDER_NUMBER = "8191234567890123";
const LETTER_KINDS = ["seller", "marketplace", "carrier", "customs", "card-issuer", "paypal"];

let server: RunningServer;
let owner: Client;
let other: Client;
let orderId: string;

beforeAll(async () => {
  server = await startServer();
  const a = await signedUpClient(server.url, "documents-owner");
  other = (await signedUpClient(server.url, "documents-other")).client;
  owner = a.client;
  orderId = await seedOrder(server.dbFile, a.email, {
    item: ITEM,
    order_number: ORDER_NUMBER,
    seller: "Shenzhen Audio Store",
    ordered_at: "2026-03-01T10:00:00Z",
  });
  await withDb(server.dbFile, async (db) => {
    const userId = await userIdOf(db, a.email);
    await addTrackingNumbers(db, userId, orderId, [{ number: "LP00123456789012", carrier: "cainiao", leg: 0, source: "user" }]);
    await addTrackingEvents(db, userId, orderId, [
      {
        at: "2026-03-03T08:00:00Z",
        text: "Parcel picked up by carrier",
        location: "Shenzhen",
        source: "manual",
        milestone: "picked_up",
        trackingNumber: "LP00123456789012",
      },
      {
        at: "2026-03-06T20:00:00Z",
        text: "已离开始发地国际处理中心",
        location: "深圳",
        source: "manual",
        milestone: "departed_origin",
        trackingNumber: "LP00123456789012",
      },
    ]);
    await addReport(db, userId, orderId, { kind: "contacted_seller", at: "2026-04-01T09:00:00Z", note: "Asked the seller where the parcel is" });
  });
});
afterAll(async () => {
  await server?.stop();
});

function pdfText(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-docs-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

const squash = (text: string) => text.replace(/\s+/g, " ");

describe("the documents page", () => {
  it("shows the letters that fit the order, filled in from it, ready to edit, and the packet link", async () => {
    const res = await owner.get(`/orders/${orderId}/documents`);
    expect(res.status).toBe(200);
    const html = await res.text();
    // No payment method recorded: both the PayPal and the chargeback letter may fit. The parcel never
    // met customs, so the customs letter is not offered, and the page says why.
    for (const kind of LETTER_KINDS.filter((k) => k !== "customs")) {
      expect(html).toContain(`action="/orders/${orderId}/letters/${kind}"`);
      expect(html).toContain(`id="letter-${kind}"`);
    }
    expect(html).not.toContain(`id="letter-customs"`);
    expect(html).toContain("the parcel never met customs");
    expect(html).not.toContain("fill in");
    expect(html).toMatch(/<textarea[^>]*name="text"[^>]*>[^<]*8191234567890123/);
    expect(html).toContain(`href="/orders/${orderId}/packet"`);
    expect(html).toContain(`action="/orders/${orderId}/evidence"`);
  });
});

describe("letter downloads", () => {
  it("downloads the letter as text, named after the order's (Chinese) item in RFC 6266 form", async () => {
    const res = await owner.get(`/orders/${orderId}/letters/seller`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${ITEM} - letter to the seller.txt`)}`);
    expect(disposition).toMatch(/^attachment; filename="Bluetooth earbuds - letter to the seller\.txt"; filename\*=/);
    const text = await res.text();
    expect(text).toContain(ORDER_NUMBER);
    expect(text).toContain("Shenzhen Audio Store");
  });

  it("downloads the buyer's edited text, as text and as a PDF that keeps Chinese and Cyrillic", async () => {
    const edited = "Здравствуйте,\n\nOrder 8191234567890123: 我没有收到包裹。\nPlease refund me by Friday.\n\nИван Петров";
    const txt = await owner.post(`/orders/${orderId}/letters/seller`, { text: edited.replace(/\n/g, "\r\n"), format: "txt" });
    expect(txt.status).toBe(200);
    expect(await txt.text()).toBe(edited);

    const pdf = await owner.post(`/orders/${orderId}/letters/card-issuer`, { text: edited, format: "pdf" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(encodeURIComponent(`${ITEM} - chargeback request.pdf`));
    const text = squash(pdfText(await pdf.arrayBuffer()));
    expect(text).toContain("我没有收到包裹");
    expect(text).toContain("Иван Петров");
    expect(text).toContain("Please refund me by Friday.");
  });

  it("refuses an empty letter and an unknown format or kind with a sentence", async () => {
    const empty = await owner.post(`/orders/${orderId}/letters/seller`, { text: "   ", format: "txt" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/empty/);
    expect((await owner.get(`/orders/${orderId}/letters/seller?format=docx`)).status).toBe(400);
    expect((await owner.get(`/orders/${orderId}/letters/fax`)).status).toBe(404);
    // A letter that does not fit the order is refused with the reason, not written.
    const customs = await owner.get(`/orders/${orderId}/letters/customs`);
    expect(customs.status).toBe(409);
    expect(await customs.text()).toMatch(/does not fit the order: the parcel never met customs/);
  });
});

describe("the evidence packet", () => {
  it("holds the events, the steps taken and the uploaded photo with its file name and SHA-256", async () => {
    const upload = await uploadEvidence(owner, orderId, [{ name: "mailbox-photo.jpg", bytes: await jpegWithGps(800, 600) }]);
    expect(upload.status).toBe(303);
    const [row] = await withDb(server.dbFile, (db) => db.selectFrom("evidence_files").selectAll().where("order_id", "=", orderId).execute());

    const res = await owner.get(`/orders/${orderId}/packet`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(`${ITEM} - evidence packet.pdf`));
    const text = squash(pdfText(await res.arrayBuffer()));
    expect(text).toContain("Parcel picked up by carrier");
    expect(text).toContain("已离开始发地国际处理中心");
    expect(text).toContain("Asked the seller where the parcel is");
    expect(text).toContain("mailbox-photo.jpg");
    expect(text.replace(/\s/g, "")).toContain(row!.sha256);
  });
});

describe("who may download", () => {
  it("answers 404 to another user for the page, every letter, an edited letter and the packet", async () => {
    expect((await other.get(`/orders/${orderId}/documents`)).status).toBe(404);
    for (const kind of LETTER_KINDS) {
      const res = await other.get(`/orders/${orderId}/letters/${kind}`);
      expect(res.status, kind).toBe(404);
      expect(await res.text()).not.toContain(ORDER_NUMBER);
    }
    expect((await other.post(`/orders/${orderId}/letters/seller`, { text: "hello", format: "pdf" })).status).toBe(404);
    const packet = await other.get(`/orders/${orderId}/packet`);
    expect(packet.status).toBe(404);
    expect(packet.headers.get("content-type")).not.toBe("application/pdf");
  });
});
