/** The sweep inside the web server (`npm start`): due reminders go out without any cron. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { signedUpClient } from "../server/http-client.ts";
import { seedOrder, userIdOf, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";
import { addDueReminders } from "./reminder-db.ts";
import { startMailbox, type Mailbox } from "./smtp-mailbox.ts";

let server: RunningServer;
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startServer({ env: { SMTP_URL: mailbox.url, REMINDER_INTERVAL_MS: "300", REMINDER_REPLAN_MS: "0" } });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
});

it("delivers due reminders by e-mail and in the app while the server runs", async () => {
  const { client, email } = await signedUpClient(server.url, "swept");
  const orderId = await seedOrder(server.dbFile, email, { item: "Desk lamp" });
  await withDb(server.dbFile, async (db) => {
    const userId = await userIdOf(db, email);
    await addDueReminders(db, { userId, orderId, count: 2, channel: "email" });
    await addDueReminders(db, { userId, orderId, count: 1, channel: "app" });
  });

  const deadline = Date.now() + 20_000;
  while (mailbox.messages.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(mailbox.messages.map((m) => m.to[0])).toEqual([email, email]);
  expect(mailbox.messages[0]!.text).toContain(`${server.url}/orders/${orderId}`);

  const page = await (await client.get("/notifications")).text();
  expect(page).toContain("Open a dispute (0): 1 day left");
  await withDb(server.dbFile, async (db) => {
    const left = await db.selectFrom("reminders").select("status").where("order_id", "=", orderId).execute();
    expect(left.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });
});
