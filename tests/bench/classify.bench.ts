/**
 * Event classification speed (issue 3: at least 200,000 event lines per second after start-up).
 * Prints in-process lines per second over the labelled corpus's wording, the whole `classify` command on a
 * large stdin, and time per megabyte on pathological lines (linear time, no backtracking).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export async function run(): Promise<void> {
  const t0 = performance.now();
  const { classifyEvent } = await import("../../app/carriers/events/classify.ts");
  const startup = performance.now() - t0;

  // Every line of the labelled corpus, in file order: the plain phrases and the lines only the model reads.
  const { loadCorpus } = await import("../../app/carriers/events/training/corpus.server.ts");
  const texts: string[] = loadCorpus().lines.map((line) => line.text);
  // Every line distinct: the corpus wording with a running number appended (as a tracking feed's
  // reference would be), so no line repeats and the classifier's memo of recent lines never
  // answers. Feeds do repeat status texts; that figure is printed too, but it is not the goal's.
  const lines = Array.from({ length: 500_000 }, (_, i) => `${texts[i % texts.length]} ${i}`);
  const repeated = Array.from({ length: 500_000 }, (_, i) => texts[i % texts.length]);

  for (let i = 0; i < 100_000; i++) classifyEvent(lines[i]); // warm-up (JIT)
  // Three timed passes; the machine is shared, so the median says more than any one pass.
  const rates: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < 3; pass++) {
    const t1 = performance.now();
    for (const line of lines) sink += classifyEvent(line).confidence;
    rates.push(lines.length / ((performance.now() - t1) / 1000));
  }
  const median = [...rates].sort((a, b) => a - b)[1];
  const fmt = (n: number) => Math.round(n).toLocaleString("en");
  console.log(`classify start-up (import + build automaton): ${startup.toFixed(0)} ms`);
  console.log(
    `classifyEvent, DISTINCT lines (no repeats): ${lines.length} lines × 3 passes: ${rates.map(fmt).join(", ")} lines/s; median ${fmt(median)} lines/s (goal ≥ 200,000)${sink > 0 ? "" : " [no output?]"}`,
  );
  const t2 = performance.now();
  for (const line of repeated) sink += classifyEvent(line).confidence;
  console.log(
    `classifyEvent, corpus lines repeated (the memo answers repeats): ${fmt(repeated.length / ((performance.now() - t2) / 1000))} lines/s (not the goal's figure)`,
  );

  for (const [name, unit] of [
    ["same letter", "a"],
    ["near-miss word", "delivere"],
    ["phrase repeated", "out for delivery "],
    ["Chinese", "清关中"],
  ] as const) {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t = performance.now();
    classifyEvent(text);
    console.log(`1 MB line (${name}): ${(performance.now() - t).toFixed(1)} ms`);
  }

  // The command's own work (stdin text → JSON lines), in process: wall time and CPU time. CPU time
  // is what the command would take on an idle machine; wall time here depends on the neighbours.
  const { classify } = await import("../../app/cli/commands/classify.ts");
  const stdin = lines.slice(0, 200_000).join("\n") + "\n";
  let written = 0;
  const io = {
    readStdin: async () => stdin,
    write: (text: string) => void (written += text.length),
    now: () => new Date(),
  };
  await classify([], io); // warm-up
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  await classify([], io);
  const wall = (performance.now() - wall0) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  console.log(`classify command (in process, 200,000 lines): ${fmt(200_000 / wall)} lines/s wall, ${fmt(200_000 / cpu)} lines/s of CPU time`);

  // The whole command, as a process: once with one line (start-up alone), once with 200,000.
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const runCli = (input: string) => {
    const t = performance.now();
    const result = spawnSync("npx", ["tsx", "app/cli/main.ts", "classify"], {
      cwd: root,
      input,
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    return {
      seconds: (performance.now() - t) / 1000,
      lines: result.stdout.split("\n").length - 1,
    };
  };
  const alone = runCli("Delivered\n");
  const big = runCli(lines.slice(0, 200_000).join("\n") + "\n");
  const streaming = (big.lines - 1) / Math.max(big.seconds - alone.seconds, 1e-3);
  console.log(
    `cli classify: start-up ${alone.seconds.toFixed(2)} s; ${big.lines} lines in ${big.seconds.toFixed(2)} s wall = ${Math.round(
      streaming,
    ).toLocaleString("en")} lines/s after start-up`,
  );
}
