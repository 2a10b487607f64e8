/**
 * How the audit sheet looks, for every host that writes one (Excel, an .xlsx package): which cell holds what, which
 * cells are bold, links or swatches, the column widths, the hidden key columns and the frozen header. The domain's
 * `auditSheetContent` says what the audit found; this module says where it goes.
 */
import { AUDIT_LAYOUT, AuditSheetContent, CellValue, sheetRef } from "../domain";

/** Column widths of the audit sheet in characters: the findings, then the legend's swatch and text. */
export const FINDING_WIDTHS = [6, 8, 12, 30, 10, 12, 90, 22];
export const SWATCH_WIDTH = 4;
export const LEGEND_WIDTH = 60;
/** Excel's hyperlink colour (hex RGB), for the links of the audit sheet. */
export const LINK_COLOR = "0563C1";
/** The most characters an Excel cell holds (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;

/**
 * Text cut to what a cell holds, ending with an ellipsis when it was cut (never inside a surrogate pair).
 * @example cellText("x".repeat(40000)).length // 32767
 */
export function cellText(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let cut = text.slice(0, CELL_TEXT_LIMIT - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A link formula from the audit sheet to a cell of the goal sheet; built from a quoted name and an address only. */
export function linkFormula(goalSheet: string, target: string): string {
  const location = `#${sheetRef(goalSheet)}!${target}`.replace(/"/g, '""');
  return `HYPERLINK("${location}","${target}")`;
}

/** One cell of the audit sheet: 1-based row, 0-based column, its value and, for links, the formula. */
export interface AuditCell {
  row: number;
  column: number;
  value: CellValue;
  /** A link's formula (no "="); its value is the text shown. */
  formula?: string;
  look?: "bold" | "link" | { fill: string };
}

/** The audit sheet as cells and layout. */
export interface AuditSheetLayout {
  cells: AuditCell[];
  /** Width in characters of each column given one (0-based column). */
  widths: Array<{ column: number; width: number }>;
  /** Hidden columns (0-based, inclusive). */
  hidden: { from: number; to: number };
  /** Rows frozen at the top. */
  frozenRows: number;
}

/**
 * Where each piece of an audit goes on its sheet: the findings table from A1 (links in the cell column), the legend
 * beside it, the key lists of the highlight rules in hidden columns further right.
 */
export function auditSheetLayout(content: AuditSheetContent, goalSheet: string): AuditSheetLayout {
  const cells: AuditCell[] = [];
  const text = (value: string | number): CellValue =>
    typeof value === "string" ? cellText(value) : value;
  content.header.forEach((value, column) =>
    cells.push({ row: 1, column, value: text(value), look: "bold" })
  );
  content.rows.forEach((line, index) => {
    const target = content.targets[index];
    line.forEach((value, column) => {
      if (column === 1 && target)
        cells.push({
          row: index + 2,
          column,
          value: target,
          formula: linkFormula(goalSheet, target),
          look: "link",
        });
      else cells.push({ row: index + 2, column, value: text(value) });
    });
  });
  cells.push({
    row: 1,
    column: AUDIT_LAYOUT.legendText,
    value: content.legendTitle,
    look: "bold",
  });
  content.legend.forEach((line, index) => {
    cells.push({
      row: index + 2,
      column: AUDIT_LAYOUT.legendSwatch,
      value: null,
      look: { fill: line.fill },
    });
    cells.push({ row: index + 2, column: AUDIT_LAYOUT.legendText, value: line.text });
  });
  // The note on how the colours stack, under the legend after a blank row: one short line per cell, so that no
  // line runs into the hidden key columns.
  content.legendNote.forEach((line, index) =>
    cells.push({
      row: content.legend.length + 3 + index,
      column: AUDIT_LAYOUT.legendText,
      value: line,
    })
  );
  if (content.omitted !== null)
    cells.push({
      row: content.legend.length + content.legendNote.length + 4,
      column: AUDIT_LAYOUT.legendText,
      value: content.omitted,
      look: "bold",
    });
  content.keys.forEach((list, index) => {
    const column = AUDIT_LAYOUT.firstKeyColumn + index;
    cells.push({ row: 1, column, value: list.header });
    list.values.forEach((key, k) => cells.push({ row: k + 2, column, value: key }));
  });
  return {
    cells,
    widths: [
      ...FINDING_WIDTHS.map((width, column) => ({ column, width })),
      { column: AUDIT_LAYOUT.legendSwatch, width: SWATCH_WIDTH },
      { column: AUDIT_LAYOUT.legendText, width: LEGEND_WIDTH },
    ],
    hidden: {
      from: AUDIT_LAYOUT.firstKeyColumn,
      to: AUDIT_LAYOUT.firstKeyColumn + content.keys.length - 1,
    },
    frozenRows: 1,
  };
}

/** A rectangle of cells to write at once: its top-left (1-based row, 0-based column) and its rows. */
export interface LayoutBlock {
  row: number;
  column: number;
  cells: AuditCell[][];
}

/**
 * Runs of the given cells as rectangles: each column's consecutive rows, merged with the next columns where they
 * cover the same rows. Hosts write a block (or format a range) per rectangle, so the number of operations depends
 * on the layout's shape, not on the number of findings.
 */
export function layoutRectangles(cells: readonly AuditCell[]): LayoutBlock[] {
  const byColumn = new Map<number, AuditCell[]>();
  for (const cell of cells) {
    const list = byColumn.get(cell.column) ?? [];
    list.push(cell);
    byColumn.set(cell.column, list);
  }
  const runs: LayoutBlock[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const list = (byColumn.get(column) as AuditCell[]).sort((a, b) => a.row - b.row);
    let run: AuditCell[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const first = run[0] as AuditCell;
      const last = runs[runs.length - 1];
      // Merge with the run to the left when it covers the same rows.
      if (
        last &&
        last.column + (last.cells[0]?.length ?? 0) === column &&
        last.row === first.row &&
        last.cells.length === run.length
      )
        run.forEach((cell, index) => (last.cells[index] as AuditCell[]).push(cell));
      else runs.push({ row: first.row, column, cells: run.map((cell) => [cell]) });
      run = [];
    };
    for (const cell of list) {
      const previous = run[run.length - 1];
      if (previous && cell.row !== previous.row + 1) flush();
      run.push(cell);
    }
    flush();
  }
  return runs;
}

/** The layout's cells that carry a value, as rectangles to write. */
export function valueBlocks(layout: AuditSheetLayout): LayoutBlock[] {
  return layoutRectangles(layout.cells.filter((cell) => cell.value !== null || cell.formula));
}

/** The layout's looks as rectangles: the bold cells, the links, and each swatch's fill. */
export function lookBlocks(
  layout: AuditSheetLayout
): Array<{ look: NonNullable<AuditCell["look"]>; block: LayoutBlock }> {
  const groups = new Map<string, AuditCell[]>();
  for (const cell of layout.cells) {
    if (cell.look === undefined) continue;
    const key = typeof cell.look === "string" ? cell.look : `fill:${cell.look.fill}`;
    const list = groups.get(key) ?? [];
    list.push(cell);
    groups.set(key, list);
  }
  return [...groups.values()].flatMap((cells) =>
    layoutRectangles(cells).map((block) => ({
      look: (cells[0] as AuditCell).look as NonNullable<AuditCell["look"]>,
      block,
    }))
  );
}
