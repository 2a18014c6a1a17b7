/**
 * Reads the labelled carrier-event corpus (tests/fixtures/carrier-events/*.json, format in
 * tests/fixtures/carrier-events/README.md) for the training, evaluation and report scripts and for
 * the tests. Tooling, not run-time code: the classifier itself never reads these files (its weights
 * are compiled data, model/weights.json), hence `.server.ts` and the file-system access here.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { MILESTONES, type Milestone } from "../../../../machines/vocabulary.ts";

export const DEFAULT_CORPUS_DIR = resolve(import.meta.dirname, "../../../../tests/fixtures/carrier-events");

const LEGACY = /^legacy-/;

export const CorpusLineSchema = z
  .object({
    text: z.string().refine((t) => t.trim() === t && t.length > 0, "text must be non-empty and trimmed"),
    milestone: z.enum(MILESTONES),
    lang: z.string().regex(/^[a-z]{2}$/, "lang must be an ISO 639-1 code"),
  })
  .strict();

export const CorpusSourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id must be kebab-case"),
    title: z.string().min(3),
    kind: z.enum(["repository", "api-docs", "web-page"]),
    repository: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/)
      .optional(),
    path: z.string().min(1).optional(),
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .optional(),
    url: z.string().url().optional(),
    retrieved: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((source, ctx) => {
    // Legacy fixtures predate the format: their origin was often recorded as a search-index id
    // without repository, path or commit. They say so in `notes`; new files must cite fully.
    if (LEGACY.test(source.id)) {
      if (!source.notes?.includes("legacy fixture"))
        ctx.addIssue({
          code: "custom",
          message: "a legacy-* source says so in notes",
        });
      return;
    }
    if (!source.retrieved) ctx.addIssue({ code: "custom", message: "retrieved is required" });
    if (source.kind === "repository") {
      for (const key of ["repository", "path", "commit"] as const)
        if (!source[key])
          ctx.addIssue({
            code: "custom",
            message: `kind repository needs ${key}`,
          });
    } else if (!source.url)
      ctx.addIssue({
        code: "custom",
        message: `kind ${source.kind} needs url`,
      });
  });

export const CorpusFileSchema = z
  .object({
    source: CorpusSourceSchema,
    lines: z.array(CorpusLineSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const line of file.lines) {
      if (seen.has(line.text))
        ctx.addIssue({
          code: "custom",
          message: `duplicate line ${JSON.stringify(line.text)}`,
        });
      seen.add(line.text);
    }
  });

export type CorpusSource = z.infer<typeof CorpusSourceSchema>;
export interface CorpusLine {
  text: string;
  milestone: Milestone;
  lang: string;
  /** The source id the line is kept under after de-duplication. */
  source: string;
}
export interface Corpus {
  sources: CorpusSource[];
  lines: CorpusLine[];
  /** Lines dropped because the same text was already kept under another source. */
  duplicates: {
    text: string;
    keptIn: string;
    droppedFrom: string;
    sameMilestone: boolean;
  }[];
  files: string[];
}

/**
 * Every corpus file of the given directories (sorted by name), validated. Throws on an invalid
 * file, unless `skipInvalid` (for measuring on directories still being written), which reports it.
 */
export function readCorpusFiles(
  dirs: readonly string[] = [DEFAULT_CORPUS_DIR],
  skipInvalid?: (file: string, problem: string) => void,
): {
  file: string;
  source: CorpusSource;
  lines: z.infer<typeof CorpusLineSchema>[];
}[] {
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => join(dir, name)),
  );
  // Sorted by file name (not directory) so the result does not depend on how the directories were listed.
  files.sort((a, b) => basename(a).localeCompare(basename(b), "en") || a.localeCompare(b, "en"));
  const ids = new Map<string, string>();
  const result: {
    file: string;
    source: CorpusSource;
    lines: z.infer<typeof CorpusLineSchema>[];
  }[] = [];
  for (const file of files) {
    const problem = (message: string) => {
      if (!skipInvalid) throw new Error(`${file}: ${message}`);
      skipInvalid(file, message);
    };
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      problem(`not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = CorpusFileSchema.safeParse(json);
    if (!parsed.success) {
      problem(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
      continue;
    }
    const { source, lines } = parsed.data;
    if (basename(file) !== `${source.id}.json`) {
      problem(`file name must be ${source.id}.json`);
      continue;
    }
    const other = ids.get(source.id);
    if (other !== undefined) {
      problem(`source id ${source.id} also in ${other}`);
      continue;
    }
    ids.set(source.id, file);
    result.push({ file, source, lines });
  }
  return result;
}

/**
 * The corpus with each text kept once. A text found in several sources would otherwise sit on both
 * sides of a leave-one-source-out split; the first source in file-name order keeps it (so
 * `legacy-*` files, which sort first, keep the lines the phrase tables were tuned on, and the held-out
 * figures for newer sources count only wording the tables never saw). Texts are compared exactly
 * after trimming (case and accents matter: they are different wording).
 */
export function loadCorpus(dirs: readonly string[] = [DEFAULT_CORPUS_DIR], skipInvalid?: (file: string, problem: string) => void): Corpus {
  const read = readCorpusFiles(dirs, skipInvalid);
  const keptBy = new Map<string, CorpusLine>();
  const duplicates: Corpus["duplicates"] = [];
  const lines: CorpusLine[] = [];
  for (const { source, lines: fileLines } of read) {
    for (const line of fileLines) {
      const kept = keptBy.get(line.text);
      if (kept) {
        duplicates.push({
          text: line.text,
          keptIn: kept.source,
          droppedFrom: source.id,
          sameMilestone: kept.milestone === line.milestone,
        });
        continue;
      }
      const entry = {
        text: line.text,
        milestone: line.milestone,
        lang: line.lang,
        source: source.id,
      };
      keptBy.set(line.text, entry);
      lines.push(entry);
    }
  }
  return {
    sources: read.map((r) => r.source),
    lines,
    duplicates,
    files: read.map((r) => r.file),
  };
}

/** What the model was trained on, as one hash (recorded in weights.json; independent of file order). */
export function corpusFingerprint(corpus: Corpus): string {
  const hash = createHash("sha256");
  for (const line of [...corpus.lines].sort((a, b) => (a.source + "\t" + a.text < b.source + "\t" + b.text ? -1 : 1))) {
    hash.update(`${line.source}\t${line.text}\t${line.milestone}\t${line.lang}\n`);
  }
  return hash.digest("hex");
}

/** For scripts: `--skip-invalid` reports invalid files on stderr and goes on without them. */
export function loadCorpusFromArgs(args: readonly string[]): Corpus {
  const skip = args.includes("--skip-invalid") ? (file: string, problem: string) => console.error(`skipped ${file}: ${problem}`) : undefined;
  return loadCorpus(corpusDirsFromArgs(args), skip);
}

/** `--corpus DIR` (repeatable) from a script's arguments; the repository's corpus when none is given. */
export function corpusDirsFromArgs(args: readonly string[]): string[] {
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--corpus" && args[i + 1]) dirs.push(resolve(args[++i]));
    else if (args[i].startsWith("--corpus=")) dirs.push(resolve(args[i].slice("--corpus=".length)));
  }
  return dirs.length > 0 ? dirs : [DEFAULT_CORPUS_DIR];
}

function basename(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}
