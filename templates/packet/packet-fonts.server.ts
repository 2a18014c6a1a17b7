import fontkit from "@pdf-lib/fontkit";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import subsetFont from "subset-font";
import { cleanText } from "../document/clean-text.ts";

/**
 * The packet's fonts: Noto Sans (Latin, Greek, Cyrillic, Vietnamese) and Noto Sans SC (Chinese,
 * Japanese kana, full-width forms), OFL, installed from npm so a fresh `npm install` has them.
 * pdf-lib's own subsetter drops outlines of these fonts (the glyphs vanish on screen), so fonts are
 * subset with HarfBuzz (subset-font) to exactly the characters used, then embedded whole.
 */

export type FontRole = "regular" | "bold" | "cjk";
export type FontFiles = Readonly<Record<FontRole, Buffer>>;

const FONT_PATHS: Record<FontRole, string> = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  cjk: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
};

let cachedFiles: Promise<FontFiles> | null = null;

export function loadFontFiles(): Promise<FontFiles> {
  cachedFiles ??= (async () => {
    const require = createRequire(import.meta.url);
    const entries = await Promise.all(
      (Object.keys(FONT_PATHS) as FontRole[]).map(async (role) => [role, await readFile(require.resolve(FONT_PATHS[role]))] as const),
    );
    return Object.fromEntries(entries) as Record<FontRole, Buffer>;
  })();
  return cachedFiles;
}

export interface Coverage {
  /** Which font draws this code point: the Latin face first, the CJK face second, else none. */
  fontFor(codePoint: number, bold: boolean): FontRole | null;
}

const coverages = new WeakMap<FontFiles, Coverage>();

/** Parsing the CJK font's tables takes a while: one Coverage per loaded font set. */
export function coverageOf(files: FontFiles): Coverage {
  let coverage = coverages.get(files);
  if (!coverage) coverages.set(files, (coverage = readCoverage(files)));
  return coverage;
}

function readCoverage(files: FontFiles): Coverage {
  const faces = {
    regular: fontkit.create(files.regular),
    bold: fontkit.create(files.bold),
    cjk: fontkit.create(files.cjk),
  };
  const memo = new Map<number, FontRole | null>();
  return {
    fontFor(codePoint, bold) {
      const key = bold ? -codePoint - 1 : codePoint;
      let role = memo.get(key);
      if (role === undefined) {
        const latin: FontRole = bold ? "bold" : "regular";
        role = faces[latin].hasGlyphForCodePoint(codePoint) ? latin : faces.cjk.hasGlyphForCodePoint(codePoint) ? "cjk" : null;
        memo.set(key, role);
      }
      return role;
    },
  };
}

const SPACE = 0x20;
const hex = (cp: number) => "U+" + cp.toString(16).toUpperCase().padStart(4, "0");
// Presentation hints only; alone they would each become a marker.
const VARIATION_SELECTORS = /[\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/g;

/**
 * Text ready to draw: control characters gone, every space a plain space, and each run of
 * characters no font can draw (Arabic needs shaping pdf-lib lacks; colour emoji) replaced by a
 * visible marker naming the code points, so nothing disappears silently.
 */
export function drawableText(text: string, coverage: Coverage, bold = false): string {
  const cleaned = cleanText(text)
    .normalize("NFC")
    .replace(VARIATION_SELECTORS, "")
    .replace(/[^\S\n]/gu, " ");
  let out = "";
  let missing: number[] = [];
  const flush = () => {
    if (!missing.length) return;
    let trailing = "";
    while (missing.at(-1) === SPACE) {
      missing.pop();
      trailing += " ";
    }
    const shown = missing.filter((cp) => cp !== SPACE);
    out += (shown.length <= 3 ? `[${shown.map(hex).join(" ")}]` : `[${hex(shown[0])}… ${missing.length} characters not shown]`) + trailing;
    missing = [];
  };
  for (const ch of cleaned) {
    const cp = ch.codePointAt(0)!;
    // Spaces inside an undrawable phrase belong to it: one marker per phrase, not one per word.
    if (cp === SPACE && missing.length) {
      missing.push(cp);
      continue;
    }
    if (ch === "\n" || cp === SPACE || coverage.fontFor(cp, bold) !== null) {
      flush();
      out += ch;
    } else {
      missing.push(cp);
    }
  }
  flush();
  return out;
}

/**
 * No layout features: pdf-lib would otherwise draw ligature glyphs ("ﬁ", "ﬃ") that the subset's cmap
 * cannot map back to letters, and `pdftotext` (or a bank's copy-paste) would read "O cial" for
 * "Official". Text is NFC-normalised first, so nothing here needs composing.
 */
const SUBSET_OPTIONS = { targetFormat: "sfnt", keepFeatures: [] } as Parameters<typeof subsetFont>[2];

/** Each font cut down to the characters it will draw; null for a font nothing uses. */
export async function subsetFonts(files: FontFiles, used: Readonly<Record<FontRole, Set<string>>>): Promise<Record<FontRole, Uint8Array | null>> {
  const out = { regular: null, bold: null, cjk: null } as Record<FontRole, Uint8Array | null>;
  for (const role of Object.keys(files) as FontRole[]) {
    const chars = [...used[role]].sort().join("");
    // The space and the marker's characters are always wanted, so a font is never subset to nothing.
    if (chars) out[role] = new Uint8Array(await subsetFont(files[role], chars + " ", SUBSET_OPTIONS));
  }
  return out;
}
