import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createOrder } from "../../../db/queries/orders.server.ts";
import { addTrackingNumbers } from "../../../db/queries/tracking.server.ts";
import { registerNumbersInBackground } from "../../../app/orders/after-order-change.server.ts";
import { providerSetup, type ProviderSetup } from "../../../app/providers/provider-setup.server.ts";
import { createTestDatabase, insertUser, orderFields, type TestDatabase } from "../../factories/db.ts";
import { startFake17Track } from "../../factories/fake-providers.ts";

const NUMBER = "RR123456785CN";
const now = new Date("2026-04-01T12:00:00Z");
let t: TestDatabase;
let seventeen: Awaited<ReturnType<typeof startFake17Track>>;
let orderId: string;

beforeAll(async () => {
  seventeen = await startFake17Track();
});
afterAll(async () => {
  await seventeen.close();
});
beforeEach(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { id: "alice", time_zone: "UTC" });
  orderId = (await createOrder(t.db, "alice", orderFields(), now)).id;
  await addTrackingNumbers(t.db, "alice", orderId, [{ number: NUMBER, carrier: "china-post", leg: 0, source: "user" }], now);
  seventeen.setMode("ok");
  seventeen.registered.clear();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe("registerNumbersInBackground", () => {
  it("returns at once and registers the order's numbers with the provider afterwards", async () => {
    const setup = providerSetup({ SEVENTEENTRACK_API_KEY: "test-17-key", SEVENTEENTRACK_API_URL: seventeen.url });
    expect(registerNumbersInBackground(t.db, "alice", orderId, now, setup)).toBeUndefined();
    expect(seventeen.registered.has(NUMBER)).toBe(false);
    await until(() => seventeen.registered.has(NUMBER));
    expect(seventeen.registered.has(NUMBER)).toBe(true);
  });

  it("logs a failure that is not the provider's instead of throwing it into the request or the process", async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    const broken: ProviderSetup = {
      providers: new Map([["17track", { id: "17track", name: "17TRACK", register: () => Promise.reject(new Error("socket exploded")) } as never]]),
      buckets: new Map(),
    };
    try {
      expect(() => registerNumbersInBackground(t.db, "alice", orderId, now, broken)).not.toThrow();
      await until(() => written.some((w) => w.includes("socket exploded")));
      expect(written.join("")).toMatch(/socket exploded.*registering tracking numbers failed/);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});
