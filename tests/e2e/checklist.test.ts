import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTrackingEvents } from "../../db/queries/tracking.server.ts";
import { seedOrder, signUpInBrowser, startApp, userIdOf, withDb, type E2eApp } from "./harness.ts";

/**
 * Issue 8 end to end: a new person with a delivered order marks it not received, works through the
 * checklist with notes, a reference and a photo, and downloads a packet whose text carries the
 * steps and their dates; for an AliExpress and a Temu order.
 */
const PASSWORD = "correct horse battery staple";
const DAY = 86_400_000;
let app: E2eApp;
let dir: string;

beforeAll(async () => {
  app = await startApp();
  dir = mkdtempSync(join(tmpdir(), "e2e-checklist-"));
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A history as a person copies it from a tracking page, newest first, ending in "Delivered". */
function deliveredHistory(): string {
  const stamp = (daysAgo: number, time: string) => `${new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10)} ${time}`;
  return [
    `${stamp(2, "14:02")} Delivered, In/At Mailbox`,
    `${stamp(3, "07:40")} Out for delivery`,
    `${stamp(9, "10:00")} Arrived at destination country`,
    `${stamp(14, "08:15")} Departure from outward office of exchange`,
  ].join("\n");
}

const todayLong = () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());

/** The step's section with its forms shown (the first step to do opens by itself). */
async function openStep(page: Page, stepId: string) {
  const step = page.locator(`#step-${stepId}`);
  if ((await step.locator("details").getAttribute("open")) === null) await step.locator("summary").click();
  return step;
}

async function markDone(page: Page, stepId: string, note: string, reference?: string): Promise<void> {
  const step = await openStep(page, stepId);
  await step.getByLabel("Note (what you did and found)").fill(note);
  if (reference) await step.getByLabel("Reference number (optional)").fill(reference);
  await step.getByRole("button", { name: /^Mark step \d done$/ }).click();
  await expect.poll(() => step.getByTestId(`step-record-${stepId}`).count()).toBe(1);
}

async function walkThrough(platform: "aliexpress" | "temu", item: string): Promise<void> {
  const email = `e2e-checklist-${platform}-${Date.now()}@example.com`;
  const { page } = await app.newSession();
  await signUpInBrowser(page, app.url, email, PASSWORD);
  const orderId = await seedOrder(app.server.dbFile, email, {
    platform,
    item,
    ordered_at: new Date(Date.now() - 20 * DAY).toISOString(),
    payment_method: "card",
    card_network: "visa",
  });

  // The history goes in through the order page, as a person pastes it.
  await page.goto(`${app.url}/orders/${orderId}`);
  await page.getByLabel("Paste the latest tracking history").fill(deliveredHistory());
  await Promise.all([page.waitForURL(/done=events/), page.getByRole("button", { name: "Add these events" }).click()]);

  await page.getByRole("link", { name: "Checklist", exact: true }).click();
  await page.waitForURL(/\/checklist$/);
  await Promise.all([page.waitForURL(/done=reported/), page.getByRole("button", { name: "I did not receive it" }).click()]);
  await expect.poll(() => page.getByText("You reported it not received on").count()).toBe(1);
  expect(await page.getByText("Deadlines of this case").count()).toBe(1);
  if (platform === "temu") {
    expect(await page.getByRole("heading", { name: /Wait up to 48 hours/ }).count()).toBe(1);
    expect(await page.getByText('Temu\'s 48-hour wait after "Delivered" ends').count()).toBeGreaterThan(0);
  } else {
    expect(await page.getByRole("heading", { name: /item not received/ }).count()).toBe(1);
    expect(await page.getByText("Last day to open an AliExpress dispute").count()).toBeGreaterThan(0);
  }
  await app.screenshot(page, `checklist-${platform}-reported`);

  await markDone(page, "wait_grace", "Waited two days, still nothing");
  await markDone(page, "check_safe_places", "Mailbox, porch and parcel locker all empty");

  // A photo for the safe-places step, through the evidence upload.
  const photo = join(dir, `mailbox-${platform}.png`);
  writeFileSync(
    photo,
    await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } })
      .png()
      .toBuffer(),
  );
  const safe = await openStep(page, "check_safe_places");
  await safe.locator('input[type="file"]').setInputFiles(photo);
  await safe.getByRole("button", { name: "Upload" }).click();
  await expect.poll(() => safe.getByTestId("step-record-check_safe_places").innerText()).toContain("1 attachment");

  // Skipping asks why.
  const household = await openStep(page, "ask_household");
  await household.getByRole("button", { name: "Skip step 3" }).click();
  await expect.poll(() => household.getByText("Say why you skip this step").count()).toBeGreaterThan(0);
  await household.getByLabel("Why skip this step?").fill("I live alone");
  await household.getByRole("button", { name: "Skip step 3" }).click();
  await expect.poll(() => household.getByTestId("step-record-ask_household").count()).toBe(1);

  await markDone(page, "carrier_complaint", "Complaint filed with the local post", "CP-2026-0042");
  await expect.poll(() => page.getByText("3 of 8 steps done, 1 skipped").count()).toBe(1);
  await app.screenshot(page, `checklist-${platform}-progress`);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "download the evidence packet (PDF)" }).click(),
  ]);
  const pdf = join(dir, `packet-${platform}.pdf`);
  await download.saveAs(pdf);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Checklist: Check every safe place");
  expect(text).toContain("Mailbox, porch and parcel locker all empty");
  expect(text).toContain("Checklist: Ask your household and neighbours (skipped)");
  expect(text).toContain("CP-2026-0042");
  expect(text).toContain(`mailbox-${platform}.png`);
  expect(text).toContain(todayLong());
}

describe("delivered but not received, in the browser", () => {
  it("AliExpress: report, work through the checklist with notes and a photo, download the packet", async () => {
    await walkThrough("aliexpress", "Bluetooth speaker");
  }, 120_000);

  it("Temu: the same with Temu's 48-hour wait and support option", async () => {
    await walkThrough("temu", "Desk lamp");
  }, 120_000);

  it("works without JavaScript: report, a step with a reference, a skip that asks why, found it", async () => {
    const email = `e2e-checklist-nojs-${Date.now()}@example.com`;
    const withJs = await app.newSession();
    await signUpInBrowser(withJs.page, app.url, email, PASSWORD);
    const orderId = await seedOrder(app.server.dbFile, email, {
      platform: "aliexpress",
      item: "Phone case",
      ordered_at: new Date(Date.now() - 20 * DAY).toISOString(),
    });
    await withDb(app.server.dbFile, async (db) =>
      addTrackingEvents(db, await userIdOf(db, email), orderId, [
        { at: new Date(Date.now() - 2 * DAY).toISOString(), text: "Delivered", milestone: "delivered", source: "paste" },
      ]),
    );
    const { page } = await app.newSession({ javaScriptEnabled: false });
    await page.context().addCookies(await withJs.context.cookies());
    await page.goto(`${app.url}/orders/${orderId}/checklist`);
    await page.getByRole("button", { name: "I did not receive it" }).click();
    await page.waitForURL(/done=reported/);
    const step = await openStep(page, "carrier_complaint");
    await step.getByLabel("Reference number (optional)").fill("PN-77");
    await step.getByRole("button", { name: "Mark step 5 done" }).click();
    await page.waitForURL(/done=step/);
    expect(await page.getByTestId("step-record-carrier_complaint").innerText()).toContain("reference PN-77");
    const skip = await openStep(page, "ask_household");
    await skip.getByRole("button", { name: "Skip step 3" }).click();
    await expect.poll(() => page.getByText("Say why you skip this step").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "I found the parcel: close the case" }).click();
    await page.waitForURL(/done=found/);
    expect(await page.getByText("The case is closed").count()).toBeGreaterThan(0);
    await app.screenshot(page, "checklist-no-js-closed");
  }, 120_000);
});
