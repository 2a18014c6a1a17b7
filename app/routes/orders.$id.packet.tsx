import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/current-user.server.ts";
import { packetDownload } from "~/documents/order-documents.server.ts";
import { getDb } from "~/server/db.server.ts";

/** The evidence packet PDF (facts, timeline, deadlines, steps, uploaded files) for its owner. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const response = await packetDownload(getDb(), user.id, params.id ?? "", new Date());
  return (
    response ??
    new Response("There is no order at this address in your account.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } })
  );
}
