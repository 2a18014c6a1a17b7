import { describe, expect, it } from "vitest";
import { dayToIso, isCalendarDay, isoToDay, todayIn } from "../../../app/orders/calendar-date.ts";

describe("calendar days in the buyer's zone", () => {
  it("refuses days that do not exist", () => {
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("01/03/2026")).toBe(false);
  });

  it("places a day at noon, its start or its last second in the zone", () => {
    expect(dayToIso("2026-03-01", "Europe/Paris", "noon")).toBe("2026-03-01T11:00:00.000Z");
    expect(dayToIso("2026-07-01", "Europe/Paris", "start")).toBe("2026-06-30T22:00:00.000Z");
    expect(dayToIso("2026-03-01", "America/New_York", "end")).toBe("2026-03-02T04:59:59.000Z");
    expect(dayToIso("2026-02-30", "UTC", "noon")).toBeNull();
  });

  it("reads an instant back as the day it falls on there", () => {
    expect(isoToDay("2026-03-01T23:30:00Z", "Asia/Tokyo")).toBe("2026-03-02");
    expect(isoToDay("2026-03-01T23:30:00Z", "UTC")).toBe("2026-03-01");
    expect(todayIn("Pacific/Auckland", new Date("2026-03-01T12:00:00Z"))).toBe("2026-03-02");
  });
});
