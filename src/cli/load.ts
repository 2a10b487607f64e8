import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import ExcelJS from "exceljs";
import {
  Bilingual,
  CellValue,
  columnIndex,
  findHeaderRow,
  Lang,
  langOf,
  mapHeaders,
  missingRequired,
} from "../domain";
import { csvRows, decodeCsv } from "./csvText";
import { checkWorkbookPackage, DEFAULT_LIMITS, InputLimits, readInputFile } from "./inputFile";

/** A goal table found in a file: its cells and where they sit on the sheet. */
export interface LocatedTable {
  file: string;
  /** Sheet name (for a CSV, the file's name without extension, as Excel names it). */
  sheet: string;
  cells: CellValue[][];
  /** Worksheet row of cells[0] and 0-based column of cells[r][0]. */
  firstRow: number;
  firstColumn: number;
  /** Index in `cells` of the header row. */
  headerRow: number;
  /** True when every required column is there. */
  complete: boolean;
  /** The Excel table (ListObject) holding it, if any. */
  tableName?: string;
}

/**
 * The language of a command's output: `--lang en|zh`, else the environment's locale ($LC_ALL, $LC_MESSAGES, $LANG).
 * @example outputLanguage(undefined, { LANG: "zh_CN.UTF-8" }) // "zh"
 */
export function outputLanguage(
  option: string | undefined,
  env: Record<string, string | undefined>
): Lang {
  if (option === undefined) return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (option !== "en" && option !== "zh")
    throw new InputError(`--lang must be en or zh, not “${option}”`);
  return option;
}

/**
 * The language to report an error in, read from the arguments before they are parsed (the error may be in them):
 * a valid `--lang en|zh` anywhere, else the environment's locale.
 * @example requestedLanguage(["audit", "x.xlsx", "--lang=zh"], {}) // "zh"
 */
export function requestedLanguage(
  argv: readonly string[],
  env: Record<string, string | undefined>
): Lang {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const value =
      arg === "--lang" ? argv[index + 1] : arg.startsWith("--lang=") ? arg.slice(7) : null;
    if (value === "en" || value === "zh") return value;
  }
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * A file or argument the CLI cannot use: the reason goes to stderr and the exit status is 2. The reason is given
 * in both languages where it has been written in both (`text(lang)`), else in English.
 */
export class InputError extends Error {
  override name = "InputError";
  private readonly words: Bilingual | null;

  constructor(reason: string | Bilingual) {
    super(typeof reason === "string" ? reason : reason.en);
    this.words = typeof reason === "string" ? null : reason;
  }

  /** The reason in a language. */
  text(lang: Lang): string {
    return this.words ? this.words[lang] : this.message;
  }
}

export interface LoadedFile {
  file: string;
  table: LocatedTable;
  /** The parsed workbook, for --out and calc (absent for CSV). */
  workbook?: ExcelJS.Workbook;
  /** What the user should know about how the file was read (an encoding detected without certainty). */
  warnings: Bilingual[];
}

/** Extensions of spreadsheet files whose bytes are checked for what they really are. */
const SPREADSHEET_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".numbers"]);

/** Rows scanned for a plain range's header. */
const HEADER_SCAN_ROWS = 20;

/**
 * Loads a file and locates its goal table: .xlsx (an Excel table, else a plain range whose header is in the first
 * 20 rows; the first sheet holding one unless `sheet` is given) or .csv (UTF-8 with or without BOM, or GB18030).
 */
export async function loadGoalFile(
  file: string,
  sheet?: string,
  limits: InputLimits = DEFAULT_LIMITS
): Promise<LoadedFile> {
  const extension = extname(file).toLowerCase();
  const bytes = await readInputFile(file, limits);
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv") {
    const name = sheetNameOf(basename(file, extname(file)));
    const decoded = decodeCsv(file, bytes);
    const table = locateInRows(file, name, csvRows(file, decoded.text), sheet);
    if (!table)
      throw new InputError(
        `${file}: no goal table found (no row names the ID, Goal and Target columns)`
      );
    return { file, table, warnings: decoded.warning ? [decoded.warning] : [] };
  }
  const workbook = await workbookFromBytes(file, bytes, limits);
  const table = locateInWorkbook(file, workbook, sheet);
  return { file, table, workbook, warnings: [] };
}

/** Reads an .xlsx workbook, or says why it cannot be used. */
export async function readWorkbook(
  file: string,
  limits: InputLimits = DEFAULT_LIMITS
): Promise<ExcelJS.Workbook> {
  return workbookFromBytes(file, await readInputFile(file, limits), limits);
}

async function workbookFromBytes(
  file: string,
  bytes: Buffer,
  limits: InputLimits
): Promise<ExcelJS.Workbook> {
  const extension = extname(file).toLowerCase();
  // Spreadsheet files are sniffed, so that a renamed .xls or .ods gets its own reason; any other name is refused
  // by its type (a CSV has no formulas for calc).
  if (SPREADSHEET_EXTENSIONS.has(extension)) checkWorkbookPackage(file, bytes, limits);
  if (extension !== ".xlsx" && extension !== ".xlsm") {
    throw new InputError({
      en: `${file}: unsupported file type “${extension || "(none)"}”; use .xlsx or .csv`,
      zh: `${file}：不支持的文件类型“${extension || "（无）"}”；请使用 .xlsx 或 .csv`,
    });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // The library's own words (a TypeError, a zip library's) mean nothing to the user.
    throw new InputError({
      en: `${file}: the workbook is damaged or incomplete and cannot be read; open it in Excel and save it again`,
      zh: `${file}：工作簿已损坏或不完整，无法读取；请在 Excel 中打开后重新保存`,
    });
  }
  return workbook;
}

/** Checks an --out path: an .xlsx workbook, never the input itself. */
export function ensureOutputPath(input: string, out: string): void {
  if (samePath(input, out))
    throw new InputError({
      en: `${out}: --out must not be the input file (or a link to it); choose another name`,
      zh: `${out}：--out 不能是输入文件本身（或指向它的链接）；请换一个文件名`,
    });
  if (!/\.xlsx$/i.test(out))
    throw new InputError(
      `${out}: --out writes an .xlsx workbook; give the name an .xlsx extension`
    );
}

/** True when two paths name one file: the same path, a link to it, or a hard link (same device and inode). */
function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(b) || !existsSync(a)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const first = statSync(a);
  const second = statSync(b);
  return first.dev === second.dev && first.ino === second.ino;
}

/**
 * The sheet name Excel gives a CSV: its file name, without the characters a sheet name cannot hold (: \\ / ? * [ ])
 * or an apostrophe at either end, at most 31 characters cut between characters (never inside an emoji), and not
 * "History", which Excel reserves.
 * @example sheetNameOf("team [north]") // "team _north_"
 */
export function sheetNameOf(name: string): string {
  let cleaned = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  if (cleaned.length > 31) {
    let cut = "";
    for (const character of cleaned) {
      if (cut.length + character.length > 31) break;
      cut += character;
    }
    cleaned = cut.replace(/'+$/, "");
  }
  if (cleaned.trim() === "") return "Sheet1";
  return cleaned.toLowerCase() === "history" ? `${cleaned}_` : cleaned;
}

/**
 * The rows of a CSV file's bytes: encoding from the BOM, UTF-8, or detected (csvText.ts); a quote never closed is
 * an InputError naming its line.
 */
export function parseDelimited(bytes: Uint8Array, file = "CSV"): CellValue[][] {
  return csvRows(file, decodeCsv(file, bytes).text);
}

/** The header row of a 2-D array, its completeness, or null when nothing there looks like a goal table. */
function locateInRows(
  file: string,
  sheet: string,
  rows: CellValue[][],
  only?: string
): LocatedTable | null {
  if (only !== undefined && only !== sheet) {
    throw new InputError(
      `${file}: no sheet named “${only}” (a CSV file has one sheet, “${sheet}”)`
    );
  }
  const headerRow = findHeaderRow(rows, HEADER_SCAN_ROWS);
  if (headerRow === null) return null;
  const complete = missingRequired(mapHeaders(rows[headerRow] ?? [])).length === 0;
  return { file, sheet, cells: rows, firstRow: 1, firstColumn: 0, headerRow, complete };
}

/**
 * Finds the goal table of a workbook: Excel tables first, then plain ranges, sheet by sheet; a complete table wins
 * over one with a missing column (which still yields its MISSING_COLUMN finding when it is all there is).
 */
function locateInWorkbook(file: string, workbook: ExcelJS.Workbook, only?: string): LocatedTable {
  const sheets = workbook.worksheets.filter((ws) => only === undefined || ws.name === only);
  if (only !== undefined && sheets.length === 0) {
    const names = workbook.worksheets.map((ws) => `“${ws.name}”`).join(", ");
    throw new InputError(`${file}: no sheet named “${only}” (sheets: ${names})`);
  }
  let partial: LocatedTable | null = null;
  for (const worksheet of sheets) {
    const rows = sheetValues(worksheet);
    // ExcelJS's typings say [Table, void][]; at run time it is Table[].
    for (const table of worksheet.getTables() as unknown as ExcelJS.Table[]) {
      const located = locateExcelTable(file, worksheet.name, rows, table);
      if (located?.complete) return located;
      partial ??= located;
    }
    const plain = locateInRows(file, worksheet.name, rows);
    if (plain?.complete) return plain;
    partial ??= plain;
  }
  if (partial) return partial;
  const where = only !== undefined ? `sheet “${only}”` : "any sheet";
  throw new InputError(
    `${file}: no goal table found in ${where} (no row in the first ${HEADER_SCAN_ROWS} names the ID, Goal and Target columns)`
  );
}

function locateExcelTable(
  file: string,
  sheet: string,
  rows: CellValue[][],
  table: ExcelJS.Table
): LocatedTable | null {
  const model = (table as unknown as { table?: { tableRef?: string; ref?: string; name?: string } })
    .table;
  const ref = model?.tableRef ?? model?.ref;
  const match = ref ? /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref) : null;
  if (!match) return null;
  const left = columnIndex(match[1] as string);
  const top = Number(match[2]);
  const right = match[3] ? columnIndex(match[3]) : left;
  const bottom = match[4] ? Number(match[4]) : top;
  const cells = rows.slice(top - 1, bottom).map((row) => row.slice(left, right + 1));
  const header = cells[0] ?? [];
  const map = mapHeaders(header);
  if (Object.keys(map).length < 2) return null;
  return {
    file,
    sheet,
    cells,
    firstRow: top,
    firstColumn: left,
    headerRow: 0,
    complete: missingRequired(map).length === 0,
    ...(model?.name ? { tableName: model.name } : {}),
  };
}

/** Every cell value of a worksheet as a dense 2-D array from A1, formulas as their cached results. */
export function sheetValues(worksheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      values[columnNumber - 1] = cellValueOf(cell.value);
    });
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
    rows[rowNumber - 1] = values;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return rows;
}

/** An ExcelJS cell value as a plain cell value: formulas give their results, rich text its text. */
export function cellValueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value as CellValue;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const formula = value as ExcelJS.CellFormulaValue;
    const result = formula.result;
    // A formula saved without its value: say so rather than read it as blank.
    if (result === undefined || result === null) {
      return formula.formula ? { error: `=${formula.formula}`, uncalculated: true } : null;
    }
    return cellValueOf(result as ExcelJS.CellValue);
  }
  if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}
