import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Reloads PDF bytes with poppler (as a bank's or marketplace's tools would) and returns what it reads. */
export function readPdf(bytes: Uint8Array): { text: string; pages: string[]; pageCount: number; images: number } {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-pdf-"));
  try {
    const file = join(dir, "packet.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const list = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
    return { text, pages: text.split("\f").slice(0, pageCount), pageCount, images: list.trim().split("\n").length - 2 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext breaks lines where the layout wraps them; compare text with whitespace folded. */
export const folded = (text: string) => text.replace(/\s+/g, " ");

/** Each page's lines top to bottom as laid out (pdftotext -layout), for checks about page ends. */
export function layoutPages(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-pdf-"));
  try {
    const file = join(dir, "packet.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return text
      .split("\f")
      .map((page) =>
        page
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .filter((lines) => lines.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
