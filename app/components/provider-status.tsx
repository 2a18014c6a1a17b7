import { formatDate } from "./order-labels.ts";

/** The loader's `providerStatusForOrder` answer, as it arrives in the page (plain JSON). */
export interface ProviderStatusView {
  configured: boolean;
  providers: string[];
  lastRefreshedAt: string | null;
  nextRefreshAt: string | null;
  errors: string[];
}

/**
 * Live tracking on the order page: when the order was last refreshed and any provider problem, or,
 * with no provider connected, how to connect one.
 */
export function ProviderStatus({ status, timeZone }: { status: ProviderStatusView; timeZone: string }) {
  if (!status.configured) {
    return (
      <div className="panel provider-status">
        <h2>Live tracking</h2>
        <p>
          No tracking provider is connected, so this order follows what you paste. To have new events arrive on their own, whoever runs this server
          sets <code>SEVENTEENTRACK_API_KEY</code> (17TRACK) or <code>AFTERSHIP_API_KEY</code> (AfterShip) and restarts it; see “Live tracking
          providers” in the README.
        </p>
      </div>
    );
  }
  const last = formatDate(status.lastRefreshedAt, timeZone, true);
  const next = formatDate(status.nextRefreshAt, timeZone, true);
  const sentences = [
    `Followed through ${status.providers.join(" and ")}.`,
    last ? `Last refreshed ${last}.` : "Not refreshed yet.",
    next ? `Next refresh around ${next}.` : last ? "No more refreshes: this order is finished." : "",
  ];
  return (
    <div className="panel provider-status">
      <h2>Live tracking</h2>
      <p>{sentences.filter(Boolean).join(" ")}</p>
      {status.errors.length > 0 ? (
        <ul role="status">
          {status.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
