/**
 * The only module that imports pdf-lib (DESIGN.md): lays out a PacketContent on A4 pages. It trusts
 * its input: images arrive decoded and re-encoded (prepare-images.server.ts), text is made drawable
 * here against the embedded fonts' coverage.
 */
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument as PdfDocument, PDFFont, PDFPage } from "pdf-lib";
import pdfLib from "pdf-lib/dist/pdf-lib.min.js";
import type { Block, PacketContent } from "./packet-content.ts";
import { coverageOf, drawableText, loadFontFiles, subsetFonts, type Coverage, type FontRole } from "./packet-fonts.server.ts";
import type { PreparedImage } from "./prepared-image.ts";

const { PDFDocument, rgb } = pdfLib;

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = 48;
const FOOTER_SPACE = 34;
const CONTENT_WIDTH = PAGE[0] - 2 * MARGIN;
const TOP = PAGE[1] - MARGIN;
const BOTTOM = MARGIN + FOOTER_SPACE - 14;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const RULE = rgb(0.75, 0.75, 0.78);
const SHADE = rgb(0.93, 0.93, 0.95);

interface Style {
  size: number;
  lineHeight: number;
  bold: boolean;
  color?: ReturnType<typeof rgb>;
}
const TITLE: Style = { size: 18, lineHeight: 23, bold: true };
const HEADING: Style = { size: 13, lineHeight: 17, bold: true };
const BODY: Style = { size: 10, lineHeight: 13.5, bold: false };
const EMPHASIS: Style = { size: 10.5, lineHeight: 14.5, bold: false };
const LABEL: Style = { size: 9.5, lineHeight: 13, bold: true, color: MUTED };
const CELL: Style = { size: 7.5, lineHeight: 9.6, bold: false };
const CELL_HEAD: Style = { size: 7.5, lineHeight: 9.6, bold: true };
const FOOTER: Style = { size: 7, lineHeight: 9, bold: false, color: MUTED };
const CELL_PAD = 3;
/** The smallest a photo is drawn: its caption moves to the next page rather than sit above a sliver. */
const MIN_IMAGE = 180;

// A CJK character may break anywhere; other scripts break at spaces.
const TOKEN =
  /\n| +|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]|[^\n \p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]+/gu;

class Typesetter {
  private widths = new Map<string, number>();
  constructor(
    private fonts: Record<FontRole, PDFFont | null>,
    private coverage: Coverage,
  ) {}

  private roleOf(ch: string, bold: boolean): FontRole {
    // drawableText has already replaced what no font covers; the fallback is for its markers.
    return this.coverage.fontFor(ch.codePointAt(0)!, bold) ?? (bold ? "bold" : "regular");
  }

  runs(text: string, bold: boolean): Array<{ font: PDFFont; text: string }> {
    const out: Array<{ font: PDFFont; text: string; role: FontRole }> = [];
    for (const ch of text) {
      const role = this.roleOf(ch, bold);
      const last = out[out.length - 1];
      if (last && last.role === role) last.text += ch;
      else out.push({ role, text: ch, font: this.fonts[role] ?? this.fonts.regular! });
    }
    return out;
  }

  width(text: string, style: Style): number {
    let total = 0;
    for (const ch of text) {
      const key = (style.bold ? "b" : "r") + ch;
      let w = this.widths.get(key);
      if (w === undefined) {
        const role = this.roleOf(ch, style.bold);
        const font = this.fonts[role] ?? this.fonts.regular!;
        w = font.widthOfTextAtSize(ch, 1000) / 1000;
        this.widths.set(key, w);
      }
      total += w;
    }
    return total * style.size;
  }

  /** Lines no wider than `max`; a word wider than a line is broken between characters. */
  wrap(text: string, style: Style, max: number): string[] {
    const lines: string[] = [];
    let line = "";
    let pendingSpace = false;
    const push = () => {
      lines.push(line);
      line = "";
      pendingSpace = false;
    };
    for (const token of text.match(TOKEN) ?? []) {
      if (token === "\n") {
        push();
        continue;
      }
      if (token.startsWith(" ")) {
        pendingSpace = line.length > 0;
        continue;
      }
      const candidate = line + (pendingSpace ? " " : "") + token;
      if (this.width(candidate, style) <= max) {
        line = candidate;
        pendingSpace = false;
        continue;
      }
      if (line) push();
      if (this.width(token, style) <= max) {
        line = token;
        continue;
      }
      for (const ch of token) {
        if (line && this.width(line + ch, style) > max) push();
        line += ch;
      }
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }

  draw(page: PDFPage, text: string, x: number, y: number, style: Style): void {
    let cursor = x;
    for (const run of this.runs(text, style.bold)) {
      page.drawText(run.text, { x: cursor, y, size: style.size, font: run.font, color: style.color ?? INK });
      cursor += this.width(run.text, style);
    }
  }
}

/**
 * A row must fit on one page (rows never split), so a cell or value longer than a page keeps what
 * fits and says how much was cut; `reserve` lines are left for a repeated table header.
 */
function fitPage(lines: string[], style: Style, wrap: (text: string) => string[], reserve = 0): string[] {
  const max = Math.floor((TOP - BOTTOM) / style.lineHeight) - 1 - reserve;
  if (lines.length <= max) return lines;
  const marker = (kept: number) => wrap(`[… ${lines.length - kept} more lines not shown]`);
  const kept = max - marker(max).length;
  return [...lines.slice(0, kept), ...marker(kept)];
}

class Layout {
  page!: PDFPage;
  y = TOP;
  private fresh = true;
  constructor(
    private doc: PdfDocument,
    private type: Typesetter,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = TOP;
    this.fresh = true;
  }

  /** Starts a new page unless `height` still fits on this one. */
  room(height: number): void {
    if (this.y - height < BOTTOM && !this.fresh) this.newPage();
  }

  text(text: string, style: Style, x = MARGIN, width = CONTENT_WIDTH): void {
    for (const line of this.type.wrap(text, style, width)) {
      this.room(style.lineHeight);
      this.y -= style.lineHeight;
      this.type.draw(this.page, line, x, this.y + style.lineHeight * 0.25, style);
      this.fresh = false;
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  facts(rows: Array<[string, string]>): void {
    const labelWidth = 150;
    for (const [label, value] of rows) {
      const wrapLabel = (text: string) => this.type.wrap(text, LABEL, labelWidth - 8);
      const wrapValue = (text: string) => this.type.wrap(text, BODY, CONTENT_WIDTH - labelWidth);
      const labelLines = fitPage(wrapLabel(label), LABEL, wrapLabel);
      const valueLines = fitPage(wrapValue(value), BODY, wrapValue);
      const height = Math.max(labelLines.length * LABEL.lineHeight, valueLines.length * BODY.lineHeight) + 3;
      this.room(height);
      const top = this.y;
      labelLines.forEach((l, i) => this.type.draw(this.page, l, MARGIN, top - (i + 1) * LABEL.lineHeight + 3.5, LABEL));
      valueLines.forEach((l, i) => this.type.draw(this.page, l, MARGIN + labelWidth, top - (i + 1) * BODY.lineHeight + 3.5, BODY));
      this.y = top - height;
      this.fresh = false;
    }
  }

  table(columns: Array<{ title: string; width: number }>, rows: string[][]): void {
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const cellLines = (cells: string[], style: Style) =>
      cells.map((c, i) => {
        const wrap = (text: string) => this.type.wrap(text, style, widths[i] - 2 * CELL_PAD);
        return fitPage(wrap(c), style, wrap, 3);
      });
    const heightOf = (lines: string[][], style: Style) => Math.max(...lines.map((l) => l.length)) * style.lineHeight + 2 * CELL_PAD;
    const header = cellLines(
      columns.map((c) => c.title),
      CELL_HEAD,
    );
    const headerHeight = heightOf(header, CELL_HEAD);

    const drawRow = (lines: string[][], style: Style, height: number, shaded: boolean) => {
      const top = this.y;
      if (shaded) this.page.drawRectangle({ x: MARGIN, y: top - height, width: CONTENT_WIDTH, height, color: SHADE });
      let x = MARGIN;
      lines.forEach((cell, i) => {
        cell.forEach((l, j) => this.type.draw(this.page, l, x + CELL_PAD, top - CELL_PAD - (j + 1) * style.lineHeight + 2.5, style));
        x += widths[i];
      });
      this.page.drawLine({ start: { x: MARGIN, y: top - height }, end: { x: MARGIN + CONTENT_WIDTH, y: top - height }, thickness: 0.4, color: RULE });
      this.y = top - height;
      this.fresh = false;
    };

    // Long tables flow over pages, repeating the header on each; a header never ends a page alone.
    const first = rows.length ? heightOf(cellLines(rows[0], CELL), CELL) : 0;
    this.room(headerHeight + first);
    drawRow(header, CELL_HEAD, headerHeight, true);
    for (const row of rows) {
      const lines = cellLines(row, CELL);
      const height = heightOf(lines, CELL);
      if (this.y - height < BOTTOM) {
        this.newPage();
        drawRow(header, CELL_HEAD, headerHeight, true);
      }
      drawRow(lines, CELL, height, false);
    }
  }

  /**
   * The height of what must follow a heading on the same page: the first lines of a paragraph,
   * the first facts row, a table's header with its first row, a photo's caption with the photo.
   * A heading is never left alone at the bottom of a page (issue 13).
   */
  leadHeight(block: Block | undefined): number {
    if (!block) return 0;
    switch (block.kind) {
      case "paragraph": {
        const style = block.emphasis ? EMPHASIS : BODY;
        return Math.min(this.type.wrap(block.text, style, CONTENT_WIDTH).length, 4) * style.lineHeight;
      }
      case "facts": {
        const first = block.rows[0];
        if (!first) return 0;
        const label = this.type.wrap(first[0], LABEL, 150 - 8).length * LABEL.lineHeight;
        const value = this.type.wrap(first[1], BODY, CONTENT_WIDTH - 150).length * BODY.lineHeight;
        return Math.min(Math.max(label, value), TOP - BOTTOM - 80) + 3;
      }
      case "table": {
        const widths = block.columns.map((c) => c.width * CONTENT_WIDTH);
        const rowHeight = (cells: string[], style: Style) =>
          Math.max(...cells.map((c, i) => this.type.wrap(c, style, widths[i] - 2 * CELL_PAD).length)) * style.lineHeight + 2 * CELL_PAD;
        const first = block.rows[0] ? rowHeight(block.rows[0], CELL) : 0;
        return Math.min(
          rowHeight(
            block.columns.map((c) => c.title),
            CELL_HEAD,
          ) + first,
          TOP - BOTTOM - 80,
        );
      }
      case "image":
        return this.captionHeight(block.caption) + MIN_IMAGE;
      default:
        return 0;
    }
  }

  private captionHeight(caption: string[]): number {
    return caption.reduce((h, c) => h + this.type.wrap(c, BODY, CONTENT_WIDTH).length * BODY.lineHeight, 0);
  }

  /** A heading (or title) and the start of what follows it, on one page. */
  heading(text: string, style: Style, next: Block | undefined, before: number, after: number): void {
    this.gap(before);
    const own = this.type.wrap(text, style, CONTENT_WIDTH).length * style.lineHeight;
    this.room(own + after + this.leadHeight(next));
    this.text(text, style);
    this.gap(after);
  }

  async image(image: PreparedImage, caption: string[]): Promise<void> {
    const captionHeight = this.captionHeight(caption);
    const minImage = MIN_IMAGE;
    this.room(captionHeight + minImage);
    for (const c of caption) this.text(c, BODY);
    this.gap(6);
    const maxHeight = this.y - BOTTOM - 6;
    const scale = Math.min(CONTENT_WIDTH / image.width, maxHeight / image.height, 1);
    const w = image.width * scale;
    const h = image.height * scale;
    const embedded = await this.doc.embedJpg(image.jpeg);
    this.page.drawImage(embedded, { x: MARGIN, y: this.y - h, width: w, height: h });
    this.page.drawRectangle({ x: MARGIN, y: this.y - h, width: w, height: h, borderColor: RULE, borderWidth: 0.5 });
    this.y -= h + 14;
    this.fresh = false;
  }
}

function stylesOf(block: Block): Array<{ text: string; bold: boolean }> {
  switch (block.kind) {
    case "title":
    case "heading":
      return [{ text: block.text, bold: true }];
    case "paragraph":
      return [{ text: block.text, bold: false }];
    case "facts":
      return block.rows.flatMap(([l, v]) => [
        { text: l, bold: true },
        { text: v, bold: false },
      ]);
    case "table":
      return [...block.columns.map((c) => ({ text: c.title, bold: true })), ...block.rows.flat().map((text) => ({ text, bold: false }))];
    case "image":
      return block.caption.map((text) => ({ text, bold: false }));
    case "page-break":
      return [];
  }
}

/** Every string of the content made drawable with these fonts (markers for what none can draw). */
function drawableContent(content: PacketContent, coverage: Coverage): PacketContent {
  const d = (text: string, bold = false) => drawableText(text, coverage, bold);
  const blocks = content.blocks.map((b): Block => {
    switch (b.kind) {
      case "title":
      case "heading":
        return { ...b, text: d(b.text, true) };
      case "paragraph":
        return { ...b, text: d(b.text) };
      case "facts":
        return { ...b, rows: b.rows.map(([l, v]): [string, string] => [d(l, true), d(v)]) };
      case "table":
        return { ...b, columns: b.columns.map((c) => ({ ...c, title: d(c.title, true) })), rows: b.rows.map((r) => r.map((c) => d(c))) };
      case "image":
        return { ...b, caption: b.caption.map((c) => d(c)) };
      case "page-break":
        return b;
    }
  });
  return { ...content, title: d(content.title), footer: d(content.footer), blocks };
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
}

export async function drawPacketPdf(input: PacketContent, images: ReadonlyArray<PreparedImage | null>, now: string): Promise<RenderedPdf> {
  const files = await loadFontFiles();
  const coverage = coverageOf(files);
  const content = drawableContent(input, coverage);

  // Layout adds text of its own (page numbers, cut markers): its alphabet is always embedded.
  const ALWAYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 []()…·,.:;-";
  const used: Record<FontRole, Set<string>> = { regular: new Set(ALWAYS), bold: new Set(ALWAYS), cjk: new Set() };
  const note = (text: string, bold: boolean) => {
    for (const ch of text) {
      const role = coverage.fontFor(ch.codePointAt(0)!, bold);
      if (role) used[role].add(ch);
    }
  };
  for (const block of content.blocks) for (const s of stylesOf(block)) note(s.text, s.bold);
  note(content.footer, false);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const subsets = await subsetFonts(files, used);
  const fonts: Record<FontRole, PDFFont | null> = { regular: null, bold: null, cjk: null };
  for (const role of Object.keys(subsets) as FontRole[]) {
    const bytes = subsets[role];
    // Already subset by HarfBuzz: pdf-lib embeds it as it is.
    if (bytes) fonts[role] = await doc.embedFont(bytes, { subset: false });
  }

  const type = new Typesetter(fonts, coverage);
  const layout = new Layout(doc, type);
  for (const [index, block] of content.blocks.entries()) {
    const next = content.blocks[index + 1];
    switch (block.kind) {
      case "title":
        layout.heading(block.text, TITLE, next, 0, 6);
        break;
      case "heading":
        layout.heading(block.text, HEADING, next, 12, 4);
        break;
      case "paragraph":
        layout.text(block.text, block.emphasis ? EMPHASIS : BODY);
        layout.gap(6);
        break;
      case "facts":
        layout.facts(block.rows);
        layout.gap(4);
        break;
      case "table":
        layout.table(block.columns, block.rows);
        layout.gap(8);
        break;
      case "image": {
        const image = images[block.ref];
        if (image) await layout.image(image, block.caption);
        break;
      }
      case "page-break":
        layout.newPage();
        break;
    }
  }

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const number = `Page ${i + 1} of ${pages.length}`;
    const room = CONTENT_WIDTH - type.width(number, FOOTER) - 16;
    let footer = content.footer;
    while (footer.length > 1 && type.width(footer, FOOTER) > room) footer = Array.from(footer).slice(0, -2).join("") + "…";
    page.drawLine({ start: { x: MARGIN, y: MARGIN + 12 }, end: { x: PAGE[0] - MARGIN, y: MARGIN + 12 }, thickness: 0.4, color: RULE });
    type.draw(page, footer, MARGIN, MARGIN, FOOTER);
    type.draw(page, number, PAGE[0] - MARGIN - type.width(number, FOOTER), MARGIN, FOOTER);
  });

  // Fixed metadata: the same input and `now` give the same document.
  const at = new Date(now);
  doc.setTitle(content.title);
  doc.setProducer("ClaimTrail");
  doc.setCreator("ClaimTrail");
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const bytes = await doc.save();
  return { bytes, pages: pages.length };
}
