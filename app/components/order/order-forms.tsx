import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { SelectField, CheckboxField, InputField, TextAreaField } from "~/components/form-fields.tsx";
import { REPORT_BUTTONS } from "~/components/order-words.ts";
import { FormErrors } from "~/components/text-field.tsx";
import { AddEventsSchema, AddNumberSchema, DeleteSchema, ReportFormSchema } from "~/orders/order-page-schemas.ts";

type Last = SubmissionResult<string[]> | undefined;

/** One button per thing that can happen; the extension needs its new date, so it has its own form. */
export function RecordForms({ lastResult }: { lastResult: Last }) {
  const [form, fields] = useForm({
    id: "record-report",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportFormSchema }),
  });
  return (
    <div className="record">
      <h3>Record what happened</h3>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="report" />
        <InputField label="Note (optional)" meta={fields.note} hint="E.g. the dispute number or what the seller answered." />
        <InputField label="New protection end (only for an extension)" type="date" meta={fields.protectionEndsOn} />
        <div className="record-buttons">
          {REPORT_BUTTONS.map((b) => (
            <button key={b.kind} type="submit" name="kind" value={b.kind} className="button button-secondary">
              {b.label}
            </button>
          ))}
        </div>
      </Form>
    </div>
  );
}

export function AddEventsForm({ lastResult, legs = [] }: { lastResult: Last; legs?: ReadonlyArray<{ number: string; carrier: string }> }) {
  const [form, fields] = useForm({ id: "add-events", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: AddEventsSchema }) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="add-events" />
      <TextAreaField
        label="Paste the latest tracking history"
        meta={fields.history}
        rows={6}
        hint="Copy the whole list from the tracking page again; events already saved are not added twice."
      />
      {legs.length > 1 ? (
        <SelectField
          label="Copied from the tracking page of"
          meta={fields.leg}
          placeholder="Let ClaimTrail work it out (hand-overs move to the new number)"
          options={legs.map((l) => ({ value: l.number, label: `${l.number} · ${l.carrier}` }))}
        />
      ) : null}
      <button type="submit" className="button">
        Add these events
      </button>
    </Form>
  );
}

export function AddNumberForm({ lastResult }: { lastResult: Last }) {
  const [form, fields] = useForm({ id: "add-number", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: AddNumberSchema }) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="add-number" />
      <InputField label="Tracking number" meta={fields.number} hint="As the order page or the carrier shows it, e.g. LP00123456789012." />
      <CheckboxField label="This is the local carrier's number (after a hand-over)" meta={fields.local} />
      <button type="submit" className="button">
        Add the number
      </button>
    </Form>
  );
}

export function DeleteForm({ lastResult }: { lastResult: Last }) {
  const [form, fields] = useForm({ id: "delete-order", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteSchema }) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="delete" />
      <CheckboxField
        label="Yes, delete this order with its tracking numbers, events and everything I recorded"
        meta={fields.confirm}
        hint="This cannot be undone."
      />
      <button type="submit" className="button button-danger">
        Delete the order
      </button>
    </Form>
  );
}
