import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ChecklistStep, DeadlineItem } from "~/components/checklist/checklist-step.tsx";
import { ErrorPage } from "~/components/error-page.tsx";
import { FormErrors } from "~/components/text-field.tsx";
import { runChecklistAction } from "~/checklist/checklist-action.server.ts";
import { checklistPageView } from "~/checklist/checklist-page-view.ts";
import { loadChecklist } from "~/checklist/checklist-service.server.ts";
import { messageDomainOf } from "~/reminders/sweep-config.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";
import checklistCss from "~/styles/checklist.css?url";
import ordersCss from "~/styles/orders.css?url";

/** "Delivered" but not received: the guided checklist (issue 8). */
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ordersCss },
  { rel: "stylesheet", href: checklistCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Missing parcel checklist — ${data.order.item} — ClaimTrail` : "Not found — ClaimTrail" },
];

const NOT_FOUND = "There is no order at this address in your account.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const page = await loadChecklist(getDb(), user.id, user.timeZone, params.id ?? "", now);
  if (!page) throw data(NOT_FOUND, { status: 404 });
  const order = page.assessed.order;
  return {
    order: { id: order.id, item: order.item ?? "Order" },
    view: checklistPageView(page.checklist, page.files, page.timeZone, now),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const outcome = await runChecklistAction({
    db: getDb(),
    userId: user.id,
    userTimeZone: user.timeZone,
    orderId: params.id ?? "",
    now: new Date(),
    messageDomain: messageDomainOf(getConfig().appUrl),
    formData,
  });
  if (outcome.kind === "missing") throw data(NOT_FOUND, { status: 404 });
  if (outcome.kind === "redirect") return redirect(outcome.to, 303);
  return data({ formId: outcome.formId, result: outcome.result }, { status: 400 });
}

const DONE: Record<string, string> = {
  reported: "Recorded: you did not receive this parcel. Work through the steps below.",
  step: "Step saved with its date.",
  skipped: "Step skipped; your reason is saved.",
  found: "Good news. The case is closed and its reminders are cancelled.",
};

function progressText(p: { done: number; skipped: number; total: number; percent: number }): string {
  return `${p.done} of ${p.total} steps done${p.skipped ? `, ${p.skipped} skipped` : ""} (${p.percent}%)`;
}

export default function ChecklistPage() {
  const { order, view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const last = (formId: string) => (actionData?.formId === formId ? actionData.result : undefined);
  const done = DONE[search.get("done") ?? ""] ?? null;
  const firstTodo = view.steps.find((s) => s.status === "todo")?.id;
  return (
    <article className="stack checklist-page" aria-labelledby="checklist-heading">
      <p>
        <Link to={`/orders/${order.id}`}>← {order.item}</Link>
      </p>
      <h1 id="checklist-heading">Delivered, but not received</h1>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      {view.deliveredOn ? (
        <p>{`The carrier says it delivered this parcel on ${view.deliveredOn}.`}</p>
      ) : (
        <p className="muted">The tracking does not say delivered yet; the checklist is for a parcel marked delivered that you did not get.</p>
      )}

      {view.canReportMissing ? (
        <section className="panel" aria-labelledby="report-heading">
          <h2 id="report-heading">{view.caseClosed ? "Missing again?" : "Did the parcel not arrive?"}</h2>
          {view.caseClosed ? <p>{"The case is closed: you found the parcel or closed it yourself."}</p> : null}
          <p>Record it now: the checklist, its deadlines and your letters start from this date. Do not confirm receipt on the marketplace.</p>
          <Form method="post">
            <FormErrors
              id="not-received-errors"
              errors={actionData?.formId === "not-received" ? (actionData.result.error?.[""] ?? undefined) : undefined}
            />
            <input type="hidden" name="intent" value="not-received" />
            <button type="submit" className="button">
              I did not receive it
            </button>
          </Form>
        </section>
      ) : view.reportedMissingOn ? (
        <p>{`You reported it not received on ${view.reportedMissingOn}.`}</p>
      ) : null}

      <section className="panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <progress max={view.progress.total} value={view.progress.done + view.progress.skipped} aria-labelledby="progress-heading progress-text" />
        <p id="progress-text">{progressText(view.progress)}</p>
      </section>

      <section className="panel" aria-labelledby="case-deadlines-heading">
        <h2 id="case-deadlines-heading">Deadlines of this case</h2>
        {view.deadlines.length === 0 ? (
          <p className="muted">
            No marketplace or payment deadline is known for this order. Add the payment method or the protection date on the order page.
          </p>
        ) : (
          <ul className="deadlines">
            {view.deadlines.map((d) => (
              <DeadlineItem key={d.id} d={d} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">The steps</h2>
        <ol className="checklist-steps">
          {view.steps.map((step) => (
            <ChecklistStep
              // A new record remounts the step, so its forms start empty again (with or without JS).
              key={`${step.id}:${step.status}:${step.on}:${step.note}:${step.reference}:${step.attachments}`}
              step={step}
              orderId={order.id}
              today={view.today}
              lastDone={last(`step-done-${step.id}`)}
              lastSkip={last(`step-skip-${step.id}`)}
              open={step.id === firstTodo || last(`step-done-${step.id}`) !== undefined || last(`step-skip-${step.id}`) !== undefined}
            />
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="documents-heading">
        <h2 id="documents-heading">Send your evidence</h2>
        <p>
          The steps you record go into your letters and the evidence packet with their dates.{" "}
          <Link to={`/orders/${order.id}/documents`}>Open the documents</Link> or{" "}
          <a href={`/orders/${order.id}/packet`} download>
            download the evidence packet (PDF)
          </a>
          .
        </p>
      </section>

      {!view.caseClosed ? (
        <section className="panel" aria-labelledby="found-heading">
          <h2 id="found-heading">Found it after all?</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="found-it" />
            <button type="submit" className="button button-secondary">
              I found the parcel: close the case
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
