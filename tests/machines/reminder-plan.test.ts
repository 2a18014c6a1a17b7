import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_REMINDER_PREFERENCES,
  localTimeDaysBefore,
  PASSED_GRACE_MS,
  planReminders,
  reminderKey,
  respectQuietHours,
  type ReminderPlanInput,
  type ReminderPreferences,
} from "../../machines/reminder-plan.ts";

function deadline(id: string, due: string) {
  return { id, due, title: `Title of ${id}`, reason: `Reason of ${id}`, source: "buyer's guide" };
}

function plan(overrides: Partial<ReminderPlanInput> & { prefs?: Partial<ReminderPreferences> } = {}) {
  const { prefs, ...rest } = overrides;
  return planReminders({
    orderId: "order-1",
    deadlines: [],
    alerts: [],
    caseState: "none",
    now: new Date("2026-03-01T00:00:00Z"),
    ...rest,
    preferences: { ...DEFAULT_REMINDER_PREFERENCES, channels: ["email"], ...prefs },
  });
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("reminders ahead of a deadline", () => {
  // Each row: the person's zone, the deadline, and the instants the 7/3/1-day reminders must fire.
  const rows = [
    {
      name: "Paris, the 1-day reminder on the spring-forward day (2026-03-29) stays at 09:00 CEST",
      zone: "Europe/Paris",
      due: "2026-03-30T10:00:00Z",
      expected: ["2026-03-23T08:00:00.000Z", "2026-03-27T08:00:00.000Z", "2026-03-29T07:00:00.000Z"],
    },
    {
      name: "Paris, across the autumn change (2026-10-25): 09:00 CEST before, 09:00 CET on and after",
      zone: "Europe/Paris",
      due: "2026-10-27T12:00:00Z",
      expected: ["2026-10-20T07:00:00.000Z", "2026-10-24T07:00:00.000Z", "2026-10-26T08:00:00.000Z"],
    },
    {
      name: "Paris, the change day itself (2026-10-25) gets 09:00 CET",
      zone: "Europe/Paris",
      due: "2026-10-26T12:00:00Z",
      expected: ["2026-10-19T07:00:00.000Z", "2026-10-23T07:00:00.000Z", "2026-10-25T08:00:00.000Z"],
    },
    {
      name: "New York, spring forward on 2026-03-08",
      zone: "America/New_York",
      due: "2026-03-09T15:00:00Z",
      expected: ["2026-03-02T14:00:00.000Z", "2026-03-06T14:00:00.000Z", "2026-03-08T13:00:00.000Z"],
    },
    {
      name: "a deadline late in the evening in Tokyo counts days in Tokyo, not in UTC",
      zone: "Asia/Tokyo",
      due: "2026-04-10T16:30:00Z", // 2026-04-11 01:30 in Tokyo
      expected: ["2026-04-04T00:00:00.000Z", "2026-04-08T00:00:00.000Z", "2026-04-10T00:00:00.000Z"],
    },
  ];

  for (const serverZone of ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Europe/Paris"]) {
    for (const row of rows) {
      it(`${row.name} (server TZ ${serverZone})`, () => {
        process.env.TZ = serverZone;
        const reminders = plan({ deadlines: [deadline("protection_ends", row.due)], prefs: { timeZone: row.zone } });
        const ahead = reminders.filter((r) => r.kind === "ahead");
        expect(ahead.map((r) => r.dueAt)).toEqual(row.expected);
        expect(ahead.map((r) => r.leadDays)).toEqual([7, 3, 1]);
        const passed = reminders.filter((r) => r.kind === "passed");
        expect(passed.map((r) => r.dueAt)).toEqual([new Date(row.due).toISOString()]);
      });
    }
  }

  it("fires each local 09:00 exactly once across a daylight-saving change (no two reminders for one lead)", () => {
    const reminders = plan({ deadlines: [deadline("d", "2026-10-26T00:30:00Z")], prefs: { timeZone: "Europe/Paris", leadDays: [1, 2, 3] } });
    const dues = reminders.filter((r) => r.kind === "ahead").map((r) => r.dueAt);
    expect(new Set(dues).size).toBe(3);
  });

  it("skips reminders whose time has already passed when the order is planned", () => {
    const reminders = plan({
      deadlines: [deadline("d", "2026-03-10T12:00:00Z")],
      now: new Date("2026-03-06T12:00:00Z"),
    });
    expect(reminders.filter((r) => r.kind === "ahead").map((r) => r.leadDays)).toEqual([3, 1]);
  });

  it("keeps a past reminder that is already stored, so a re-plan before the sweep does not cancel it", () => {
    const first = plan({ deadlines: [deadline("d", "2026-03-10T12:00:00Z")], now: new Date("2026-03-02T12:00:00Z") });
    const again = plan({
      deadlines: [deadline("d", "2026-03-10T12:00:00Z")],
      now: new Date("2026-03-03T10:00:00Z"), // the 7-day reminder (03-03 09:00 UTC) is due but not yet sent
      existingKeys: new Set(first.map((r) => r.key)),
    });
    expect(again.map((r) => r.key)).toEqual(first.map((r) => r.key));
  });

  it("uses the person's lead days and send time", () => {
    const reminders = plan({
      deadlines: [deadline("d", "2026-05-20T12:00:00Z")],
      prefs: { leadDays: [14, 2], sendTime: "18:30", timeZone: "Europe/London" },
    });
    expect(reminders.filter((r) => r.kind === "ahead").map((r) => r.dueAt)).toEqual(["2026-05-06T17:30:00.000Z", "2026-05-18T17:30:00.000Z"]);
  });

  it("drops a same-day reminder that would come after the deadline", () => {
    const reminders = plan({ deadlines: [deadline("d", "2026-05-20T06:00:00Z")], prefs: { leadDays: [0, 1] } });
    expect(reminders.filter((r) => r.kind === "ahead").map((r) => r.leadDays)).toEqual([1]);
  });
});

describe("when a deadline passes", () => {
  it("plans one reminder at the deadline itself", () => {
    const reminders = plan({ deadlines: [deadline("d", "2026-03-20T15:00:00Z")] });
    expect(reminders.filter((r) => r.kind === "passed")).toHaveLength(1);
  });

  it("does not announce deadlines that passed long before the order was first planned", () => {
    const now = new Date("2026-03-20T00:00:00Z");
    const old = new Date(now.getTime() - PASSED_GRACE_MS - 1000).toISOString();
    const recent = new Date(now.getTime() - 60_000).toISOString();
    const reminders = plan({ now, deadlines: [deadline("old", old), deadline("recent", recent)] });
    expect(reminders.map((r) => `${r.subject}:${r.kind}`)).toEqual(["recent:passed"]);
  });
});

describe("alerts", () => {
  it("plans one reminder when an alert first appears, at once", () => {
    const now = new Date("2026-03-05T10:00:00Z");
    const reminders = plan({ now, alerts: ["no_update", "customs_action"] });
    expect(reminders.map((r) => [r.subject, r.kind, r.dueAt])).toEqual([
      ["customs_action", "alert", now.toISOString()],
      ["no_update", "alert", now.toISOString()],
    ]);
  });

  it("does not repeat while the alert stays", () => {
    const first = plan({ now: new Date("2026-03-05T10:00:00Z"), alerts: ["no_update"] });
    const later = plan({
      now: new Date("2026-03-09T10:00:00Z"),
      alerts: ["no_update"],
      openAlerts: { no_update: first[0].dueAt },
      existingKeys: new Set(first.map((r) => r.key)),
    });
    expect(later.map((r) => r.key)).toEqual(first.map((r) => r.key));
  });

  it("waits for the end of the quiet hours", () => {
    const reminders = plan({
      now: new Date("2026-03-05T22:30:00Z"), // 23:30 in Paris
      alerts: ["customs_action"],
      prefs: { timeZone: "Europe/Paris", quietHours: { start: "22:00", end: "07:30" } },
    });
    expect(reminders[0].dueAt).toBe("2026-03-06T06:30:00.000Z");
  });
});

describe("re-planning", () => {
  const prefs = { channels: ["app", "email", "webhook"] as const };

  it("gives the same keys for the same facts (idempotent)", () => {
    const input = { deadlines: [deadline("a", "2026-04-01T10:00:00Z"), deadline("b", "2026-05-01T10:00:00Z")], alerts: ["no_update" as const] };
    const first = plan({ ...input, prefs: { channels: [...prefs.channels] } });
    const second = plan({
      ...input,
      prefs: { channels: [...prefs.channels] },
      openAlerts: { no_update: first.find((r) => r.kind === "alert")!.dueAt },
    });
    expect(second).toEqual(first);
    expect(new Set(first.map((r) => r.key)).size).toBe(first.length);
    // one row per channel
    expect(
      first
        .filter((r) => r.subject === "a" && r.kind === "passed")
        .map((r) => r.channel)
        .sort(),
    ).toEqual(["app", "email", "webhook"]);
  });

  it("moves the reminders when the deadline moves (none of the old keys survive)", () => {
    const before = plan({ deadlines: [deadline("a", "2026-04-01T10:00:00Z")] });
    const after = plan({ deadlines: [deadline("a", "2026-04-08T10:00:00Z")] });
    const beforeKeys = new Set(before.map((r) => r.key));
    expect(after.some((r) => beforeKeys.has(r.key))).toBe(false);
    expect(after.find((r) => r.kind === "passed")!.dueAt).toBe("2026-04-08T10:00:00.000Z");
  });

  it("plans nothing for a closed or refunded case", () => {
    for (const caseState of ["closed", "refunded"] as const) {
      expect(plan({ caseState, deadlines: [deadline("a", "2026-04-01T10:00:00Z")], alerts: ["no_update"] })).toEqual([]);
    }
  });
});

describe("quiet hours", () => {
  it("leave times outside them alone and handle windows that do not wrap midnight", () => {
    const prefs = { timeZone: "UTC", quietHours: { start: "12:00", end: "14:00" } };
    expect(respectQuietHours(new Date("2026-03-05T11:59:00Z"), prefs).toISOString()).toBe("2026-03-05T11:59:00.000Z");
    expect(respectQuietHours(new Date("2026-03-05T13:00:00Z"), prefs).toISOString()).toBe("2026-03-05T14:00:00.000Z");
  });

  it("after midnight in a wrapping window end the same morning", () => {
    const prefs = { timeZone: "America/New_York", quietHours: { start: "21:00", end: "08:00" } };
    // 02:00 in New York on 2026-03-06
    expect(respectQuietHours(new Date("2026-03-06T07:00:00Z"), prefs).toISOString()).toBe("2026-03-06T13:00:00.000Z");
  });
});

describe("local calendar maths agrees with @date-fns/tz's TZDate", () => {
  it("for any instant, zone, lead and daytime send time", () => {
    const zones = [
      "Europe/Paris",
      "America/New_York",
      "Australia/Sydney",
      "Asia/Kathmandu",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "America/Sao_Paulo",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2028-12-31T00:00:00Z") }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 5, max: 20 }),
        fc.constantFrom(0, 15, 30, 45),
        (ms, zone, lead, hour, minute) => {
          const local = new TZDate(ms, zone);
          const expected = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - lead, hour, minute, 0, zone);
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          return localTimeDaysBefore(new Date(ms), lead, time, zone).getTime() === expected.getTime();
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("keys", () => {
  it("are the order, subject, kind, due and channel, as reminderKey builds them", () => {
    const [ahead] = plan({ deadlines: [deadline("protection_ends", "2026-04-10T12:00:00Z")] });
    expect(ahead!.key).toBe(
      reminderKey({ orderId: "order-1", subject: "protection_ends", kind: "ahead", leadDays: 7, dueAt: ahead!.dueAt, channel: "email" }),
    );
    expect(ahead!.key).toBe("order-1:protection_ends:ahead-7d:2026-04-03T09:00:00.000Z:email");
  });
});
