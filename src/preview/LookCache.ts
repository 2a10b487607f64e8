/**
 * The looks conditional formats give the grid's cells, computed for the cells on screen and cached in blocks of
 * rows: scrolling a few rows computes a block or two, a screen reuses what it computed before, an edit drops them all.
 */
import { cellKey } from "../domain";
import { RangeBounds, rangeBounds } from "../workbook/operations";
import { CellLook, PreviewSheet } from "./previewSheet";
import { RuleEvaluator } from "./RuleEvaluator";

/** Rows of one cached block of looks. */
export const LOOK_BLOCK_ROWS = 5;
const LOOK_CACHE_BLOCKS = 800;

export class LookCache {
  private version = -1;
  private readonly blocks = new Map<string, Array<Array<CellLook | null>>>();

  /**
   * The look of each cell of a window (rows 1-based, columns 0-based) at a content version: the fill, font colour
   * and boldness the conditional formats give it, over the cell's own. Each rule's formula is evaluated by the
   * engine for the cells of the window only, shifted from its range's top-left cell as Excel shifts it. Rules apply
   * in the sheet's order (a loaded file's in Excel's priority order, then rules added later: the audit's come after
   * the user's rules that were there before); for each of fill, font colour and bold, the first rule that holds and
   * sets it wins, as Excel combines the formats of rules that hold.
   */
  looks(
    evaluator: RuleEvaluator,
    meta: PreviewSheet,
    version: number,
    window: RangeBounds
  ): Array<Array<CellLook | null>> {
    if (this.version !== version) {
      this.blocks.clear();
      this.version = version;
    }
    const { firstRow, lastRow, firstColumn, lastColumn } = window;
    const out: Array<Array<CellLook | null>> = [];
    const firstBlock = Math.floor((firstRow - 1) / LOOK_BLOCK_ROWS);
    const lastBlock = Math.floor((lastRow - 1) / LOOK_BLOCK_ROWS);
    for (let block = firstBlock; block <= lastBlock; block++) {
      const key = `${meta.name}\u0000${block}\u0000${firstColumn}\u0000${lastColumn}`;
      let looks = this.blocks.get(key);
      const blockFirst = block * LOOK_BLOCK_ROWS + 1;
      if (looks) {
        // Least recently used goes first when the cache is full.
        this.blocks.delete(key);
      } else {
        looks = computeLooks(evaluator, meta, {
          firstRow: blockFirst,
          lastRow: blockFirst + LOOK_BLOCK_ROWS - 1,
          firstColumn,
          lastColumn,
        });
      }
      this.blocks.set(key, looks);
      if (this.blocks.size > LOOK_CACHE_BLOCKS) {
        const oldest = this.blocks.keys().next().value;
        if (oldest !== undefined) this.blocks.delete(oldest);
      }
      const from = Math.max(firstRow, blockFirst);
      const to = Math.min(lastRow, blockFirst + LOOK_BLOCK_ROWS - 1);
      for (let row = from; row <= to; row++) out.push(looks[row - blockFirst] ?? []);
    }
    return out;
  }
}

function computeLooks(
  evaluator: RuleEvaluator,
  meta: PreviewSheet,
  window: RangeBounds
): Array<Array<CellLook | null>> {
  const hits = evaluator.evaluate(meta.name, meta.rules, window);
  const headerRows = meta.tables.map((table) => rangeBounds(table.address));
  const looks: Array<Array<CellLook | null>> = [];
  for (let row = window.firstRow; row <= window.lastRow; row++) {
    const line: Array<CellLook | null> = [];
    for (let column = window.firstColumn; column <= window.lastColumn; column++) {
      const look: CellLook = {};
      meta.rules.forEach((rule, index) => {
        if (!hits[index]?.[row - window.firstRow]?.[column - window.firstColumn]) return;
        if (look.fill === undefined && rule.fill) look.fill = rule.fill;
        if (look.font === undefined && rule.font) look.font = rule.font;
        if (look.bold === undefined && rule.bold !== undefined) look.bold = rule.bold;
      });
      const own = meta.looks.get(cellKey(row, column));
      if (own) {
        look.fill ??= own.fill;
        look.font ??= own.font;
        look.bold ??= own.bold;
      }
      // A table's header row shows bold, as Excel's table styles show it.
      if (
        look.bold === undefined &&
        headerRows.some(
          (bounds) =>
            bounds.firstRow === row && column >= bounds.firstColumn && column <= bounds.lastColumn
        )
      )
        look.bold = true;
      for (const property of ["fill", "font", "bold"] as const)
        if (look[property] === undefined) delete look[property];
      line.push(Object.keys(look).length > 0 ? look : null);
    }
    looks.push(line);
  }
  return looks;
}
