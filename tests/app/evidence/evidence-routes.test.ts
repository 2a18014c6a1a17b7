/**
 * Evidence uploads against the real server process: what is kept (re-encoded, without GPS), what
 * is refused (with 400/413, a sentence, and nothing left in the database or the evidence folder),
 * and who may read or delete it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heicHeader, exifHasGps, jpegWithGps, pixelBomb, png, tinyPdf, truncatedPng } from "../../factories/evidence-files.ts";
import { Client, signedUpClient } from "../server/http-client.ts";
import { seedOrder, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";
import { uploadEvidence } from "./upload-client.ts";

let server: RunningServer;
let owner: Client;
let other: Client;
let orderId: string;
let evidenceDir: string;

beforeAll(async () => {
  server = await startServer();
  evidenceDir = join(server.dir, "evidence");
  const a = await signedUpClient(server.url, "evidence-owner");
  const b = await signedUpClient(server.url, "evidence-other");
  owner = a.client;
  other = b.client;
  orderId = await seedOrder(server.dbFile, a.email, { item: "Bluetooth earbuds" });
});
afterAll(async () => {
  await server?.stop();
});

async function rows(forOrder = orderId) {
  return withDb(server.dbFile, (db) => db.selectFrom("evidence_files").selectAll().where("order_id", "=", forOrder).orderBy("uploaded_at").execute());
}

function storedFiles(): string[] {
  return existsSync(evidenceDir) ? readdirSync(evidenceDir).sort() : [];
}

/** Runs a request that must be refused and checks that nothing at all was kept. */
async function expectRefused(send: () => Promise<Response>, status: number, message: RegExp) {
  const beforeRows = await rows();
  const beforeFiles = storedFiles();
  const res = await send();
  expect(res.status).toBe(status);
  const body = await res.text();
  expect(body).toMatch(message);
  expect(await rows()).toEqual(beforeRows);
  expect(storedFiles()).toEqual(beforeFiles);
}

describe("uploading evidence", () => {
  it("keeps a photo re-encoded without its GPS position, under a generated name, downloadable with its own name", async () => {
    const original = await jpegWithGps();
    expect(exifHasGps((await sharp(original).metadata()).exif)).toBe(true);

    const res = await uploadEvidence(owner, orderId, [{ name: "收据照片 mailbox.jpg", bytes: original, type: "image/jpeg" }], {
      note: "Empty mailbox",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/orders/${orderId}/documents`);

    const [row] = (await rows()).filter((r) => r.original_name === "收据照片 mailbox.jpg");
    expect(row).toMatchObject({ content_type: "image/jpeg", width: 320, height: 240, note: "Empty mailbox" });
    expect(row!.stored_name).not.toContain("mailbox");
    expect(storedFiles()).toContain(row!.stored_name);

    const download = await owner.get(`/orders/${orderId}/evidence/${row!.id}?download=1`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    expect(download.headers.get("cache-control")).toMatch(/no-store/);
    const disposition = download.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("收据照片 mailbox.jpg")}`);
    expect(disposition).toMatch(/filename="?[\x20-\x7e]*mailbox\.jpg"?;/);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(row!.sha256);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(exifHasGps(meta.exif)).toBe(false);
    expect(bytes.includes(Buffer.from("TestCam"))).toBe(false);
  });

  it("reads the type from the bytes: a PNG named .jpg is kept as a PNG, a PDF is kept as it is", async () => {
    const res = await uploadEvidence(owner, orderId, [
      { name: "screenshot.jpg", bytes: await png() },
      { name: "receipt.pdf", bytes: tinyPdf(), type: "application/pdf" },
    ]);
    expect(res.status).toBe(303);
    const all = await rows();
    expect(all.find((r) => r.original_name === "screenshot.jpg")).toMatchObject({ content_type: "image/png", width: 40, height: 30 });
    const pdf = all.find((r) => r.original_name === "receipt.pdf")!;
    expect(pdf.content_type).toBe("application/pdf");
    const download = await owner.get(`/orders/${orderId}/evidence/${pdf.id}`);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(Buffer.from(await download.arrayBuffer()).equals(tinyPdf())).toBe(true);
  });

  it("refuses a file whose name lies about what it is", async () => {
    await expectRefused(
      () => uploadEvidence(owner, orderId, [{ name: "photo.jpg", bytes: Buffer.from("<html><script>alert(1)</script></html>"), type: "image/jpeg" }]),
      400,
      /photo\.jpg.*web page.*whatever its name says/,
    );
  });

  it("refuses a truncated image", async () => {
    await expectRefused(
      async () => uploadEvidence(owner, orderId, [{ name: "cut.png", bytes: await truncatedPng() }]),
      400,
      /cut\.png.*damaged or incomplete/,
    );
  });

  it("refuses a pixel bomb before decoding it", async () => {
    await expectRefused(
      async () => uploadEvidence(owner, orderId, [{ name: "bomb.png", bytes: await pixelBomb() }]),
      400,
      /bomb\.png.*40 megapixels/,
    );
  });

  it("refuses a HEIC photo with a way to send it instead", async () => {
    await expectRefused(async () => uploadEvidence(owner, orderId, [{ name: "IMG_0001.HEIC", bytes: heicHeader() }]), 400, /HEIC.*JPEG/);
  });

  it("refuses a 50 MB upload with 413", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0xff);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await expectRefused(async () => uploadEvidence(owner, orderId, [{ name: "huge.jpg", bytes: big }]), 413, /huge\.jpg.*larger than 15 MB/);
  });

  it("refuses a request over 60 MB in total with 413, even when each file is under 15 MB", async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `scan-${i}.jpg`, bytes: Buffer.alloc(14 * 1024 * 1024, i) }));
    await expectRefused(async () => uploadEvidence(owner, orderId, files), 413, /at most 60 MB can be sent at once/);
  });

  it("refuses more than 20 files at once with 413", async () => {
    const tiny = await png(4, 4);
    const files = Array.from({ length: 21 }, (_, i) => ({ name: `shot-${i}.png`, bytes: tiny }));
    await expectRefused(async () => uploadEvidence(owner, orderId, files), 413, /at most 20 files/i);
  });

  it("keeps nothing of a batch when one file in it is bad", async () => {
    await expectRefused(
      async () =>
        uploadEvidence(owner, orderId, [
          { name: "good.png", bytes: await png() },
          { name: "bad.png", bytes: Buffer.from("not an image at all") },
        ]),
      400,
      /bad\.png/,
    );
  });

  it("stops an order at 20 files, counting what it already holds", async () => {
    const { client, email } = await signedUpClient(server.url, "evidence-full");
    const fullOrder = await seedOrder(server.dbFile, email);
    const tiny = await png(4, 4);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ name: `shot-${i}.png`, bytes: tiny }));
    expect((await uploadEvidence(client, fullOrder, twenty)).status).toBe(303);
    const before = storedFiles();
    const more = await uploadEvidence(client, fullOrder, [{ name: "one-more.png", bytes: tiny }]);
    expect(more.status).toBe(413);
    expect(await more.text()).toMatch(/at most 20 files; this one has 20/i);
    expect(await rows(fullOrder)).toHaveLength(20);
    expect(storedFiles()).toEqual(before);

    const [first] = await rows(fullOrder);
    expect((await client.post(`/orders/${fullOrder}/evidence/${first!.id}`, { intent: "delete" })).status).toBe(303);
    expect((await uploadEvidence(client, fullOrder, [{ name: "one-more.png", bytes: tiny }])).status).toBe(303);
  });
});

describe("who may see and delete evidence", () => {
  it("answers 404 to another user for the file, its deletion and uploads to the order, changing nothing", async () => {
    const [row] = await rows();
    const files = storedFiles();
    const read = await other.get(`/orders/${orderId}/evidence/${row!.id}`);
    expect(read.status).toBe(404);
    expect(read.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await other.post(`/orders/${orderId}/evidence/${row!.id}`, { intent: "delete" })).status).toBe(404);
    expect((await uploadEvidence(other, orderId, [{ name: "x.png", bytes: await png() }])).status).toBe(404);
    expect((await other.get(`/orders/${orderId}/evidence`)).status).toBe(404);
    expect(await rows()).toContainEqual(row);
    expect(storedFiles()).toEqual(files);
  });

  it("lets the owner delete a file: the row and the bytes go", async () => {
    const res = await uploadEvidence(owner, orderId, [{ name: "to-delete.png", bytes: await png(10, 10, "#ff0000") }]);
    expect(res.status).toBe(303);
    const row = (await rows()).find((r) => r.original_name === "to-delete.png")!;
    expect(storedFiles()).toContain(row.stored_name);
    const del = await owner.post(`/orders/${orderId}/evidence/${row.id}`, { intent: "delete", redirectTo: `/orders/${orderId}/evidence` });
    expect(del.status).toBe(303);
    expect(del.headers.get("location")).toBe(`/orders/${orderId}/evidence`);
    expect((await rows()).map((r) => r.id)).not.toContain(row.id);
    expect(storedFiles()).not.toContain(row.stored_name);
    expect((await owner.get(`/orders/${orderId}/evidence/${row.id}`)).status).toBe(404);
  });

  it("shows the owner's files on the evidence page with their SHA-256", async () => {
    const html = await (await owner.get(`/orders/${orderId}/evidence`)).text();
    const [row] = await rows();
    expect(html).toContain(row!.original_name);
    expect(html).toContain(row!.sha256);
  });
});
