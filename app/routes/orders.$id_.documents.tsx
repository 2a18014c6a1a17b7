import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { DocumentFactsForm } from "~/components/documents/document-facts-form.tsx";
import { DocumentFactsSchema } from "~/orders/document-facts-schema.ts";
import { missingProfileFields } from "~/profile/missing-profile.ts";
import { saveOrderDocumentFacts } from "../../db/queries/order-document-facts.server.ts";
import { loadProfile } from "../../db/queries/profile.server.ts";
import { requireUser } from "~/auth/current-user.server.ts";
import { CopyButton } from "~/components/copy-button.tsx";
import { ErrorPage } from "~/components/error-page.tsx";
import { EvidenceList } from "~/components/evidence-list.tsx";
import { EvidenceUploadForm } from "~/components/evidence-upload-form.tsx";
import { MAX_LETTER_CHARS } from "~/documents/letter-limits.ts";
import { orderLetters } from "~/documents/order-documents.server.ts";
import { listEvidence } from "~/evidence/evidence-service.server.ts";
import { evidenceView } from "~/evidence/evidence-view.ts";
import { getDb } from "~/server/db.server.ts";
import { warmPacketWorker } from "../../templates/packet/render-in-worker.server.ts";
import documentsCss from "~/styles/documents.css?url";

/**
 * Everything the buyer sends: each letter (edit, copy, download as text or PDF), the evidence
 * packet, and the evidence files that go into it.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: documentsCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Documents — ${data.order.item ?? "Order"} — ClaimTrail` : "Not found — ClaimTrail" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const found = await orderLetters(db, user.id, params.id ?? "", new Date());
  if (!found) throw data("There is no order at this address in your account.", { status: 404 });
  const order = found.assessed.order;
  const [files, profile] = await Promise.all([listEvidence(db, user.id, order.id), loadProfile(db, user.id)]);
  // Starting the PDF worker takes seconds (fonts, pdf-lib); start it while the buyer reads this page
  // so that "Download the packet" answers at warm speed.
  warmPacketWorker();
  return {
    order: { id: order.id, item: order.item, orderNumber: order.order_number },
    letters: found.letters,
    notOffered: found.notOffered,
    files: files.map(evidenceView),
    documentFacts: {
      paymentMethod: order.payment_method,
      paymentReference: order.payment_reference,
      carrierCaseNumber: order.carrier_case_number,
      missingProfile: profile ? missingProfileFields(profile) : [],
    },
  };
}

/** Saves the facts only the buyer has (payment reference, carrier case number) on the order. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: DocumentFactsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const { paymentReference, carrierCaseNumber } = submission.value;
  const saved = await saveOrderDocumentFacts(getDb(), user.id, params.id ?? "", { paymentReference, carrierCaseNumber }, new Date());
  if (!saved) throw data("There is no order at this address in your account.", { status: 404 });
  return { result: submission.reply(), saved: true };
}

export default function DocumentsPage() {
  const { order, letters, notOffered, files, documentFacts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/orders/${order.id}/documents`;
  return (
    <section className="stack">
      <p>
        <Link to={`/orders/${order.id}`}>← {order.item ?? "Order"}</Link>
      </p>
      <h1>Documents</h1>

      <DocumentFactsForm facts={documentFacts} lastResult={actionData?.result} saved={actionData?.saved ?? false} />

      <div className="panel">
        <h2>Evidence packet</h2>
        <p>
          One PDF with the order, the full tracking history, the silent gaps, your deadlines, the steps you took and your uploaded photos with their
          SHA-256 fingerprints. Attach it to a dispute or a chargeback.
        </p>
        <p>
          <a className="button" href={`/orders/${order.id}/packet`} download>
            Download the evidence packet (PDF)
          </a>
        </p>
      </div>

      <div className="panel">
        <h2>Letters</h2>
        <p className="muted">
          Each letter says only what your order records: a sentence whose fact is missing is left out. Edit the text freely, then copy it or download
          it.
        </p>
        <div className="letter-list">
          {letters.map((letter, index) => {
            const fieldId = `letter-${letter.kind}`;
            return (
              <details key={letter.kind} className="letter-preview" open={index === 0}>
                <summary>{letter.title}</summary>
                <p className="muted">{letter.purpose}</p>
                <form method="post" action={`/orders/${order.id}/letters/${letter.kind}`}>
                  <label htmlFor={fieldId} className="visually-hidden">
                    Text of the {letter.title.toLowerCase()}
                  </label>
                  <textarea
                    id={fieldId}
                    name="text"
                    lang={letter.lang}
                    className="letter-text"
                    defaultValue={letter.text}
                    maxLength={MAX_LETTER_CHARS}
                    rows={18}
                  />
                  <div className="letter-actions">
                    <button type="submit" name="format" value="txt" className="button">
                      Download as text
                    </button>
                    <button type="submit" name="format" value="pdf" className="button button-secondary">
                      Download as PDF
                    </button>
                    <CopyButton targetId={fieldId} label={`Copy the ${letter.title.toLowerCase()}`} />
                  </div>
                </form>
              </details>
            );
          })}
        </div>
        {notOffered.length > 0 && (
          <ul className="muted">
            {notOffered.map((n) => (
              <li key={n.kind}>
                Not offered — {n.title.toLowerCase()}: {n.reason}.
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="panel" id="evidence">
        <h2>Evidence ({files.length})</h2>
        <EvidenceUploadForm orderId={order.id} redirectTo={`${here}#evidence`} />
        <EvidenceList files={files} redirectTo={`${here}#evidence`} />
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
