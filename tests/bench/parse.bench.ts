/**
 * `parse` figure (issue 3): a 2,000-event pasted history parsed in-process, goal < 100 ms.
 * Two layouts are timed: one line per event, and the stacked date / description / place blocks
 * that are the slowest to group. Median of several runs after a warm-up, so start-up is excluded.
 */
import { performance } from "node:perf_hooks";
import { parseHistory } from "../../app/carriers/paste/parse-history.ts";

const EVENTS = 2_000;
const RUNS = 15;
const TEXTS = [
  "Departed from departure country/region",
  "[Shatian Town] Processing at sorting center",
  "Import customs clearance complete",
  "Arrived at destination country",
  "Out for delivery",
  "【苏州市】 快件已经到达 【常熟天下淘宝四】",
  "Delivery Attempted - No Answer",
  "Die Sendung wurde im Start-Paketzentrum bearbeitet",
];

function stamp(i: number): Date {
  return new Date(Date.UTC(2026, 0, 1) + (EVENTS - i) * 37 * 60_000);
}

function oneLinePaste(): string {
  return Array.from({ length: EVENTS }, (_, i) => {
    const d = stamp(i).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 19)} ${TEXTS[i % TEXTS.length]}`;
  }).join("\n");
}

function blockPaste(): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return Array.from({ length: EVENTS }, (_, i) => {
    const d = stamp(i);
    const date = `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
    return `${date}\n${time}\n${TEXTS[i % TEXTS.length]}\nShenzhen, China\nCainiao`;
  }).join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(label: string, text: string): void {
  const check = parseHistory(text, { timeZone: "Europe/Paris" });
  if (check.events.length !== EVENTS) throw new Error(`${label}: parsed ${check.events.length} events, expected ${EVENTS}`);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    parseHistory(text, { timeZone: "Europe/Paris" });
    const used = process.cpuUsage(cpu);
    runs.push(performance.now() - start);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  const ms = median(runs);
  // CPU time is printed too: on a shared machine wall time mostly measures the neighbours.
  console.log(
    `parse ${label}: ${EVENTS} events (${(text.length / 1024).toFixed(0)} KiB) in ${ms.toFixed(1)} ms wall, ` +
      `${median(cpuRuns).toFixed(1)} ms CPU, median of ${RUNS} (goal < 100 ms: ${ms < 100 ? "met" : "NOT met"})`,
  );
}

/** Hostile input: the time per megabyte should stay flat as the input doubles (linear time). */
function hostile(): void {
  const shapes: Array<[string, (size: number) => string]> = [
    ["one long line of dashes", (n) => "-".repeat(n) + "x"],
    ["date-like digits", (n) => "1/".repeat(n / 2)],
    ["short dated lines", (n) => "2026-03-04 08:15 -----x\n".repeat(n / 24)],
    ["emoji and control characters", (n) => "📦\u0000\u202e".repeat(n / 4)],
  ];
  for (const [label, make] of shapes) {
    const perMb = [1_000_000, 2_000_000].map((size) => {
      const text = make(size);
      const start = performance.now();
      parseHistory(text);
      return (performance.now() - start) / (text.length / 1_000_000);
    });
    console.log(`parse hostile ${label}: ${perMb[0].toFixed(1)} ms/MB at 1 MB, ${perMb[1].toFixed(1)} ms/MB at 2 MB`);
  }
}

export async function run(): Promise<void> {
  time("one line per event", oneLinePaste());
  time("stacked blocks", blockPaste());
  hostile();
}
