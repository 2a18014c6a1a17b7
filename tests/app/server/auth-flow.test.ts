import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, PASSWORD, signedUpClient, uniqueEmail } from "./http-client.ts";
import { startServer, type RunningServer } from "./server-process.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("the running server", () => {
  it("answers /healthz with {ok: true} and security headers", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("shows the landing page to visitors and a 404 page for unknown addresses", async () => {
    const home = await fetch(server.url + "/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("AliExpress and Temu");
    const missing = await fetch(server.url + "/no/such/page");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
  });
});

describe("oversized requests", () => {
  it("refuses an anonymous form body over 64 KB with 413 and a message, before reading it", async () => {
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%40example.com&password=" + "x".repeat(100 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/too large.*limit here is 64 KB/);
  });
});

describe("sign up, log in, log out", () => {
  it("signs up into a session with a hardened cookie and lands on the empty dashboard", async () => {
    const client = new Client(server.url);
    const res = await client.signUp(uniqueEmail());
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/orders");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i); // NODE_ENV=production
    const dashboard = await client.get("/orders");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("No orders yet");
  });

  it("says so when the e-mail already has an account, keeping what was typed", async () => {
    const { email } = await signedUpClient(server.url);
    const again = await new Client(server.url).signUp(email.toUpperCase());
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain("already exists");
    expect(html).toContain(`value="${email.toUpperCase()}"`);
    expect(html).not.toContain(PASSWORD);
  });

  it("explains field errors and keeps the typed e-mail", async () => {
    const res = await new Client(server.url).post("/signup", { email: "not-an-address", password: "short" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter an e-mail address like name@example.com.");
    expect(html).toContain("Use at least 10 characters.");
    expect(html).toContain('value="not-an-address"');
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const { email } = await signedUpClient(server.url);
    const wrongPassword = await new Client(server.url).logIn(email, "not the password at all");
    const unknownEmail = await new Client(server.url).logIn(uniqueEmail("nobody"), "not the password at all");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const message = (html: string) => html.match(/<div class="form-errors"[^>]*>(.*?)<\/div>/)?.[1];
    const a = message(await wrongPassword.text());
    const b = message(await unknownEmail.text());
    expect(a).toContain("do not match an account");
    expect(a).toBe(b);
  });

  it("issues a new session id at login and revokes it at logout", async () => {
    const { client, email } = await signedUpClient(server.url);
    const signUpCookie = client.cookie!;
    // Log in again while carrying the old cookie: the server must not keep (fixate) that id.
    const login = await client.logIn(email);
    expect(login.status).toBe(302);
    expect(client.cookie).not.toBe(signUpCookie);
    const loggedInCookie = client.cookie!;

    const logout = await client.post("/logout", {});
    expect(logout.status).toBe(302);
    expect(logout.headers.get("set-cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    // Replaying the cookie from before logout no longer works: the session row is gone.
    const replay = new Client(server.url);
    replay.cookie = loggedInCookie;
    const res = await replay.get("/orders");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Forders");
  });

  it("rejects a tampered session cookie", async () => {
    const { client } = await signedUpClient(server.url);
    expect((await client.get("/orders")).status).toBe(200);
    const [name, value] = client.cookie!.split("=") as [string, string];
    // Flip one character of the signed value.
    const i = Math.floor(value.length / 3);
    const flipped = value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1);
    const forged = new Client(server.url);
    forged.cookie = `${name}=${flipped}`;
    const res = await forged.get("/orders");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });

  it("sends anonymous visitors to log in and back, and never off-site", async () => {
    const anonymous = await new Client(server.url).get("/account");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Faccount");

    const { email } = await signedUpClient(server.url);
    const cases: Array<[string, string]> = [
      ["/account", "/account"],
      ["//evil.example/", "/orders"],
      ["/\t/evil.example", "/orders"],
      ["/%09/evil.example", "/orders"],
      ["/\\evil.example", "/orders"],
      ["https://evil.example/", "/orders"],
    ];
    for (const [redirectTo, expected] of cases) {
      const res = await new Client(server.url).post("/login", { email, password: PASSWORD, redirectTo });
      expect(res.status, redirectTo).toBe(302);
      expect(res.headers.get("location"), redirectTo).toBe(expected);
    }
  });

  it("sends a signed-in person from the landing page to the dashboard", async () => {
    const { client } = await signedUpClient(server.url);
    const res = await client.get("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/orders");
  });
});
