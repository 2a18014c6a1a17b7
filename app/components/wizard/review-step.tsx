import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/text-field.tsx";
import type { AssessmentView } from "~/orders/wizard/assessment-view.ts";
import { AssessmentPanels } from "~/components/order/assessment-panels.tsx";
import { WizardButtons } from "./wizard-progress.tsx";

export function ReviewStep({
  draftId,
  summary,
  view,
  errors,
  busy,
}: {
  draftId: string;
  summary: Array<[string, string]>;
  view: AssessmentView | null;
  errors?: string[];
  busy: boolean;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="step" value="review" />
      <input type="hidden" name="draftId" value={draftId} />
      <FormErrors id="review-errors" errors={errors} />
      <section className="panel" aria-labelledby="review-summary">
        <h2 id="review-summary">Your order</h2>
        <dl className="facts">
          {summary.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {view ? (
        <AssessmentPanels view={view} headingLevel={2} />
      ) : (
        <p className="form-errors">Some order details are missing: go back to “Order details”.</p>
      )}
      <WizardButtons next="Create the order" busy={busy} />
    </Form>
  );
}
