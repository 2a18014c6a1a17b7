import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { TextAreaField } from "~/components/form-fields.tsx";
import { MILESTONE_LABELS } from "~/components/order-words.ts";
import { FormErrors } from "~/components/text-field.tsx";
import type { DraftData } from "~/orders/wizard/draft-data.ts";
import { HistorySchema } from "~/orders/wizard/step-schemas.ts";
import { MILESTONES } from "../../../machines/vocabulary.ts";
import { validateUnlessBack, WizardButtons } from "./wizard-progress.tsx";

export interface ShownEvent {
  when: string | null;
  location: string | null;
  text: string;
  milestone: string;
  keep: boolean;
}

export function HistoryStep({
  draftId,
  data,
  events,
  warnings,
  check,
  lastResult,
  busy,
}: {
  draftId: string;
  data: DraftData;
  events: ShownEvent[];
  warnings: string[];
  check: boolean;
  lastResult?: SubmissionResult<string[]>;
  busy: boolean;
}) {
  const [form, fields] = useForm({
    id: "wizard-history",
    lastResult,
    defaultValue: { history: data.history ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => validateUnlessBack(formData, HistorySchema),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="step" value="history" />
      <input type="hidden" name="draftId" value={draftId} />
      <TextAreaField
        label="Tracking history (optional)"
        meta={fields.history}
        rows={10}
        hint="Open the tracking page (AliExpress “Track order”, Cainiao, 17TRACK, the carrier's app), select the whole list of events with their dates, copy and paste it here. Leave it empty to skip; you can add events later."
      />
      <div className="wizard-buttons">
        <button type="submit" name="intent" value="read" className="button button-secondary" disabled={busy}>
          Read the history
        </button>
      </div>
      {events.length > 0 ? (
        <section aria-labelledby="events-heading" id="events" className="parsed-events">
          <h2 id="events-heading">Check the {events.length} events we read</h2>
          {check ? (
            <p className="notice" role="status">
              Check each event's meaning below, correct any that are wrong, then continue.
            </p>
          ) : null}
          {warnings.length > 0 ? (
            <ul className="muted warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <FormErrors id={form.errorId} errors={form.errors} />
          <ol className="event-check-list">
            {events.map((e, i) => (
              <li key={i}>
                <input type="hidden" name={`events[${i}].shown`} value="1" />
                <div className="event-check-keep">
                  <input type="checkbox" id={`event-${i}-keep`} name={`events[${i}].keep`} defaultChecked={e.keep} />
                  <label htmlFor={`event-${i}-keep`}>
                    <span className="event-when">{e.when ?? "No date"}</span>
                    {e.location ? <span className="event-where"> · {e.location}</span> : null}
                    <span className="event-text">{e.text}</span>
                  </label>
                </div>
                <div className="field compact">
                  <label htmlFor={`event-${i}-milestone`}>Meaning</label>
                  <select id={`event-${i}-milestone`} name={`events[${i}].milestone`} defaultValue={e.milestone}>
                    {MILESTONES.map((m) => (
                      <option key={m} value={m}>
                        {MILESTONE_LABELS[m]}
                      </option>
                    ))}
                  </select>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <FormErrors id={form.errorId} errors={form.errors} />
      )}
      <WizardButtons busy={busy} />
    </Form>
  );
}
