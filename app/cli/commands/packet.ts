import { readFile, stat, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { MAX_IMAGE_BYTES, type EvidenceImage } from "../../../templates/packet/prepare-images.server.ts";
import { renderPacket } from "../../../templates/packet/render-packet.server.ts";
import { UsageError, writeJsonLine, type CliCommand } from "../io.ts";
import { readOrderForDocuments } from "./letter.ts";

const USAGE = "packet FILE|- --out PATH [--image PATH]…";

function parseArgs(args: string[]): { file: string | undefined; out: string; images: string[] } {
  let file: string | undefined;
  let out: string | undefined;
  const images: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--image") {
      const image = args[++i];
      if (!image) throw new UsageError("--image needs a path to a photo or screenshot");
      images.push(image);
    } else if (arg === "--out") {
      out = args[++i];
      if (!out) throw new UsageError("--out needs a path, e.g. --out packet.pdf");
    } else if (arg.startsWith("--out=")) {
      out = arg.slice("--out=".length);
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option "${arg}": usage is ${USAGE}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}": usage is ${USAGE}`);
    }
  }
  if (!out) throw new UsageError("missing --out PATH: where to write the PDF, e.g. --out packet.pdf");
  return { file, out, images };
}

/** Evidence files given on the command line, attached at `now`; sharp decides what is an image. */
async function readImages(paths: string[], now: Date): Promise<EvidenceImage[]> {
  return Promise.all(
    paths.map(async (path) => {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new UsageError(`image not found: ${path}`);
      if (info.size > MAX_IMAGE_BYTES) throw new UsageError(`${path} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
      return { fileName: basename(path), uploadedAt: now.toISOString(), bytes: new Uint8Array(await readFile(path)) };
    }),
  );
}

/**
 * `packet FILE|- --out PATH`: writes the evidence packet PDF and prints {"path", "pages", "bytes"}.
 * `--image PATH` (repeatable, beyond the contract) attaches photos or screenshots.
 */
export const packet: CliCommand = async (args, io) => {
  const { file, out, images: imagePaths } = parseArgs(args);
  const path = resolve(out);
  const target = await stat(path).catch(() => null);
  if (target?.isDirectory()) throw new UsageError(`${out} is a folder; give a file path such as ${out.replace(/\/$/, "")}/packet.pdf`);
  const { facts, assessment, now } = await readOrderForDocuments(file, io);
  const images = await readImages(imagePaths, now);
  const { bytes, pages } = await renderPacket(facts, assessment, now, { images });
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
  }
  writeJsonLine(io, { path, pages, bytes: bytes.byteLength });
};
