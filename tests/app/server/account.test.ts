import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, PASSWORD, signedUpClient } from "./http-client.ts";
import { seedOrder, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The session id inside Remix's signed cookie value (base64 JSON, then ".signature"). */
function sessionIdOf(client: Client): string {
  const value = decodeURIComponent(client.cookie!.slice(client.cookie!.indexOf("=") + 1));
  const id = JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString("utf8"));
  expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
  return id;
}

const NEW_PASSWORD = "a completely different passphrase";

describe("account page", () => {
  it("changes the password and signs out every other session", async () => {
    const { client: laptop, email } = await signedUpClient(server.url, "pw");
    const phone = new Client(server.url);
    expect((await phone.logIn(email)).status).toBe(302);

    const wrong = await laptop.post("/account", {
      intent: "password",
      currentPassword: "not my password",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("That is not your current password.");

    const res = await laptop.post("/account", {
      intent: "password",
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("1 other session was signed out");

    expect((await laptop.get("/account")).status).toBe(200);
    expect((await phone.get("/account")).status).toBe(302);
    expect((await new Client(server.url).logIn(email, PASSWORD)).status).toBe(401);
    expect((await new Client(server.url).logIn(email, NEW_PASSWORD)).status).toBe(302);
  });

  it("says when the two new passwords differ", async () => {
    const { client } = await signedUpClient(server.url, "pw2");
    const res = await client.post("/account", {
      intent: "password",
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD + "!",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("The two new passwords are not the same.");
  });

  it("exports everything stored about me as a JSON download, without secrets or other people's data", async () => {
    const me = await signedUpClient(server.url, "export");
    const someoneElse = await signedUpClient(server.url, "bystander");
    const mine = await seedOrder(server.dbFile, me.email, { item: "Wireless mouse" });
    await seedOrder(server.dbFile, someoneElse.email, { item: "Someone else's kettle" });
    await me.client.request(`/orders/${mine}/events`, { json: { text: "Delivered", occurredAt: "2026-03-20T12:00:00Z" } });

    const res = await me.client.post("/account/export", {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="claimtrail-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.user.email).toBe(me.email);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0].item).toBe("Wireless mouse");
    expect(data.orders[0].tracking_events[0].text).toBe("Delivered");
    expect(text).not.toContain("scrypt$");
    expect(text).not.toContain("kettle");
    expect(text).not.toContain(sessionIdOf(me.client));
  });

  it("deletes my account and everything in it only after confirmation", async () => {
    const { client, email } = await signedUpClient(server.url, "delete");
    const orderId = await seedOrder(server.dbFile, email);
    await client.request(`/orders/${orderId}/events`, { json: { text: "In transit" } });

    const unconfirmed = await client.post("/account", { intent: "delete", password: PASSWORD });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box");
    const wrongPassword = await client.post("/account", { intent: "delete", password: "not my password", confirm: "on" });
    expect(wrongPassword.status).toBe(400);
    expect(await withDb(server.dbFile, (db) => db.selectFrom("orders").select("id").where("id", "=", orderId).execute())).toHaveLength(1);

    const res = await client.post("/account", { intent: "delete", password: PASSWORD, confirm: "on" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/?deleted=1");
    expect(client.cookie).toBeNull();

    const left = await withDb(server.dbFile, async (db) => ({
      users: await db.selectFrom("users").select("id").where("email", "=", email).execute(),
      orders: await db.selectFrom("orders").select("id").where("id", "=", orderId).execute(),
      events: await db.selectFrom("tracking_events").select("id").where("order_id", "=", orderId).execute(),
    }));
    expect(left).toEqual({ users: [], orders: [], events: [] });
    expect((await new Client(server.url).logIn(email)).status).toBe(401);
  });
});
