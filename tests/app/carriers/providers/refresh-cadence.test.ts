import { describe, expect, it } from "vitest";
import { nextRefreshAt, retryAfterFailure } from "../../../../app/carriers/providers/refresh-cadence.ts";

const now = new Date("2026-03-20T12:00:00Z");
const hoursUntil = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 3_600_000 : null);
const base = { caseState: "none", lastEventAt: "2026-03-17T12:00:00Z", nextDeadlineAt: null, now } as const;

describe("refresh cadence", () => {
  it.each([
    ["a parcel in transit with a recent-ish event", { state: "in_transit" }, 6],
    ["a parcel that moved in the last two days", { state: "in_transit", lastEventAt: "2026-03-19T12:00:00Z" }, 4],
    ["a quiet parcel (no event for 10 days)", { state: "in_transit", lastEventAt: "2026-03-10T12:00:00Z" }, 12],
    ["a parcel held at customs", { state: "customs_held" }, 2],
    ["a parcel whose deadline is two days away", { state: "in_transit", nextDeadlineAt: "2026-03-22T12:00:00Z" }, 2],
    ["a delivered parcel the buyer reported missing", { state: "delivered", caseState: "checklist" }, 6],
  ] as const)("%s is refreshed after %s hours", (_name, overrides, hours) => {
    expect(hoursUntil(nextRefreshAt({ ...base, ...overrides } as Parameters<typeof nextRefreshAt>[0]))).toBe(hours);
  });

  it.each([
    ["delivered with no claim", { state: "delivered", caseState: "none" }],
    ["delivered and closed", { state: "delivered", caseState: "closed" }],
    ["refunded", { state: "in_transit", caseState: "refunded" }],
    ["returned with no claim", { state: "returned", caseState: "none" }],
  ] as const)("a finished order (%s) is never refreshed", (_name, overrides) => {
    expect(nextRefreshAt({ ...base, ...overrides } as Parameters<typeof nextRefreshAt>[0])).toBeNull();
  });

  it("backs off exponentially after failures and respects the provider's own retry time", () => {
    expect(hoursUntil(retryAfterFailure(1, now, null))).toBe(0.25);
    expect(hoursUntil(retryAfterFailure(3, now, null))).toBe(1);
    expect(hoursUntil(retryAfterFailure(20, now, null))).toBe(24);
    expect(hoursUntil(retryAfterFailure(1, now, "2026-03-20T14:00:00Z"))).toBe(2);
  });
});
