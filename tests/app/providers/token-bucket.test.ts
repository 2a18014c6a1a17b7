import { describe, expect, it } from "vitest";
import { PROVIDER_LIMITS } from "../../../app/providers/provider-limits.ts";
import { TokenBucket, type Clock } from "../../../app/providers/token-bucket.ts";

/** A clock that only moves when the bucket sleeps, so pacing is measured exactly. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

describe("token bucket", () => {
  it("lets a burst of `capacity` through, then paces requests at the provider's rate", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(PROVIDER_LIMITS["17track"].perSecond, 3, clock);
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 9; i++) await bucket.take();
    // 9 more requests at 3 per second take 3 seconds, never less.
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
    expect(clock.now()).toBeLessThan(3100);
  });

  it("refills while idle but never beyond its capacity", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 10, clock);
    for (let i = 0; i < 10; i++) await bucket.take();
    await clock.sleep(60_000);
    const before = clock.now();
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(clock.now()).toBe(before);
    expect(bucket.tryTake()).toBeGreaterThan(0);
  });
});
