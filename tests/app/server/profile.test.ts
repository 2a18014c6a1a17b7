/**
 * Issue 13: the buyer's own details. The zone comes from the browser at sign-up (UTC without it),
 * the profile form keeps name, address, country, language and zone, and the documents page asks
 * for the facts only the buyer has; the packet then carries them and no blank.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, PASSWORD, signedUpClient, uniqueEmail } from "./http-client.ts";
import { seedOrder, userIdOf, withDb } from "./seed.ts";
import { startServer, type RunningServer } from "./server-process.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

const zoneOf = (email: string) =>
  withDb(
    server.dbFile,
    async (db) =>
      (
        await db
          .selectFrom("users")
          .select("time_zone")
          .where("id", "=", await userIdOf(db, email))
          .executeTakeFirstOrThrow()
      ).time_zone,
  );

function pdfText(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-profile-"));
  try {
    writeFileSync(join(dir, "p.pdf"), Buffer.from(bytes));
    return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "p.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("sign-up time zone", () => {
  it("takes the zone the browser sent, and keeps UTC without one or with a zone that does not exist", async () => {
    const withZone = uniqueEmail("tz");
    expect((await new Client(server.url).post("/signup", { email: withZone, password: PASSWORD, timeZone: "Europe/Madrid" })).status).toBe(302);
    expect(await zoneOf(withZone)).toBe("Europe/Madrid");
    const { email: noScript } = await signedUpClient(server.url, "tz-none");
    expect(await zoneOf(noScript)).toBe("UTC");
    const bogus = uniqueEmail("tz-bogus");
    expect((await new Client(server.url).post("/signup", { email: bogus, password: PASSWORD, timeZone: "Mars/Olympus_Mons" })).status).toBe(302);
    expect(await zoneOf(bogus)).toBe("UTC");
  });
});

describe("the profile and the documents", () => {
  it("saves the buyer's details, asks for the PayPal transaction ID, and the packet carries both with no blank", async () => {
    const { client, email } = await signedUpClient(server.url, "profile");
    const page = await (await client.get("/account")).text();
    expect(page).toContain("Your details for letters and the evidence packet");

    const bad = await client.post("/account", { intent: "profile", fullName: "Lucía Fernández Ruiz", timeZone: "Nowhere/Else" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose a time zone from the list");

    const saved = await client.post("/account", {
      intent: "profile",
      fullName: "Lucía Fernández Ruiz",
      postalAddress: "Calle de Atocha 27, 3º B\n28012 Madrid",
      country: "ES",
      phone: "",
      language: "es",
      timeZone: "Europe/Madrid",
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Your details are saved.");
    expect(await zoneOf(email)).toBe("Europe/Madrid");

    const orderId = await seedOrder(server.dbFile, email, { payment_method: "paypal", seller: "CleanHome Parts Store" });
    const documents = await (await client.get(`/orders/${orderId}/documents`)).text();
    expect(documents).toContain("PayPal transaction ID");
    const facts = await client.post(`/orders/${orderId}/documents`, {
      intent: "document-facts",
      paymentReference: "5TY05013RG002845M",
      carrierCaseNumber: "",
    });
    expect(facts.status).toBe(200);

    const packet = await client.get(`/orders/${orderId}/packet`);
    expect(packet.status).toBe(200);
    const text = pdfText(await packet.arrayBuffer());
    expect(text).toContain("Buyer Lucía Fernández Ruiz");
    expect(text).toContain("Delivery address Calle de Atocha 27, 3º B, 28012 Madrid, Spain");
    expect(text).toContain(`E-mail ${email}`);
    expect(text).toContain("PayPal transaction ID 5TY05013RG002845M");
    expect(text).toContain("Europe/Madrid");
    expect(text).not.toMatch(/fill in/i);
  }, 60_000);

  it("never saves facts on another person's order", async () => {
    const { email: owner } = await signedUpClient(server.url, "owner");
    const orderId = await seedOrder(server.dbFile, owner, { payment_method: "paypal" });
    const { client: intruder } = await signedUpClient(server.url, "intruder");
    const res = await intruder.post(`/orders/${orderId}/documents`, { intent: "document-facts", paymentReference: "stolen" });
    expect(res.status).toBe(404);
    const stored = await withDb(server.dbFile, (db) =>
      db.selectFrom("orders").select("payment_reference").where("id", "=", orderId).executeTakeFirstOrThrow(),
    );
    expect(stored.payment_reference).toBeNull();
  });
});
