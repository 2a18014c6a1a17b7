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

describe("login rate limit", () => {
  it("stops guessing one account after 5 failures with 429 and Retry-After, even for the right password", async () => {
    const { email } = await signedUpClient(server.url, "target");
    // From another address than the per-client test below would need: the two limits are separate.
    for (let i = 0; i < 5; i++) {
      expect((await new Client(server.url).logIn(email, `guess number ${i}`)).status).toBe(401);
    }
    const blocked = await new Client(server.url).logIn(email, PASSWORD);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await blocked.text()).toContain("Too many failed log-in attempts");
  });

  it("stops one client after 20 failures across many accounts", async () => {
    // The per-account test above already spent 5 of this client's 20 failures.
    const attempts = await Promise.all(Array.from({ length: 15 }, () => new Client(server.url).logIn(uniqueEmail("spray"), "password guess")));
    expect(attempts.map((r) => r.status)).toEqual(Array(15).fill(401));
    const blocked = await new Client(server.url).logIn(uniqueEmail("spray"), "password guess");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
