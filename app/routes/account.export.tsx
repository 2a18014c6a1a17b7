import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/current-user.server.ts";
import { getDb } from "~/server/db.server.ts";
import { exportUserData } from "../../db/queries/export.server.ts";

/**
 * POST /account/export — everything stored about the signed-in person as a JSON download. A POST,
 * so the CSRF check guards it and no link or prefetch starts a download.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const body = JSON.stringify(await exportUserData(getDb(), user.id, now), null, 2);
  // An ASCII-only name: a non-Latin-1 name in a header crashes the response (RELIABILITY.md).
  const filename = `claimtrail-export-${now.toISOString().slice(0, 10)}.json`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export async function loader() {
  return new Response("Use the button on the account page to download your data.", { status: 405, headers: { Allow: "POST" } });
}
