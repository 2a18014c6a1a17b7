import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { InputField } from "~/components/form-fields.tsx";
import { FormErrors } from "~/components/text-field.tsx";
import { DocumentFactsSchema, paymentReferenceLabel } from "~/orders/document-facts-schema.ts";

export interface DocumentFactsView {
  paymentMethod: string | null;
  paymentReference: string | null;
  carrierCaseNumber: string | null;
  /** Which of the buyer's own details are still missing from their profile. */
  missingProfile: string[];
}

/**
 * The facts a document needs that only the buyer has, asked for before the downloads. Posts to
 * the documents page itself; works without JavaScript.
 */
export function DocumentFactsForm({
  facts,
  lastResult,
  saved,
}: {
  facts: DocumentFactsView;
  lastResult?: SubmissionResult<string[]>;
  saved: boolean;
}) {
  const [form, fields] = useForm({
    id: "document-facts",
    lastResult,
    shouldValidate: "onBlur",
    defaultValue: { paymentReference: facts.paymentReference ?? "", carrierCaseNumber: facts.carrierCaseNumber ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DocumentFactsSchema }),
  });
  const payment = paymentReferenceLabel(facts.paymentMethod);
  return (
    <div className="panel" id="document-facts">
      <h2>Facts for your documents</h2>
      {facts.missingProfile.length > 0 ? (
        <p>
          Your {facts.missingProfile.join(", ")} {facts.missingProfile.length === 1 ? "is" : "are"} not in your profile yet, so the documents leave{" "}
          {facts.missingProfile.length === 1 ? "it" : "them"} out. <Link to="/account#profile">Add your details</Link>.
        </p>
      ) : null}
      <p className="muted">
        Only you have these. Each is optional: a document that needs one you leave empty says nothing about it rather than leaving a blank.
      </p>
      {saved ? (
        <p className="notice" role="status">
          Saved. The letters and the packet below now include them.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="document-facts" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField label={payment.label} meta={fields.paymentReference} hint={payment.hint} />
        <InputField
          label="Local carrier's case number"
          meta={fields.carrierCaseNumber}
          hint="If you already asked the local post or courier to trace the parcel, the case or claim number they gave you."
        />
        <button type="submit" className="button button-secondary">
          Save these facts
        </button>
      </Form>
    </div>
  );
}
