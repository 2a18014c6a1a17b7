import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/**
 * Labelled fields for the order forms: hint and errors are tied to the control with
 * aria-describedby (conform adds the error id), so a screen reader reads what to fix.
 */
function Errors({ meta }: { meta: FieldMetadata<unknown> }) {
  const errors = meta.errors ?? [];
  if (errors.length === 0) return null;
  return (
    <ul className="field-errors" id={meta.errorId}>
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

function Hint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return children ? (
    <p className="field-hint" id={id}>
      {children}
    </p>
  ) : null;
}

export function InputField({
  label,
  meta,
  type = "text",
  hint,
  inputMode,
  autoComplete,
}: {
  label: string;
  meta: FieldMetadata<string>;
  type?: "text" | "date";
  hint?: ReactNode;
  inputMode?: "decimal" | "text";
  autoComplete?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={hintId}>{hint}</Hint>
      <input {...getInputProps(meta, { type, ariaDescribedBy: hintId })} inputMode={inputMode} autoComplete={autoComplete ?? "off"} />
      <Errors meta={meta} />
    </div>
  );
}

export function TextAreaField({
  label,
  meta,
  hint,
  rows = 6,
  onInput,
}: {
  label: string;
  meta: FieldMetadata<string>;
  hint?: ReactNode;
  rows?: number;
  onInput?: (value: string) => void;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={hintId}>{hint}</Hint>
      <textarea
        {...getTextareaProps(meta, { ariaDescribedBy: hintId })}
        rows={rows}
        spellCheck={false}
        onInput={onInput ? (e) => onInput(e.currentTarget.value) : undefined}
      />
      <Errors meta={meta} />
    </div>
  );
}

export function SelectField({
  label,
  meta,
  options,
  hint,
  placeholder = "Choose…",
}: {
  label: string;
  meta: FieldMetadata<string>;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
  placeholder?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={hintId}>{hint}</Hint>
      <select {...getSelectProps(meta, { ariaDescribedBy: hintId })}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors meta={meta} />
    </div>
  );
}

export function RadioGroupField({
  legend,
  meta,
  options,
}: {
  legend: string;
  meta: FieldMetadata<string>;
  options: ReadonlyArray<{ value: string; label: string; hint?: string }>;
}) {
  const errors = meta.errors ?? [];
  return (
    <fieldset
      className="field radio-group"
      role="radiogroup"
      aria-invalid={errors.length ? true : undefined}
      aria-describedby={errors.length ? meta.errorId : undefined}
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="radio-option" key={o.value}>
          <input type="radio" id={`${meta.id}-${o.value}`} name={meta.name} value={o.value} defaultChecked={meta.initialValue === o.value} />
          <label htmlFor={`${meta.id}-${o.value}`}>
            {o.label}
            {o.hint ? <span className="field-hint"> {o.hint}</span> : null}
          </label>
        </div>
      ))}
      <Errors meta={meta} />
    </fieldset>
  );
}

export function CheckboxField({ label, meta, hint }: { label: string; meta: FieldMetadata<boolean>; hint?: ReactNode }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field checkbox-field">
      <input {...getInputProps(meta, { type: "checkbox", ariaDescribedBy: hintId })} />
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="field-hint checkbox-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <Errors meta={meta} />
    </div>
  );
}
