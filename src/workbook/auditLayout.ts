/**
 * How the audit sheet looks, for every host that writes one (Excel, an .xlsx package): which cell holds what, which
 * cells are bold, links or swatches, the column widths, the hidden key columns and the frozen header. The domain's
 * `auditSheetContent` says what the audit found; this module says where it goes.
 */
import { AUDIT_LAYOUT, AuditSheetContent, CellValue, sheetRef } from "../domain";

/** Column widths of the audit sheet in characters: the findings, then the legend's swatch and text. */
export const FINDING_WIDTHS = [6, 8, 12, 22, 10, 12, 90];
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
      else if (value !== "") cells.push({ row: index + 2, column, value: text(value) });
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
