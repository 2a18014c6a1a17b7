/**
 * Evidence uploads: a request with four 12-megapixel phone photos (about 4 MB each) streamed
 * through the multipart parser, checked and re-encoded by sharp, as POST /orders/:id/evidence does
 * before it writes anything. Prints the parse time, the time per photo, the sizes before and after,
 * and the process's peak memory.
 */
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { parseEvidenceUpload } from "../../app/evidence/parse-upload.server.ts";
import { sanitizeFile } from "../../app/evidence/sanitize-file.server.ts";

const MB = 1024 * 1024;

/** A 12 MP photo-like JPEG: seeded noise, so it does not compress to nothing and runs compare. */
async function photo(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  let state = (seed + 1) * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    pixels[i] = 40 + seed * 15 + (state >>> 26);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100" } })
    .toBuffer();
}

export async function run(): Promise<void> {
  const photos = await Promise.all([0, 1, 2, 3].map(photo));
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
