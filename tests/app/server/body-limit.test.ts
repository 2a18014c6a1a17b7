import { describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyKindOf, malformedBody } from "../../../app/server/body-limit.server.ts";
import { EVIDENCE_LIMITS } from "../../../app/evidence/upload-limits.ts";

const SIGNED_IN = "theme=dark; claimtrail_session=abc.def";

describe("body limits by kind of route", () => {
  it.each([
    ["POST", "/login", SIGNED_IN, "anonymous"],
    ["POST", "/signup", undefined, "anonymous"],
    ["POST", "/login.data", SIGNED_IN, "anonymous"],
    ["POST", "/orders/abc", undefined, "anonymous"],
    ["POST", "/orders/abc", SIGNED_IN, "form"],
    ["POST", "/orders/abc/evidence", SIGNED_IN, "evidence"],
    // The upload form is a fetcher form: single fetch posts to the `.data` address.
    ["POST", "/orders/abc/evidence.data", SIGNED_IN, "evidence"],
    ["POST", "/orders/abc/evidence", undefined, "anonymous"],
    ["POST", "/orders/abc/evidence/file-1", SIGNED_IN, "form"],
    ["POST", "/webhooks/17track", undefined, "webhook"],
    ["POST", "/webhooks/aftership", SIGNED_IN, "webhook"],
  ] as const)("%s %s (%s) → %s", (method, path, cookie, kind) => {
    expect(bodyKindOf(method, path, cookie)).toBe(kind);
  });

  it("gives anonymous visitors a small limit and the upload room for its files", () => {
    expect(BODY_LIMITS.anonymous).toBeLessThanOrEqual(64 * 1024);
    expect(BODY_LIMITS.evidence).toBeGreaterThan(EVIDENCE_LIMITS.maxRequestBytes);
  });
});

describe("malformedBody", () => {
  it("finds a cut-off multipart form, a missing boundary and broken JSON", async () => {
    const cut = Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nxyz');
    expect(await malformedBody("multipart/form-data; boundary=b", cut)).toMatch(/cut off/);
    expect(await malformedBody("multipart/form-data", Buffer.from("--b--\r\n"))).toMatch(/boundary/);
    expect(await malformedBody("application/json", Buffer.from('{"a":'))).toMatch(/not valid JSON/);
  });

  it("lets whole bodies through", async () => {
    expect(
      await malformedBody("multipart/form-data; boundary=b", Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nxyz\r\n--b--\r\n')),
    ).toBeNull();
    expect(await malformedBody("application/json; charset=utf-8", Buffer.from('{"a":1}'))).toBeNull();
    expect(await malformedBody("application/x-www-form-urlencoded", Buffer.from("a=%%%"))).toBeNull();
  });
});
