import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CheckboxField, TextAreaField } from "~/components/form-fields.tsx";
import { FormErrors } from "~/components/text-field.tsx";
import type { DraftData } from "~/orders/wizard/draft-data.ts";
import type { RecognisedNumber } from "~/orders/wizard/recognise-tracking.server.ts";
import { TrackingSchema } from "~/orders/wizard/step-schemas.ts";
import { validateUnlessBack, WizardButtons } from "./wizard-progress.tsx";

type Recognised = Pick<RecognisedNumber, "number" | "carrier" | "verdict" | "candidates" | "message">;

/** One line per number: what it is, or what to fix; ambiguous numbers offer their candidates. */
function NumberList({ numbers }: { numbers: Recognised[] }) {
  if (numbers.length === 0) return null;
  return (
    <ul className="recognised-numbers">
      {numbers.map((n) => (
        <li key={n.number} className={`verdict-${n.verdict}`}>
          <p>
            <span className="verdict-mark" aria-hidden="true">
              {n.verdict === "ok" ? "✓" : n.verdict === "ambiguous" ? "?" : "✗"}
            </span>{" "}
            {n.message}
          </p>
          {n.verdict === "ambiguous" ? (
            <fieldset className="radio-group compact">
              <legend>Carrier of {n.number}</legend>
              {n.candidates.map((c, i) => (
                <div className="radio-option" key={c.carrier}>
                  <input
                    type="radio"
                    id={`carrier-${n.number}-${c.carrier}`}
                    name={`carrier-${n.number}`}
                    value={c.carrier}
                    defaultChecked={i === 0}
                  />
                  <label htmlFor={`carrier-${n.number}-${c.carrier}`}>{c.name}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function TrackingStep({
  draftId,
  data,
  lastResult,
  numbers,
  busy,
}: {
  draftId: string;
  data: DraftData;
  lastResult?: SubmissionResult<string[]>;
  numbers?: Recognised[];
  busy: boolean;
}) {
  const [form, fields] = useForm({
    id: "wizard-tracking",
    lastResult,
    defaultValue: { tracking: data.tracking ?? (data.numbers ?? []).map((n) => n.number).join("\n"), noTracking: data.noTracking ? "on" : undefined },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => validateUnlessBack(formData, TrackingSchema),
  });
  // With JavaScript: recognise as the person types (a short pause after the last key), via a resource route.
  const live = useFetcher<{ numbers: Recognised[]; problem: string | null }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [typedSinceSubmit, setTyped] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (value: string) => {
    setTyped(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (value.trim().length >= 8) live.load(`/orders/new/detect?platform=${data.platform ?? ""}&text=${encodeURIComponent(value.slice(0, 4000))}`);
    }, 300);
  };
  const shown = typedSinceSubmit && live.data ? live.data.numbers : (numbers ?? []);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="step" value="tracking" />
      <input type="hidden" name="draftId" value={draftId} />
      <TextAreaField
        label="Tracking number(s) or the shipping e-mail"
        meta={fields.tracking}
        rows={5}
        onInput={onInput}
        hint="Paste one number per line, as the order page shows it (e.g. LP00123456789012), or paste the whole “your order has shipped” e-mail: we pick out the numbers and the carrier."
      />
      <div aria-live="polite" className="live-recognition">
        <NumberList numbers={shown} />
        {typedSinceSubmit && live.data?.problem ? <p className="muted">{live.data.problem}</p> : null}
      </div>
      <CheckboxField
        label="No tracking number yet"
        meta={fields.noTracking}
        hint="Sellers usually add one 1 to 5 days after the order. You can add it later on the order's page."
      />
      <CheckboxField
        label="Keep numbers ClaimTrail does not recognise"
        meta={fields.keepUnrecognised}
        hint="Only if you are sure the number is right; its carrier stays unknown."
      />
      <WizardButtons busy={busy} />
    </Form>
  );
}
