import { describe, expect, it } from "vitest";
import { recogniseTracking } from "../../../../app/orders/wizard/recognise-tracking.server.ts";

describe("recogniseTracking", () => {
  it("gives each pasted number a verdict and a sentence", async () => {
    const { numbers } = await recogniseTracking("LP00512345678901\nRR123456784CN, 123456789012; hello123", "aliexpress", "UTC");
    expect(numbers.map((n) => [n.number, n.verdict, n.carrier])).toEqual([
      ["LP00512345678901", "ok", "cainiao"],
      ["RR123456784CN", "check_failed", "china-post"],
      ["123456789012", "ambiguous", "4px"],
      ["HELLO123", "unknown", null],
    ]);
    expect(numbers[1]!.message).toContain("check digit does not match");
    expect(numbers[2]!.candidates.map((c) => c.name)).toEqual(["4PX", "FedEx", "GLS", "Sagawa Express"]);
    expect(numbers[3]!.message).toContain("not a tracking number we recognise");
  });

  it("counts the same number typed twice once", async () => {
    const { numbers } = await recogniseTracking("LP00512345678901\nLP 0051 2345 6789 01", "aliexpress", "UTC");
    expect(numbers).toHaveLength(1);
  });

  it("reads the numbers and the order number out of a shipping e-mail", async () => {
    const email = "Your order 8123456789012345 has shipped!\nTracking number: LP00512345678901\nCarrier: Cainiao";
    const result = await recogniseTracking(email, "aliexpress", "UTC");
    expect(result.numbers.map((n) => n.number)).toEqual(["LP00512345678901"]);
    expect(result.email?.orderNumber).toBe("8123456789012345");
    const none = await recogniseTracking("Thanks for shopping with us, your order is being prepared.", "temu", "UTC");
    expect(none.problem).toContain("found no tracking number");
  });
});
