/**
 * Conditional formats evaluated the way Excel evaluates them: a rule's formula is written for the top-left cell of
 * its range, and every other cell of the range gets the formula shifted by its distance from there. The engine does
 * the shifting (getFillRangeData, as a fill-handle drag does) and the computing; the preview asks only for the cells
 * on screen.
 */
import { CellValue as EngineValue, HyperFormula, SimpleCellAddress } from "hyperformula";
import { cellAddress } from "../domain";
import { RangeBounds, rangeBounds } from "../workbook/operations";
import { engineFormula, qualifyReferences, withOwnCell } from "./formulaText";
import { PreviewRule } from "./previewSheet";

/**
 * Scratch sheets are named with brackets, which Excel forbids in sheet names: no workbook can hold a sheet of that
 * name, and no formula of the user's can point at one.
 */
const SCRATCH_NAME = (slot: number) => `[goal-cascade scratch ${slot}]`;

/** A scratch sheet and the rule formula it holds at its rule's top-left cell. */
interface Slot {
  sheet: number;
  anchor: SimpleCellAddress | null;
  formula: string | null;
}

function intersect(a: RangeBounds, b: RangeBounds): RangeBounds | null {
  const firstRow = Math.max(a.firstRow, b.firstRow);
  const lastRow = Math.min(a.lastRow, b.lastRow);
  const firstColumn = Math.max(a.firstColumn, b.firstColumn);
  const lastColumn = Math.min(a.lastColumn, b.lastColumn);
  return firstRow <= lastRow && firstColumn <= lastColumn
    ? { firstRow, lastRow, firstColumn, lastColumn }
    : null;
}

/** True for what Excel takes as a rule that holds: TRUE or a number other than zero; errors and text do not. */
function holds(value: EngineValue | EngineValue[][]): boolean {
  const scalar = Array.isArray(value) ? value[0]?.[0] : value;
  return scalar === true || (typeof scalar === "number" && scalar !== 0);
}

/**
 * Evaluates conditional-format rules over a window of a sheet. Each rule's formula stays on a scratch sheet of its
 * own at its range's top-left cell (rules overlap, and taking a formula out makes the engine tear down what it built
 * for the ranges it reads); the engine gives the formula of every cell of the window, shifted as Excel shifts it,
 * and each of those is computed fire-and-forget (calculateFormula): nothing enters the dependency graph, where every
 * formula would link itself to each cell of the ranges it reads (the audit's key lists run to thousands of cells)
 * and stay to be recomputed on every edit.
 */
export class RuleEvaluator {
  private readonly slots: Slot[] = [];

  constructor(private readonly hf: HyperFormula) {}

  /** The slot for the index-th rule of a window, holding `formula` at `anchor`. */
  private slot(index: number, anchor: SimpleCellAddress, formula: string): SimpleCellAddress {
    while (this.slots.length <= index) {
      const name = this.hf.addSheet(SCRATCH_NAME(this.slots.length + 1));
      this.slots.push({ sheet: this.hf.getSheetId(name) as number, anchor: null, formula: null });
    }
    const slot = this.slots[index] as Slot;
    const at = { ...anchor, sheet: slot.sheet };
    const same =
      slot.formula === formula && slot.anchor?.row === at.row && slot.anchor.col === at.col;
    if (!same) {
      if (slot.anchor) this.hf.setCellContents(slot.anchor, null);
      this.hf.setCellContents(at, formula);
      // The scratch writes are not the user's to undo, and would hold memory in the undo stack.
      this.hf.clearUndoStack();
      slot.anchor = at;
      slot.formula = formula;
    }
    return at;
  }

  /**
   * For each rule, the cells of `window` (rows 1-based, columns 0-based) where it holds, as rows of booleans over
   * the whole window; null for a rule that does not reach the window or that the preview does not evaluate.
   */
  evaluate(
    sheet: string,
    rules: readonly PreviewRule[],
    window: RangeBounds
  ): Array<boolean[][] | null> {
    const height = window.lastRow - window.firstRow + 1;
    const width = window.lastColumn - window.firstColumn + 1;
    let used = 0;
    return rules.map((rule) => {
      if (rule.formula === null || rule.ranges.length === 0) return null;
      let areas: RangeBounds[];
      try {
        areas = rule.ranges.map(rangeBounds);
      } catch {
        return null;
      }
      const first = areas[0] as RangeBounds;
      const parts = areas
        .map((area) => intersect(area, window))
        .filter((part): part is RangeBounds => part !== null);
      if (parts.length === 0) return null;
      const formula = engineFormula(
        qualifyReferences(
          withOwnCell(rule.formula, cellAddress(first.firstColumn, first.firstRow)),
          sheet
        )
      );
      const grid = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
      try {
        const anchor = this.slot(
          used++,
          { sheet: -1, row: first.firstRow - 1, col: first.firstColumn },
          formula
        );
        for (const part of parts) {
          const shifted = this.hf.getFillRangeData(
            { start: anchor, end: anchor },
            {
              start: { sheet: anchor.sheet, row: part.firstRow - 1, col: part.firstColumn },
              end: { sheet: anchor.sheet, row: part.lastRow - 1, col: part.lastColumn },
            }
          );
          shifted.forEach((line, r) =>
            line.forEach((text, c) => {
              const row = grid[part.firstRow - window.firstRow + r];
              if (row && typeof text === "string" && holds(this.compute(text, anchor.sheet)))
                row[part.firstColumn - window.firstColumn + c] = true;
            })
          );
        }
      } catch {
        // A formula the engine cannot read holds nowhere, as a broken rule shows nothing in Excel.
        return grid;
      }
      return grid;
    });
  }

  private compute(formula: string, sheet: number): EngineValue | EngineValue[][] {
    try {
      return this.hf.calculateFormula(formula, sheet);
    } catch {
      return null;
    }
  }
}
