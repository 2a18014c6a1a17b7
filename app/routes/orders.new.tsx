import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { FactsStep } from "~/components/wizard/facts-step.tsx";
import { HistoryStep } from "~/components/wizard/history-step.tsx";
import { MarketplaceStep } from "~/components/wizard/marketplace-step.tsx";
import { ReviewStep } from "~/components/wizard/review-step.tsx";
import { TrackingStep } from "~/components/wizard/tracking-step.tsx";
import { WizardProgress } from "~/components/wizard/wizard-progress.tsx";
import { loadWizardPage } from "~/orders/wizard/wizard-page.server.ts";
import { messageDomainOf } from "~/reminders/sweep-config.server.ts";
import { getConfig } from "~/server/config.server.ts";
import { runWizardAction } from "~/orders/wizard/wizard-action.server.ts";
import { STEP_TITLES } from "~/orders/wizard/draft-data.ts";
import { getDb } from "~/server/db.server.ts";
import ordersCss from "~/styles/orders.css?url";
import { describeDatabaseError } from "../../db/errors.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ordersCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Add an order: ${STEP_TITLES[data.step]} — ClaimTrail` : "Add an order — ClaimTrail" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await loadWizardPage(getDb(), user, new URL(request.url), new Date());
  if (!page) throw data("This unfinished order is not in your account any more. Start again from your dashboard.", { status: 404 });
  return page;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  try {
    const outcome = await runWizardAction({
      db: getDb(),
      userId: user.id,
      timeZone: user.timeZone,
      now: new Date(),
      messageDomain: messageDomainOf(getConfig().appUrl),
      formData,
    });
    if (outcome.kind === "redirect") return redirect(outcome.to, 303);
    if (outcome.kind === "missing")
      throw data("This unfinished order is not in your account any more. Start again from your dashboard.", { status: 404 });
    return data({ result: outcome.result, numbers: outcome.numbers ?? null }, { status: 400 });
  } catch (error) {
    const described = describeDatabaseError(error);
    if (!described) throw error;
    // Busy or full: nothing of this step was saved; the form keeps what was typed.
    return data({ result: { status: "error" as const, error: { "": [described.message] } }, numbers: null }, { status: described.status });
  }
}

export default function NewOrder() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const lastResult = actionData?.result;
  return (
    <section className="wizard" aria-labelledby="wizard-heading">
      <h1 id="wizard-heading">Add an order</h1>
      <WizardProgress draftId={page.draftId} step={page.step} reached={page.reached} />
      <div className="panel">
        <h2>{STEP_TITLES[page.step]}</h2>
        {page.step === "marketplace" ? (
          <MarketplaceStep draftId={page.draftId} data={page.data} lastResult={lastResult} busy={busy} />
        ) : page.step === "facts" ? (
          <FactsStep draftId={page.draftId!} data={page.data} today={page.today} lastResult={lastResult} busy={busy} />
        ) : page.step === "tracking" ? (
          <TrackingStep draftId={page.draftId!} data={page.data} lastResult={lastResult} numbers={actionData?.numbers ?? page.numbers} busy={busy} />
        ) : page.step === "history" ? (
          <HistoryStep
            draftId={page.draftId!}
            data={page.data}
            events={page.events}
            warnings={page.warnings}
            check={page.check}
            lastResult={lastResult}
            busy={busy}
          />
        ) : (
          <ReviewStep draftId={page.draftId!} summary={page.summary} view={page.review} errors={lastResult?.error?.[""] ?? undefined} busy={busy} />
        )}
      </div>
      {page.draftId ? (
        <form method="post" className="discard-draft">
          <input type="hidden" name="step" value={page.step} />
          <input type="hidden" name="draftId" value={page.draftId} />
          <button type="submit" name="intent" value="discard" className="link-button">
            Discard this unfinished order
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
