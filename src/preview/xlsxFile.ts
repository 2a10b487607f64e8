/**
 * .xlsx files for the preview, with ExcelJS in the browser: what a file holds becomes the engine's cells and the
 * sheets' metadata, and back. The add-in's own audit sheet and rules are recognised the way the command line
 * recognises them (a marker above the key columns, rule formulas that look keys up there).
 */
import ExcelJS from "exceljs";
import { RawCellContent } from "hyperformula";
import {
  AUDIT_LAYOUT,
  CellValue,
  cellAddress,
  cellKey,
  dayFromDate,
  keyCell,
  serialFromDay,
} from "../domain";
import { hasKeyMarker, isOwnRule } from "../workbook/ownAudit";
import { boundsAddress, RangeBounds, rangeBounds } from "../workbook/operations";
import { typedFormula } from "../functions/formulaText";
import { storedFormula } from "./formulaText";
import { CellLook, emptySheet, PreviewRule, PreviewSheet, PreviewValidation } from "./previewSheet";

/** A workbook read from a file: per sheet its cells (as the engine reads them) and its metadata. */
export interface LoadedWorkbook {
  sheets: Array<{ meta: PreviewSheet; cells: RawCellContent[][] }>;
  /** The sheet the file was saved on, when it says. */
  activeSheet: string | null;
  /** The add-in's audit sheet, when the file holds one. */
  ownAuditSheet: string | null;
}

/** One non-empty cell to save: its value (a formula's result), and its formula (Excel syntax, no "="). */
export interface SavedCell {
  row: number;
  column: number;
  value: CellValue;
  formula?: string;
  /** The A1 range an array formula spilled into. */
  spill?: string;
}

/** What a workbook saves: its sheets in order, each with its cells and metadata, and the active sheet. */
export interface WorkbookToSave {
  sheets: Array<{ meta: PreviewSheet; cells: SavedCell[] }>;
  activeSheet: string;
}

/** ExcelJS keeps these on a worksheet without declaring them in its typings. */
interface WorksheetInternals {
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  dataValidations?: {
    model: Record<string, ExcelJS.DataValidation>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
}

const internals = (worksheet: ExcelJS.Worksheet) => worksheet as unknown as WorksheetInternals;

// ---- reading ---------------------------------------------------------------------------------------------

/** True for a sheet the add-in wrote: a key column header carries the marker. */
function isOwnAuditSheet(worksheet: ExcelJS.Worksheet): boolean {
  return hasKeyMarker([worksheet.getCell(1, AUDIT_LAYOUT.firstKeyColumn + 1).value]);
}

/** The text of a rich-text or plain value. */
function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

/** A cell as the engine reads it: formulas in the form users type, dates as serials, text always as text. */
function rawOfCell(cell: ExcelJS.Cell): RawCellContent {
  const formula = cell.formula;
  if (formula) return `=${typedFormula(formula)}`;
  return rawOfValue(cell.value);
}

function rawOfValue(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const day = dayFromDate(value);
    if (day === null) return null;
    return (
      serialFromDay(day) + (((value.getTime() % 86_400_000) + 86_400_000) % 86_400_000) / 86_400_000
    );
  }
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if ("error" in value) return String(value.error);
  if ("richText" in value) return `'${plainText(value)}`;
  if ("hyperlink" in value) return `'${plainText((value as ExcelJS.CellHyperlinkValue).text)}`;
  if ("result" in value && value.result !== undefined)
    return rawOfValue(value.result as ExcelJS.CellValue);
  return null;
}

/** An ARGB colour ("FFFFC7CE") as the RGB hex the preview keeps; theme and indexed colours are not resolved. */
function rgb(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  return typeof argb === "string" && /^[0-9a-f]{8}$/i.test(argb)
    ? argb.slice(2).toUpperCase()
    : undefined;
}

function lookOfStyle(style: Partial<ExcelJS.Style> | undefined, conditional: boolean): CellLook {
  const look: CellLook = {};
  const fill = style?.fill;
  if (fill && fill.type === "pattern" && (conditional || fill.pattern === "solid")) {
    // A conditional format's solid fill is its background colour; a cell's own solid fill is its pattern colour.
    const colour = conditional
      ? (rgb((fill as { bgColor?: Partial<ExcelJS.Color> }).bgColor) ?? rgb(fill.fgColor))
      : rgb(fill.fgColor);
    if (colour) look.fill = colour;
  }
  const font = rgb(style?.font?.color);
  if (font) look.font = font;
  if (style?.font?.bold !== undefined && (conditional || style.font.bold))
    look.bold = style.font.bold;
  return look;
}

/** A "cell value" rule as the formula Excel evaluates for it, relative to `cell`. */
function cellIsFormula(rule: ExcelJS.CellIsRuleType, cell: string): string | null {
  const [first, second] = (rule.formulae ?? []).map(
    (formula) => `(${typedFormula(String(formula))})`
  );
  if (first === undefined) return null;
  const compare: Record<string, string> = {
    equal: "=",
    notEqual: "<>",
    greaterThan: ">",
    lessThan: "<",
    greaterThanOrEqual: ">=",
    lessThanOrEqual: "<=",
  };
  const operator = rule.operator as string | undefined;
  if (operator === "between" && second) return `AND(${cell}>=${first},${cell}<=${second})`;
  if (operator === "notBetween" && second) return `OR(${cell}<${first},${cell}>${second})`;
  const sign = compare[operator ?? "equal"];
  return sign ? `${cell}${sign}${first}` : null;
}

/** A "text contains" rule as the formula Excel evaluates for it, relative to `cell`. */
function containsTextFormula(rule: ExcelJS.ContainsTextRuleType, cell: string): string | null {
  const text = `"${(rule.text ?? "").replace(/"/g, '""')}"`;
  switch (rule.operator as string | undefined) {
    case "containsText":
      return `NOT(ISERROR(SEARCH(${text},${cell})))`;
    case "notContains":
      return `ISERROR(SEARCH(${text},${cell}))`;
    case "beginsWith":
      return `LEFT(${cell},LEN(${text}))=${text}`;
    case "endsWith":
      return `RIGHT(${cell},LEN(${text}))=${text}`;
    case "containsBlanks":
      return `LEN(TRIM(${cell}))=0`;
    case "notContainsBlanks":
      return `LEN(TRIM(${cell}))>0`;
    case "containsErrors":
      return `ISERROR(${cell})`;
    case "notContainsErrors":
      return `NOT(ISERROR(${cell}))`;
    default:
      return null;
  }
}

/** The conditional formats of a sheet in Excel's priority order (1 first). */
function readRules(worksheet: ExcelJS.Worksheet, ownAuditSheet: string | null): PreviewRule[] {
  const entries: Array<{ priority: number; rule: PreviewRule }> = [];
  for (const format of internals(worksheet).conditionalFormattings ?? []) {
    const ranges = format.ref.split(/\s+/).filter((range) => range !== "");
    if (ranges.length === 0) continue;
    let anchor: string;
    try {
      const first = rangeBounds(ranges[0] as string);
      anchor = cellAddress(first.firstColumn, first.firstRow);
    } catch {
      continue;
    }
    for (const rule of format.rules) {
      let formula: string | null = null;
      let original: unknown = rule;
      if (rule.type === "expression") {
        const text = rule.formulae?.[0];
        formula =
          text === undefined || text === null || text === "" ? null : typedFormula(String(text));
        if (formula !== null) original = undefined;
      } else if (rule.type === "cellIs") formula = cellIsFormula(rule, anchor);
      else if (rule.type === "containsText") formula = containsTextFormula(rule, anchor);
      const ours =
        formula !== null && ownAuditSheet !== null && isOwnRule(formula, [ownAuditSheet]);
      entries.push({
        priority: rule.priority ?? Number.MAX_SAFE_INTEGER,
        rule: {
          ranges,
          formula,
          ...lookOfStyle(rule.style, true),
          ours,
          ...(original === undefined || ours ? {} : { original }),
        },
      });
    }
  }
  // A stable sort: rules of equal priority keep the file's order.
  return entries.sort((a, b) => a.priority - b.priority).map((entry) => entry.rule);
}

/** The choices of a drop-down list written in the rule itself ("a,b,c" in quotes), or null. */
function listChoices(validation: ExcelJS.DataValidation): string[] | null {
  const formula = validation.formulae?.[0];
  if (validation.type !== "list" || typeof formula !== "string") return null;
  const literal = /^"(.*)"$/s.exec(formula);
  return literal ? (literal[1] as string).replace(/""/g, '"').split(",") : null;
}

/**
 * The data validations of a sheet, as ranges: ExcelJS hands them out cell by cell, so runs of cells down a column
 * with the same rule become one range again.
 */
function readValidations(worksheet: ExcelJS.Worksheet): PreviewValidation[] {
  const model = internals(worksheet).dataValidations?.model ?? {};
  const groups = new Map<
    string,
    { validation: ExcelJS.DataValidation; keys: number[]; ranges: string[] }
  >();
  for (const [address, validation] of Object.entries(model)) {
    const id = JSON.stringify(validation);
    const group = groups.get(id) ?? { validation, keys: [], ranges: [] };
    groups.set(id, group);
    const local = address.replace(/^range:/, "");
    try {
      const bounds = rangeBounds(local);
      if (bounds.firstRow === bounds.lastRow && bounds.firstColumn === bounds.lastColumn)
        group.keys.push(cellKey(bounds.firstRow, bounds.firstColumn));
      else group.ranges.push(boundsAddress(bounds));
    } catch {
      continue;
    }
  }
  const out: PreviewValidation[] = [];
  for (const group of groups.values()) {
    const cells = group.keys.map(keyCell).sort((a, b) => a.column - b.column || a.row - b.row);
    const ranges = [...group.ranges];
    let run: RangeBounds | null = null;
    for (const cell of cells) {
      if (run && run.firstColumn === cell.column && run.lastRow + 1 === cell.row)
        run.lastRow = cell.row;
      else {
        if (run) ranges.push(boundsAddress(run));
        run = {
          firstRow: cell.row,
          lastRow: cell.row,
          firstColumn: cell.column,
          lastColumn: cell.column,
        };
      }
    }
    if (run) ranges.push(boundsAddress(run));
    const choices = listChoices(group.validation);
    for (const range of ranges)
      out.push(choices ? { range, choices } : { range, original: group.validation });
  }
  return out;
}

function readSheet(
  worksheet: ExcelJS.Worksheet,
  ownAuditSheet: string | null
): { meta: PreviewSheet; cells: RawCellContent[][] } {
  const meta = emptySheet(worksheet.name);
  meta.hidden = worksheet.state === "hidden" || worksheet.state === "veryHidden";
  // Freeze Panes: a frozen view's ySplit is the number of rows kept at the top (a split view's is a size, not rows).
  const view = worksheet.views?.[0];
  if (view?.state === "frozen" && typeof view.ySplit === "number" && view.ySplit > 0)
    meta.frozenRows = Math.floor(view.ySplit);
  const cells: RawCellContent[][] = [];
  const spills: string[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const level = row.outlineLevel ?? 0;
    if (level > 0) meta.outlineLevels.set(rowNumber, level);
    const line: RawCellContent[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const column = columnNumber - 1;
      const key = cellKey(rowNumber, column);
      line[column] = rawOfCell(cell);
      const format = cell.numFmt;
      if (format && format !== "General") meta.numberFormats.set(key, format);
      const look = lookOfStyle(cell.style, false);
      if (Object.keys(look).length > 0) meta.looks.set(key, look);
      const indent = cell.alignment?.indent ?? 0;
      if (indent > 0) meta.indents.set(key, indent);
      const value = cell.value as { hyperlink?: unknown; shareType?: string; ref?: string } | null;
      if (value && typeof value === "object" && typeof value.hyperlink === "string")
        meta.links.set(key, value.hyperlink);
      if (cell.formula && value?.shareType === "array" && value.ref) spills.push(value.ref);
    });
    cells[rowNumber - 1] = Array.from(line, (content) => content ?? null);
  });
  // The cells an array formula spilled into are the engine's to fill again.
  for (const ref of spills) {
    const bounds = rangeBounds(ref);
    for (let r = bounds.firstRow; r <= bounds.lastRow; r++)
      for (let c = bounds.firstColumn; c <= bounds.lastColumn; c++)
        if (r !== bounds.firstRow || c !== bounds.firstColumn) {
          const line = cells[r - 1];
          if (line && c < line.length) line[c] = null;
        }
  }
  for (let column = 1; column <= worksheet.columnCount; column++) {
    const entry = worksheet.getColumn(column);
    if (entry.width !== undefined) meta.columnWidths.set(column - 1, entry.width);
    if (entry.hidden) meta.hiddenColumns.add(column - 1);
  }
  // ExcelJS's typings say [Table, void][]; at run time it is Table[].
  for (const table of worksheet.getTables() as unknown as ExcelJS.Table[]) {
    const model = (
      table as unknown as {
        table?: { name?: string; tableRef?: string; ref?: string; style?: { theme?: string } };
      }
    ).table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model?.name || !ref) continue;
    meta.tables.push({
      name: model.name,
      address: ref.replace(/\$/g, ""),
      ...(model.style?.theme ? { style: model.style.theme } : {}),
    });
  }
  meta.rules = readRules(worksheet, ownAuditSheet);
  meta.validations = readValidations(worksheet);
  return { meta, cells: Array.from(cells, (line) => line ?? []) };
}

/**
 * Reads an .xlsx workbook: every sheet's cells, tables, conditional formats, validations, formats, looks, widths.
 * Throws when the bytes are not a workbook.
 */
export async function readXlsx(bytes: ArrayBuffer): Promise<LoadedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const own = workbook.worksheets.find(isOwnAuditSheet)?.name ?? null;
  const sheets = workbook.worksheets.map((worksheet) => readSheet(worksheet, own));
  const activeTab = workbook.views?.[0]?.activeTab;
  const active =
    typeof activeTab === "number" && activeTab > 0
      ? workbook.worksheets[activeTab]?.name
      : undefined;
  return { sheets, activeSheet: active ?? null, ownAuditSheet: own };
}

// ---- writing ---------------------------------------------------------------------------------------------

/** A value as ExcelJS writes it: text as text (never a formula), errors as errors. */
function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date))
    return { error: value.error as ExcelJS.ErrorValue };
  return value;
}

function conditionalStyle(rule: PreviewRule): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (rule.fill)
    style.fill = {
      type: "pattern",
      pattern: "solid",
      bgColor: { argb: `FF${rule.fill}` },
    } as unknown as ExcelJS.Fill;
  if (rule.font || rule.bold !== undefined)
    style.font = {
      ...(rule.font ? { color: { argb: `FF${rule.font}` } } : {}),
      ...(rule.bold !== undefined ? { bold: rule.bold } : {}),
    };
  return style;
}

/** Table column names: the header cells' text, unique and never empty, as Excel requires. */
function tableColumns(header: string[]): ExcelJS.TableColumnProperties[] {
  const seen = new Set<string>();
  return header.map((text, index) => {
    let name = text.trim() || `Column${index + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${text.trim() || "Column"}${n}`;
    seen.add(name.toLowerCase());
    return { name, filterButton: true };
  });
}

function writeSheet(worksheet: ExcelJS.Worksheet, meta: PreviewSheet, cells: SavedCell[]): void {
  const byKey = new Map(cells.map((cell) => [cellKey(cell.row, cell.column), cell]));
  const textAt = (row: number, column: number) => {
    const value = byKey.get(cellKey(row, column))?.value;
    return value === null || value === undefined || typeof value === "object" ? "" : String(value);
  };
  // Tables first: ExcelJS writes a table's cells when it is added, and the cells written next are the truth.
  for (const table of meta.tables) {
    const bounds = rangeBounds(table.address);
    const width = bounds.lastColumn - bounds.firstColumn + 1;
    const header = Array.from({ length: width }, (_, c) =>
      textAt(bounds.firstRow, bounds.firstColumn + c)
    );
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = bounds.firstRow + 1; row <= bounds.lastRow; row++)
      rows.push(
        Array.from({ length: width }, (_, c) =>
          excelValue(byKey.get(cellKey(row, bounds.firstColumn + c))?.value ?? null)
        )
      );
    worksheet.addTable({
      name: table.name,
      ref: cellAddress(bounds.firstColumn, bounds.firstRow),
      headerRow: true,
      style: {
        theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns: tableColumns(header),
      // A table has at least one data row.
      rows: rows.length > 0 ? rows : [new Array<ExcelJS.CellValue>(width).fill(null)],
    });
  }
  for (const cell of cells) {
    const target = worksheet.getCell(cell.row, cell.column + 1);
    const link = meta.links.get(cellKey(cell.row, cell.column));
    if (cell.formula !== undefined) {
      const result = excelValue(cell.value);
      target.value = {
        formula: storedFormula(cell.formula),
        ...(result === null ? {} : { result }),
        ...(cell.spill ? { shareType: "array", ref: cell.spill } : {}),
      } as ExcelJS.CellFormulaValue;
    } else if (link !== undefined && typeof cell.value === "string") {
      target.value = { text: cell.value, hyperlink: link };
    } else target.value = excelValue(cell.value);
  }
  for (const [key, format] of meta.numberFormats) {
    const { row, column } = keyCell(key);
    worksheet.getCell(row, column + 1).numFmt = format;
  }
  for (const [key, look] of meta.looks) {
    const { row, column } = keyCell(key);
    const cell = worksheet.getCell(row, column + 1);
    if (look.fill)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } };
    if (look.bold !== undefined || look.font)
      cell.font = {
        ...(look.bold !== undefined ? { bold: look.bold } : {}),
        ...(look.font ? { color: { argb: `FF${look.font}` } } : {}),
      };
    if (meta.links.has(key) && !look.font)
      cell.font = { ...cell.font, color: { argb: "FF0563C1" }, underline: true };
  }
  for (const [column, width] of meta.columnWidths) worksheet.getColumn(column + 1).width = width;
  for (const column of meta.hiddenColumns) worksheet.getColumn(column + 1).hidden = true;
  meta.rules.forEach((rule, index) => {
    const priority = index + 1;
    const ref = rule.ranges.join(" ");
    if (rule.original !== undefined) {
      worksheet.addConditionalFormatting({
        ref,
        rules: [{ ...(rule.original as ExcelJS.ConditionalFormattingRule), priority }],
      });
    } else if (rule.formula !== null) {
      worksheet.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "expression",
            priority,
            formulae: [storedFormula(rule.formula)],
            style: conditionalStyle(rule),
          },
        ],
      });
    }
  });
  const validations = internals(worksheet).dataValidations;
  for (const validation of meta.validations) {
    validations?.add(
      validation.range,
      "choices" in validation
        ? {
            type: "list",
            allowBlank: true,
            showErrorMessage: true,
            formulae: [`"${validation.choices.join(",").replace(/"/g, '""')}"`],
          }
        : (validation.original as ExcelJS.DataValidation)
    );
  }
}

/**
 * Writes a workbook as .xlsx bytes: values, formulas with their results (GOAL functions as Excel saves them),
 * spilled results as array formulas, tables, number formats, looks, widths, conditional formats (the add-in's as
 * expression rules with their fills, so that Excel and LibreOffice show the highlights), and data validations.
 */
export async function writeXlsx(content: WorkbookToSave): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Goal Cascade preview";
  content.sheets.forEach(({ meta, cells }) => {
    const worksheet = workbook.addWorksheet(meta.name, {
      state: meta.hidden ? "hidden" : "visible",
    });
    writeSheet(worksheet, meta, cells);
  });
  const activeTab = Math.max(
    0,
    content.sheets.findIndex((sheet) => sheet.meta.name === content.activeSheet)
  );
  workbook.views = [
    { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab, visibility: "visible" },
  ];
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength
  ) as ArrayBuffer;
}
