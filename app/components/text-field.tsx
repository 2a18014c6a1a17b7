import { getInputProps, type FieldMetadata } from "@conform-to/react";

/**
 * A labelled input with its hint and errors tied to it (conform adds the error id to
 * aria-describedby), so a screen reader announces what went wrong; the typed value stays through
 * conform's initialValue from the last reply.
 */
export function TextField({
  label,
  meta,
  type = "text",
  autoComplete,
  hint,
}: {
  label: string;
  meta: FieldMetadata<string>;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
}) {
  const errors = meta.errors ?? [];
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input {...getInputProps(meta, { type, ariaDescribedBy: hintId })} autoComplete={autoComplete} />
      {errors.length > 0 ? (
        <ul className="field-errors" id={meta.errorId}>
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Errors about the whole form (wrong password, too many attempts), announced when they appear. */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div className="form-errors" id={id} role="alert">
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}
