import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/auth/current-user.server.ts";
import { LETTER_FORMATS, MAX_LETTER_CHARS } from "~/documents/letter-limits.ts";
import { letterDownload, orderLetter } from "~/documents/order-documents.server.ts";
import { getDb } from "~/server/db.server.ts";
import { isLetterKind } from "../../templates/letters/render-letter.ts";
import { assessStoredOrder } from "~/orders/order-service.server.ts";

/**
 * GET: the letter as the facts write it (?format=txt|pdf). POST: the letter as the buyer edited it
 * on the documents page, as a download; a plain form post, so it works without JavaScript.
 */
const FormatSchema = z.enum(LETTER_FORMATS, { errorMap: () => ({ message: "format must be txt or pdf" }) }).default("txt");
const EditedSchema = z.object({
  format: FormatSchema,
  text: z
    .string({ required_error: "text is required" })
    .max(MAX_LETTER_CHARS, `the letter must be at most ${MAX_LETTER_CHARS} characters`)
    .refine((t) => t.trim().length > 0, "the letter is empty: write or restore its text first"),
});

const plain = (message: string, status: number) => new Response(message + "\n", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const NOT_FOUND = "There is no such letter for an order in your account.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const kind = params.kind ?? "";
  if (!isLetterKind(kind)) return plain(NOT_FOUND, 404);
  const format = FormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
  if (!format.success) return plain(format.error.issues[0]!.message, 400);
  const now = new Date();
  const found = await orderLetter(getDb(), user.id, params.id ?? "", kind, now);
  if (!found) return plain(NOT_FOUND, 404);
  if (found.text === null) return plain(`This letter does not fit the order: ${found.reason}.`, 409);
  return letterDownload(found.assessed.order, kind, found.text, format.data, now);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const kind = params.kind ?? "";
  if (!isLetterKind(kind)) return plain(NOT_FOUND, 404);
  const now = new Date();
  const assessed = await assessStoredOrder(getDb(), user.id, params.id ?? "", now);
  if (!assessed) return plain(NOT_FOUND, 404);
  let body: Record<string, FormDataEntryValue>;
  try {
    body = Object.fromEntries(await request.formData());
  } catch {
    return plain("The request could not be read; send the form.", 400);
  }
  const parsed = EditedSchema.safeParse(body);
  if (!parsed.success) return plain(`The letter was not downloaded: ${parsed.error.issues[0]!.message}.`, 400);
  // Browsers send textarea line breaks as CRLF; keep the buyer's text otherwise as typed.
  return letterDownload(assessed.order, kind, parsed.data.text.replace(/\r\n?/g, "\n"), parsed.data.format, now);
}
