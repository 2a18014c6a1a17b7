/**
 * Evidence uploads: a request with four 12-megapixel phone photos (about 4 MB each) streamed
 * through the multipart parser, checked and re-encoded by sharp, as POST /orders/:id/evidence does
 * before it writes anything. Prints the parse time, the time per photo, the sizes before and after,
 * and the process's peak memory.
 */
import { performance } from "node:perf_hooks";
import { parseEvidenceUpload } from "../../app/evidence/parse-upload.server.ts";
import { sanitizeFile } from "../../app/evidence/sanitize-file.server.ts";
import { twelveMegapixelPhoto } from "../factories/evidence-files.ts";

const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const photos = await Promise.all([0, 1, 2, 3].map(twelveMegapixelPhoto));
  const form = new FormData();
  photos.forEach((bytes, i) => form.append("files", new Blob([bytes as BlobPart], { type: "image/jpeg" }), `IMG_000${i}.jpg`));
  const body = new Response(form);
  const request = new Request("http://localhost/orders/x/evidence", {
    method: "POST",
    headers: { "content-type": body.headers.get("content-type")! },
    body: await body.arrayBuffer(),
  });

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const upload = await parseEvidenceUpload(request);
  const parsed = performance.now();
  const times: number[] = [];
  let outBytes = 0;
  for (const file of upload.files) {
    const start = performance.now();
    const result = await sanitizeFile(file.fileName, file.bytes);
    times.push(performance.now() - start);
    outBytes += result.bytes.length;
  }
  clearInterval(sampler);
  const inBytes = photos.reduce((n, p) => n + p.length, 0);
  console.log(`upload of 4 × 12 MP JPEG (${(inBytes / MB).toFixed(1)} MB): multipart parse ${(parsed - t0).toFixed(0)} ms`);
  console.log(`re-encode per photo: ${times.map((t) => t.toFixed(0)).join(", ")} ms (total ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms)`);
  console.log(`stored size ${(outBytes / MB).toFixed(1)} MB; peak RSS ${(peak / MB).toFixed(0)} MB`);
}
