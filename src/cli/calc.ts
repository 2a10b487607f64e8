import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { ErrorType } from "hyperformula";
import { cellAddress, cellErrorOf, CellValue, dayFromDate, Lang, serialFromDay } from "../domain";
import { typedFormula, usesGoalFunction } from "../functions/formulaText";
import { buildGoalWorkbook, setHyperFormulaLanguage } from "../functions/hyperformulaPlugin";
import type { Io } from "./main";
import { limitsFrom } from "./inputFile";
import { ensureOutputPath, InputError, outputLanguage, packageProblem, readWorkbook } from "./load";
import { spillBounds } from "../preview/engineCells";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { writeOutputFile } from "./output";
import { CALC_USAGE } from "./calcUsage";

/** One GOAL formula and what it computes: a value, or the rows of its spilled result. */
export interface CalculatedCell {
  cell: string;
  formula: string;
  value: Computed | Computed[][];
  /** The message of an error value, in the chosen language. */
  message?: string;
  /**
   * True when the value could not be computed here (an input this engine cannot read or compute, such as a
   * structured reference or a formula too deep for it): --out keeps the cell's formula and saved value.
   */
  kept?: boolean;
}

type Computed = number | string | boolean | null;

interface SheetGrid {
  name: string;
  rows: RawCellContent[][];
}

/** A cell as HyperFormula reads it: values as they are, dates as serials, text that looks like a formula as text. */
function rawContent(cell: ExcelJS.Cell): RawCellContent {
  const formula = cell.formula;
  if (formula) return `=${typedFormula(formula)}`;
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return day === null ? null : serialFromDay(day) + (value.getTime() % 86_400_000) / 86_400_000;
  }
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return /^[=+\-@']/.test(value) ? `'${value}` : value;
  if (typeof value === "object") {
    if ("error" in value) return String(value.error);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value && value.result !== undefined)
      return rawContent({ value: value.result } as ExcelJS.Cell);
  }
  return String(value);
}

/** Every worksheet as rows for HyperFormula; the cells an array formula spills into are left for it to fill. */
function sheetGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.map((worksheet) => {
    const rows: RawCellContent[][] = [];
    const spillTargets: string[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const line: RawCellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        line[columnNumber - 1] = rawContent(cell);
        const value = cell.value as { shareType?: string; ref?: string } | null;
        if (cell.formula && value?.shareType === "array" && value.ref) spillTargets.push(value.ref);
      });
      rows[rowNumber - 1] = Array.from(line, (value) => value ?? null);
    });
    for (const ref of spillTargets) {
      const [from, to] = ref.split(":");
      if (!from || !to) continue;
      const start = worksheet.getCell(from);
      const end = worksheet.getCell(to);
      for (let r = Number(start.row); r <= Number(end.row); r++)
        for (let c = Number(start.col); c <= Number(end.col); c++)
          if (r !== Number(start.row) || c !== Number(start.col))
            (rows[r - 1] ??= [])[c - 1] = null;
    }
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

function computed(value: unknown): Computed {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/** The rows × columns an array formula at `anchor` spilled into (1 × 1 for a plain formula). */
function spillSize(
  workbook: HyperFormula,
  anchor: SimpleCellAddress
): { rows: number; columns: number } {
  const bounds = spillBounds(workbook, anchor);
  return bounds
    ? {
        rows: bounds.lastRow - bounds.firstRow + 1,
        columns: bounds.lastColumn - bounds.firstColumn + 1,
      }
    : { rows: 1, columns: 1 };
}

/** Formulas longer than this are first tried alone: a very long one can overflow the engine's parser. */
const LONG_FORMULA = 1_000;

/**
 * True when the engine can take a formula without running out of stack (a valid 3,000-character
 * `SUM(1+1+…)` overflows HyperFormula's recursive parser and would stop the whole workbook from building).
 */
function engineCanTake(formula: string): boolean {
  if (formula.length <= LONG_FORMULA) return true;
  try {
    buildGoalWorkbook({ Probe: [[formula]] }).destroy();
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Why a cell's value cannot be had here, in the chosen language, or null when it can. */
function uncomputable(
  engine: HyperFormula,
  address: SimpleCellAddress,
  tooDeep: ReadonlySet<string>,
  language: Lang
): string | null {
  const name = `${engine.getSheetName(address.sheet) ?? ""}!${cellAddress(address.col, address.row + 1)}`;
  if (tooDeep.has(`${engine.getSheetName(address.sheet) ?? ""}!${address.row}:${address.col}`))
    return language === "zh"
      ? `${name} 的公式过长或嵌套过深，此处的计算引擎无法计算（Excel 可以）`
      : `the formula in ${name} is too long or too deeply nested for the engine here (Excel computes it)`;
  const value = engine.getCellValue(address);
  if (!(value instanceof DetailedCellError) || !engine.doesCellHaveFormula(address)) return null;
  // A formula the engine cannot parse (structured references…) or a function it does not have.
  if (value.type === ErrorType.ERROR || value.type === ErrorType.NAME)
    return language === "zh"
      ? `此处的计算引擎无法计算 ${name} 的公式（${value.message || value.value}）；Excel 可以`
      : `the engine here cannot compute the formula in ${name} (${value.message || value.value}); Excel can`;
  return null;
}

/**
 * Why a GOAL cell cannot be computed here — its own formula, or the first of its inputs, is one the engine cannot
 * take — or null.
 */
function uncomputableInput(
  engine: HyperFormula,
  anchor: SimpleCellAddress,
  tooDeep: ReadonlySet<string>,
  language: Lang
): string | null {
  const sheet = engine.getSheetName(anchor.sheet) ?? "";
  const formula = engine.getCellFormula(anchor);
  if (
    tooDeep.has(`${sheet}!${anchor.row}:${anchor.col}`) ||
    (formula !== undefined && !engine.validateFormula(formula))
  )
    return uncomputable(engine, anchor, tooDeep, language);
  for (const precedent of engine.getCellPrecedents(anchor)) {
    const cells: SimpleCellAddress[] =
      "start" in precedent ? rangeCells(precedent.start, precedent.end) : [precedent];
    for (const cell of cells) {
      const reason = uncomputable(engine, cell, tooDeep, language);
      if (reason !== null) return reason;
    }
  }
  return null;
}

/** The cells of a range (capped: a whole-column input is scanned only where cells are). */
function rangeCells(start: SimpleCellAddress, end: SimpleCellAddress): SimpleCellAddress[] {
  const cells: SimpleCellAddress[] = [];
  for (let row = start.row; row <= end.row && cells.length < 100_000; row++)
    for (let col = start.col; col <= end.col; col++) cells.push({ sheet: start.sheet, row, col });
  return cells;
}

interface Calculation {
  cells: CalculatedCell[];
  /** For --out: each GOAL cell's result as rows, anchored at its worksheet cell. */
  results: Array<{ sheet: string; row: number; column: number; values: Computed[][] }>;
}

/** Evaluates every sheet of a workbook and collects the GOAL formulas with their values. */
export function calculateWorkbook(workbook: ExcelJS.Workbook, language: Lang): Calculation {
  const grids = sheetGrids(workbook);
  setHyperFormulaLanguage(language);
  // Formulas the engine cannot take are that cell's error (#VALUE! here), so that the rest still computes.
  const tooDeep = new Set<string>();
  const originals = new Map<string, string>();
  for (const grid of grids)
    grid.rows.forEach((row, r) =>
      row.forEach((content, c) => {
        if (typeof content === "string" && content.startsWith("=") && !engineCanTake(content)) {
          tooDeep.add(`${grid.name}!${r}:${c}`);
          originals.set(`${grid.name}!${r}:${c}`, content);
          row[c] = "#VALUE!";
        }
      })
    );
  const engine = buildGoalWorkbook(Object.fromEntries(grids.map((grid) => [grid.name, grid.rows])));
  const cells: CalculatedCell[] = [];
  const results: Calculation["results"] = [];
  grids.forEach((grid, sheetIndex) => {
    const sheet = engine.getSheetId(grid.name) ?? sheetIndex;
    grid.rows.forEach((row, rowIndex) => {
      row.forEach((held, columnIndex) => {
        const content = originals.get(`${grid.name}!${rowIndex}:${columnIndex}`) ?? held;
        if (typeof content !== "string" || !content.startsWith("=") || !usesGoalFunction(content))
          return;
        const anchor = { sheet, row: rowIndex, col: columnIndex };
        const size = spillSize(engine, anchor);
        const values: Computed[][] = [];
        let message: string | undefined;
        for (let r = 0; r < size.rows; r++) {
          const line: Computed[] = [];
          for (let c = 0; c < size.columns; c++) {
            const value = engine.getCellValue({ sheet, row: rowIndex + r, col: columnIndex + c });
            if (r === 0 && c === 0 && value instanceof DetailedCellError && value.message)
              message = value.message;
            line.push(computed(value));
          }
          values.push(line);
        }
        const single = size.rows === 1 && size.columns === 1;
        const reason = uncomputableInput(engine, anchor, tooDeep, language);
        cells.push({
          cell: `${grid.name}!${cellAddress(columnIndex, rowIndex + 1)}`,
          formula: content,
          value: single ? (values[0]?.[0] ?? null) : values,
          ...(reason !== null ? { message: reason, kept: true } : message ? { message } : {}),
        });
        // A value that could not be computed here is not one to write: the cell keeps its formula.
        if (reason === null)
          results.push({ sheet: grid.name, row: rowIndex + 1, column: columnIndex + 1, values });
      });
    });
  });
  engine.destroy();
  return { cells, results };
}

/**
 * Writes a copy with GOAL formulas replaced by their values, through the package writer (src/xlsx): those cells and
 * their calculation-chain entries change, the workbook is flagged to recalculate on open, and every other cell,
 * formula, format and part stays as it was.
 */
async function writeValuesCopy(
  workbook: XlsxWorkbook,
  results: Calculation["results"],
  out: string
): Promise<void> {
  const bySheet = new Map<string, Array<{ row: number; column: number; value: CellValue }>>();
  for (const { sheet, row, column, values } of results) {
    const cells = bySheet.get(sheet) ?? [];
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const error = cellErrorOf(value);
        cells.push({
          row: row + r,
          column: column - 1 + c,
          value: error !== null ? { error } : value,
        });
      })
    );
    bySheet.set(sheet, cells);
  }
  for (const [sheet, cells] of bySheet) workbook.replaceFormulas(sheet, cells);
  await writeOutputFile(out, workbook.toBytes());
}

/** `goal-cascade calc`: resolves to the exit status (0 computed; 2 unusable input, thrown as InputError). */
export async function calcCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        out: { type: "string" },
        lang: { type: "string" },
        "max-size": { type: "string" },
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n\nUsage:\n${CALC_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new InputError(`calc takes one .xlsx file\n\nUsage:\n${CALC_USAGE}`);
  const lang = outputLanguage(values.lang, io.env);
  const file = positionals[0] as string;
  const { bytes, workbook: xlsx } = await readWorkbook(file, limitsFrom(values["max-size"]));
  if (values.out !== undefined) ensureOutputPath(file, values.out, xlsx.hasMacros());
  // Every sheet is read once by the package reader first: a cell outside Excel's grid or a damaged part is refused
  // here, before ExcelJS (which reads the formulas, shared ones expanded) would run out of memory on it.
  try {
    for (const sheet of xlsx.sheetNames()) xlsx.usedBounds(sheet);
  } catch (error) {
    throw packageProblem(file, error) ?? error;
  }
  const workbook = await formulasOf(file, bytes);
  const { cells, results } = calculateWorkbook(workbook, lang);
  if (values.json) io.stdout(`${JSON.stringify(cells, null, 2)}\n`);
  else io.stdout(calcText(cells, lang));
  if (values.out !== undefined) {
    for (const cell of cells.filter((one) => one.kept))
      io.stderr(
        lang === "zh"
          ? `goal-cascade：${cell.cell} 在副本中保留其公式和已保存的值：${cell.message ?? ""}\n`
          : `goal-cascade: ${cell.cell} keeps its formula and saved value in the copy: ${cell.message ?? ""}\n`
      );
    if (results.length === 0)
      io.stderr(
        cells.length === 0
          ? lang === "zh"
            ? `goal-cascade：工作簿中没有 GOAL 公式，未写出 ${values.out}\n`
            : `goal-cascade: no GOAL formula in the workbook, so no copy was written to ${values.out}\n`
          : lang === "zh"
            ? `goal-cascade：没有可以替换为值的 GOAL 公式，未写出 ${values.out}\n`
            : `goal-cascade: no GOAL formula could be replaced by its value here, so no copy was written to ${values.out}\n`
      );
    else await writeValuesCopy(xlsx, results, values.out);
  }
  return 0;
}

/** The workbook as ExcelJS reads it (read only: nothing is ever written through it). */
async function formulasOf(file: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw packageProblem(file, error) ?? packageProblem(file, new RangeError("unreadable"));
  }
  return workbook;
}

function calcText(cells: CalculatedCell[], lang: Lang): string {
  if (cells.length === 0)
    return lang === "zh"
      ? "工作簿中没有使用 GOAL 函数的公式。\n"
      : "No formula in the workbook uses a GOAL function.\n";
  const show = (value: CalculatedCell["value"]) =>
    Array.isArray(value)
      ? value.map((row) => row.map((v) => String(v ?? "")).join("\t")).join(" | ")
      : String(value ?? "");
  const heading =
    lang === "zh"
      ? `${cells.length} 个 GOAL 公式：\n`
      : `${cells.length} GOAL formula${cells.length === 1 ? "" : "s"}:\n`;
  return (
    heading +
    cells
      .map(
        (cell) =>
          `  ${cell.cell}  ${cell.formula}  →  ${show(cell.value)}${cell.message ? `  (${cell.message})` : ""}`
      )
      .join("\n") +
    "\n"
  );
}
