import { describe, expect, it } from "vitest";
import { timeAgo, timeUntil, wholeDaysBetween } from "../../../app/orders/relative-time.ts";

const now = new Date("2026-03-20T12:00:00Z");

describe("times as a person reads them", () => {
  it("says how long ago", () => {
    expect(timeAgo("2026-03-20T11:30:00Z", now)).toBe("just now");
    expect(timeAgo("2026-03-20T07:00:00Z", now)).toBe("5 hours ago");
    expect(timeAgo("2026-03-19T10:00:00Z", now)).toBe("yesterday");
    expect(timeAgo("2026-03-11T12:00:00Z", now)).toBe("9 days ago");
  });

  it("counts down to a deadline, and says when it passed", () => {
    expect(timeUntil("2026-03-23T12:00:00Z", now)).toBe("in 3 days");
    expect(timeUntil("2026-03-21T11:00:00Z", now)).toBe("in 23 hours");
    expect(timeUntil("2026-03-20T12:30:00Z", now)).toBe("in less than an hour");
    expect(timeUntil("2026-03-18T12:00:00Z", now)).toBe("passed 2 days ago");
    expect(timeUntil("2026-03-20T09:00:00Z", now)).toBe("passed today");
  });

  it("counts whole days of silence", () => {
    expect(wholeDaysBetween("2026-03-01T00:00:00Z", "2026-03-10T23:00:00Z")).toBe(9);
  });
});
