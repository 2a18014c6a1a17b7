/**
 * Browser-test harness: the built app as a real process (see tests/app/server/server-process.ts)
 * and Debian's chromium driven by playwright-core. Reuse it from any `tests/e2e/*.test.ts`:
 *
 *   const app = await startApp();               // builds once, free port, temp database
 *   const user = await app.newSession();        // fresh chromium profile = a new person
 *   await user.page.goto(app.url + "/signup");
 *   await app.screenshot(user.page, "signup");  // test-results/signup.png
 *   await app.close();                          // closes every session, stops the server
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT, startServer, type RunningServer, type StartOptions } from "../app/server/server-process.ts";

export { ROOT, type RunningServer, type StartOptions };
export { seedOrder, withDb, userIdOf } from "../app/server/seed.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-gpu",
  "--no-first-run",
  "--disable-sync",
];
export const RESULTS_DIR = join(ROOT, "test-results");

export interface SessionOptions {
  /** false to check that a page works without JavaScript (progressive enhancement). */
  javaScriptEnabled?: boolean;
  /** Defaults to a phone-sized 390×844 when "phone", else 1280×800. */
  viewport?: "phone" | { width: number; height: number };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface E2eApp {
  server: RunningServer;
  url: string;
  /** A new chromium with its own fresh temporary profile: cookies and storage start empty. */
  newSession(options?: SessionOptions): Promise<BrowserSession>;
  /** Saves a full-page PNG under test-results/ and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchSession(options: SessionOptions = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), "claimtrail-chromium-"));
  const viewport = options.viewport === "phone" ? { width: 390, height: 844 } : (options.viewport ?? { width: 1280, height: 800 });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function startApp(options: StartOptions = {}): Promise<E2eApp> {
  const server = await startServer(options);
  const sessions: BrowserSession[] = [];
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    server,
    url: server.url,
    async newSession(sessionOptions) {
      const session = await launchSession(sessionOptions);
      sessions.push(session);
      return session;
    },
    async screenshot(page, name) {
      const path = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await Promise.all(sessions.map((s) => s.close()));
      await server.stop();
    },
  };
}

/** Fills and submits the sign-up form the way a person would (labels, not selectors). */
export async function signUpInBrowser(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl + "/signup");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([page.waitForURL(/\/orders$/), page.getByRole("button", { name: "Sign up" }).click()]);
}

export async function logInInBrowser(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl + "/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([page.waitForURL(/\/orders/), page.getByRole("button", { name: "Log in" }).click()]);
}
