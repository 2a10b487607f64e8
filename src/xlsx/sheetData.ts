/**
 * The cells of a worksheet part (`<sheetData>`, ECMA-376 Part 1 §18.3.1.80): read into a sparse grid bounded by the
 * cells present (never by `<dimension>`), and edited cell by cell in one pass, every other byte of the part kept.
 */
import { cellAddress, CellValue, columnIndex } from "../domain";
import { decodeOoxmlText, decodeXml, escapeOoxmlText, escapeXml, spliceAll, XmlError } from "./xml";

/** Excel's grid: a cell beyond it means the part was not written by a spreadsheet. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** A cell outside Excel's grid: the file cannot be a workbook Excel made or opens. */
export class OutsideGridError extends Error {
  override name = "OutsideGridError";

  constructor(
    readonly row: number,
    readonly column: number
  ) {
    super(`cell at row ${row}, column ${column + 1} is outside Excel's grid`);
  }
}

/** The cells of one sheet: rows (1-based) → dense cell arrays from column 0, formulas as their cached results. */
export interface SheetCells {
  rows: Map<number, CellValue[]>;
  /** The formula text of cells that have one (no "="), shared formulas expanded only for their master. */
  formulas: Map<string, string>;
  /** Bounds of the non-empty cells, or null for an empty sheet. */
  bounds: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number } | null;
}

const CELL_OR_ROW = /<(?:[\w.-]+:)?(row|c)\b([^>]*?)(\/?)>/g;
const R_ATTRIBUTE = /\br="([A-Z]+)?(\d+)?"/;

/** A cell reference's 1-based row and 0-based column ("B3" → 3, 1); parts missing from `r` come back null. */
function parseRef(attributes: string): { row: number | null; column: number | null } {
  // As a spreadsheet writes it (r="B3" after a space): read by character codes, without a pattern.
  const at = attributes.indexOf(' r="');
  if (at >= 0) {
    let index = at + 4;
    let column = 0;
    let row = 0;
    for (let code = attributes.charCodeAt(index); code >= 65 && code <= 90;) {
      column = column * 26 + code - 64;
      code = attributes.charCodeAt(++index);
    }
    for (let code = attributes.charCodeAt(index); code >= 48 && code <= 57;) {
      row = row * 10 + code - 48;
      code = attributes.charCodeAt(++index);
    }
    if (attributes.charCodeAt(index) === 34 && column > 0 && row > 0)
      return { row, column: column - 1 };
  }
  const match = R_ATTRIBUTE.exec(attributes);
  if (!match) return { row: null, column: null };
  return {
    row: match[2] !== undefined ? Number(match[2]) : null,
    column: match[1] !== undefined ? columnIndex(match[1]) : null,
  };
}

/** Attribute patterns by name, made once: a sheet asks for `r` and `t` on every row and cell. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attr(attributes: string, name: string): string | undefined {
  // Most cells have no type: a cell's attributes without the name need no pattern at all.
  if (!attributes.includes(name)) return undefined;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeXml(match[1] as string) : undefined;
}

/** The text of an `<is>` or `<si>` string: its `<t>` runs, phonetic runs (`<rPh>`) left out. */
export function stringText(inner: string): string {
  const text = inner.includes("rPh")
    ? inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "")
    : inner;
  let out = "";
  for (const match of text.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    out += match[1] ?? "";
  return decodeOoxmlText(out);
}

/** The shared-string table of a workbook. */
export function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    strings.push(match[1] === undefined ? "" : stringText(match[1]));
  return strings;
}

/** The span of `<sheetData>`'s content in a worksheet part. */
export function sheetDataSpan(xml: string): { start: number; end: number; prefix: string } | null {
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return null;
  const prefix = open[1] ?? "";
  const start = open.index + open[0].length;
  if (open[2]) return { start, end: start, prefix };
  const end = xml.indexOf(`</${prefix}sheetData>`, start);
  if (end < 0) throw new XmlError("sheetData is never closed");
  return { start, end, prefix };
}

const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;

/** The value a cell holds, from its type, its `<v>`, `<is>` and `<f>` (see cellValue in the tests). */
function valueOf(type: string | undefined, inner: string, strings: readonly string[]): CellValue {
  // Excel writes a plain value as <v>…</v> alone: found without a pattern.
  const v =
    inner.startsWith("<v>") && inner.endsWith("</v>") && inner.indexOf("<", 3) === inner.length - 4
      ? inner.slice(3, -4)
      : VALUE.exec(inner)?.[1];
  switch (type) {
    case "s": {
      if (v === undefined) return null;
      return strings[Number(v)] ?? null;
    }
    case "inlineStr": {
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1];
      return is === undefined ? (v === undefined ? null : decodeOoxmlText(v)) : stringText(is);
    }
    case "str":
      return v === undefined ? null : decodeOoxmlText(v);
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === undefined ? null : { error: decodeXml(v).trim() };
    case "d": {
      if (v === undefined) return null;
      const time = Date.parse(decodeXml(v));
      return Number.isNaN(time) ? decodeXml(v) : time / 86_400_000 + 25_569;
    }
    default: {
      if (v === undefined) return null;
      const text = decodeXml(v).trim();
      if (text === "") return null;
      const number = Number(text);
      // A number cell whose text is not a number (hand-made files): its text, never NaN.
      return Number.isFinite(number) ? number : text;
    }
  }
}

/**
 * Reads every cell of a worksheet part. Cells without a value (style only) are left out of the bounds; a formula
 * saved without its result reads as `{ error: "=formula", uncalculated: true }`, as the command line reports it.
 */
export function readSheetCells(xml: string, strings: readonly string[]): SheetCells {
  const rows = new Map<number, CellValue[]>();
  const formulas = new Map<string, string>();
  const shared = new Map<string, string>();
  const span = sheetDataSpan(xml);
  let bounds: SheetCells["bounds"] = null;
  if (!span) return { rows, formulas, bounds };
  const pattern = new RegExp(CELL_OR_ROW.source, "g");
  pattern.lastIndex = span.start;
  let row = 0;
  let column = -1;
  for (let match = pattern.exec(xml); match && match.index < span.end; match = pattern.exec(xml)) {
    const attributes = match[2] ?? "";
    if (match[1] === "row") {
      const r = attr(attributes, "r");
      row = r !== undefined ? Number(r) : row + 1;
      column = -1;
      if (!Number.isInteger(row) || row < 1) throw new XmlError(`row number “${r}”`);
      continue;
    }
    const ref = parseRef(attributes);
    column = ref.column ?? column + 1;
    const cellRow = ref.row ?? row;
    if (cellRow > EXCEL_ROWS || column >= EXCEL_COLUMNS)
      throw new OutsideGridError(cellRow, column);
    let inner = "";
    if (!match[3]) {
      const prefix = /^<([\w.-]+:)?/.exec(match[0])?.[1] ?? "";
      const close = xml.indexOf(`</${prefix}c>`, pattern.lastIndex);
      if (close < 0) throw new XmlError("a cell is never closed");
      inner = xml.slice(pattern.lastIndex, close);
      pattern.lastIndex = close + prefix.length + 4;
    }
    let value = valueOf(attr(attributes, "t"), inner, strings);
    const formula = formulaOf(inner, shared);
    if (formula !== null) {
      formulas.set(`${cellRow}:${column}`, formula);
      if (value === null && !/<(?:\w+:)?v\b/.test(inner))
        value = { error: `=${formula}`, uncalculated: true };
    }
    if (value === null || value === "") continue;
    let line = rows.get(cellRow);
    if (!line) rows.set(cellRow, (line = []));
    line[column] = value;
    if (!bounds)
      bounds = { firstRow: cellRow, lastRow: cellRow, firstColumn: column, lastColumn: column };
    else {
      if (cellRow < bounds.firstRow) bounds.firstRow = cellRow;
      if (cellRow > bounds.lastRow) bounds.lastRow = cellRow;
      if (column < bounds.firstColumn) bounds.firstColumn = column;
      if (column > bounds.lastColumn) bounds.lastColumn = column;
    }
  }
  return { rows, formulas, bounds };
}

/**
 * For rows `first`…`last` of a worksheet part: the outline level of each row that has one (`<row outlineLevel>`,
 * ECMA-376 Part 1 §18.3.1.73) and the cell format index (`s`) of each cell of `column` that has one.
 */
export function readRowFormats(
  xml: string,
  column: number,
  first: number,
  last: number
): { levels: Map<number, number>; styles: Map<number, number> } {
  const levels = new Map<number, number>();
  const styles = new Map<number, number>();
  const span = sheetDataSpan(xml);
  if (!span) return { levels, styles };
  const pattern = new RegExp(CELL_OR_ROW.source, "g");
  pattern.lastIndex = span.start;
  let row = 0;
  let at = -1;
  for (let match = pattern.exec(xml); match && match.index < span.end; match = pattern.exec(xml)) {
    const attributes = match[2] ?? "";
    if (match[1] === "row") {
      const r = attr(attributes, "r");
      row = r !== undefined ? Number(r) : row + 1;
      at = -1;
      if (row > last) break;
      const level = Number(attr(attributes, "outlineLevel") ?? 0);
      if (row >= first && level > 0) levels.set(row, level);
      continue;
    }
    const ref = parseRef(attributes);
    at = ref.column ?? at + 1;
    const cellRow = ref.row ?? row;
    if (at !== column || cellRow < first || cellRow > last) continue;
    const style = Number(attr(attributes, "s") ?? 0);
    if (style > 0) styles.set(cellRow, style);
  }
  return { levels, styles };
}

/** A cell's formula text (a shared formula's member gets its master's text, unshifted), or null. */
function formulaOf(inner: string, shared: Map<string, string>): string | null {
  if (!inner.includes("<f") && !/<\w+:f\b/.test(inner)) return null;
  const match = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
  if (!match) return null;
  const text = match[2] === undefined ? "" : decodeXml(match[2]);
  const si = attr(match[1] ?? "", "si");
  if (si !== undefined) {
    if (text !== "") shared.set(si, text);
    else return shared.get(si) ?? null;
  }
  return text === "" ? null : text;
}

// ---- writing ---------------------------------------------------------------------------------------------

/** What goes into a cell: a value, or a formula with its cached result. */
export interface CellContent {
  value: CellValue;
  /** Formula without "=", in Excel's syntax. */
  formula?: string;
  /** For an array formula, the range its result fills (its other cells hold their values). */
  spill?: string;
  /** Keep the cell's own formula element as it is and write only its value. */
  keepFormula?: boolean;
}

/** The formula element of a cell's XML, as written, or null. */
export function formulaElement(xml: string | null): string | null {
  if (xml === null) return null;
  return /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?f>)/.exec(xml)?.[0] ?? null;
}

/** The XML of a cell at a reference with a style (or none), holding `content`. */
export function cellXml(
  ref: string,
  style: string | undefined,
  content: CellContent,
  prefix = "",
  existing: string | null = null
): string {
  const kept = content.keepFormula ? formulaElement(existing) : null;
  const s = style !== undefined ? ` s="${escapeXml(style)}"` : "";
  const array = content.spill !== undefined ? ` t="array" ref="${escapeXml(content.spill)}"` : "";
  const f =
    kept ??
    (content.formula !== undefined
      ? `<${prefix}f${array}>${escapeXml(content.formula)}</${prefix}f>`
      : "");
  const value = content.value;
  const open = (type: string) => `<${prefix}c r="${ref}"${s}${type ? ` t="${type}"` : ""}>`;
  const close = `</${prefix}c>`;
  const v = (text: string) => `<${prefix}v>${text}</${prefix}v>`;
  if (value === null || value === undefined || value === "")
    return f ? `${open("")}${f}${close}` : `<${prefix}c r="${ref}"${s}/>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `${open("e")}${f}${v("#NUM!")}${close}`;
    return `${open("")}${f}${v(String(value))}${close}`;
  }
  if (typeof value === "boolean") return `${open("b")}${f}${v(value ? "1" : "0")}${close}`;
  if (value instanceof Date) {
    const serial = value.getTime() / 86_400_000 + 25_569;
    return `${open("")}${f}${v(String(serial))}${close}`;
  }
  if (typeof value === "object") return `${open("e")}${f}${v(escapeXml(value.error))}${close}`;
  const text = escapeOoxmlText(value);
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  if (f) return `${open("str")}${f}${v(text)}${close}`;
  return `${open("inlineStr")}<${prefix}is><${prefix}t${space}>${text}</${prefix}t></${prefix}is>${close}`;
}

/**
 * The rows of a new sheet's `<sheetData>` (one text each), from cells in any order: each row's cells in column order, each cell's XML
 * from `xml`. Built in one pass with no per-cell edit (a new sheet has nothing to keep), so an audit sheet of a
 * million cells costs about its text.
 */
export function newSheetRows<T extends { row: number; column: number }>(
  cells: readonly T[],
  xml: (cell: T) => string
): string[] {
  const rows: T[][] = [];
  for (const cell of cells) (rows[cell.row] ??= []).push(cell);
  // Each row is joined on its own: a cell's text built from template pieces is a tree of string pieces in V8 (32
  // bytes a node), so a million cells held as trees until one final join take several times their text.
  const pieces: string[] = [];
  rows.forEach((line, row) => {
    line.sort((a, b) => a.column - b.column);
    const parts = [`<row r="${row}">`];
    for (const cell of line) parts.push(xml(cell));
    parts.push("</row>");
    pieces.push(parts.join(""));
  });
  // The rows, not joined: the package deflates them piece by piece (OpcPackage.write).
  return pieces;
}

/** A change to one cell: its new XML from what it held (its style attribute, whole XML), or null to leave it. */
export interface CellEdit {
  row: number;
  column: number;
  replace: (
    existing: { style: string | undefined; xml: string | null },
    prefix: string
  ) => string | null;
}

/**
 * Applies cell edits to a worksheet part in one pass over `<sheetData>`: cells replaced where they are, new cells
 * and rows inserted in order. Everything else in the part stays byte for byte.
 */
export function editSheetCells(xml: string, edits: readonly CellEdit[]): string {
  if (edits.length === 0) return xml;
  let span = sheetDataSpan(xml);
  if (!span) throw new XmlError("worksheet has no sheetData");
  if (span.start === span.end && /\/>$/.test(xml.slice(0, span.start))) {
    // <sheetData/>: open it so rows can go in.
    const at = xml.lastIndexOf("/>", span.start);
    xml = `${xml.slice(0, at)}></${span.prefix}sheetData>${xml.slice(span.start)}`;
    span = sheetDataSpan(xml) as NonNullable<typeof span>;
  }
  const prefix = span.prefix;
  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const edit of edits) {
    let line = byRow.get(edit.row);
    if (!line) byRow.set(edit.row, (line = new Map()));
    line.set(edit.column, edit);
  }
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const splices: Array<{ start: number; end: number; text: string }> = [];
  const rowPattern = new RegExp(`<${prefix.replace(".", "\\.")}row\\b([^>]*?)(\\/?)>`, "g");
  rowPattern.lastIndex = span.start;
  let previous = 0;
  let next = 0;
  for (
    let match = rowPattern.exec(xml);
    match && match.index < span.end;
    match = rowPattern.exec(xml)
  ) {
    const r = attr(match[1] ?? "", "r");
    const row = r !== undefined ? Number(r) : previous + 1;
    previous = row;
    const selfClosing = Boolean(match[2]);
    const rowEnd = selfClosing
      ? rowPattern.lastIndex
      : xml.indexOf(`</${prefix}row>`, rowPattern.lastIndex);
    if (rowEnd < 0) throw new XmlError("a row is never closed");
    // Rows to add before this one.
    const before: string[] = [];
    while (next < pending.length && (pending[next] as number) < row) {
      before.push(
        newRow(
          pending[next] as number,
          byRow.get(pending[next] as number) as Map<number, CellEdit>,
          prefix
        )
      );
      next++;
    }
    if (before.length > 0)
      splices.push({ start: match.index, end: match.index, text: before.join("") });
    if (pending[next] === row) {
      const rowEdits = byRow.get(row) as Map<number, CellEdit>;
      const tagText = match[0];
      const inner = selfClosing ? "" : xml.slice(rowPattern.lastIndex, rowEnd);
      const edited = editRow(inner, rowEdits, prefix);
      const openTag = selfClosing ? tagText.replace(/\s*\/>$/, ">") : tagText;
      const end = selfClosing ? rowEnd : rowEnd + prefix.length + 6;
      splices.push({
        start: match.index,
        end,
        text: `${dropSpans(openTag)}${edited}</${prefix}row>`,
      });
      next++;
    }
    if (!selfClosing) rowPattern.lastIndex = rowEnd + prefix.length + 6;
  }
  const after: string[] = [];
  for (; next < pending.length; next++)
    after.push(
      newRow(
        pending[next] as number,
        byRow.get(pending[next] as number) as Map<number, CellEdit>,
        prefix
      )
    );
  if (after.length > 0) splices.push({ start: span.end, end: span.end, text: after.join("") });
  return spliceAll(xml, splices);
}

/** A row's start tag without its `spans` hint (an optimisation attribute that new cells may fall outside). */
function dropSpans(tag: string): string {
  return tag.replace(/\sspans="[^"]*"/, "");
}

function newRow(row: number, edits: Map<number, CellEdit>, prefix: string): string {
  const cells = [...edits.values()]
    .sort((a, b) => a.column - b.column)
    .map((edit) => edit.replace({ style: undefined, xml: null }, prefix))
    .filter((cell): cell is string => cell !== null);
  return cells.length === 0 ? "" : `<${prefix}row r="${row}">${cells.join("")}</${prefix}row>`;
}

/** A row's content with its edits: existing cells replaced in place, new ones inserted in column order. */
function editRow(inner: string, edits: Map<number, CellEdit>, prefix: string): string {
  const pending = [...edits.keys()].sort((a, b) => a - b);
  const cellPattern = new RegExp(`<${prefix.replace(".", "\\.")}c\\b([^>]*?)(\\/?)>`, "g");
  const out: string[] = [];
  let at = 0;
  let column = -1;
  let next = 0;
  for (let match = cellPattern.exec(inner); match; match = cellPattern.exec(inner)) {
    const attributes = match[1] ?? "";
    column = parseRef(attributes).column ?? column + 1;
    const end = match[2]
      ? cellPattern.lastIndex
      : inner.indexOf(`</${prefix}c>`, cellPattern.lastIndex) + prefix.length + 4;
    if (end < cellPattern.lastIndex) throw new XmlError("a cell is never closed");
    while (next < pending.length && (pending[next] as number) < column) {
      const edit = edits.get(pending[next] as number) as CellEdit;
      out.push(
        inner.slice(at, match.index),
        edit.replace({ style: undefined, xml: null }, prefix) ?? ""
      );
      at = match.index;
      next++;
    }
    if (pending[next] === column) {
      const edit = edits.get(column) as CellEdit;
      const existing = inner.slice(match.index, end);
      const replaced = edit.replace({ style: attr(attributes, "s"), xml: existing }, prefix);
      out.push(inner.slice(at, match.index), replaced ?? existing);
      at = end;
      next++;
    }
    cellPattern.lastIndex = end;
  }
  out.push(inner.slice(at));
  for (; next < pending.length; next++) {
    const edit = edits.get(pending[next] as number) as CellEdit;
    out.push(edit.replace({ style: undefined, xml: null }, prefix) ?? "");
  }
  return out.join("");
}

/** A cell reference ("B3") from a 1-based row and 0-based column. */
export function cellRef(row: number, column: number): string {
  return cellAddress(column, row);
}
