/**
 * Cells of the preview's engine as the rest of the add-in reads them: values as the domain's CellValue, what a file
 * saves of them, and the range an array formula spilled into.
 */
import {
  CellType,
  CellValue as EngineValue,
  DetailedCellError,
  HyperFormula,
  RawCellContent,
  SimpleCellAddress,
} from "hyperformula";
import { CellValue } from "../domain";
import { RangeBounds } from "../workbook/operations";

/** The error values Excel knows; an engine error outside them is saved as #VALUE!. */
const ERROR_TEXTS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
]);

/** A value of the engine as the domain reads cells. */
export function fromEngine(value: EngineValue): CellValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === null || value === undefined) return null;
  return value;
}

/** An engine error that Excel has no name for (#ERROR!, #CYCLE!) is saved as #VALUE!, which Excel reads. */
export function savedValue(value: CellValue): CellValue {
  if (
    value !== null &&
    typeof value === "object" &&
    !(value instanceof Date) &&
    !ERROR_TEXTS.has(value.error)
  )
    return { error: "#VALUE!" };
  return value;
}

/** A loaded cell as the header search reads it: text without the apostrophe that keeps it text. */
export function textOfRaw(cell: RawCellContent): CellValue {
  if (typeof cell === "string") return cell.startsWith("'") ? cell.slice(1) : cell;
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  return null;
}

/** The range an array formula spilled into (1-based rows), when it is more than its own cell. */
export function spillBounds(hf: HyperFormula, anchor: SimpleCellAddress): RangeBounds | null {
  if (hf.getCellType(anchor) !== CellType.ARRAYFORMULA) return null;
  const member = (row: number, col: number) =>
    hf.getCellType({ sheet: anchor.sheet, row, col }) === CellType.ARRAY;
  let rows = 1;
  while (member(anchor.row + rows, anchor.col)) rows++;
  let columns = 1;
  while (member(anchor.row, anchor.col + columns)) columns++;
  if (rows === 1 && columns === 1) return null;
  return {
    firstRow: anchor.row + 1,
    lastRow: anchor.row + rows,
    firstColumn: anchor.col,
    lastColumn: anchor.col + columns - 1,
  };
}

/** Calls `visit` for every non-empty cell of a sheet, row by row (0-based engine addresses). */
export function eachCell(
  hf: HyperFormula,
  sheet: number,
  visit: (address: SimpleCellAddress) => void
): void {
  const { width, height } = hf.getSheetDimensions(sheet);
  for (let row = 0; row < height; row++)
    for (let col = 0; col < width; col++) {
      const address = { sheet, row, col };
      if (!hf.isCellEmpty(address)) visit(address);
    }
}
