import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShippingEmail } from "../../../../app/carriers/email/parse-shipping-email.ts";

const fixture = (name: string) => new URL(`../../../fixtures/emails/${name}`, import.meta.url);
const eml = (name: string) => new Uint8Array(readFileSync(fixture(name)));

describe("parseShippingEmail on synthetic marketplace notifications", () => {
  it("reads an AliExpress multipart .eml: platform, order, Cainiao number, shipped date and delivery window", async () => {
    const facts = await parseShippingEmail(eml("aliexpress-shipped.eml"));
    expect(facts).toMatchObject({
      platform: "aliexpress",
      from: "transaction@notice.aliexpress.com",
      subject: "Order 8187654321098765: your package is on its way 📦",
      sentAt: "2026-03-10T09:14:02Z",
      orderNumber: "8187654321098765",
      trackingNumbers: [{ number: "LP00512345678901", carrier: "cainiao" }],
      estimatedDelivery: { earliest: "2026-03-18T00:00:00Z", latest: "2026-04-02T23:59:59Z" },
    });
    expect(facts.dates.find((d) => d.kind === "shipped")?.at).toBe("2026-03-10T00:00:00Z");
    expect(facts.warnings).toEqual([]);
  });

  it("reads a Temu HTML-only base64 .eml with a grouped USPS number and a 'Mar 12-16' window", async () => {
    const facts = await parseShippingEmail(eml("temu-shipped.eml"), { timeZone: "America/New_York" });
    expect(facts).toMatchObject({
      platform: "temu",
      orderNumber: "PO-211-01234567890123456",
      trackingNumbers: [{ number: "9400111202555842332669", carrier: "usps" }],
      estimatedDelivery: { earliest: "2026-03-12T04:00:00Z", latest: "2026-03-17T03:59:59Z" },
    });
  });

  it("reads a pasted German AliExpress body without headers, day-first dates in the buyer's zone", async () => {
    const facts = await parseShippingEmail(readFileSync(fixture("aliexpress-pasted-de.txt"), "utf8"), { timeZone: "Europe/Berlin" });
    expect(facts).toMatchObject({
      platform: "aliexpress",
      from: null,
      sentAt: null,
      orderNumber: "8187654321098765",
      trackingNumbers: [{ number: "RR123456785CN", carrier: "china-post", country: "CN" }],
      estimatedDelivery: { earliest: "2026-03-23T23:00:00Z", latest: "2026-04-07T21:59:59Z" },
    });
    expect(facts.dates.map((d) => d.kind)).toEqual(["shipped", "estimated_delivery"]);
  });

  it("calls a shop that is no marketplace 'other' and does not take its phone number for a tracking number", async () => {
    const facts = await parseShippingEmail(eml("other-shop-ups.eml"));
    expect(facts.platform).toBe("other");
    expect(facts.orderNumber).toBe("10452");
    expect(facts.trackingNumbers.map((t) => [t.number, t.carrier])).toEqual([["1Z999AA10123456784", "ups"]]);
    expect(facts.dates).toMatchObject([{ kind: "ordered", at: "2026-03-02T00:00:00Z" }]);
  });

  it("lets the carrier the e-mail names settle a number several carriers could own", async () => {
    const fourPx = await parseShippingEmail("Your parcel is on its way with 4PX. Tracking number: 123456789012");
    const plain = await parseShippingEmail("Your parcel is on its way. Tracking number: 123456789012");
    expect(fourPx.trackingNumbers[0].carrier).toBe("4px");
    expect(plain.trackingNumbers[0].carrier).toBe("fedex");
    expect(fourPx.trackingNumbers[0].candidates.map((c) => c.carrier)).toContain("fedex");
  });

  it("never reports the order number as a tracking number", async () => {
    const facts = await parseShippingEmail("AliExpress order 8187654321098765 shipped, tracking number LP00512345678901");
    expect(facts.trackingNumbers.map((t) => t.number)).toEqual(["LP00512345678901"]);
  });

  it("rolls a year-less delivery window into the next year when the e-mail is from December", async () => {
    const source =
      "From: Temu <orders@order.temu.com>\r\nSubject: Shipped\r\nDate: Sat, 20 Dec 2025 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nEstimated delivery: Dec 29 - Jan 06\r\n";
    const facts = await parseShippingEmail(source);
    expect(facts.estimatedDelivery).toEqual({ earliest: "2025-12-29T00:00:00Z", latest: "2026-01-06T23:59:59Z" });
  });
});

describe("parseShippingEmail on bad input", () => {
  it("answers empty text and an empty body with warnings, not an error", async () => {
    const facts = await parseShippingEmail("");
    expect(facts).toMatchObject({ platform: "other", orderNumber: null, trackingNumbers: [] });
    expect(facts.warnings.join(" ")).toMatch(/no tracking number/);
  });

  it("refuses an upload larger than a notification can be, saying what to upload", async () => {
    await expect(parseShippingEmail(new Uint8Array(11 * 1024 * 1024))).rejects.toThrow(/notification itself/);
  });

  it("never throws on random bytes or text (fuzz)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ unit: "binary", maxLength: 2000 })), async (source) => {
        const facts = await parseShippingEmail(source);
        expect(["aliexpress", "temu", "other"]).toContain(facts.platform);
      }),
      { numRuns: 150 },
    );
  });

  it("reads a pasted body with a 1 MB line and still finds the facts before it", async () => {
    const text = `Temu order PO-211-01234567890123456\nTracking number: 9400111202555842332669\n${"📦-1/".repeat(250_000)}\n`;
    const facts = await parseShippingEmail(text);
    expect(facts.orderNumber).toBe("PO-211-01234567890123456");
    expect(facts.trackingNumbers.map((t) => t.number)).toEqual(["9400111202555842332669"]);
    expect(facts.warnings.join(" ")).toMatch(/first 200000 characters/);
  });

  it("reads a message whose headers are valid but whose body is binary garbage", async () => {
    const garbage = Buffer.concat([
      Buffer.from("From: a@b.test\r\nSubject: x\r\nDate: Tue, 10 Mar 2026 09:00:00 +0000\r\n\r\n"),
      Buffer.from([0, 255, 254, 1, 2, 0xe2, 0x28, 0xa1]),
    ]);
    const facts = await parseShippingEmail(new Uint8Array(garbage));
    expect(facts.sentAt).toBe("2026-03-10T09:00:00Z");
    expect(facts.trackingNumbers).toEqual([]);
  });
});
