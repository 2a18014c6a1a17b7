/** What a file is comes from its bytes, and a refused file is named for what it really is. */
import { describe, expect, it } from "vitest";
import { describeRefusedKind, detectKind } from "../../../app/evidence/file-kinds.ts";
import { downloadNameFor } from "../../../app/evidence/evidence-view.ts";
import { heicHeader, jpegWithGps, png, tinyPdf } from "../../factories/evidence-files.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("detectKind", () => {
  it("recognises the accepted kinds from their signatures", async () => {
    expect(detectKind(await jpegWithGps())?.kind).toBe("jpeg");
    expect(detectKind(await png())?.kind).toBe("png");
    expect(detectKind(tinyPdf())?.kind).toBe("pdf");
    expect(detectKind(heicHeader())?.kind).toBe("heic");
    expect(detectKind(bytes("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))?.kind).toBe("webp");
  });

  it("refuses, and names, what only pretends to be an image", () => {
    for (const [content, label] of [
      ["GIF89a....", "GIF image"],
      ["<!DOCTYPE html><html>", "web page (HTML)"],
      ['<?xml version="1.0"?><svg>', "SVG or XML document"],
      ["PK\u0003\u0004 zip", "ZIP archive or Office document"],
      ["MZ\u0090\u0000", "program (executable)"],
      ["RIFF\u0000\u0000\u0000\u0000AVI LIST", null],
      ["hello", null],
    ] as const) {
      expect(detectKind(bytes(content)), content).toBeNull();
      expect(describeRefusedKind(bytes(content)), content).toBe(label);
    }
  });
});

describe("downloadNameFor", () => {
  it("keeps a name that matches the type and adds the real extension to one that does not", () => {
    expect(downloadNameFor("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(downloadNameFor("shot.jpg", "image/png")).toBe("shot.jpg.png");
    expect(downloadNameFor("receipt", "application/pdf")).toBe("receipt.pdf");
  });
});
