import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server.ts";
import { ErrorPage } from "~/components/error-page.tsx";
import { EvidenceList } from "~/components/evidence-list.tsx";
import { EvidenceUploadForm, type EvidenceActionData } from "~/components/evidence-upload-form.tsx";
import { uploadEvidenceAction } from "~/evidence/evidence-actions.server.ts";
import { listEvidence } from "~/evidence/evidence-service.server.ts";
import { evidenceView } from "~/evidence/evidence-view.ts";
import { getDb } from "~/server/db.server.ts";
import documentsCss from "~/styles/documents.css?url";
import { getOrder } from "../../db/queries/orders.server.ts";

/**
 * The order's evidence on its own page: where a no-JavaScript upload lands (with its error), and
 * the upload endpoint (POST, multipart) for every evidence form in the app.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: documentsCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Evidence — ${data.order.item ?? "Order"} — ClaimTrail` : "Not found — ClaimTrail" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const order = await getOrder(db, user.id, params.id ?? "");
  if (!order) throw data("There is no order at this address in your account.", { status: 404 });
  const files = await listEvidence(db, user.id, order.id);
  return { order: { id: order.id, item: order.item }, files: files.map(evidenceView) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return uploadEvidenceAction(request, user.id, params.id ?? "");
}

export default function EvidencePage() {
  const { order, files } = useLoaderData<typeof loader>();
  const actionData = useActionData<EvidenceActionData>();
  return (
    <section className="stack">
      <p>
        <Link to={`/orders/${order.id}/documents`}>← Documents for {order.item ?? "this order"}</Link>
      </p>
      <h1>Evidence</h1>
      <div className="panel">
        <EvidenceUploadForm orderId={order.id} error={actionData?.error} redirectTo={`/orders/${order.id}/evidence`} />
      </div>
      <div className="panel">
        <h2>Uploaded files ({files.length})</h2>
        <EvidenceList files={files} redirectTo={`/orders/${order.id}/evidence`} />
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
