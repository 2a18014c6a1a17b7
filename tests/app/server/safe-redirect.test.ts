import { describe, expect, it } from "vitest";
import { csrfRejection } from "../../../app/server/csrf.server.ts";
import { safeRedirectPath } from "../../../app/server/safe-redirect.server.ts";

const APP = "https://claimtrail.example";

describe("safeRedirectPath", () => {
  it.each([
    ["/orders/abc?tab=events#top", "/orders/abc?tab=events#top"],
    ["/account", "/account"],
    [`${APP}/account`, "/orders"], // absolute URLs are not accepted even for our own origin
    ["//evil.example", "/orders"],
    ["/\t/evil.example", "/orders"],
    ["/%09/evil.example", "/orders"],
    ["/%5Cevil.example", "/orders"],
    ["/\\evil.example", "/orders"],
    ["\\\\evil.example", "/orders"],
    ["javascript:alert(1)", "/orders"],
    ["https://evil.example/", "/orders"],
    ["/\u0000", "/orders"],
    ["", "/orders"],
    // Dot segments and encodings that normalise to a protocol-relative path (issue #14).
    ["/..//evil.example", "/orders"],
    ["/.//evil.example", "/orders"],
    ["/%2e%2e//evil.example", "/orders"],
    ["/%2E%2E//evil.example", "/orders"],
    ["/orders/../..//evil.example", "/orders"],
    ["/.%2F/evil.example", "/orders"],
    ["/%2F/evil.example", "/orders"],
    ["/orders/../account", "/account"],
    ["/orders?q=a%2Fb", "/orders?q=a%2Fb"],
  ])("%j → %s", (to, expected) => {
    expect(safeRedirectPath(to, APP)).toBe(expected);
  });

  it("falls back for values that are not text", () => {
    expect(safeRedirectPath(null, APP, "/")).toBe("/");
    expect(safeRedirectPath(["/account"], APP)).toBe("/orders");
  });
});

describe("csrfRejection", () => {
  it("lets reads and same-origin writes through", () => {
    expect(csrfRejection("GET", { origin: "https://evil.example", secFetchSite: "cross-site" }, [APP])).toBeNull();
    expect(csrfRejection("POST", { origin: APP, secFetchSite: "same-origin" }, [APP])).toBeNull();
    expect(csrfRejection("POST", {}, [APP])).toBeNull();
  });

  it("refuses cross-site and foreign-origin writes", () => {
    expect(csrfRejection("POST", { secFetchSite: "cross-site" }, [APP])).toMatch(/refused/);
    expect(csrfRejection("DELETE", { origin: "https://evil.example" }, [APP])).toMatch(/refused/);
    expect(csrfRejection("POST", { origin: "null" }, [APP])).toMatch(/refused/);
    expect(csrfRejection("POST", { origin: "http://claimtrail.example" }, [APP])).toMatch(/refused/);
  });
});
