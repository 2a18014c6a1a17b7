import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../app/auth/password.server.ts";

describe("password hashing", () => {
  it("stores scrypt at OWASP strength with a random salt and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery staple"), hashPassword("correct horse battery staple")]);
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", a)).toBe(false);
  });

  it("keeps every character of a long password (no 72-byte truncation as in bcrypt)", async () => {
    const long = "x".repeat(100);
    const hash = await hashPassword(long);
    expect(await verifyPassword("x".repeat(99) + "y", hash)).toBe(false);
  });

  it("refuses a stored value it does not understand", async () => {
    expect(await verifyPassword("anything", "md5$abc")).toBe(false);
  });
});
