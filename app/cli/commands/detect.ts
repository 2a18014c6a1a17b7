/**
 * `detect NUMBER…` and `detect -` (contract §4): one JSON line per number. Bulk input (tens of
 * thousands of lines) is answered in batches so stdout sees a few large writes, not one per line.
 * `--platform` and `--origin` pass the ranking context the detector accepts.
 */
import { z } from "zod";
import { detectNumber } from "../../carriers/numbers/detect.ts";
import type { DetectContext } from "../../carriers/numbers/types.ts";
import { PLATFORMS } from "../../../machines/vocabulary.ts";
import { UsageError, type CliCommand } from "../io.ts";

const USAGE = "give one or more tracking numbers (detect LP00123456789012 RR123456785CN), or - to read them from standard input, one per line";
const BATCH_LINES = 2000;

const OptionsSchema = z.object({
  platform: z.enum(PLATFORMS, { message: `--platform must be one of ${PLATFORMS.join(", ")}` }).optional(),
  originCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "--origin must be a two-letter country code such as CN")
    .transform((code) => code.toUpperCase())
    .optional(),
});

interface ParsedArgs {
  numbers: string[];
  readStdin: boolean;
  context: DetectContext;
}

function parseArgs(args: string[]): ParsedArgs {
  const numbers: string[] = [];
  const raw: { platform?: string; originCountry?: string } = {};
  let readStdin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") ? arg.split("=", 2) : [arg, undefined];
    if (flag === "--platform" || flag === "--origin") {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (flag === "--platform") raw.platform = value;
      else raw.originCountry = value;
    } else if (arg === "-") {
      readStdin = true;
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${flag}; detect takes --platform and --origin`);
    } else {
      numbers.push(arg);
    }
  }
  const parsed = OptionsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("; "));
  return { numbers, readStdin, context: parsed.data };
}

export const detect: CliCommand = async (args, io) => {
  const { numbers, readStdin, context } = parseArgs(args);
  if (numbers.length === 0 && !readStdin) throw new UsageError(USAGE);

  const out: string[] = [];
  const flush = () => {
    if (out.length === 0) return;
    io.write(out.join("\n") + "\n");
    out.length = 0;
  };
  const answer = (number: string) => {
    out.push(JSON.stringify(detectNumber(number, context)));
    if (out.length >= BATCH_LINES) flush();
  };

  for (const number of numbers) answer(number);
  if (readStdin) {
    const text = await io.readStdin();
    if (numbers.length === 0 && text.trim() === "") {
      throw new UsageError("standard input has no tracking numbers; give one per line");
    }
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      if (line.trim() !== "") answer(line);
      start = end + 1;
    }
  }
  flush();
};
