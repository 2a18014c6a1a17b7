import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BLANK_PATTERN } from "../../../templates/document/missing-fact.ts";
import { placeholdersOf } from "../../../templates/letters/fill-template.ts";
import { letterFields } from "../../../templates/letters/letter-fields.ts";
import { writeLetter } from "../../../templates/letters/letter-templates.server.ts";
import { LETTER_KINDS, LETTER_LENGTH_LIMIT, letterTemplateName, renderLetter, type LetterKind } from "../../../templates/letters/render-letter.ts";
import { documentCase, FIXTURE_NAMES, fixtureCase, type DocumentCase } from "../order-fixtures.ts";

// BLANK_PATTERN is global (for replace); a stateless copy for single tests.
const ANY_BLANK = new RegExp(BLANK_PATTERN.source);
const letterOf = (kind: LetterKind, c: DocumentCase) => writeLetter(kind, c.facts, c.assessment, new Date(c.now));

describe("every letter kind for every situation", () => {
  for (const name of FIXTURE_NAMES) {
    for (const kind of LETTER_KINDS) {
      it(`${kind} letter for ${name} is complete text with only marked blanks`, async () => {
        const c = fixtureCase(name);
        const text = await letterOf(kind, c);
        expect(text).not.toMatch(/undefined|null|NaN|Invalid Date|\{\{|\}\}/);
        // Every square-bracketed gap is one of our marked blanks.
        const brackets = text.match(/\[[^\]\n]*\]/g) ?? [];
        expect(brackets.filter((b) => !ANY_BLANK.test(b))).toEqual([]);
        if (c.facts.orderNumber) expect(text).toContain(c.facts.orderNumber);
        else expect(text).toContain("[order number — fill in]");
        const lastEvent = c.facts.events.at(-1);
        if (lastEvent) expect(text).toContain(lastEvent.text.slice(0, 40));
      });
    }
  }
});

describe("the situations the engine recognises", () => {
  it("long silence in transit: the chargeback letter has reason, dates, amount, steps and enclosures", async () => {
    const c = fixtureCase("aliexpress-in-transit");
    const text = await letterOf("card-issuer", c);
    expect(text).toContain("Visa reason code 13.1");
    expect(text).toContain("Transaction (order) date: 1 March 2026");
    expect(text).toContain("Amount: 7.84 EUR");
    expect(text).toContain("Expected delivery date: 25 March 2026");
    // Last event 12 March 16:45 UTC, now 5 April 08:00 UTC: 23 whole days of silence.
    expect(text).toContain("23 days ago");
    expect(text).toContain("- 28 March 2026: Contacted the seller");
    expect(text).toContain("- Tracking history for LP00123456789012 (6 events");
    expect(text).toContain("no update for 23 days (12 March 2026 to today)");
    expect(await letterOf("seller", c)).toContain('Liège, Belgique, "In transit"');
    // The trace request quotes the recent events as the carrier wrote them, Chinese included.
    expect(await letterOf("carrier", c)).toContain("3 Mar 2026 15:40 — 深圳市 南山区 — 已揽收 Parcel picked up");
  });

  it("delivered but not received: the carrier complaint quotes the delivery scan and the dated checklist", async () => {
    const c = fixtureCase("delivered-not-received");
    const text = await letterOf("carrier", c);
    expect(text).toContain("Subject: Complaint: parcel 9400111206213859496109 marked delivered but not received");
    expect(text).toContain("To USPS customer service");
    expect(text).toContain('"Delivered, In/At Mailbox"');
    expect(text).toContain("proof of delivery");
    // Checked at 01:00 UTC on 25 February: still 24 February in Seattle.
    expect(text).toContain("- 24 February 2026: Checklist: Checked the mailbox, porch and parcel lockers — Nothing found");
    expect(text).toContain("Filed a USPS Missing Mail search request — Request number MM-4471829");
    const paypal = await letterOf("paypal", c);
    expect(paypal).toContain("Item Not Received");
    expect(paypal).toContain("[PayPal transaction ID — fill in]");
    expect(paypal).toContain("It is marked delivered, but I did not receive it.");
    // The engine's PayPal deadline (180 days from the payment) reaches the dispute text.
    expect(paypal).toMatch(/- Last day to open a PayPal dispute: 8 August 2026\. .*180 days/);
  });

  it("held by customs: the customs inquiry quotes the customs event, in Cyrillic as written", async () => {
    const c = fixtureCase("customs-held");
    const text = await letterOf("customs", c);
    expect(text).toContain("Held at customs: import duty payable — Задержано таможней");
    expect(text).toContain("Анна Смирнова, ул. Ленина");
    expect(text).toContain("whether any duty, tax or handling fee is due");
    // The parcel is on an S10 number: which national post holds it is not known, so it is not named.
    expect(text).toContain("To the customs office / [local post or courier name — fill in] customs service");
    expect(await letterOf("card-issuer", c)).toContain("Mastercard reason code 4853");
    expect(await letterOf("marketplace", c)).toContain("Held by customs since");
  });

  it("returned to sender: the seller is told the parcel is coming back", async () => {
    const c = fixtureCase("returned");
    expect(c.assessment.state).toBe("returned");
    const text = await letterOf("seller", c);
    expect(text).toContain("The carrier is returning the parcel to you:");
    expect(text).toContain("Returned to sender");
  });

  it("no tracking at all: letters say so and leave the number blank", async () => {
    const c = fixtureCase("temu-no-tracking");
    expect(await letterOf("seller", c)).toContain("I have not received a tracking number");
    expect(await letterOf("marketplace", c)).toContain("I never received a tracking number.");
    expect(await letterOf("carrier", c)).toContain("[tracking number — fill in]");
  });

  it("marketplace forms stay within their length caps", async () => {
    for (const name of FIXTURE_NAMES) {
      const c = fixtureCase(name);
      const limit = LETTER_LENGTH_LIMIT[letterTemplateName("marketplace", c.facts.platform)];
      if (limit) expect((await letterOf("marketplace", c)).length, name).toBeLessThanOrEqual(limit);
    }
  });
});

describe("never an invented fact", () => {
  const bare = documentCase({ platform: "other", orderedAt: "2026-03-01T10:00:00Z", trackingNumbers: [], events: [] }, "bare", "2026-03-20T10:00:00Z");

  for (const kind of LETTER_KINDS) {
    it(`${kind}: an order with no details gets blanks, not guesses`, async () => {
      const text = await letterOf(kind, bare);
      const withoutBlanks = text.replace(BLANK_PATTERN, "");
      expect(withoutBlanks).not.toMatch(/@/); // no e-mail address
      expect(withoutBlanks).not.toMatch(/\d{5,}/); // no order or tracking number
      expect(withoutBlanks).not.toMatch(/\b(EUR|USD|GBP)\b|Visa|Mastercard|AliExpress|Temu/);
      expect(text).toMatch(ANY_BLANK);
    });
  }

  it("the chargeback letter marks each missing fact the bank asks for", async () => {
    const text = await letterOf("card-issuer", bare);
    for (const blank of ["[your name — fill in]", "[order number — fill in]", "[amount paid and currency — fill in]", "[seller or shop name — fill in]", "[expected delivery date from the order page — fill in]", "[card network (Visa, Mastercard, …) — fill in]"]) {
      expect(text).toContain(blank);
    }
  });
});

describe("templates", () => {
  const folder = new URL("../../../templates/letters/", import.meta.url);
  const fieldNames = new Set(Object.keys(letterFields(fixtureCase("delivered-not-received").facts, fixtureCase("delivered-not-received").assessment, "2026-03-09T18:00:00.000Z")));

  it("there is one template file for every kind and platform", () => {
    const files = new Set(readdirSync(folder).filter((f) => f.endsWith(".txt")));
    for (const kind of LETTER_KINDS) {
      for (const platform of ["aliexpress", "temu", "other"] as const) expect(files).toContain(`${letterTemplateName(kind, platform)}.txt`);
    }
  });

  it("every template asks only for facts the program provides", () => {
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".txt"))) {
      const unknown = placeholdersOf(readFileSync(new URL(file, folder), "utf8")).filter((n) => !fieldNames.has(n));
      expect(unknown, file).toEqual([]);
    }
  });

  it("an edited template is filled as written", () => {
    const c = fixtureCase("aliexpress-in-transit");
    expect(renderLetter("Ref {{order_number}} / {{buyer_address}}", c.facts, c.assessment, c.now)).toBe("Ref 8183745520091234 / [delivery address — fill in]\n");
  });
});

describe("hostile facts", () => {
  it("prints a fact that looks like a placeholder as written, and strips control characters", async () => {
    const raw = JSON.parse(readFileSync(new URL("../../fixtures/orders/aliexpress-in-transit.json", import.meta.url), "utf8"));
    const c = documentCase({ ...raw, item: "{{buyer_email}} cable\u0007\u001b[2J", seller: "{{#is_delivered}}Shop" }, "hostile");
    const text = await letterOf("seller", c);
    expect(text).toContain("I ordered {{buyer_email}} cable[2J from you");
    expect(text).toContain("Hello {{#is_delivered}}Shop,");
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe("determinism", () => {
  it("the same order and now give the same letter; a later now counts more days", async () => {
    const c = fixtureCase("aliexpress-in-transit");
    const a = await letterOf("seller", c);
    expect(await letterOf("seller", fixtureCase("aliexpress-in-transit"))).toBe(a);
    const later = documentCase({ ...JSON.parse(readFileSync(new URL("../../fixtures/orders/aliexpress-in-transit.json", import.meta.url), "utf8")) }, "later", "2026-04-07T08:00:00Z");
    expect(await letterOf("seller", later)).toContain("25 days ago");
  });
});
