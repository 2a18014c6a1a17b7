/**
 * Tab-separated tables: what a browser puts on the clipboard when a person selects the rows of an
 * HTML table (USPS and Royal Mail history tables, 17TRACK's export, a spreadsheet). Columns are
 * named by a header row when there is one, otherwise told apart by their content.
 */
import { classifyEvent } from "../events/classify.ts";
import { scanDate, scanTimeOnly, type DateToken } from "./date-scan.ts";
import { WEEKDAY_WORDS } from "./date-words.ts";
import { locationOfLine } from "./location.ts";
import type { RawEvent } from "./parse-history.ts";

type Column = "date" | "location" | "text" | "index" | "other";

/** Header cell words per column meaning, in the paste languages. Lower-case, whole cells. */
const HEADER_WORDS: Record<Exclude<Column, "other">, readonly string[]> = {
  // Row numbers ("No.", "#", "序号"): not part of the event.
  index: ["#", "no", "no.", "nr", "nr.", "n°", "nº", "lp", "lp.", "序号", "编号", "№", "n."],
  date: [
    "date",
    "time",
    "date & time",
    "date and time",
    "date/time",
    "datetime",
    "timestamp",
    "datum",
    "zeit",
    "datum/zeit",
    "fecha",
    "hora",
    "fecha y hora",
    "data",
    "heure",
    "date et heure",
    "data e hora",
    "ora",
    "tijd",
    "godzina",
    "data i godzina",
    "дата",
    "время",
    "日期",
    "时间",
    "时间/日期",
    "日期时间",
    "local time",
    "date (local time)",
    "处理时间",
    "更新时间",
    "操作时间",
  ],
  location: [
    "location",
    "place",
    "city",
    "where",
    "ort",
    "standort",
    "lieu",
    "localisation",
    "ubicación",
    "lugar",
    "local",
    "localização",
    "luogo",
    "località",
    "locatie",
    "plaats",
    "miejsce",
    "lokalizacja",
    "место",
    "местоположение",
    "地点",
    "位置",
    "所在地",
  ],
  text: [
    "status",
    "event",
    "events",
    "description",
    "details",
    "detail",
    "activity",
    "tracking event",
    "status description",
    "status of item",
    "update",
    "message",
    "beschreibung",
    "ereignis",
    "statut",
    "événement",
    "evenement",
    "estado",
    "evento",
    "descripción",
    "descrição",
    "descrizione",
    "stato",
    "omschrijving",
    "gebeurtenis",
    "opis",
    "zdarzenie",
    "статус",
    "описание",
    "событие",
    "状态",
    "描述",
    "轨迹",
    "事件",
    "物流信息",
    "跟踪信息",
    // A remarks column goes with the description (it explains the event, it is not a place).
    "remarks",
    "remark",
    "notes",
    "note",
    "comment",
    "comments",
    "备注",
    "说明",
    "bemerkung",
    "hinweis",
    "remarques",
    "observação",
    "observações",
    "observaciones",
    "observación",
    "uwagi",
    "note aggiuntive",
    "примечание",
    "status (en)",
    "status (zh)",
    "处理结果",
    "轨迹描述",
    "物流状态",
    "状态描述",
  ],
};

function headerColumns(cells: readonly string[]): Column[] | null {
  const columns = cells.map((cell): Column => {
    const lower = cell
      .toLowerCase()
      .replace(/[:：]$/u, "")
      .trim();
    for (const [column, words] of Object.entries(HEADER_WORDS) as Array<[Exclude<Column, "other">, readonly string[]]>) {
      if (words.includes(lower)) return column;
    }
    return "other";
  });
  return columns.filter((c) => c !== "other").length >= 2 ? columns : null;
}

const WEEKDAYS = new Set(WEEKDAY_WORDS);

/** "Wed ", "Mittwoch, ": a weekday in front of the date is part of the date cell. */
function onlyWeekday(text: string): boolean {
  const word = text.replace(/[\s,.]/g, "").toLowerCase();
  return word === "" || WEEKDAYS.has(word);
}

/** A cell that is nothing but a date (maybe after its weekday), a time, or both. */
function dateCell(cell: string): boolean {
  const token = scanDate(cell);
  if (token) return onlyWeekday(cell.slice(0, token.start)) && cell.slice(token.end).replace(/[\s,()]/g, "") === "";
  const time = scanTimeOnly(cell);
  return time !== null && time.end >= cell.trimEnd().length;
}

/** A row number ("1", "12.", "3)") in the row's first filled cell: the page's numbering, not text. */
const ROW_NUMBER = /^\d{1,3}[.)]?$/;

/** Does a cell read as a tracking event on its own (for rows the page lists without a date)? */
const saysSomething = (cell: string) => classifyEvent(cell).confidence >= 0.3;

function rowEvent(cells: readonly string[], columns: Column[] | null): RawEvent | null {
  const firstFilled = cells.findIndex((cell) => cell !== "");
  const numbered = firstFilled >= 0 && ROW_NUMBER.test(cells[firstFilled]) && cells.length > firstFilled + 1;
  const skip = (i: number) => (columns ? columns[i] === "index" : numbered && i === firstFilled);
  const dated = cells.map((cell, i) => !skip(i) && (columns ? columns[i] === "date" : dateCell(cell)));
  const dateText = cells.filter((_, i) => dated[i]).join(" ");
  let token: DateToken | null = dateText ? scanDate(dateText) : null;
  const others = cells.map((cell, i) => ({ cell, i })).filter(({ cell, i }) => !dated[i] && !skip(i) && cell !== "");
  let inlineRest: string | null = null;
  if (!token) {
    // The date may share a cell with the description ("2026-03-04 08:15 Departed …").
    for (const other of others) {
      const found = scanDate(other.cell);
      if (found) {
        token = found;
        inlineRest = other.cell.slice(0, found.start) + other.cell.slice(found.end);
        other.cell = inlineRest.trim();
        break;
      }
    }
  }
  // A row the page lists without a date ("\tInbound Into Customs\t"): an event whose time is unknown.
  const undated = !token;
  // Under a header, any filled text cell makes a row; without one, the cell must read as an event.
  const hasText = others.some(({ cell, i }) => (columns ? columns[i] === "text" || columns[i] === "other" : saysSomething(cell)));
  if (undated && !hasText) return null;

  let location: string | null = null;
  const texts: string[] = [];
  if (columns) {
    for (const { cell, i } of others) {
      if (columns[i] === "location" && location === null) location = cell;
      else if (columns[i] === "text" || columns[i] === "other") texts.push(cell);
    }
  } else {
    // No header: a place-shaped cell, or the one cell that says nothing beside one that does.
    const placeCell = others.find(({ cell }) => locationOfLine(cell) !== null);
    const silent = others.filter(({ cell }) => classifyEvent(cell).milestone === "unknown");
    const chosen = placeCell ?? (others.length >= 2 && silent.length === 1 && silent[0].cell.length <= 60 ? silent[0] : null);
    for (const other of others) {
      if (other === chosen) location = locationOfLine(other.cell) ?? other.cell;
      else texts.push(other.cell);
    }
  }
  return { token, extraTime: null, parts: texts.filter((t) => t !== ""), location };
}

/**
 * The table's events, or null when the paste is not a table (fewer than two tabbed rows, or most
 * dated lines have no tab) so the line-and-block reader takes over.
 */
export function readTableRows(lines: readonly string[], warnings: string[]): RawEvent[] | null {
  const tabbed = lines.filter((l) => l.includes("\t"));
  if (tabbed.length < 2) return null;
  const datedLines = lines.filter((l) => l !== "" && scanDate(l) !== null);
  const datedTabbed = datedLines.filter((l) => l.includes("\t")).length;
  if (datedTabbed < 2 || datedTabbed * 5 < datedLines.length * 3) return null;

  let columns: Column[] | null = null;
  const events: RawEvent[] = [];
  let skipped = 0;
  for (const line of tabbed) {
    const cells = line.split("\t").map((c) => c.trim());
    const header = scanDate(line) === null ? headerColumns(cells) : null;
    if (header) {
      columns = header;
      continue;
    }
    const event = rowEvent(cells, columns);
    if (event) events.push(event);
    else skipped += 1;
  }
  if (skipped > 0) warnings.push(`ignored ${skipped} table row${skipped === 1 ? "" : "s"} without a date`);
  const loose = lines.filter((l) => l !== "" && !l.includes("\t")).length;
  if (loose > 0) warnings.push(`ignored ${loose} line${loose === 1 ? "" : "s"} outside the table`);
  return events;
}
