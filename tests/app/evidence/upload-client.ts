/** Sends a multipart upload as a browser would, with the test client's session cookie. */
import type { Client } from "../server/http-client.ts";

export interface UploadPart {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

export async function uploadEvidence(client: Client, orderId: string, files: UploadPart[], fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append("files", new Blob([file.bytes as BlobPart], { type: file.type ?? "application/octet-stream" }), file.name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const headers: Record<string, string> = { Origin: client.baseUrl, "Sec-Fetch-Site": "same-origin" };
  if (client.cookie) headers.Cookie = client.cookie;
  return fetch(`${client.baseUrl}/orders/${orderId}/evidence`, { method: "POST", body: form, headers, redirect: "manual" });
}
