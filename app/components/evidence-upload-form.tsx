import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { EVIDENCE_LIMITS, MB } from "~/evidence/upload-limits.ts";

/** What the upload action answers when it refuses (the success answer is a redirect). */
export interface EvidenceActionData {
  error?: string;
}

/**
 * Upload photos, screenshots or PDFs to an order. A plain multipart form, so it works without
 * JavaScript (the browser lands on the order's evidence page, with any error shown there); with
 * JavaScript it submits in place and shows a refusal next to the field. Usable from any page, e.g.
 * a checklist step: pass `checklistStep` and `redirectTo` to come back to that page.
 */
export function EvidenceUploadForm({
  orderId,
  checklistStep,
  redirectTo,
  error,
  label = "Add photos, screenshots or PDFs",
}: {
  orderId: string;
  checklistStep?: string;
  redirectTo?: string;
  /** A refusal from a no-JavaScript submission, to show in the form. */
  error?: string | null;
  label?: string;
}) {
  const fetcher = useFetcher<EvidenceActionData>();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = fetcher.state !== "idle";
  const shownError = fetcher.data?.error ?? error ?? null;
  const inputId = `evidence-files-${checklistStep ?? "order"}`;
  const errorId = `${inputId}-error`;

  // After an accepted upload (a redirect, so no data) clear the chosen files; keep them after a refusal.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      if (!fetcher.data?.error) formRef.current?.reset();
    }
  }, [busy, fetcher.data]);

  return (
    <fetcher.Form ref={formRef} method="post" action={`/orders/${orderId}/evidence`} encType="multipart/form-data" className="evidence-upload">
      {checklistStep ? <input type="hidden" name="checklistStep" value={checklistStep} /> : null}
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <p className="field-hint" id={`${inputId}-hint`}>
          JPEG, PNG or WebP photos and screenshots, or PDFs; up to {EVIDENCE_LIMITS.maxFileBytes / MB} MB a file and{" "}
          {EVIDENCE_LIMITS.maxFilesPerOrder} files an order. Photos are re-saved without their location data.
        </p>
        <input
          id={inputId}
          type="file"
          name="files"
          multiple
          required
          accept="image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf"
          aria-describedby={shownError ? `${inputId}-hint ${errorId}` : `${inputId}-hint`}
          aria-invalid={shownError ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${inputId}-note`}>Note (optional)</label>
        <input id={`${inputId}-note`} type="text" name="note" maxLength={EVIDENCE_LIMITS.maxNoteChars} />
      </div>
      {shownError ? (
        <p className="form-errors" id={errorId} role="alert">
          {shownError}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Uploading…" : "Upload"}
      </button>
    </fetcher.Form>
  );
}
