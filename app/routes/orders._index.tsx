import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { formatDate, platformLabel } from "~/components/order-labels.ts";
import { getDb } from "~/server/db.server.ts";
import { listOrders } from "../../db/queries/orders.server.ts";

export const meta: MetaFunction = () => [{ title: "Your orders — ClaimTrail" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orders = await listOrders(getDb(), user.id);
  return {
    orders: orders.map((o) => ({
      id: o.id,
      platform: platformLabel(o.platform, o.platform_name),
      item: o.item,
      orderNumber: o.order_number,
      orderedOn: formatDate(o.ordered_at, user.timeZone),
    })),
  };
}

export default function Dashboard() {
  const { orders } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Your orders</h1>
      {orders.length === 0 ? (
        <div className="panel empty-state">
          <h2>No orders yet</h2>
          <p>Add your first order to start following it:</p>
          <ol>
            <li>Open the order in the AliExpress or Temu app or website.</li>
            <li>Copy the order number and, once it has shipped, the tracking number.</li>
            <li>Add it here with the date you ordered; ClaimTrail then watches the tracking and your deadlines.</li>
          </ol>
          <p className="muted">Adding orders arrives in the next version of this page.</p>
        </div>
      ) : (
        <ul className="order-list">
          {orders.map((order) => (
            <li key={order.id}>
              <Link to={`/orders/${order.id}`} className="order-card">
                <span className="order-item">{order.item ?? "Unnamed item"}</span>
                <span className="order-meta">
                  {order.platform}
                  {order.orderNumber ? ` · order ${order.orderNumber}` : ""}
                  {order.orderedOn ? ` · ordered ${order.orderedOn}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
