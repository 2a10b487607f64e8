/**
 * GOAL functions in a formula engine (HyperFormula, as the preview and `calc` run them): 100k rows of
 * =GOAL.VARIANCE(Bn,Cn,Dn) and its percent form against the native formulas a manager would write, and the same
 * work as two spilled formulas.
 */
import { RawCellContent } from "hyperformula";
import { buildGoalWorkbook } from "../src/functions/hyperformulaPlugin";

const ROWS = 100_000;

/** A sheet of goals (id, actual, target, direction) with the formulas of each row after them. */
function sheet(formulas: (row: number) => string[]): RawCellContent[][] {
  const rows: RawCellContent[][] = [["id", "actual", "target", "direction"]];
  for (let row = 2; row <= ROWS + 1; row++) {
    rows.push([
      `G${row}`,
      90 + (row % 20),
      100,
      row % 3 === 0 ? "lower" : "higher",
      ...formulas(row),
    ]);
  }
  return rows;
}

/** Best wall-clock time (ms) of building and computing a workbook, over `runs` runs. */
function best(runs: number, rows: () => RawCellContent[][]): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const data = rows();
    (globalThis as { gc?: () => void }).gc?.();
    const started = process.hrtime.bigint();
    const workbook = buildGoalWorkbook({ Goals: data });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (workbook.getCellValue({ sheet: 0, row: 1, col: 4 }) === null)
      throw new Error("nothing computed");
    workbook.destroy();
    fastest = Math.min(fastest, ms);
  }
  return fastest;
}

export interface FunctionsBenchResult {
  native: number;
  perCell: number;
  spilled: number;
}

/** Runs the comparison and prints its figures. */
export function functionsBench(): FunctionsBenchResult {
  const native = best(3, () =>
    sheet((r) => [
      `=IF(D${r}="lower",C${r}-B${r},B${r}-C${r})`,
      `=IF(D${r}="lower",C${r}-B${r},B${r}-C${r})/ABS(C${r})`,
    ])
  );
  const perCell = best(3, () =>
    sheet((r) => [`=GOAL.VARIANCE(B${r},C${r},D${r})`, `=GOAL.VARIANCE(B${r},C${r},D${r},TRUE)`])
  );
  const spilled = best(3, () => {
    const rows = sheet(() => []);
    const last = ROWS + 1;
    (rows[1] as RawCellContent[]).push(
      `=GOAL.VARIANCE(B2:B${last},C2:C${last},D2:D${last})`,
      `=GOAL.VARIANCE(B2:B${last},C2:C${last},D2:D${last},TRUE)`
    );
    return rows;
  });
  console.log(
    "\nGOAL functions in HyperFormula, 100k goals × (variance, percent variance) — build and compute, best of 3"
  );
  console.log(`  native IF formulas (200k cells)        ${native.toFixed(0).padStart(6)} ms`);
  console.log(
    `  =GOAL.VARIANCE per cell (200k cells)   ${perCell.toFixed(0).padStart(6)} ms   ${(perCell / native).toFixed(2)}× native`
  );
  console.log(
    `  =GOAL.VARIANCE spilled (2 formulas)    ${spilled.toFixed(0).padStart(6)} ms   ${(spilled / native).toFixed(2)}× native`
  );
  return { native, perCell, spilled };
}
