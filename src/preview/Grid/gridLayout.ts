/**
 * The geometry of the grid: row height, header sizes, and each column's width and left edge on a sheet.
 */
import { RangeBounds } from "../../workbook/operations";
import { PreviewWorkbook } from "../PreviewWorkbook";
import { widthInPixels } from "../previewSheet";

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 52;
/** Rows and columns shown beyond what a sheet holds, so that there is room to type. */
const SPARE_ROWS = 50;
const MIN_ROWS = 100;
const SPARE_COLUMNS = 4;
const MIN_COLUMNS = 26;

/** A cell of the grid: 1-based row, 0-based column, as the domain numbers cells. */
export interface CellPosition {
  row: number;
  column: number;
}

export interface GridLayout {
  sheet: string;
  rowCount: number;
  columnCount: number;
  /** Pixel width of each column (0 when hidden) and its left edge after the row headers. */
  widths: number[];
  lefts: number[];
  /** Row headers and every column. */
  totalWidth: number;
  /** Rows frozen at the top of the sheet (Freeze Panes): drawn again over the scrolled rows. */
  frozenRows: number;
}

/** The most frozen rows drawn over the scrolled ones (a pane frozen lower would fill the grid). */
const FROZEN_ROWS_SHOWN = 10;

/** The layout of a sheet as the workbook holds it now. */
export function gridLayout(workbook: PreviewWorkbook, sheet: string): GridLayout {
  const size = workbook.sheetSize(sheet);
  const rowCount = Math.max(MIN_ROWS, size.rows + SPARE_ROWS);
  const columnCount = Math.max(MIN_COLUMNS, size.columns + SPARE_COLUMNS);
  const widths: number[] = [];
  const lefts: number[] = [];
  let left = 0;
  for (let column = 0; column < columnCount; column++) {
    const characters = workbook.columnWidth(sheet, column);
    const width = characters === 0 ? 0 : widthInPixels(characters);
    widths.push(width);
    lefts.push(left);
    left += width;
  }
  return {
    sheet,
    rowCount,
    columnCount,
    widths,
    lefts,
    totalWidth: ROW_HEADER_WIDTH + left,
    frozenRows: Math.min(workbook.sheetInfo(sheet).frozenRows, FROZEN_ROWS_SHOWN),
  };
}

/** The range between two cells. */
export function boundsBetween(a: CellPosition, b: CellPosition): RangeBounds {
  return {
    firstRow: Math.min(a.row, b.row),
    lastRow: Math.max(a.row, b.row),
    firstColumn: Math.min(a.column, b.column),
    lastColumn: Math.max(a.column, b.column),
  };
}

/** The box a range covers inside the grid's scrolled content (below the column headers, right of row headers). */
export function boxOf(
  layout: GridLayout,
  bounds: RangeBounds
): { top: number; left: number; width: number; height: number } {
  const lastColumn = Math.min(bounds.lastColumn, layout.columnCount - 1);
  const left = ROW_HEADER_WIDTH + (layout.lefts[bounds.firstColumn] ?? 0);
  const right =
    ROW_HEADER_WIDTH + (layout.lefts[lastColumn] ?? 0) + (layout.widths[lastColumn] ?? 0);
  return {
    top: HEADER_HEIGHT + (bounds.firstRow - 1) * ROW_HEIGHT,
    left,
    width: Math.max(0, right - left),
    height: (bounds.lastRow - bounds.firstRow + 1) * ROW_HEIGHT,
  };
}
