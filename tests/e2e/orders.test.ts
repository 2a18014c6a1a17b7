import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./axe.ts";
import { logInInBrowser, ROOT, signUpInBrowser, startApp, withDb, type E2eApp } from "./harness.ts";

/**
 * A new person adds an AliExpress order with a pasted Cainiao history and a Temu order with no
 * tracking yet through the wizard, meets the bad-input messages on the way, and checks what the
 * dashboard and the order page show. Every page gets an axe-core check and a screenshot.
 */
const PASSWORD = "correct horse battery staple";
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** The real Cainiao paste (tests/fixtures/pastes), moved in time so its last event is 10 days old. */
function cainiaoPaste(): string {
  const text = readFileSync(join(ROOT, "tests/fixtures/pastes/aliexpress-cainiao-date-then-text.txt"), "utf8");
  const newest = Date.parse("2023-03-10T12:00:00Z");
  const shift = Math.round((Date.now() - 10 * DAY - newest) / DAY) * DAY;
  return text.replace(
    /(\d{4}-\d{2}-\d{2})( \d{2}:\d{2}:\d{2})/g,
    (_m, d: string, t: string) => new Date(Date.parse(`${d}T12:00:00Z`) + shift).toISOString().slice(0, 10) + t,
  );
}

let app: E2eApp;
const email = `e2e-orders-${Date.now()}@example.com`;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Screenshot, and axe where the page runs scripts (a no-JavaScript session cannot inject it). */
async function checkPage(page: Page, name: string, axe = true) {
  await app.screenshot(page, name);
  if (axe) expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

async function orderCount(): Promise<number> {
  return withDb(app.server.dbFile, async (db) => (await db.selectFrom("orders").select("id").execute()).length);
}

const errorNextTo = (page: Page, label: string) =>
  page.evaluate((l) => {
    const input = [...document.querySelectorAll("label")].find((el) => el.textContent?.trim() === l)?.control;
    const ids = input?.getAttribute("aria-describedby")?.split(" ") ?? [];
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
  }, label);

describe("the buyer's screens in a real browser", () => {
  it("walks the wizard with an AliExpress order and a pasted Cainiao history", async () => {
    const { page } = await app.newSession();
    await signUpInBrowser(page, app.url, email, PASSWORD);
    await checkPage(page, "dashboard-empty-start");
    await page.getByRole("link", { name: "Add your first order" }).click();
    await page.waitForURL(/\/orders\/new$/);

    // Step 1: nothing chosen → told what to choose.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.getByText("Choose where you ordered").count()).toBeGreaterThan(0);
    await page.getByLabel("AliExpress").check();
    await checkPage(page, "wizard-1-marketplace");
    await Promise.all([page.waitForURL(/step=facts/), page.getByRole("button", { name: "Continue" }).click()]);

    // Step 2: a future date and an unreadable amount are explained next to their fields; typing stays.
    await page.getByLabel("Order number").fill("8123456789012345");
    await page.getByLabel("Order date").fill(day(3));
    await page.getByLabel("What you ordered").fill("Bluetooth earbuds");
    await page.getByLabel("Amount paid").fill("12,3,4");
    await page.getByLabel("Currency").fill("EUR");
    await page.getByLabel("Paid with").selectOption("card");
    await page.getByLabel("Card brand (if you paid by card)").selectOption("visa");
    await page.getByLabel("Buyer protection ends (as the order page shows it)").fill(day(40));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => errorNextTo(page, "Order date")).toContain("in the future");
    expect(await errorNextTo(page, "Amount paid")).toContain("not an amount we can read");
    expect(await page.getByLabel("What you ordered").inputValue()).toBe("Bluetooth earbuds");
    await checkPage(page, "wizard-2-facts-errors");
    await page.getByLabel("Order date").fill(day(-25));
    await page.getByLabel("Amount paid").fill("12,34");
    await Promise.all([page.waitForURL(/step=tracking/), page.getByRole("button", { name: "Continue" }).click()]);

    // Back and forward keep what was typed.
    await Promise.all([page.waitForURL(/step=facts/), page.getByRole("button", { name: "Back" }).click()]);
    expect(await page.getByLabel("Amount paid").inputValue()).toBe("12,34");
    expect(await page.getByLabel("Order number").inputValue()).toBe("8123456789012345");
    await Promise.all([page.waitForURL(/step=tracking/), page.getByRole("button", { name: "Continue" }).click()]);

    // Step 3: a mistyped number is refused with the reason; the carrier is recognised as one types.
    const box = page.getByLabel("Tracking number(s) or the shipping e-mail");
    await box.fill("RR123456784CN");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => errorNextTo(page, "Tracking number(s) or the shipping e-mail")).toContain("check digit does not match");
    await box.fill("");
    await box.pressSequentially("LP00512345678901");
    await expect.poll(() => page.getByText("LP00512345678901: Cainiao").count()).toBe(1);
    await checkPage(page, "wizard-3-tracking-live");
    await Promise.all([page.waitForURL(/step=history/), page.getByRole("button", { name: "Continue" }).click()]);

    // Step 4: an unreadable paste is explained; the real one is shown with milestones to confirm.
    const paste = page.getByLabel("Tracking history (optional)");
    await paste.fill("hello, my parcel has not arrived yet");
    await page.getByRole("button", { name: "Read the history" }).click();
    await expect.poll(() => errorNextTo(page, "Tracking history (optional)")).toContain("could not find any dated events");
    await paste.fill(cainiaoPaste());
    await Promise.all([page.waitForURL(/check=1/), page.getByRole("button", { name: "Read the history" }).click()]);
    await expect.poll(() => page.getByRole("heading", { name: "Check the 10 events we read" }).count()).toBe(1);
    expect(await page.locator("#event-0-milestone").inputValue()).toBe("customs_cleared");
    await checkPage(page, "wizard-4-history-check");
    expect(await orderCount()).toBe(0);
    await Promise.all([page.waitForURL(/step=review/), page.getByRole("button", { name: "Continue" }).click()]);

    // Step 5: the engine's view before anything is created.
    await expect.poll(() => page.getByText("With the local carrier").count()).toBeGreaterThan(0);
    expect(await page.getByText("No tracking update for over a week").count()).toBeGreaterThan(0);
    expect(await page.getByText("12.34 EUR").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Deadlines" }).count()).toBe(1);
    await checkPage(page, "wizard-5-review");
    expect(await orderCount()).toBe(0);
    await Promise.all([page.waitForURL(/\/orders\/[0-9a-f-]{36}\?created=1$/), page.getByRole("button", { name: "Create the order" }).click()]);

    // The order page: timeline, silent gap, deadlines with their sources, next actions.
    expect(await orderCount()).toBe(1);
    await expect.poll(() => page.getByRole("heading", { name: "Bluetooth earbuds" }).count()).toBe(1);
    expect(await page.getByText("Import customs clearance complete").count()).toBeGreaterThan(0);
    expect(await page.getByText(/No update for \d+ days so far/).count()).toBe(1);
    expect(await page.locator(".progress-line li.current").textContent()).toContain("Customs");
    expect(await page.locator(".deadline").count()).toBeGreaterThan(0);
    expect(await page.locator(".deadline-source").first().textContent()).toMatch(/Source: .+/);
    expect(await page.locator(".action-list li").count()).toBeGreaterThan(0);
    expect(await page.getByText(/as you copied it from the order page/).count()).toBe(1);
    await checkPage(page, "order-page-aliexpress");

    // Recording what happened changes the claim.
    await page.getByLabel("Note (optional)").fill("Asked the seller on the order chat");
    await Promise.all([page.waitForURL(/done=report/), page.getByRole("button", { name: "I contacted the seller" }).click()]);
    await expect.poll(() => page.getByText("Seller contacted").count()).toBeGreaterThan(0);
    expect(await page.getByText(/Contacted the seller — .*Asked the seller on the order chat/).count()).toBe(1);
    // An extension without its date says what is missing.
    await page.getByRole("button", { name: "Protection was extended" }).click();
    await expect.poll(() => errorNextTo(page, "New protection end (only for an extension)")).toContain("new end date");
  });

  it("adds a Temu order with no tracking yet, without JavaScript on a phone", async () => {
    const { page } = await app.newSession({ javaScriptEnabled: false, viewport: "phone" });
    await logInInBrowser(page, app.url, email, PASSWORD);
    await page.getByRole("link", { name: "Add an order" }).click();
    await page.getByLabel("Temu").check();
    await Promise.all([page.waitForURL(/step=facts/), page.getByRole("button", { name: "Continue" }).click()]);
    await page.getByLabel("Order number").fill("PO-211-01234567890123");
    await page.getByLabel("Order date").fill(day(-2));
    await page.getByLabel("What you ordered").fill("Desk lamp");
    await page.getByLabel("Amount paid").fill("8.99");
    await page.getByLabel("Currency").fill("usd");
    await page.getByLabel("Earliest day").fill(day(5));
    await page.getByLabel("Latest day").fill(day(12));
    await checkPage(page, "wizard-temu-facts-phone", false);
    await Promise.all([page.waitForURL(/step=tracking/), page.getByRole("button", { name: "Continue" }).click()]);
    // Neither a number nor "no tracking yet": told both ways out.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => errorNextTo(page, "Tracking number(s) or the shipping e-mail")).toContain("No tracking number yet");
    await page.getByLabel("No tracking number yet").check();
    await Promise.all([page.waitForURL(/step=history/), page.getByRole("button", { name: "Continue" }).click()]);
    await Promise.all([page.waitForURL(/step=review/), page.getByRole("button", { name: "Continue" }).click()]);
    expect(await page.getByText("Waiting to ship").count()).toBeGreaterThan(0);
    expect(await page.getByText("No tracking number yet").count()).toBeGreaterThan(0);
    await checkPage(page, "wizard-temu-review-phone", false);
    await Promise.all([page.waitForURL(/created=1/), page.getByRole("button", { name: "Create the order" }).click()]);
    expect(await page.getByRole("heading", { name: "Desk lamp" }).count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkPage(page, "order-page-temu-phone", false);
  });

  it("shows both orders on the dashboard, most urgent first, with filters and search", async () => {
    const { page } = await app.newSession();
    await logInInBrowser(page, app.url, email, PASSWORD);
    const rows = page.locator(".order-row");
    await expect.poll(() => rows.count()).toBe(2);
    // The silent AliExpress parcel needs attention before a Temu order placed two days ago.
    expect(await rows.nth(0).locator("h2").textContent()).toBe("Bluetooth earbuds");
    const first = (await rows.nth(0).textContent()) ?? "";
    expect(first).toContain("AliExpress");
    expect(first).toContain("With the local carrier");
    expect(first).toMatch(/Latest: Import customs clearance complete \(\d+ days ago\)/);
    expect(first).toMatch(/Next deadline: .+\((in \d+ (days?|hours?)|passed .*)\)/);
    expect(first).toMatch(/Next: (Do now|Soon|Later)/);
    await checkPage(page, "dashboard-two-orders");

    await page.getByLabel("Marketplace").selectOption("temu");
    await Promise.all([page.waitForURL(/platform=temu/), page.getByRole("button", { name: "Show" }).click()]);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).textContent()).toContain("Desk lamp");

    await page.goto(app.url + "/orders?q=" + encodeURIComponent("lp0051 2345678901"));
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).textContent()).toContain("Bluetooth earbuds");
    await page.goto(app.url + "/orders?q=PO-211");
    expect(await rows.nth(0).textContent()).toContain("Desk lamp");
  });

  it("deletes an order with everything under it, after confirmation", async () => {
    const { page } = await app.newSession();
    await logInInBrowser(page, app.url, email, PASSWORD);
    await page.getByRole("link", { name: "Bluetooth earbuds" }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = page.url().split("/").pop()!;
    await page.getByRole("button", { name: "Delete the order" }).click();
    await expect.poll(() => page.getByText("Tick the box to confirm").count()).toBe(1);
    expect(await orderCount()).toBe(2);
    await page.getByLabel(/Yes, delete this order/).check();
    await Promise.all([page.waitForURL(/\/orders\?deleted=1/), page.getByRole("button", { name: "Delete the order" }).click()]);
    const left = await withDb(app.server.dbFile, async (db) => ({
      events: (await db.selectFrom("tracking_events").select("id").where("order_id", "=", orderId).execute()).length,
      numbers: (await db.selectFrom("tracking_numbers").select("id").where("order_id", "=", orderId).execute()).length,
      reports: (await db.selectFrom("reports").select("id").where("order_id", "=", orderId).execute()).length,
    }));
    expect(left).toEqual({ events: 0, numbers: 0, reports: 0 });
    expect(await page.getByText("The order and everything stored with it were deleted.").count()).toBe(1);
    expect(await page.locator(".order-row").count()).toBe(1);
  });
});
