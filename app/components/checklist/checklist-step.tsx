import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { EvidenceUploadForm } from "~/components/evidence-upload-form.tsx";
import { InputField, TextAreaField } from "~/components/form-fields.tsx";
import { FormErrors } from "~/components/text-field.tsx";
import type { ChecklistStepLine, DeadlineLine } from "~/checklist/checklist-page-view.ts";
import { StepDoneSchema, StepSkipSchema } from "~/checklist/checklist-schemas.ts";

type Last = SubmissionResult<string[]> | undefined;

const STATUS_LABEL = { todo: "To do", done: "Done", skipped: "Skipped" } as const;

export function DeadlineItem({ d }: { d: DeadlineLine }) {
  return (
    <li className={d.past ? "deadline past" : "deadline"}>
      <strong>{d.title}</strong>: {d.when}
      {d.past ? " (passed)" : ""}
      <br />
      <span className="muted">
        {d.reason} Source: {d.source}.
      </span>
    </li>
  );
}

/** What the buyer recorded, as one sentence (one text node, so it reads and searches whole). */
function recordText(step: ChecklistStepLine): string {
  return [
    step.status === "done" ? `Done on ${step.on}` : `Skipped on ${step.on}`,
    step.reference ? `reference ${step.reference}` : null,
    step.note ? `${step.status === "skipped" ? "why: " : ""}${step.note}` : null,
    step.attachments > 0 ? `${step.attachments} attachment${step.attachments === 1 ? "" : "s"}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** One checklist step: why, what to write down, its deadlines, what was recorded, and its forms. */
export function ChecklistStep({
  step,
  orderId,
  today,
  lastDone,
  lastSkip,
  open,
}: {
  step: ChecklistStepLine;
  orderId: string;
  today: string;
  lastDone: Last;
  lastSkip: Last;
  open: boolean;
}) {
  const [doneForm, doneFields] = useForm({
    id: `step-done-${step.id}`,
    lastResult: lastDone,
    defaultValue: { step: step.id, doneOn: today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StepDoneSchema }),
  });
  const [skipForm, skipFields] = useForm({
    id: `step-skip-${step.id}`,
    lastResult: lastSkip,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StepSkipSchema }),
  });
  const here = `/orders/${orderId}/checklist#step-${step.id}`;
  return (
    <li id={`step-${step.id}`} className={`panel checklist-step checklist-${step.status}`} aria-labelledby={`step-${step.id}-title`}>
      <h3 id={`step-${step.id}-title`}>
        {step.number}. {step.title} <span className={`step-status status-${step.status}`}>{STATUS_LABEL[step.status]}</span>
      </h3>
      <p>
        <strong>Why it matters:</strong> {step.why}
      </p>
      <p>
        <strong>What to write down:</strong> {step.writeDown}
      </p>
      <p className="muted">Source: {step.source}</p>
      {step.nearestDeadline ? (
        <p className="step-deadline">{`Nearest deadline: ${step.nearestDeadline.title} on ${step.nearestDeadline.when}`}</p>
      ) : null}
      {step.deadlines.length > 0 ? (
        <ul className="deadlines">
          {step.deadlines.map((d) => (
            <DeadlineItem key={d.id} d={d} />
          ))}
        </ul>
      ) : null}
      {step.status !== "todo" ? (
        <p className="step-record" data-testid={`step-record-${step.id}`}>
          {recordText(step)}
        </p>
      ) : null}
      <details open={open}>
        <summary>{step.status === "todo" ? "Record this step" : "Record it again"}</summary>
        <Form method="post" {...getFormProps(doneForm)} className="step-form">
          <FormErrors id={doneForm.errorId} errors={doneForm.errors} />
          <input type="hidden" name="intent" value="step-done" />
          <input type="hidden" name="step" value={step.id} />
          <InputField label="Done on" type="date" meta={doneFields.doneOn} />
          <TextAreaField label="Note (what you did and found)" meta={doneFields.note} rows={3} />
          <InputField label="Reference number (optional)" meta={doneFields.reference} hint="A complaint, ticket or dispute number." />
          <button type="submit" className="button">
            Mark step {step.number} done
          </button>
        </Form>
        <Form method="post" {...getFormProps(skipForm)} className="step-form">
          <FormErrors id={skipForm.errorId} errors={skipForm.errors} />
          <input type="hidden" name="intent" value="step-skip" />
          <input type="hidden" name="step" value={step.id} />
          <InputField label="Why skip this step?" meta={skipFields.reason} hint="The marketplace or your bank may ask." />
          <button type="submit" className="button button-secondary">
            Skip step {step.number}
          </button>
        </Form>
        <p className="muted">
          {step.files.length > 0
            ? `${step.files.length} file${step.files.length === 1 ? "" : "s"} attached: ${step.files.map((f) => f.name).join(", ")}.`
            : "No files attached yet."}
        </p>
        <EvidenceUploadForm
          orderId={orderId}
          checklistStep={step.id}
          redirectTo={here}
          label={`Attach photos, screenshots or e-mails to step ${step.number}`}
        />
      </details>
    </li>
  );
}
