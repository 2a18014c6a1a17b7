import { stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { renderPacket } from "../../../templates/packet/render-packet.server.ts";
import { UsageError, writeJsonLine, type CliCommand } from "../io.ts";
import { readOrderForDocuments } from "./letter.ts";

function parseArgs(args: string[]): { file: string | undefined; out: string } {
  let file: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--out") {
      out = args[++i];
      if (!out) throw new UsageError("--out needs a path, e.g. --out packet.pdf");
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
    } else if (arg.startsWith("--") ) {
      throw new UsageError(`unknown option "${arg}": usage is packet FILE|- --out PATH`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}": usage is packet FILE|- --out PATH`);
    }
  }
  if (!out) throw new UsageError("missing --out PATH: where to write the PDF, e.g. --out packet.pdf");
  return { file, out };
}

/** `packet FILE|- --out PATH`: writes the evidence packet PDF and prints {"path", "pages", "bytes"}. */
export const packet: CliCommand = async (args, io) => {
  const { file, out } = parseArgs(args);
  const path = resolve(out);
  const target = await stat(path).catch(() => null);
  if (target?.isDirectory()) throw new UsageError(`${out} is a folder; give a file path such as ${out.replace(/\/$/, "")}/packet.pdf`);
  const { facts, assessment, now } = await readOrderForDocuments(file, io);
  const { bytes, pages } = await renderPacket(facts, assessment, now);
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
  }
  writeJsonLine(io, { path, pages, bytes: bytes.byteLength });
};
