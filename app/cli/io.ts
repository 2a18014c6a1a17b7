/**
 * The command line's contract with the outside world (../shared/CONTRACT.md §4): JSON on stdout,
 * one-line JSON errors on stderr with exit status 2, never a stack trace.
 */

/** An error whose message is meant for the person at the terminal. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface CliIo {
  /** Reads all of standard input as UTF-8 text. */
  readStdin(): Promise<string>;
  /** Writes text to standard output (no newline added). */
  write(text: string): void;
  /** The clock, read once at the edge (DESIGN.md principle 2). */
  now(): Date;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<void>;

export function writeJsonLine(io: CliIo, value: unknown): void {
  io.write(JSON.stringify(value) + "\n");
}

/** Reads FILE, or standard input when FILE is "-"; a missing argument is a usage error. */
export async function readInputArg(arg: string | undefined, io: CliIo, what: string): Promise<string> {
  if (!arg) throw new UsageError(`missing ${what}: give a file path, or - to read standard input`);
  if (arg === "-") return io.readStdin();
  const { readFile } = await import("node:fs/promises");
  try {
    return await readFile(arg, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`file not found: ${arg}`);
    if (code === "EISDIR") throw new UsageError(`${arg} is a folder; give a JSON file`);
    throw new UsageError(`cannot read ${arg}: ${(error as Error).message}`);
  }
}

/** Parses JSON, turning a syntax error into a message that says where the problem is. */
export function parseJsonInput(text: string, what: string): unknown {
  if (text.trim() === "") throw new UsageError(`${what} is empty; expected a JSON object`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}
