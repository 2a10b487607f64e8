import { HyperFormula, RawCellContent } from "hyperformula";
import { qualifyReferences } from "../../src/preview/formulaText";

/**
 * Evaluates a conditional-format rule's formula in HyperFormula for every cell of its range, as Excel does (the
 * formula's relative references shift from the range's top-left cell, and references without a sheet name are to
 * `sheet`, the sheet the rule is on), with the other sheets it reads; returns the "row:column" cells (1-based row,
 * 0-based column) where it is true. A formula that errs fails the test.
 */
export function ruleCells(
  range: string,
  formula: string,
  sheets: Record<string, RawCellContent[][]>,
  sheet?: string
): Set<string> {
  const hf = HyperFormula.buildFromSheets(
    { ...sheets, Scratch: [] },
    { licenseKey: "gpl-v3", maxRows: 1_048_576 }
  );
  const scratch = hf.getSheetId("Scratch") as number;
  const [from, to = from] = range.split(":") as [string, string?];
  const start = hf.simpleCellAddressFromString(from, scratch);
  const end = hf.simpleCellAddressFromString(to, scratch);
  if (!start || !end) throw new Error(`not a range: ${range}`);
  hf.setCellContents(
    start,
    `=${sheet === undefined ? formula : qualifyReferences(formula, sheet)}`
  );
  hf.setCellContents(start, hf.getFillRangeData({ start, end: start }, { start, end }));
  const selected = new Set<string>();
  for (let row = start.row; row <= end.row; row++) {
    for (let col = start.col; col <= end.col; col++) {
      const value = hf.getCellValue({ sheet: scratch, row, col });
      if (typeof value === "object" && value !== null)
        throw new Error(`rule formula errs at ${row + 1}:${col}: ${JSON.stringify(value)}`);
      if (value === true) selected.add(`${row + 1}:${col}`);
    }
  }
  hf.destroy();
  return selected;
}
