import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProviderStatus, type ProviderStatusView } from "../../../app/components/provider-status.tsx";

const render = (status: ProviderStatusView, timeZone = "Europe/Paris") => renderToStaticMarkup(createElement(ProviderStatus, { status, timeZone }));

describe("live tracking panel", () => {
  it("without a provider says how to connect one: the variables and the README section", () => {
    const html = render({ configured: false, providers: [], lastRefreshedAt: null, nextRefreshAt: null, errors: [] });
    expect(html).toContain("No tracking provider is connected");
    expect(html).toContain("<code>SEVENTEENTRACK_API_KEY</code>");
    expect(html).toContain("<code>AFTERSHIP_API_KEY</code>");
    expect(html).toContain("Live tracking providers");
  });

  it("shows the last and next refresh in the person's time zone, and provider problems in plain words", () => {
    const html = render({
      configured: true,
      providers: ["17TRACK", "AfterShip"],
      lastRefreshedAt: "2026-11-25T09:00:00.000Z",
      nextRefreshAt: "2026-11-25T13:00:00.000Z",
      errors: ["17TRACK quota reached; add quota in your 17TRACK account; next try at 14:00"],
    });
    expect(html).toContain("Followed through 17TRACK and AfterShip. Last refreshed 25 Nov 2026, 10:00. Next refresh around 25 Nov 2026, 14:00.");
    expect(html).toContain("<li>17TRACK quota reached; add quota in your 17TRACK account; next try at 14:00</li>");
  });

  it("says a finished order is no longer refreshed, and a new one not yet", () => {
    expect(
      render({ configured: true, providers: ["17TRACK"], lastRefreshedAt: "2026-11-25T09:00:00.000Z", nextRefreshAt: null, errors: [] }),
    ).toContain("No more refreshes: this order is finished.");
    expect(render({ configured: true, providers: ["17TRACK"], lastRefreshedAt: null, nextRefreshAt: null, errors: [] })).toContain(
      "Not refreshed yet.",
    );
  });
});
