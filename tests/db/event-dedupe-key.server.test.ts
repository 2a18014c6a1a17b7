import { describe, expect, it } from "vitest";
import { eventDedupeKey } from "../../db/event-dedupe-key.server.ts";

const base = { trackingNumber: "LP00123456789012", at: "2026-03-04T08:00:00Z", text: "Departure from outward office of exchange" };

describe("eventDedupeKey", () => {
  it("gives the same key for the same event however it was written down", () => {
    const key = eventDedupeKey(base);
    expect(eventDedupeKey({ ...base, trackingNumber: "lp 0012 3456 7890 12" })).toBe(key);
    expect(eventDedupeKey({ ...base, at: "2026-03-04T16:00:00+08:00" })).toBe(key);
    expect(eventDedupeKey({ ...base, at: "2026-03-04T08:00:00.000Z" })).toBe(key);
    expect(eventDedupeKey({ ...base, text: "  departure FROM outward\toffice of exchange " })).toBe(key);
  });

  it("treats full-width characters like their ordinary forms", () => {
    expect(eventDedupeKey({ ...base, text: "包裹已到达　１号仓" })).toBe(eventDedupeKey({ ...base, text: "包裹已到达 1号仓" }));
  });

  it("gives another key when the number, the time or the words differ", () => {
    const key = eventDedupeKey(base);
    const others = [
      eventDedupeKey({ ...base, trackingNumber: "RR123456785CN" }),
      eventDedupeKey({ ...base, trackingNumber: null }),
      eventDedupeKey({ ...base, at: "2026-03-04T08:01:00Z" }),
      eventDedupeKey({ ...base, at: null }),
      eventDedupeKey({ ...base, text: "Arrival at inward office of exchange" }),
    ];
    expect(new Set([key, ...others]).size).toBe(6);
  });

  it("cannot be fooled by moving characters between the parts", () => {
    expect(eventDedupeKey({ trackingNumber: "AB", at: null, text: "C" })).not.toBe(eventDedupeKey({ trackingNumber: "A", at: null, text: "BC" }));
  });
});
