import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/current-user.server.ts";
import { downloadResponse } from "~/documents/download-headers.server.ts";
import { deleteEvidenceAction } from "~/evidence/evidence-actions.server.ts";
import { readEvidence } from "~/evidence/evidence-service.server.ts";
import { downloadNameFor } from "~/evidence/evidence-view.ts";
import { getDb } from "~/server/db.server.ts";

/**
 * GET: one evidence file for its owner (images inline for previews, PDFs and `?download` as an
 * attachment). POST intent=delete: removes it. Another person's file is a 404 either way.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await readEvidence(getDb(), user.id, params.id ?? "", params.fileId ?? "");
  if (!found)
    return new Response("There is no such file on this order in your account.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const inline = found.file.content_type.startsWith("image/") && !new URL(request.url).searchParams.has("download");
  return downloadResponse(found.bytes, {
    contentType: found.file.content_type,
    fileName: downloadNameFor(found.file.original_name, found.file.content_type),
    inline,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return deleteEvidenceAction(request, user.id, params.id ?? "", params.fileId ?? "");
}
