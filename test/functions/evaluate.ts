import { DetailedCellError, RawCellContent } from "hyperformula";
import {
  BlankCells,
  buildGoalWorkbook,
  setBlankCells,
  setHyperFormulaLanguage,
} from "../../src/functions/hyperformulaPlugin";
import { Lang } from "../../src/domain";

/** A computed cell as tests compare it: the value, or "#ERROR! message" for an error. */
export type Shown = number | string | boolean | null;

function show(value: unknown): Shown {
  if (value instanceof DetailedCellError) return `${value.value} ${value.message}`.trim();
  if (typeof value === "number") return Math.round(value * 1e9) / 1e9;
  return value as Shown;
}

/**
 * Computes a sheet (rows of values and formulas) in HyperFormula with the GOAL functions, and returns every cell
 * as shown, so that tests can read a formula's cell and the cells its result spilled into.
 */
export function evaluate(
  rows: RawCellContent[][],
  language: Lang = "en",
  blanks: BlankCells = "web"
): Shown[][] {
  setHyperFormulaLanguage(language);
  setBlankCells(blanks);
  try {
    const workbook = buildGoalWorkbook({ Sheet1: rows });
    return workbook.getSheetValues(0).map((row) => row.map(show));
  } finally {
    setHyperFormulaLanguage("en");
    setBlankCells("web");
  }
}

/** The value of one formula alone in A1 (its spill included, as rows). */
export function formula(text: string, language: Lang = "en"): Shown[][] {
  return evaluate([[text]], language);
}

/** The cells of column `column` (0-based) from row `from` for `count` rows. */
export function column(sheet: Shown[][], column: number, from: number, count: number): Shown[] {
  return Array.from({ length: count }, (_, k) => sheet[from + k]?.[column] ?? null);
}
