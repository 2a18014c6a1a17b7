import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTrackingEvents, addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { Client, signedUpClient } from "../server/http-client.ts";
import { seedOrder, userIdOf, withDb } from "../server/seed.ts";
import { startServer, type RunningServer } from "../server/server-process.ts";

/**
 * The checklist page against the real server: the "not received" report, steps done and skipped
 * with dates, "found it" closing the case and cancelling its reminders, the steps in the letters
 * and the packet, and 404 for anyone else.
 */
let server: RunningServer;
let owner: Client;
let ownerEmail: string;
const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer();
  ({ client: owner, email: ownerEmail } = await signedUpClient(server.url, "checklist"));
});
afterAll(async () => {
  await server?.stop();
});

/** A USPS-delivered AliExpress order, paid by card, marked delivered two days ago. */
async function deliveredOrder(platform: "aliexpress" | "temu" = "aliexpress"): Promise<string> {
  const orderId = await seedOrder(server.dbFile, ownerEmail, {
    platform,
    item: "Wireless earbuds",
    ordered_at: iso(20 * DAY),
    payment_method: "card",
    card_network: "visa",
  });
  await withDb(server.dbFile, async (db) => {
    const userId = await userIdOf(db, ownerEmail);
    await addTrackingNumbers(db, userId, orderId, [{ number: "9400111206213859496109", carrier: "usps", leg: 0, source: "user" }]);
    await addTrackingEvents(db, userId, orderId, [
      {
        at: iso(15 * DAY),
        text: "Departure from outward office of exchange",
        milestone: "departed_origin",
        trackingNumber: "9400111206213859496109",
        source: "paste",
      },
      {
        at: iso(2 * DAY),
        text: "Delivered, In/At Mailbox",
        milestone: "delivered",
        carrier: "usps",
        trackingNumber: "9400111206213859496109",
        source: "paste",
      },
    ]);
  });
  return orderId;
}

async function reportsOf(orderId: string) {
  return withDb(server.dbFile, (db) => db.selectFrom("reports").selectAll().where("order_id", "=", orderId).orderBy("created_at").execute());
}

describe("/orders/:id/checklist", () => {
  it("records 'not received' once, then steps done with date, note and reference, and skips with a reason", async () => {
    const id = await deliveredOrder();
    const page = await (await owner.get(`/orders/${id}/checklist`)).text();
    expect(page).toContain("I did not receive it");
    expect(page).toContain("Open an AliExpress &quot;item not received&quot; dispute");
    expect(page).toContain("File a USPS Missing Mail search");

    const path = `/orders/${id}/checklist`;
    expect((await owner.post(path, { intent: "not-received" })).status).toBe(303);
    expect((await owner.post(path, { intent: "not-received" })).status).toBe(303);
    expect((await reportsOf(id)).filter((r) => r.kind === "not_received")).toHaveLength(1);

    const done = await owner.post(path, {
      intent: "step-done",
      step: "check_safe_places",
      doneOn: today(),
      note: "Mailbox and parcel locker empty",
      reference: "",
    });
    expect(done.status).toBe(303);
    const carrier = await owner.post(path, {
      intent: "step-done",
      step: "carrier_complaint",
      doneOn: today(),
      note: "Filed online",
      reference: "MM-4471829",
    });
    expect(carrier.status).toBe(303);

    const noReason = await owner.post(path, { intent: "step-skip", step: "ask_household", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Say why you skip this step");
    expect((await owner.post(path, { intent: "step-skip", step: "ask_household", reason: "I live alone" })).status).toBe(303);

    const future = await owner.post(path, { intent: "step-done", step: "proof_of_delivery", doneOn: "2099-01-01" });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("That day is still ahead");

    const steps = (await reportsOf(id)).filter((r) => r.kind === "checklist_step");
    expect(steps.map((r) => [JSON.parse(r.data!).step, JSON.parse(r.data!).skipped, r.reference])).toEqual([
      ["check_safe_places", false, null],
      ["carrier_complaint", false, "MM-4471829"],
      ["ask_household", true, null],
    ]);
    const after = await (await owner.get(path)).text();
    expect(after).toContain("You reported it not received");
    expect(after).toContain("2 of 8 steps done, 1 skipped");
    expect(after).toContain("reference MM-4471829");
    expect(after).toContain("why: I live alone");
    expect(after).toContain("Last day to ask your card issuer for a chargeback");
  });

  it("carries the steps with their dates into the letters and the packet", async () => {
    const id = await deliveredOrder("temu");
    const path = `/orders/${id}/checklist`;
    await owner.post(path, { intent: "not-received" });
    await owner.post(path, { intent: "step-done", step: "check_safe_places", doneOn: today(), note: "Mailbox and locker empty" });
    await owner.post(path, { intent: "step-done", step: "carrier_complaint", doneOn: today(), note: "Filed online", reference: "MM-4471829" });
    const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());

    const letters = await (await owner.get(`/orders/${id}/documents`)).text();
    expect(letters).toContain(`- ${day}: I checked every safe place at my address — Mailbox and locker empty`);
    expect(letters).toContain(`- ${day}: I contacted the local carrier and filed a complaint — Filed online (reference MM-4471829)`);
    // The marketplace form text lists the same steps under its own heading.
    expect(letters).toContain(`Steps I took:\n- ${day}: I checked every safe place`);

    const pdf = await owner.get(`/orders/${id}/packet`);
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), "checklist-packet-"));
    try {
      const file = join(dir, "packet.pdf");
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      expect(text).toContain("Checklist: Check every safe place");
      expect(text).toContain("Checklist: File a USPS Missing Mail search");
      expect(text).toContain("MM-4471829");
      expect(text).toContain(day);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("'I found the parcel' closes the case and cancels its pending reminders", async () => {
    const id = await deliveredOrder("temu");
    const path = `/orders/${id}/checklist`;
    await owner.post(path, { intent: "not-received" });
    const pending = () =>
      withDb(server.dbFile, (db) => db.selectFrom("reminders").select("id").where("order_id", "=", id).where("status", "=", "pending").execute());
    expect((await pending()).length).toBeGreaterThan(0);
    expect((await owner.post(path, { intent: "found-it" })).status).toBe(303);
    expect(await pending()).toEqual([]);
    const page = await (await owner.get(path)).text();
    expect(page).toContain("The case is closed");
    expect(page).not.toContain("I found the parcel: close the case");
  });

  it("answers 404 to another user, reading and writing, and changes nothing", async () => {
    const id = await deliveredOrder();
    const { client: other } = await signedUpClient(server.url, "stranger");
    const get = await other.get(`/orders/${id}/checklist`);
    expect(get.status).toBe(404);
    expect(await get.text()).not.toContain("Wireless earbuds");
    expect((await other.post(`/orders/${id}/checklist`, { intent: "not-received" })).status).toBe(404);
    expect(await reportsOf(id)).toEqual([]);
  });
});
