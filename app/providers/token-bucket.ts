/**
 * A token bucket: `perSecond` requests on average with bursts up to `capacity`. The clock and the
 * sleep are arguments so that tests and the benchmark can drive it without waiting.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    readonly perSecond: number,
    readonly capacity: number = perSecond,
    private readonly clock: Clock = realClock,
  ) {
    this.#tokens = capacity;
    this.#last = clock.now();
  }

  /** Takes a token and returns 0, or returns how many ms to wait before one is there. */
  tryTake(): number {
    const t = this.clock.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((t - this.#last) / 1000) * this.perSecond);
    this.#last = t;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.#tokens) / this.perSecond) * 1000);
  }

  /** Waits until a token is there and takes it. */
  async take(): Promise<void> {
    for (let wait = this.tryTake(); wait > 0; wait = this.tryTake()) await this.clock.sleep(wait);
  }
}
