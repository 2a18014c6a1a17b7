import { describe, expect, it } from "vitest";
import { renderReminderMessage } from "../../../app/reminders/reminder-message.ts";
import { ALERTS } from "../../../machines/vocabulary.ts";

const base = {
  key: "o1:protection_ends:ahead-3d:2026-04-17T07:00:00.000Z:email",
  orderId: "o1",
  kind: "ahead",
  subject: "protection_ends",
  leadDays: 3,
  dueAt: "2026-04-17T07:00:00.000Z",
  title: "Buyer protection ends",
  reason: "Open a dispute before AliExpress stops refunding.",
  source: "your order page",
  deadlineDue: "2026-04-20T22:00:00.000Z",
};

describe("reminder wording", () => {
  it("says how long is left, why, where the rule comes from, and links to the order", () => {
    const m = renderReminderMessage(base, "https://claimtrail.test/");
    expect(m.subject).toBe("ClaimTrail: Buyer protection ends: 3 days left");
    expect(m.body).toBe("Due 2026-04-20 22:00 UTC. Open a dispute before AliExpress stops refunding. (Source: your order page.)");
    expect(m.link).toBe("https://claimtrail.test/orders/o1");
    expect(m.text).toContain("Open the order: https://claimtrail.test/orders/o1");
    expect(m.html).toContain('<a href="https://claimtrail.test/orders/o1">Open the order</a>');
  });

  it("words a passed deadline and a single day", () => {
    expect(renderReminderMessage({ ...base, kind: "passed", leadDays: null }, "https://x.test").headline).toBe(
      "Deadline passed: Buyer protection ends",
    );
    expect(renderReminderMessage({ ...base, leadDays: 1 }, "https://x.test").headline).toBe("Buyer protection ends: 1 day left");
  });

  it("has words for every alert of the contract", () => {
    for (const alert of ALERTS) {
      const m = renderReminderMessage(
        { ...base, kind: "alert", subject: alert, leadDays: null, title: null, reason: null, source: null, deadlineDue: null },
        "https://x.test",
      );
      expect(m.headline).not.toBe(alert);
      expect(m.body.length).toBeGreaterThan(20);
    }
  });

  it("escapes text in the HTML part", () => {
    const m = renderReminderMessage({ ...base, title: `<img src=x onerror="alert(1)">`, reason: "Fish & chips" }, "https://x.test");
    expect(m.html).not.toContain("<img");
    expect(m.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(m.html).toContain("Fish &amp; chips");
  });
});
