/**
 * Counts failures per key in a sliding window held in memory. A key over its limit waits until its
 * oldest failure leaves the window: there is no permanent lockout. One process serves the app on
 * SQLite; several instances would move this to the database.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit]! + this.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.sweep(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const KEY = Symbol.for("claimtrail.loginLimiters");
type Holder = { [KEY]?: { perClient: FailureLimiter; perAccount: FailureLimiter } };

/** Failed logins: 20 per client address and 5 per account in 15 minutes. */
export function loginLimiters(): { perClient: FailureLimiter; perAccount: FailureLimiter } {
  const holder = globalThis as Holder;
  holder[KEY] ??= { perClient: new FailureLimiter(20, FIFTEEN_MINUTES), perAccount: new FailureLimiter(5, FIFTEEN_MINUTES) };
  return holder[KEY];
}
