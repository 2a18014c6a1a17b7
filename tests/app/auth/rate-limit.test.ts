import { describe, expect, it } from "vitest";
import { FailureLimiter } from "../../../app/auth/rate-limit.server.ts";

describe("FailureLimiter", () => {
  const minute = 60_000;

  it("allows the limit, then asks to wait until the oldest failure leaves the window", () => {
    const limiter = new FailureLimiter(3, 10 * minute);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("a", t0 + i * minute)).toBe(0);
      limiter.fail("a", t0 + i * minute);
    }
    expect(limiter.retryAfter("a", t0 + 3 * minute)).toBe(7 * 60);
    expect(limiter.retryAfter("b", t0 + 3 * minute)).toBe(0);
  });

  it("never locks out for good: the key may try again once the window has passed", () => {
    const limiter = new FailureLimiter(2, 10 * minute);
    limiter.fail("a", 0);
    limiter.fail("a", 1);
    expect(limiter.retryAfter("a", 2)).toBeGreaterThan(0);
    expect(limiter.retryAfter("a", 10 * minute + 1)).toBe(0);
  });

  it("forgets failures when cleared (a successful login)", () => {
    const limiter = new FailureLimiter(1, minute);
    limiter.fail("a", 0);
    expect(limiter.retryAfter("a", 1)).toBeGreaterThan(0);
    limiter.clear("a");
    expect(limiter.retryAfter("a", 1)).toBe(0);
  });
});
