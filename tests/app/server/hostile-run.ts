/**
 * A bounded hostile run over loopback, for figures (not a test): every route in the route table
 * gets cut-off, oversized (declared and chunked) and wrongly typed bodies, then three ~58 MB
 * evidence uploads go in at once. Prints requests tried, 5xx answers, whether the process
 * survived, and the server's resident memory (VmRSS before, VmHWM peak) from /proc.
 *
 *   npx tsx tests/app/server/hostile-run.ts
 */
import { readFileSync } from "node:fs";
import { signedUpClient } from "./http-client.ts";
import { rawRequest } from "./raw-request.ts";
import { mutatingRoutePatterns } from "./route-table.ts";
import { seedOrder } from "./seed.ts";
import { startServer } from "./server-process.ts";

const MB = 1024 * 1024;

function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

const server = await startServer();
try {
  const { client, email } = await signedUpClient(server.url, "hostile-run");
  const orderId = await seedOrder(server.dbFile, email);
  const patterns = (await mutatingRoutePatterns()).filter((p) => p !== "/logout");
  const concrete = (p: string) => p.replace(/:id\b/g, orderId).replace(/:[A-Za-z]+/g, "x");
  const auth = { Origin: server.url, "Sec-Fetch-Site": "same-origin", Cookie: client.cookie! };
  const cut = Buffer.from(
    '--b\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n0000',
    "latin1",
  );

  let tried = 0;
  let fiveXx = 0;
  const statuses = new Map<number, number>();
  const send = async (path: string, options: Parameters<typeof rawRequest>[2]) => {
    tried += 1;
    const answer = await rawRequest(server.url, path, options);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500) {
      fiveXx += 1;
      console.log(`5xx: ${answer.status} ${path}`);
    }
  };
  for (const cookie of [auth, {}]) {
    for (const pattern of patterns) {
      const path = concrete(pattern);
      const h = (extra: Record<string, string>) => ({ ...cookie, ...extra });
      await send(path, { headers: h({ "Content-Type": "multipart/form-data; boundary=b", "Content-Length": String(cut.length) }), body: cut });
      await send(path, { headers: h({ "Content-Type": "multipart/form-data" }), body: "x" });
      await send(path, { headers: h({ "Content-Type": "application/json" }), body: '{"a":' });
      await send(path, { headers: h({ "Content-Type": "application/json" }), body: '{"intent":"x"}' });
      await send(path, { headers: h({}), body: "intent=x" });
      await send(path, { headers: h({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(1024 * MB) }), body: "a=1" });
      if (!pattern.endsWith("/evidence")) {
        for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "application/json"]) {
          await send(path, { headers: h({ "Content-Type": type }), streamBytes: 3 * MB });
        }
      }
    }
  }
  const before = memory(server.proc.pid!);
  // Three uploads of four 14.5 MB files each (58 MB, under the 60 MB request limit): all parsed.
  const file = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(14.5 * MB - 8, 7)]);
  const parts: Buffer[] = [];
  for (let i = 0; i < 4; i++) {
    parts.push(
      Buffer.from(`--b\r\nContent-Disposition: form-data; name="files"; filename="scan-${i}.png"\r\nContent-Type: image/png\r\n\r\n`),
      file,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from("--b--\r\n"));
  const upload = Buffer.concat(parts);
  const uploads = await Promise.all(
    [0, 1, 2].map(() => {
      tried += 1;
      return rawRequest(server.url, `/orders/${orderId}/evidence`, {
        headers: { ...auth, "Content-Type": "multipart/form-data; boundary=b", "Content-Length": String(upload.length) },
        body: upload,
      });
    }),
  );
  for (const u of uploads) {
    statuses.set(u.status, (statuses.get(u.status) ?? 0) + 1);
    if (u.status >= 500) fiveXx += 1;
  }
  const after = memory(server.proc.pid!);
  const alive = server.proc.exitCode === null && (await fetch(`${server.url}/healthz`)).status === 200;
  console.log(
    JSON.stringify({
      requests: tried,
      fiveXx,
      crashes: alive ? 0 : 1,
      statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
      uploadMb: Math.round(upload.length / MB),
      uploadStatuses: uploads.map((u) => u.status),
      rssBeforeUploadsMb: before.rssMb,
      peakRssMb: after.peakMb,
      rssAfterMb: after.rssMb,
    }),
  );
} finally {
  await server.stop();
}
