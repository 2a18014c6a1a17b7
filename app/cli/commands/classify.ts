import { classifyEventAt } from "../../carriers/events/classify.ts";
import { UsageError, type CliCommand } from "../io.ts";

/** Lines per write: one write per line would dominate the run time on large inputs. */
const BATCH = 4096;

/**
 * `classify`: event texts on standard input, one per line; one JSON line out per line in
 * (CONTRACT.md §4), blank lines included, so outputs line up with inputs. Each line is classified
 * where it lies in the input (no split into line strings first), and the JSON is written directly:
 * the same bytes as JSON.stringify({ text, milestone, confidence }), since milestone is a plain
 * contract word and confidence a number.
 */
export const classify: CliCommand = async (args, io) => {
  if (args.length > 0) {
    throw new UsageError(`classify takes no arguments (got "${args[0]}"); pipe event texts in, one per line`);
  }
  const input = await io.readStdin();
  const batch: string[] = [];
  let lineStart = 0;
  // The final newline ends the last line; it does not start an empty one.
  while (lineStart < input.length) {
    let next = input.indexOf("\n", lineStart);
    if (next < 0) next = input.length;
    const lineEnd = next > lineStart && input.charCodeAt(next - 1) === 13 ? next - 1 : next; // drop a CR of CRLF
    const { milestone, confidence } = classifyEventAt(input, lineStart, lineEnd);
    batch.push(`{"text":${JSON.stringify(input.slice(lineStart, lineEnd))},"milestone":"${milestone}","confidence":${confidence}}`);
    if (batch.length === BATCH) {
      io.write(batch.join("\n") + "\n");
      batch.length = 0;
    }
    lineStart = next + 1;
  }
  if (batch.length > 0) io.write(batch.join("\n") + "\n");
};
