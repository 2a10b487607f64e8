import { AuditResult } from "./audit";
import { FAMILY, Finding } from "./findings";
import { ColumnMap } from "./headers";
import { Field } from "./model";

/** The colour families of DESIGN §6: three for findings, three for the status of the actual column. */
export const HIGHLIGHT_FAMILIES = [
  "structure",
  "duplication",
  "smart",
  "offTrack",
  "atRisk",
  "onTrack",
] as const;
export type HighlightFamily = (typeof HIGHLIGHT_FAMILIES)[number];

/** Fill and font colours (hex RGB, no #), the same in Excel, the preview and the CLI's annotated copy. */
export const HIGHLIGHT_COLORS: Record<HighlightFamily, { fill: string; font: string }> = {
  structure: { fill: "FFC7CE", font: "9C0006" },
  duplication: { fill: "F8CBAD", font: "843C0C" },
  smart: { fill: "FFEB9C", font: "7F6000" },
  offTrack: { fill: "FF8B8B", font: "7A0000" },
  atRisk: { fill: "FFD966", font: "5F4800" },
  onTrack: { fill: "C6EFCE", font: "006100" },
};

/**
 * How the highlights stack, said wherever the colours are explained: the add-in's rules sit on top of the user's own
 * conditional formats while an audit is shown, and where several families flag one cell the first in this order
 * wins (each rule stops the ones below it).
 */
export const HIGHLIGHT_PRECEDENCE_LINES: Record<"en" | "zh", string[]> = {
  en: [
    "While the audit is shown its colours sit over your own conditional formats;",
    "where several apply to a cell, the first in this list wins.",
    "Clear audit brings yours back.",
  ],
  zh: [
    "审核结果显示期间，这些颜色覆盖您自己的条件格式；",
    "同一单元格适用多种颜色时，以此列表中靠前者为准。",
    "清除审核后恢复您的格式。",
  ],
};

/** The precedence note as one paragraph (the pane's legend). */
export const HIGHLIGHT_PRECEDENCE = {
  en: HIGHLIGHT_PRECEDENCE_LINES.en.join(" "),
  zh: HIGHLIGHT_PRECEDENCE_LINES.zh.join(""),
};

export const HIGHLIGHT_TITLES: Record<HighlightFamily, { en: string; zh: string }> = {
  structure: {
    en: "Structure: orphan, duplicate id, loop, nobody executes, children fall short",
    zh: "结构：目标断层、编号重复、循环、无人执行、下级不足",
  },
  duplication: {
    en: "Duplication: copies its parent, identical siblings",
    zh: "重复：照搬上级、同级相同",
  },
  smart: { en: "SMART and owner", zh: "SMART 与责任人" },
  offTrack: { en: "Actual: off track", zh: "实际值：落后" },
  atRisk: { en: "Actual: at risk", zh: "实际值：预警" },
  onTrack: { en: "Actual: on track", zh: "实际值：达标" },
};

/** A cell's key in the highlight lists: row × 100000 + column number (1-based), as the rule formula computes it. */
export const KEY_ROW_FACTOR = 100000;

/**
 * The key of a worksheet cell (1-based row, 0-based column).
 * @example cellKey(5, 2) // 500003
 */
export function cellKey(row: number, column: number): number {
  return row * KEY_ROW_FACTOR + column + 1;
}

/** The row and 0-based column of a key. */
export function keyCell(key: number): { row: number; column: number } {
  return { row: Math.floor(key / KEY_ROW_FACTOR), column: (key % KEY_ROW_FACTOR) - 1 };
}

/** The worksheet column a finding points at: its field's column, else the id column. */
export function findingColumn(finding: Pick<Finding, "field">, columns: ColumnMap): number | null {
  const field: Field | null = finding.field;
  const column = field !== null ? columns[field] : undefined;
  return column ?? columns.id ?? null;
}

/**
 * The cells each highlight family colours, as sorted unique keys (see `cellKey`): the finding's cell for the
 * structure, duplication and SMART families, the actual cell of every goal with a status for the status families.
 * Only goals of table `source` count.
 * @example highlightKeys(result, read.columns).structure // [300004, …]
 */
export function highlightKeys(
  result: AuditResult,
  columns: ColumnMap,
  source = 0
): Record<HighlightFamily, number[]> {
  const keys: Record<HighlightFamily, number[]> = {
    structure: [],
    duplication: [],
    smart: [],
    offTrack: [],
    atRisk: [],
    onTrack: [],
  };
  for (const finding of result.findings) {
    if (finding.source !== source) continue;
    const family = FAMILY[finding.code];
    if (family !== "structure" && family !== "duplication" && family !== "smart") continue;
    const column = findingColumn(finding, columns);
    if (column !== null) keys[family].push(cellKey(finding.row, column));
  }
  const actual = columns.actual;
  if (actual !== undefined) {
    result.statuses.forEach((status, index) => {
      const goal = result.goals[index];
      if (status && goal && goal.source === source)
        keys[status.status].push(cellKey(goal.row, actual));
    });
  }
  for (const family of HIGHLIGHT_FAMILIES) keys[family] = uniqueSorted(keys[family]);
  return keys;
}

function uniqueSorted(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (const value of sorted) if (out[out.length - 1] !== value) out.push(value);
  return out;
}

/**
 * The conditional-format rule formula for one family: true where the cell's key is in the sorted key list
 * `keysRef` (an absolute reference such as `'Audit'!$K$2:$K$40`). MATCH with match type 1 is a binary search, so
 * the rule costs O(log n) per cell. `topLeft` is the first cell of the range the rule applies to (A1 style, relative):
 * Excel and LibreOffice shift it for each cell.
 * @example highlightFormula("'Audit'!$K$2:$K$9", "A2") // "IFERROR(INDEX('Audit'!$K$2:$K$9,MATCH(ROW(A2)*100000+COLUMN(A2),…
 */
export function highlightFormula(keysRef: string, topLeft: string): string {
  const key = `ROW(${topLeft})*${KEY_ROW_FACTOR}+COLUMN(${topLeft})`;
  return `IFERROR(INDEX(${keysRef},MATCH(${key},${keysRef},1))=${key},FALSE())`;
}

/**
 * Quotes a sheet name for a formula reference.
 * @example sheetRef("审核 结果") // "'审核 结果'"
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
