import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { formatDate, platformLabel } from "~/components/order-labels.ts";
import { getDb } from "~/server/db.server.ts";
import { ProviderStatus } from "~/components/provider-status.tsx";
import { providerStatusForOrder } from "~/providers/provider-status.server.ts";
import { getOrder } from "../../db/queries/orders.server.ts";
import { listTrackingEvents, listTrackingNumbers } from "../../db/queries/tracking.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.order.item ?? "Order"} — ClaimTrail` : "Order not found — ClaimTrail" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const order = await getOrder(db, user.id, params.id ?? "");
  // Another person's order and a made-up id look the same: 404, so ids reveal nothing.
  if (!order) throw data("There is no order at this address in your account.", { status: 404 });
  const [trackingNumbers, events, providerStatus] = await Promise.all([
    listTrackingNumbers(db, user.id, order.id),
    listTrackingEvents(db, user.id, order.id),
    providerStatusForOrder(db, user.id, order.id),
  ]);
  const tz = order.time_zone ?? user.timeZone;
  const facts: Array<[string, string | null]> = [
    ["Marketplace", platformLabel(order.platform, order.platform_name)],
    ["Order number", order.order_number],
    ["Item", order.item],
    ["Seller", order.seller],
    ["Ordered", formatDate(order.ordered_at, tz)],
    ["Shipped", formatDate(order.shipped_at, tz)],
    ["Amount", order.amount_value ? `${order.amount_value} ${order.currency ?? ""}`.trim() : null],
    ["Paid with", order.payment_method ? [order.payment_method, order.card_network].filter(Boolean).join(" · ") : null],
    ["Promised delivery", formatDate(order.promised_delivery_at, tz)],
    ["Buyer protection ends", formatDate(order.protection_ends_at, tz)],
  ];
  return {
    providerStatus,
    timeZone: tz,
    order: { id: order.id, item: order.item },
    facts: facts.filter((f): f is [string, string] => f[1] !== null && f[1] !== ""),
    trackingNumbers: trackingNumbers.map((t) => ({ id: t.id, number: t.number, carrier: t.carrier, leg: t.leg })),
    events: events.map((e) => ({
      id: e.id,
      at: formatDate(e.occurred_at, tz, true),
      location: e.location,
      text: e.text,
      milestone: e.milestone,
    })),
  };
}

export default function OrderPage() {
  const { order, facts, trackingNumbers, events, providerStatus, timeZone } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <h1>{order.item ?? "Order"}</h1>
      <div className="panel">
        <h2>What you told us</h2>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="panel">
        <h2>Tracking numbers</h2>
        {trackingNumbers.length === 0 ? (
          <p>No tracking number yet. The seller adds one when the parcel ships.</p>
        ) : (
          <ul>
            {trackingNumbers.map((t) => (
              <li key={t.id}>
                <code>{t.number}</code>
                {t.carrier ? ` · ${t.carrier}` : ""}
                {t.leg > 0 ? " · local carrier" : ""}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ProviderStatus status={providerStatus} timeZone={timeZone} />
      <div className="panel">
        <h2>Tracking history</h2>
        {events.length === 0 ? (
          <p>No tracking events yet.</p>
        ) : (
          <ol className="timeline">
            {events.map((e) => (
              <li key={e.id}>
                <span className="timeline-when">{e.at ?? "Time unknown"}</span>
                <span className="timeline-text">{e.text}</span>
                {e.location ? <span className="timeline-where">{e.location}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
