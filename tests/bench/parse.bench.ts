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
  for (let r = 0; r < RUNS; r += 1) {
    const start = performance.now();
    parseHistory(text, { timeZone: "Europe/Paris" });
    runs.push(performance.now() - start);
  }
  const ms = median(runs);
  console.log(
    `parse ${label}: ${EVENTS} events (${(text.length / 1024).toFixed(0)} KiB) in ${ms.toFixed(1)} ms median of ${RUNS} ` +
      `(goal < 100 ms: ${ms < 100 ? "met" : "NOT met"})`,
  );
}

export async function run(): Promise<void> {
  time("one line per event", oneLinePaste());
  time("stacked blocks", blockPaste());
}
