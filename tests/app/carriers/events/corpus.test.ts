import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusFileSchema, DEFAULT_CORPUS_DIR, loadCorpus, readCorpusFiles } from "../../../../app/carriers/events/training/corpus.server.ts";

/** The labelled corpus (tests/fixtures/carrier-events) every classifier figure is computed from. */
describe("carrier-event corpus", () => {
  const files = readCorpusFiles();

  it("every file is valid: cited source, contract milestones, ISO language, distinct trimmed lines", () => {
    // readCorpusFiles throws on the first invalid file; this names each file that fails.
    for (const { file } of files) {
      const parsed = CorpusFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      expect(parsed.success ? "" : parsed.error.message, basename(file)).toBe("");
    }
    expect(files.length).toBeGreaterThan(0);
  });

  it("names each file after its source id, and no id twice", () => {
    for (const { file, source } of files) expect(basename(file)).toBe(`${source.id}.json`);
    expect(new Set(files.map((f) => f.source.id)).size).toBe(files.length);
  });

  it("keeps the regrouped legacy fixtures, marked as the lines the phrase tables were tuned on", () => {
    const legacy = files.filter((f) => f.source.id.startsWith("legacy-"));
    expect(legacy.reduce((n, f) => n + f.lines.length, 0)).toBeGreaterThanOrEqual(780);
    for (const f of legacy) expect(f.source.notes).toContain("the phrase tables were tuned on these");
    expect(new Set(legacy.flatMap((f) => f.lines.map((l) => l.lang)))).toEqual(new Set(["en", "zh", "de", "fr", "es", "pt", "nl", "ru", "it", "pl"]));
  });

  it("rejects a line with a milestone outside the contract, and a file repeating a line", () => {
    // A legacy file: it cites no repository, so under a non-legacy id it must be refused.
    const { source, lines } = files.find((f) => f.source.id.startsWith("legacy-"))!;
    expect(
      CorpusFileSchema.safeParse({
        source,
        lines: [{ ...lines[0], milestone: "shipped" }],
      }).success,
    ).toBe(false);
    expect(CorpusFileSchema.safeParse({ source, lines: [lines[0], lines[0]] }).success).toBe(false);
    expect(
      CorpusFileSchema.safeParse({
        source: { ...source, id: "new-source" },
        lines,
      }).success,
    ).toBe(false); // a non-legacy source must cite fully
  });

  it("keeps a text found in two sources once, under the first source in file-name order", () => {
    const dir = mkdtempSync(join(tmpdir(), "corpus-"));
    const [first, second] = files;
    const shared = second.lines[0];
    writeFileSync(join(dir, `${first.source.id}.json`), JSON.stringify({ source: first.source, lines: [...first.lines, shared] }));
    writeFileSync(join(dir, `${second.source.id}.json`), JSON.stringify({ source: second.source, lines: second.lines }));
    const corpus = loadCorpus([dir]);
    expect(corpus.lines.filter((l) => l.text === shared.text).map((l) => l.source)).toEqual([first.source.id]);
    expect(corpus.duplicates).toEqual([
      {
        text: shared.text,
        keptIn: first.source.id,
        droppedFrom: second.source.id,
        sameMilestone: true,
      },
    ]);
  });

  it("reads the repository's directory by default", () => {
    expect(loadCorpus().files.every((f) => f.startsWith(DEFAULT_CORPUS_DIR))).toBe(true);
  });
});
