/** Download file names: any name the buyer typed gives a valid header that browsers decode back. */
import fc from "fast-check";
import { parse } from "content-disposition";
import { describe, expect, it } from "vitest";
import { asciiFallback, contentDispositionFor, safeDownloadName } from "../../../app/documents/download-headers.server.ts";

describe("contentDispositionFor", () => {
  it.each([
    ["蓝牙耳机 - letter to the seller.txt", "letter to the seller.txt"],
    ["Ёлка.jpg", "download.jpg"],
    ["Café crème.pdf", "Cafe creme.pdf"],
    ["plain.txt", "plain.txt"],
  ])("writes %s as UTF-8 filename* with the ASCII fallback %s", (name, fallback) => {
    const header = contentDispositionFor(name);
    const parsed = parse(header);
    expect(parsed.type).toBe("attachment");
    expect(parsed.parameters.filename).toBe(name);
    expect(/filename="?([^";]*)"?(;|$)/.exec(header)?.[1]).toBe(fallback);
  });

  it("never puts a quote, a line break or a path in the header", () => {
    const header = contentDispositionFor('../../etc/"passwd"\r\nSet-Cookie: a=b.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(parse(header).parameters.filename).toBe(".. .. etc passwd Set-Cookie a=b.txt");
  });

  it("gives a header the Fetch API accepts for any string, decoding to the cleaned name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (name) => {
        const header = contentDispositionFor(name);
        expect(() => new Headers({ "Content-Disposition": header })).not.toThrow();
        expect(header).toMatch(/^[\x20-\x7e]+$/);
        expect(parse(header).parameters.filename).toBe(safeDownloadName(name));
      }),
      { numRuns: 150 },
    );
  });

  it("shortens a very long name but keeps its extension", () => {
    const name = safeDownloadName(`${"很长的名字".repeat(60)}.pdf`);
    expect(Array.from(name).length).toBeLessThanOrEqual(150);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(asciiFallback("名字.pdf")).toBe("download.pdf");
  });
});
