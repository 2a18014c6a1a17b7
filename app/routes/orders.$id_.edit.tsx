import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { FactsStep } from "~/components/wizard/facts-step.tsx";
import { orderAsDraftData, orderChangesFrom } from "~/orders/order-edit.ts";
import { todayIn } from "~/orders/calendar-date.ts";
import { factsSchema } from "~/orders/wizard/step-schemas.ts";
import { replanAfterCommit } from "~/orders/after-order-change.server.ts";
import { messageDomainOf } from "~/reminders/sweep-config.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { getDb } from "~/server/db.server.ts";
import ordersCss from "~/styles/orders.css?url";
import { describeDatabaseError } from "../../db/errors.server.ts";
import { getOrder, updateOrder } from "../../db/queries/orders.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ordersCss }];
export const meta: MetaFunction = () => [{ title: "Edit order — ClaimTrail" }];

const NOT_FOUND = "There is no order at this address in your account.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = await getOrder(getDb(), user.id, params.id ?? "");
  if (!order) throw data(NOT_FOUND, { status: 404 });
  const tz = order.time_zone ?? user.timeZone;
  return { id: order.id, item: order.item ?? "Order", data: orderAsDraftData(order, tz), today: todayIn(tz, new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const order = await getOrder(db, user.id, params.id ?? "");
  if (!order) throw data(NOT_FOUND, { status: 404 });
  const tz = order.time_zone ?? user.timeZone;
  const submission = parseWithZod(await request.formData(), { schema: factsSchema(todayIn(tz, new Date())) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await updateOrder(db, user.id, order.id, orderChangesFrom(order, submission.value, tz));
  } catch (error) {
    const described = describeDatabaseError(error);
    if (!described) throw error;
    return data(submission.reply({ formErrors: [described.message] }), { status: described.status });
  }
  await replanAfterCommit(db, { userId: user.id, orderId: order.id, now: new Date(), messageDomain: messageDomainOf(getConfig().appUrl) });
  return redirect(`/orders/${order.id}`, 303);
}

export default function EditOrder() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="edit-heading">
      <p>
        <Link to={`/orders/${page.id}`}>← Back to the order</Link>
      </p>
      <h1 id="edit-heading">Edit “{page.item}”</h1>
      <div className="panel">
        <FactsStep draftId={null} data={page.data} today={page.today} lastResult={lastResult} busy={busy} />
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
