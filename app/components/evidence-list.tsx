import { Form } from "@remix-run/react";
import { formatBytes, type EvidenceView } from "~/evidence/evidence-view.ts";

/** The order's evidence files, each with a preview, its SHA-256 and a delete button. */
export function EvidenceList({ files, redirectTo }: { files: EvidenceView[]; redirectTo?: string }) {
  if (files.length === 0) return <p className="muted">No evidence uploaded yet.</p>;
  return (
    <ul className="evidence-list">
      {files.map((file) => (
        <li key={file.id} className="evidence-item">
          {file.isImage ? (
            <a href={file.url} className="evidence-thumb">
              <img src={file.url} alt={`Preview of ${file.name}`} loading="lazy" width={file.width ?? undefined} height={file.height ?? undefined} />
            </a>
          ) : null}
          <div className="evidence-meta">
            <a href={`${file.url}?download=1`}>{file.name}</a>
            <span className="muted">
              {formatBytes(file.bytes)}
              {file.width && file.height ? ` · ${file.width}×${file.height}` : ""} · uploaded {file.uploadedAt.slice(0, 16).replace("T", " ")} UTC
            </span>
            {file.note ? <span>{file.note}</span> : null}
            <code className="evidence-hash" title="SHA-256 of the stored file">
              SHA-256 {file.sha256}
            </code>
            <Form method="post" action={file.url}>
              <input type="hidden" name="intent" value="delete" />
              {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
              <button type="submit" className="button button-secondary" aria-label={`Delete ${file.name}`}>
                Delete
              </button>
            </Form>
          </div>
        </li>
      ))}
    </ul>
  );
}
