import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import {
  Bilingual,
  CellValue,
  FIELDS,
  Field,
  findHeaderRow,
  HeaderMapping,
  isNamedHeader,
  Lang,
  langOf,
  mapHeaders,
  missingRequired,
  tableBlocks,
  explainNoTable,
  noTableWords,
} from "../domain";
import { csvRows, decodeCsv } from "./csvText";
import {
  decideGoalTable,
  explainNoGoalTable,
  goalTablesOn,
  GoalTableChoice,
  HEADER_SCAN_ROWS,
  rangeBounds,
} from "../workbook/operations";
import { MAX_SHEETS, PackageError, XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { XmlError } from "../xlsx/xml";
import { setRawInflate, ZipError } from "../xlsx/zip";
import { checkWorkbookPackage, DEFAULT_LIMITS, InputLimits, readInputFile } from "./inputFile";

// Node's zlib inflates a package's parts natively. Never past the size the directory gives (the input checks
// bound that), and damaged data is the package's fault, said as a ZipError like fflate's.
setRawInflate((data, size) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch {
    throw new ZipError("an entry's data cannot be inflated");
  }
});
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
  /** The workbook the table was read from (for a CSV, a new one holding its rows): what --out writes a copy of. */
  workbook: XlsxWorkbook;
  /** What the user should know about how the file was read (an encoding detected without certainty, a choice). */
  warnings: Bilingual[];
}

/** Extensions of spreadsheet files whose bytes are checked for what they really are. */
const SPREADSHEET_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".numbers"]);

/**
 * Loads a file and locates its goal table: .xlsx (an Excel table, else a plain range whose header is in the first
 * 20 rows; the first sheet holding one unless `sheet` is given) or .csv (UTF-8 with or without BOM, or GB18030).
 */
export async function loadGoalFile(
  file: string,
  sheet?: string,
  limits: InputLimits = DEFAULT_LIMITS,
  mapping: HeaderMapping = {}
): Promise<LoadedFile> {
  const extension = extname(file).toLowerCase();
  const bytes = await readInputFile(file, limits);
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv") {
    const name = sheetNameOf(basename(file, extname(file)));
    const decoded = decodeCsv(file, bytes);
    const rows = csvRows(file, decoded.text);
    const located = locateInRows(file, name, rows, sheet, mapping);
    if (!located) {
      const reason = withMappingHint(
        {
          en: `${file}: no goal table found (no row names the Goal and Target columns)`,
          zh: `${file}：未找到目标表（没有一行包含“目标描述”和“目标值”列）`,
        },
        mapping
      );
      const why = noTableWords(name, explainNoTable(rows, mapping, HEADER_SCAN_ROWS), "cli");
      throw new InputError({
        en: `${reason.en}\n  - ${why.en}`,
        zh: `${reason.zh}\n  - ${why.zh}`,
      });
    }
    const { table, others } = firstCompleteTable(located, mapping);
    const warnings = decoded.warning ? [decoded.warning] : [];
    if (others > 0)
      warnings.push(othersLeftAside(file, `${name}!A${table.firstRow + table.headerRow}`, others));
    return { file, table, workbook: XlsxWorkbook.fromRows(name, rows), warnings };
  }
  const workbook = workbookFromBytes(file, bytes, limits);
  const { table, warnings } = await guarded(file, () =>
    locateInWorkbook(file, workbook, sheet, mapping)
  );
  // The goal table's cells are in `table`: the workbook need not hold them, nor any sheet's text, as well (the goal
  // sheet's is inflated again when its rules are written).
  workbook.release();
  return { file, table, workbook, warnings };
}

/** Reads an .xlsx workbook, or says why it cannot be used. */
export async function readWorkbook(
  file: string,
  limits: InputLimits = DEFAULT_LIMITS
): Promise<{ bytes: Buffer; workbook: XlsxWorkbook }> {
  const bytes = await readInputFile(file, limits);
  return { bytes, workbook: workbookFromBytes(file, bytes, limits) };
}

function workbookFromBytes(file: string, bytes: Buffer, limits: InputLimits): XlsxWorkbook {
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
  return guardedSync(file, () => XlsxWorkbook.open(bytes));
}

/** The reason a package cannot be read, in the user's words (never the library's or a TypeError's text). */
export function packageProblem(file: string, error: unknown): InputError | null {
  if (error instanceof InputError) return error;
  if (error instanceof PackageError) {
    const problem = error.problem;
    switch (problem.kind) {
      case "noWorkbook":
        return new InputError({
          en: `${file}: is a zip archive that holds no workbook (no xl/workbook.xml)`,
          zh: `${file}：这是不含工作簿的压缩文件（没有 xl/workbook.xml）`,
        });
      case "tooManySheets":
        return new InputError({
          en: `${file}: has ${problem.count} sheets, over the ${MAX_SHEETS} the add-in reads; move the goal table to a smaller workbook`,
          zh: `${file}：含 ${problem.count} 个工作表，超过可读取的 ${MAX_SHEETS} 个；请将目标表移到较小的工作簿中`,
        });
      case "outsideGrid":
        return new InputError({
          en: `${file}: sheet “${problem.sheet}” has a cell at row ${problem.row.toLocaleString("en-US")}, column ${problem.column + 1}, outside Excel's grid (1,048,576 rows × 16,384 columns); the file was not written by Excel — open it in a spreadsheet and save it again`,
          zh: `${file}：工作表“${problem.sheet}”在第 ${problem.row} 行第 ${problem.column + 1} 列有单元格，超出 Excel 的表格范围（1,048,576 行 × 16,384 列）；该文件并非由 Excel 写入——请在电子表格软件中打开后重新保存`,
        });
      case "partTooLarge": {
        const size = Math.round(problem.bytes / 1024 / 1024);
        return new InputError({
          en: `${file}: sheet “${problem.sheet}” is ${size} MB of XML, more than can be read in one piece (512 MB); move the goal table to a smaller workbook, or save the file again from Excel (which stores text once, in shared strings)`,
          zh: `${file}：工作表“${problem.sheet}”的 XML 达 ${size} MB，超过一次可读取的上限（512 MB）；请将目标表移到较小的工作簿，或在 Excel 中重新保存该文件（Excel 会把文本集中保存为共享字符串）`,
        });
      }
      case "damaged":
        return damaged(file, problem.part);
    }
  }
  if (error instanceof ZipError || error instanceof XmlError || error instanceof RangeError)
    return damaged(file, null);
  if (error instanceof Error && /inflat|invalid|unexpected|zip/i.test(error.message))
    return damaged(file, null);
  return null;
}

function damaged(file: string, part: string | null): InputError {
  const where = part ? ` (${part})` : "";
  return new InputError({
    en: `${file}: the workbook is damaged or incomplete and cannot be read${where}; open it in Excel and save it again`,
    zh: `${file}：工作簿已损坏或不完整，无法读取${where}；请在 Excel 中打开后重新保存`,
  });
}

function guardedSync<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw packageProblem(file, error) ?? error;
  }
}

async function guarded<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw packageProblem(file, error) ?? error;
  }
}

/**
 * Checks an --out path: never the input itself, and the input's kind of package — an .xlsx, or an .xlsm when the
 * input carries macros (a copy of a macro-enabled workbook stays macro-enabled; Excel refuses either under the other
 * extension).
 */
export function ensureOutputPath(input: string, out: string, macros = false): void {
  if (samePath(input, out))
    throw new InputError({
      en: `${out}: --out must not be the input file (or a link to it); choose another name`,
      zh: `${out}：--out 不能是输入文件本身（或指向它的链接）；请换一个文件名`,
    });
  if (macros && !/\.xlsm$/i.test(out))
    throw new InputError({
      en: `${out}: the input is a macro-enabled workbook, so its copy is one too; give --out an .xlsm extension`,
      zh: `${out}：输入是启用宏的工作簿，其副本也是；请为 --out 使用 .xlsm 扩展名`,
    });
  if (!macros && !/\.xlsx$/i.test(out))
    throw new InputError({
      en: `${out}: --out writes an .xlsx workbook; give the name an .xlsx extension`,
      zh: `${out}：--out 写出 .xlsx 工作簿；请使用 .xlsx 扩展名`,
    });
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
 * The columns named with `--map FIELD=HEADER` (repeatable; HEADER `-` for no such column), or an InputError naming
 * the option that cannot be used.
 * @example parseMapping(["goal=Title", "id=-"]) // { goal: "Title", id: null }
 */
export function parseMapping(options: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const option of options) {
    const at = option.indexOf("=");
    const field = (at < 0 ? option : option.slice(0, at)).trim().toLowerCase();
    const header = at < 0 ? "" : option.slice(at + 1).trim();
    if (!(FIELDS as readonly string[]).includes(field))
      throw new InputError({
        en: `--map ${option}: “${field}” is not a field; use one of ${FIELDS.join(", ")}`,
        zh: `--map ${option}：“${field}”不是字段名；可用：${FIELDS.join("、")}`,
      });
    if (header === "")
      throw new InputError({
        en: `--map ${option}: give the column's header after “=”, or “-” for no such column (e.g. --map goal=Title)`,
        zh: `--map ${option}：请在“=”后写列标题，或用“-”表示没有该列（例如 --map goal=Title）`,
      });
    if (mapping[field as Field] !== undefined)
      throw new InputError({
        en: `--map ${option}: “${field}” is mapped twice`,
        zh: `--map ${option}：字段“${field}”被映射了两次`,
      });
    mapping[field as Field] = header === "-" ? null : header;
  }
  return mapping;
}

/** A "no goal table" reason with, when columns were mapped, the headers to check; else a hint to map them. */
function withMappingHint(reason: Bilingual, mapping: HeaderMapping): Bilingual {
  const named = Object.values(mapping).filter((header): header is string => header != null);
  if (named.length === 0)
    return {
      en: `${reason.en}; if the sheet names them otherwise, map them, e.g. --map goal=Title --map target=Quota`,
      zh: `${reason.zh}；如果表头用了其他名称，请用 --map 指定，例如 --map goal=标题 --map target=指标值`,
    };
  const list = named.map((header) => `“${header}”`).join(", ");
  return {
    en: `${reason.en}; check that the headers given with --map (${list}) are spelled as on the sheet`,
    zh: `${reason.zh}；请检查 --map 中的表头（${list}）是否与工作表上的写法一致`,
  };
}

/** An InputError when a header named with --map is not on the goal table's header row. */
export function checkMapping(table: LocatedTable, mapping: HeaderMapping): void {
  const header = table.cells[table.headerRow] ?? [];
  for (const [field, named] of Object.entries(mapping)) {
    if (named == null || header.some((cell) => isNamedHeader(cell, named))) continue;
    const seen = header
      .filter((cell) => cell !== null && cell !== "")
      .map((cell) => `“${String(cell)}”`)
      .join(", ");
    const row = table.firstRow + table.headerRow;
    throw new InputError({
      en: `--map ${field}=${named}: the header row (${table.sheet}, row ${row}) has no column “${named}”; its headers are ${seen}`,
      zh: `--map ${field}=${named}：表头行（${table.sheet}，第 ${row} 行）没有“${named}”列；表头有 ${seen}`,
    });
  }
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

/**
 * Of the goal tables in a CSV's rows (tableBlocks: a blank row before another header, totals and signatures end
 * one), the first complete one, its rows only, and how many other complete tables were left aside.
 */
function firstCompleteTable(
  located: LocatedTable,
  mapping: HeaderMapping
): { table: LocatedTable; others: number } {
  const blocks = tableBlocks(located.cells, mapping, HEADER_SCAN_ROWS);
  const complete = blocks.filter(
    (block) =>
      missingRequired(mapHeaders(located.cells[block.header] ?? [], [], mapping)).length === 0
  );
  const block = complete[0];
  if (block === undefined) return { table: located, others: 0 };
  const from = block === blocks[0] ? 0 : block.header;
  return {
    table: {
      ...located,
      cells: located.cells.slice(from, block.end),
      firstRow: located.firstRow + from,
      headerRow: block.header - from,
    },
    others: complete.length - 1,
  };
}

/** The warning that a file holds other complete goal tables than the one audited. */
function othersLeftAside(file: string, where: string, others: number): Bilingual {
  return {
    en: `${file}: audited the goal table at ${where}; ${others} other complete goal table${others === 1 ? " was" : "s were"} left aside (name one with --sheet)`,
    zh: `${file}：已审核位于 ${where} 的目标表；另有 ${others} 个完整的目标表未审核（可用 --sheet 指定）`,
  };
}

/** The header row of a 2-D array, its completeness, or null when nothing there looks like a goal table. */
function locateInRows(
  file: string,
  sheet: string,
  rows: CellValue[][],
  only: string | undefined,
  mapping: HeaderMapping
): LocatedTable | null {
  if (only !== undefined && only !== sheet) {
    throw new InputError(
      `${file}: no sheet named “${only}” (a CSV file has one sheet, “${sheet}”)`
    );
  }
  const headerRow = findHeaderRow(rows, HEADER_SCAN_ROWS, mapping);
  if (headerRow === null) return null;
  const complete = missingRequired(mapHeaders(rows[headerRow] ?? [], [], mapping)).length === 0;
  return { file, sheet, cells: rows, firstRow: 1, firstColumn: 0, headerRow, complete };
}

/**
 * Finds the goal table of a workbook: sheet by sheet (the active sheet is not special for a file), the tables the
 * add-in's one policy finds on each (operations.ts: Excel tables, then the used range; complete ones first). The
 * first complete table wins; when others were left aside, a warning says so.
 */
async function locateInWorkbook(
  file: string,
  workbook: XlsxWorkbook,
  only: string | undefined,
  mapping: HeaderMapping
): Promise<{ table: LocatedTable; warnings: Bilingual[] }> {
  const names = workbook.sheetNames();
  const sheets = only === undefined ? names : names.filter((name) => name === only);
  if (only !== undefined && sheets.length === 0) {
    const listed = names.map((name) => `“${name}”`).join(", ");
    throw new InputError(`${file}: no sheet named “${only}” (sheets: ${listed})`);
  }
  const choices: GoalTableChoice[] = [];
  for (const sheet of sheets) choices.push(...(await goalTablesOn(workbook, sheet, mapping)));
  // Complete tables first, in sheet order; then the others, in sheet order.
  const ordered = [...choices.filter((c) => c.complete), ...choices.filter((c) => !c.complete)];
  const picked = decideGoalTable(ordered, false);
  if (picked.kind !== "audit") {
    // Sheet by sheet: the headers seen, the required field none names, and the --map that would read it.
    const why: Bilingual[] = [];
    for (const sheet of sheets.slice(0, 10))
      why.push(await explainNoGoalTable(workbook, sheet, mapping, "cli"));
    const lines = (lang: "en" | "zh") => why.map((line) => `\n  - ${line[lang]}`).join("");
    const reason = withMappingHint(
      {
        en: `${file}: no goal table found in ${only !== undefined ? `sheet “${only}”` : "any sheet"} (no row in the first ${HEADER_SCAN_ROWS} names the Goal and Target columns)`,
        zh: `${file}：${only !== undefined ? `工作表“${only}”` : "所有工作表"}中均未找到目标表（前 ${HEADER_SCAN_ROWS} 行中没有一行包含“目标描述”和“目标值”列）`,
      },
      mapping
    );
    throw new InputError({ en: `${reason.en}${lines("en")}`, zh: `${reason.zh}${lines("zh")}` });
  }
  const { table: choice, others } = picked;
  const bounds = rangeBounds(choice.address);
  const cells = await workbook.readValues(choice.sheet, choice.address);
  const headerRow = findHeaderRow(cells, HEADER_SCAN_ROWS, mapping) ?? 0;
  workbook.activate(choice.sheet);
  const where = `${choice.sheet}!${choice.address}`;
  const warnings: Bilingual[] = others > 0 ? [othersLeftAside(file, where, others)] : [];
  return {
    table: {
      file,
      sheet: choice.sheet,
      cells,
      firstRow: bounds.firstRow,
      firstColumn: bounds.firstColumn,
      headerRow,
      complete: choice.complete,
      ...(choice.tableName ? { tableName: choice.tableName } : {}),
    },
    warnings,
  };
}
