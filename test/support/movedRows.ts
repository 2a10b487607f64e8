import { RangeBounds } from "../../src/workbook/operations";

/**
 * Where a range goes when whole rows are inserted at `from` (`delta` > 0) or deleted from it (`delta` < 0), as
 * Excel moves tables, rules and drop-downs: one above stays, one below moves, one spanning `from` grows or shrinks.
 * The test doubles of Excel and of the pane's workbook both move their ranges so.
 */
export function movedRows(range: RangeBounds, from: number, delta: number): RangeBounds {
  if (range.lastRow < from) return range;
  const below = range.firstRow >= from + Math.max(0, -delta);
  return {
    ...range,
    firstRow: below ? range.firstRow + delta : range.firstRow,
    lastRow: range.lastRow + delta,
  };
}
