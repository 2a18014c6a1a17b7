/**
 * The request side of evidence: the upload and delete actions the routes call, so the routes stay
 * thin. Refusals come back as `{ error }` with 400/404/413 and nothing stored.
 */
import { data, redirect } from "@remix-run/node";
import { ownedOrderId } from "../../db/queries/orders.server.ts";
import { getConfig } from "../server/config.server.ts";
import { getDb } from "../server/db.server.ts";
import { safeRedirectPath } from "../server/safe-redirect.server.ts";
import { EvidenceError } from "./evidence-error.ts";
import { removeEvidence, saveEvidence } from "./evidence-service.server.ts";
import { parseEvidenceUpload } from "./parse-upload.server.ts";

const NOT_FOUND = "There is no order at this address in your account.";

function backTo(value: unknown, orderId: string): string {
  return safeRedirectPath(value, getConfig().appUrl, `/orders/${orderId}/documents`);
}

/** POST /orders/:id/evidence: stores the files, then goes back (303) to where the form was. */
export async function uploadEvidenceAction(request: Request, userId: string, orderId: string) {
  const db = getDb();
  // Before reading a byte of the body: another person's order is a 404, whatever they send.
  if ((await ownedOrderId(db, userId, orderId)) === null) return data({ error: NOT_FOUND }, { status: 404 });
  try {
    const upload = await parseEvidenceUpload(request);
    await saveEvidence(
      db,
      userId,
      orderId,
      upload.files.map((f) => ({ fileName: f.fileName, bytes: f.bytes })),
      { note: upload.fields.note, checklistStep: upload.fields.checklistStep, now: new Date() },
    );
    return redirect(backTo(upload.fields.redirectTo, orderId), 303);
  } catch (error) {
    if (error instanceof EvidenceError) return data({ error: error.message }, { status: error.status });
    throw error;
  }
}

const plain = (message: string, status: number) => new Response(message + "\n", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** POST /orders/:id/evidence/:fileId with intent=delete (a resource route: plain-text refusals). */
export async function deleteEvidenceAction(request: Request, userId: string, orderId: string, fileId: string) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return plain("The request could not be read; send a form.", 400);
  }
  if (form.get("intent") !== "delete") return plain("Send intent=delete to delete this file.", 400);
  const removed = await removeEvidence(getDb(), userId, orderId, fileId);
  if (!removed) return plain("There is no such file on this order in your account.", 404);
  return redirect(backTo(form.get("redirectTo"), orderId), 303);
}
