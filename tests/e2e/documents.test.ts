/**
 * A buyer in a real browser: uploads a photo to an order, downloads the evidence packet and an
 * edited letter; without JavaScript, uploading still works and a refused file is explained.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jpegWithGps } from "../factories/evidence-files.ts";
import { RESULTS_DIR, seedOrder, signUpInBrowser, startApp, type E2eApp } from "./harness.ts";

const PASSWORD = "correct horse battery staple";
let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe("documents in a real browser", () => {
  it("uploads a photo, then downloads the packet with it and an edited letter", async () => {
    const email = `e2e-docs-${Date.now()}@example.com`;
    const { page, context } = await app.newSession();
    await signUpInBrowser(page, app.url, email, PASSWORD);
    const orderId = await seedOrder(app.server.dbFile, email, { item: "Wireless mouse", order_number: "3040506070" });

    await page.goto(`${app.url}/orders/${orderId}/documents`);
    await expect.poll(() => page.getByRole("heading", { name: "Documents", exact: true }).count()).toBe(1);

    await page.getByLabel("Add photos, screenshots or PDFs").setInputFiles({
      name: "parcel-label.jpg",
      mimeType: "image/jpeg",
      buffer: await jpegWithGps(640, 480),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect.poll(() => page.getByRole("link", { name: "parcel-label.jpg", exact: true }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole("img", { name: "Preview of parcel-label.jpg" }).count()).toBe(1);
    await app.screenshot(page, "documents-after-upload");

    const [packet] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download the evidence packet/ }).click()]);
    expect(packet.suggestedFilename()).toBe("Wireless mouse - evidence packet.pdf");
    const packetPath = join(RESULTS_DIR, "e2e-packet.pdf");
    await packet.saveAs(packetPath);
    const packetText = execFileSync("pdftotext", ["-enc", "UTF-8", packetPath, "-"], { encoding: "utf8" });
    expect(packetText).toContain("parcel-label.jpg");
    expect(packetText).toContain("3040506070");

    const letter = page.getByLabel("Text of the letter to the seller");
    expect(await letter.inputValue()).toContain("3040506070");
    await letter.fill("Hello,\n\nWhere is order 3040506070? Please reply within 5 days.\n\nAnna");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as text" }).first().click()]);
    expect(download.suggestedFilename()).toBe("Wireless mouse - letter to the seller.txt");
    const letterPath = join(RESULTS_DIR, "e2e-letter.txt");
    await download.saveAs(letterPath);
    expect(readFileSync(letterPath, "utf8")).toBe("Hello,\n\nWhere is order 3040506070? Please reply within 5 days.\n\nAnna");

    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    await page.getByRole("button", { name: "Copy the letter to the seller" }).click();
    await expect.poll(() => page.getByText("Copied to the clipboard.").count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("Where is order 3040506070?");
  });

  it("works without JavaScript: an upload lands back on the documents page, a refused file is explained", async () => {
    const email = `e2e-docs-nojs-${Date.now()}@example.com`;
    const { page } = await app.newSession({ javaScriptEnabled: false, viewport: "phone" });
    await signUpInBrowser(page, app.url, email, PASSWORD);
    const orderId = await seedOrder(app.server.dbFile, email, { item: "Phone stand" });
    await page.goto(`${app.url}/orders/${orderId}/documents`);

    await page
      .getByLabel("Add photos, screenshots or PDFs")
      .setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("just some text") });
    await Promise.all([page.waitForURL(`${app.url}/orders/${orderId}/evidence`), page.getByRole("button", { name: "Upload" }).click()]);
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/notes\.jpg.*whatever its name says/);
    await app.screenshot(page, "evidence-refused-nojs");

    await page.getByLabel("Add photos, screenshots or PDFs").setInputFiles({ name: "box.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() });
    await Promise.all([page.waitForURL(/\/evidence$/), page.getByRole("button", { name: "Upload" }).click()]);
    expect(await page.getByRole("link", { name: "box.jpg", exact: true }).count()).toBe(1);
  });
});
