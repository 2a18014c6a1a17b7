import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logInInBrowser, seedOrder, signUpInBrowser, startApp, type E2eApp } from "./harness.ts";

const PASSWORD = "correct horse battery staple";
let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe("accounts in a real browser", () => {
  const email = `e2e-${Date.now()}@example.com`;

  it("signs up, logs out, logs in and reaches the empty dashboard", async () => {
    const { page } = await app.newSession();
    await page.goto(app.url + "/");
    await app.screenshot(page, "landing");
    await page.getByRole("link", { name: "Create a free account" }).click();
    await page.waitForURL(/\/signup$/);

    // A too-short password is explained next to the field and the e-mail stays typed.
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => page.getByText("Use at least 10 characters.").count()).toBe(1);
    expect(await page.getByLabel("E-mail").inputValue()).toBe(email);

    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/orders$/), page.getByRole("button", { name: "Sign up" }).click()]);
    await expect.poll(() => page.getByRole("heading", { name: "No orders yet" }).count()).toBe(1);
    await app.screenshot(page, "dashboard-empty");

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "claimtrail_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await Promise.all([page.waitForURL(app.url + "/"), page.getByRole("button", { name: "Log out" }).click()]);
    await expect.poll(() => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Log out" }).count()).toBe(0);

    await logInInBrowser(page, app.url, email, PASSWORD);
    await expect.poll(() => page.getByRole("heading", { name: "Your orders" }).count()).toBe(1);
    expect(await page.getByText("No orders yet").count()).toBe(1);
  });

  it("shows a second person 404 for the first person's order", async () => {
    const orderId = await seedOrder(app.server.dbFile, email, { item: "Mechanical keyboard" });
    const first = await app.newSession();
    await logInInBrowser(first.page, app.url, email, PASSWORD);
    const own = await first.page.goto(`${app.url}/orders/${orderId}`);
    expect(own?.status()).toBe(200);
    expect(await first.page.getByRole("heading", { name: "Mechanical keyboard" }).count()).toBe(1);
    await app.screenshot(first.page, "order-page");

    const second = await app.newSession();
    await signUpInBrowser(second.page, app.url, `e2e-other-${Date.now()}@example.com`, PASSWORD);
    const res = await second.page.goto(`${app.url}/orders/${orderId}`);
    expect(res?.status()).toBe(404);
    expect(await second.page.getByRole("heading", { name: "Page not found" }).count()).toBe(1);
    expect(await second.page.content()).not.toContain("Mechanical keyboard");
    await app.screenshot(second.page, "order-404-for-other-user");
  });

  it("works without JavaScript on a phone-sized screen", async () => {
    const { page } = await app.newSession({ javaScriptEnabled: false, viewport: "phone" });
    await signUpInBrowser(page, app.url, `e2e-nojs-${Date.now()}@example.com`, PASSWORD);
    expect(await page.getByText("No orders yet").count()).toBe(1);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot(page, "dashboard-phone-no-js");
    await Promise.all([page.waitForURL(app.url + "/"), page.getByRole("button", { name: "Log out" }).click()]);
  });

  it("lets a keyboard user reach the controls with visible focus", async () => {
    const { page } = await app.newSession();
    await page.goto(app.url + "/login");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
  });
});
