import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { ProviderStatus } from "~/components/provider-status.tsx";
import { AssessmentPanels } from "~/components/order/assessment-panels.tsx";
import { AddEventsForm, AddNumberForm, DeleteForm, RecordForms } from "~/components/order/order-forms.tsx";
import { EventTimeline, ProgressLine } from "~/components/order/order-timeline.tsx";
import { messageDomainOf } from "~/reminders/sweep-config.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { runOrderPageAction } from "~/orders/order-page-action.server.ts";
import { loadOrderPage } from "~/orders/order-page.server.ts";
import { getDb } from "~/server/db.server.ts";
import ordersCss from "~/styles/orders.css?url";
import { describeDatabaseError } from "../../db/errors.server.ts";
import { getOrder } from "../../db/queries/orders.server.ts";
import { PLATFORMS, type Platform } from "../../machines/vocabulary.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ordersCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.order.item} — ClaimTrail` : "Order not found — ClaimTrail" }];

const NOT_FOUND = "There is no order at this address in your account.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await loadOrderPage(getDb(), user.id, user.timeZone, params.id ?? "", new Date());
  // Another person's order and a made-up id look the same: 404, so ids reveal nothing.
  if (!page) throw data(NOT_FOUND, { status: 404 });
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const order = await getOrder(db, user.id, params.id ?? "");
  if (!order) throw data(NOT_FOUND, { status: 404 });
  const formData = await request.formData();
  try {
    const outcome = await runOrderPageAction({
      db,
      userId: user.id,
      orderId: order.id,
      platform: (PLATFORMS as readonly string[]).includes(order.platform) ? (order.platform as Platform) : "other",
      timeZone: order.time_zone ?? user.timeZone,
      now: new Date(),
      messageDomain: messageDomainOf(getConfig().appUrl),
      formData,
    });
    if (outcome.kind === "missing") throw data(NOT_FOUND, { status: 404 });
    if (outcome.kind === "redirect") return redirect(outcome.to, 303);
    return data({ intent: outcome.intent, result: outcome.result }, { status: 400 });
  } catch (error) {
    const described = describeDatabaseError(error);
    if (!described) throw error;
    return data(
      { intent: String(formData.get("intent") ?? ""), result: { status: "error" as const, error: { "": [described.message] } } },
      { status: described.status },
    );
  }
}

const DONE: Record<string, string> = {
  report: "Saved. The deadlines and next steps below take it into account.",
  events: "Events added. Events already saved were not added twice.",
  number: "Tracking number added.",
};

export default function OrderPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const last = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const done = DONE[search.get("done") ?? ""] ?? (search.get("created") ? "Order created. Here is what ClaimTrail sees." : null);
  const id = page.order.id;
  return (
    <article aria-labelledby="order-heading" className="order-page">
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <h1 id="order-heading">{page.order.item}</h1>
      <p className="muted">{page.order.platformLabel}</p>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <AssessmentPanels view={page.view}>
        <RecordForms lastResult={last("report")} />
      </AssessmentPanels>
      {page.overrides.length > 0 ? (
        <section className="panel" aria-labelledby="overrides-heading">
          <h2 id="overrides-heading">Dates you gave</h2>
          <ul>
            {page.overrides.map((o) => (
              <li key={o} className="deadline-override">
                {o}
              </li>
            ))}
          </ul>
          <p className="muted">Your dates win over ClaimTrail's estimates. Change them by editing the order or recording an extension.</p>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Tracking timeline</h2>
        <ProgressLine steps={page.progress} />
        <EventTimeline items={page.timeline} />
      </section>
      <ProviderStatus status={page.providerStatus} timeZone={page.timeZone} />
      <section className="panel" aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">Tracking numbers</h2>
        {page.numbers.length === 0 ? (
          <p>No tracking number yet. Sellers usually add one 1 to 5 days after the order.</p>
        ) : (
          <ul>
            {page.numbers.map((n) => (
              <li key={n.id}>
                <code>{n.number}</code> · {n.carrier}
                {n.leg > 0 ? ` · local carrier${n.source === "handover" ? " (new number from the hand-over)" : ""}` : ""}
              </li>
            ))}
          </ul>
        )}
        <details>
          <summary>Add a tracking number</summary>
          <AddNumberForm lastResult={last("add-number")} />
        </details>
      </section>
      <section className="panel" aria-labelledby="add-events-heading">
        <h2 id="add-events-heading">Add more events</h2>
        <AddEventsForm lastResult={last("add-events")} legs={page.numbers} />
      </section>
      {page.reports.length > 0 ? (
        <section className="panel" aria-labelledby="reports-heading">
          <h2 id="reports-heading">What you recorded</h2>
          <ul>
            {page.reports.map((r) => (
              <li key={r.id}>
                {r.label} — {r.when}
                {r.note ? `: ${r.note}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">Order details</h2>
        <dl className="facts">
          {page.facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link to={`/orders/${id}/edit`}>Edit the order details</Link>
        </p>
      </section>
      {/* Filled by other parts of ClaimTrail: documents, the missing-parcel checklist, reminders. */}
      <section className="panel more-places" aria-labelledby="more-heading">
        <h2 id="more-heading">Documents, checklist and reminders</h2>
        <ul>
          <li>
            <Link to={`/orders/${id}/documents`}>Documents</Link>: letters to the seller, marketplace or card issuer, and the evidence packet.
          </li>
          <li>
            <Link to={`/orders/${id}/checklist`}>Checklist</Link>: the missing-parcel steps, one at a time.
          </li>
          <li>
            <a href={`/orders/${id}/calendar.ics`}>Add the deadlines to your calendar</a> (.ics file for reminders).
          </li>
        </ul>
      </section>
      <section className="panel danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this order</h2>
        <DeleteForm lastResult={last("delete")} />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
