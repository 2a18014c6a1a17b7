/**
 * Accounts under load on the real server: 50 simultaneous logins (scrypt at N=2^17, two at a time)
 * and 50 simultaneous tracking-event writes. Prints latencies and the server's peak memory.
 */
import { readFileSync } from "node:fs";
import { Client, PASSWORD, signedUpClient } from "../app/server/http-client.ts";
import { seedOrder } from "../app/server/seed.ts";
import { startServer } from "../app/server/server-process.ts";

const CONCURRENT = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status };
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
}

function report(label: string, results: Array<{ ms: number; status: number }>, wallMs: number): void {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = [...new Set(results.map((r) => r.status))].join(",");
  console.log(
    `${label}: ${results.length} at once in ${Math.round(wallMs)} ms · p50 ${Math.round(percentile(ms, 50))} ms · p99 ${Math.round(percentile(ms, 99))} ms · statuses ${statuses}`,
  );
}

export async function run(): Promise<void> {
  const server = await startServer();
  try {
    const { client, email } = await signedUpClient(server.url, "bench");
    console.log(`server peak RSS after start and one sign-up: ${peakRssMb(server.proc.pid!)} MB`);

    let start = performance.now();
    const logins = await Promise.all(Array.from({ length: CONCURRENT }, () => timed(() => new Client(server.url).logIn(email, PASSWORD))));
    report("logins", logins, performance.now() - start);
    console.log(`server peak RSS after ${CONCURRENT} simultaneous logins: ${peakRssMb(server.proc.pid!)} MB`);

    const orderId = await seedOrder(server.dbFile, email);
    start = performance.now();
    const writes = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => timed(() => client.request(`/orders/${orderId}/events`, { json: { text: `Bench scan ${i}` } }))),
    );
    report("event writes", writes, performance.now() - start);
  } finally {
    await server.stop();
  }
}
