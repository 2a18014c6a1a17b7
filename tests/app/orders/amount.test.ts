import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../app/orders/amount.ts";

describe("parseAmount", () => {
  it.each([
    ["12.34", "12.34"],
    ["12,34", "12.34"],
    ["12", "12"],
    ["0,5", "0.5"],
    ["1,234.56", "1234.56"],
    ["1.234,56", "1234.56"],
    ["1 234,56", "1234.56"],
    ["1\u00a0234,56", "1234.56"],
    ["  7,90 ", "7.90"],
  ])("reads %j as %s", (input, value) => {
    expect(parseAmount(input)).toEqual({ ok: true, value });
  });

  it.each(["", "abc", "€12", "12,3,4", "12.345.6", "1,23,456", "-5", "1234567890123"])(
    "refuses %j with a sentence saying how to write it",
    (input) => {
      const result = parseAmount(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/12\.34/);
    },
  );
});
