import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { STATE_LABELS } from "~/components/order-words.ts";
import { loadDashboard } from "~/orders/dashboard.server.ts";
import { getDb } from "~/server/db.server.ts";
import ordersCss from "~/styles/orders.css?url";
import { listOrderDrafts } from "../../db/queries/order-drafts.server.ts";
import { readDraftData, STEP_TITLES, isWizardStep } from "~/orders/wizard/draft-data.ts";
import { ORDER_STATES, PLATFORMS, type OrderState } from "../../machines/vocabulary.ts";
import { platformLabel } from "~/components/order-labels.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ordersCss }];
export const meta: MetaFunction = () => [{ title: "Your orders — ClaimTrail" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const state = url.searchParams.get("state");
  const platform = url.searchParams.get("platform");
  const query = {
    state: (ORDER_STATES as readonly string[]).includes(state ?? "") ? state : null,
    platform: (PLATFORMS as readonly string[]).includes(platform ?? "") ? platform : null,
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    page: Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1,
  };
  const db = getDb();
  const [dashboard, drafts] = await Promise.all([loadDashboard(db, user.id, user.timeZone, new Date(), query), listOrderDrafts(db, user.id)]);
  return {
    ...dashboard,
    // Only what the page shows goes into the HTML's hydration data.
    rows: dashboard.rows.map(({ searchKeys: _keys, createdAt: _created, platform: _platform, ...shown }) => shown),
    query,
    deleted: url.searchParams.get("deleted") === "1",
    drafts: drafts.map((d) => {
      const data = readDraftData(d.data);
      return {
        id: d.id,
        label: data.item || (data.platform ? `${platformLabel(data.platform, data.platformName ?? null)} order` : "New order"),
        step: isWizardStep(d.step) ? STEP_TITLES[d.step] : "",
      };
    }),
  };
}

function pageLink(query: { state: string | null; platform: string | null; q: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.state) params.set("state", query.state);
  if (query.platform) params.set("platform", query.platform);
  if (query.q) params.set("q", query.q);
  params.set("page", String(page));
  return `/orders?${params}`;
}

export default function Dashboard() {
  const { rows, total, matching, page, pages, states, query, drafts, deleted } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.state || query.platform || query.q);
  return (
    <section aria-labelledby="dashboard-heading">
      <div className="dashboard-head">
        <h1 id="dashboard-heading">Your orders</h1>
        <Link to="/orders/new" className="button">
          Add an order
        </Link>
      </div>
      {deleted ? (
        <p className="notice" role="status">
          The order and everything stored with it were deleted.
        </p>
      ) : null}
      {drafts.length > 0 ? (
        <div className="panel drafts">
          <h2>Unfinished orders</h2>
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/orders/new?draft=${d.id}`}>Continue “{d.label}”</Link> <span className="muted">(at “{d.step}”)</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {total === 0 ? (
        <div className="panel empty-state">
          <h2>No orders yet</h2>
          <p>Add your first order to start following it:</p>
          <ol>
            <li>Open the order in the AliExpress or Temu app or website.</li>
            <li>Choose “Add an order” and copy in the order number, the order date and, once it has shipped, the tracking number.</li>
            <li>Paste the tracking history if there is one. ClaimTrail then shows where the parcel is, your deadlines and what to do next.</li>
          </ol>
          <p>
            <Link to="/orders/new" className="button">
              Add your first order
            </Link>
          </p>
        </div>
      ) : (
        <>
          <Form method="get" className="panel filters" role="search" aria-label="Find orders">
            <div className="field">
              <label htmlFor="q">Order or tracking number</label>
              <input type="search" id="q" name="q" defaultValue={query.q} />
            </div>
            <div className="field">
              <label htmlFor="state">State</label>
              <select id="state" name="state" defaultValue={query.state ?? ""}>
                <option value="">All states</option>
                {states.map((s) => (
                  <option key={s} value={s}>
                    {STATE_LABELS[s as OrderState] ?? s}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="platform">Marketplace</label>
              <select id="platform" name="platform" defaultValue={query.platform ?? ""}>
                <option value="">All marketplaces</option>
                <option value="aliexpress">AliExpress</option>
                <option value="temu">Temu</option>
                <option value="other">Other</option>
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              Show
            </button>
          </Form>
          <p className="muted" role="status">
            {filtered
              ? `${matching} of ${total} ${total === 1 ? "order matches" : "orders match"}. `
              : `${total} ${total === 1 ? "order" : "orders"}, most urgent first. `}
            {filtered ? <Link to="/orders">Show all</Link> : null}
          </p>
          <ul className="order-rows">
            {rows.map((r) => (
              <li key={r.id} className={r.group === 0 ? "order-row urgent" : "order-row"}>
                <h2>
                  <Link to={`/orders/${r.id}`}>{r.item}</Link>
                </h2>
                <p className="meta">
                  {r.platformLabel}
                  {r.orderNumber ? ` · order ${r.orderNumber}` : ""}
                </p>
                <p>
                  <span className={`state-badge state-${r.badge.tone}`}>{r.badge.label}</span>{" "}
                  {r.latestEvent ? (
                    <span>
                      Latest: {r.latestEvent.text} <span className="muted">({r.latestEvent.ago})</span>
                    </span>
                  ) : (
                    <span className="muted">No tracking events yet</span>
                  )}
                </p>
                {r.alerts.length > 0 ? (
                  <ul className="chips" aria-label="Needs attention">
                    {r.alerts.map((a) => (
                      <li key={a} className="alert-chip">
                        {a}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {r.nextDeadline ? (
                  <p>
                    Next deadline: {r.nextDeadline.title}, {r.nextDeadline.dueLabel} <strong>({r.nextDeadline.countdown})</strong>
                  </p>
                ) : null}
                {r.nextAction ? (
                  <p>
                    Next:{" "}
                    <span className={`urgency-badge urgency-${r.nextAction.urgency}`}>
                      {r.nextAction.urgency === "now" ? "Do now" : r.nextAction.urgency === "soon" ? "Soon" : "Later"}
                    </span>{" "}
                    {r.nextAction.title}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="Pages" className="pager">
              {page > 1 ? <Link to={pageLink(query, page - 1)}>Previous page</Link> : null}{" "}
              <span>
                Page {page} of {pages}
              </span>{" "}
              {page < pages ? <Link to={pageLink(query, page + 1)}>Next page</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
