import { classifyEvent } from "../../carriers/events/classify.ts";
import { UsageError, type CliCommand } from "../io.ts";

/**
 * `classify`: event texts on standard input, one per line; one JSON line out per line in
 * (CONTRACT.md §4), blank lines included, so outputs line up with inputs. Output is written in
 * batches: one write per line would dominate the run time on large inputs.
 */
export const classify: CliCommand = async (args, io) => {
  if (args.length > 0) {
    throw new UsageError(`classify takes no arguments (got "${args[0]}"); pipe event texts in, one per line`);
  }
  const input = await io.readStdin();
  if (input === "") return;
  const lines = input.split("\n");
  if (lines[lines.length - 1] === "") lines.pop(); // the final newline ends the last line, it does not start one
  const batch: string[] = [];
  for (const raw of lines) {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const { milestone, confidence } = classifyEvent(text);
    // Same bytes as JSON.stringify({ text, milestone, confidence }) (milestone is a plain contract
    // word, confidence a number), without building and walking an object per line.
    batch.push(`{"text":${JSON.stringify(text)},"milestone":"${milestone}","confidence":${confidence}}`);
    if (batch.length === 4096) {
      io.write(batch.join("\n") + "\n");
      batch.length = 0;
    }
  }
  if (batch.length > 0) io.write(batch.join("\n") + "\n");
};
