import { AuditResult } from "./audit";
import { CODE_TITLES, fieldName, findingMessage, Lang, SEVERITY_NAMES } from "./catalogue";
import { Finding } from "./findings";
import { ColumnMap } from "./headers";
import {
  findingColumn,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FAMILIES,
  HIGHLIGHT_TITLES,
  HighlightFamily,
  highlightKeys,
} from "./highlights";
import { cellAddress, columnLetters } from "./text";

/** Name of the sheet the audit writes, per language. */
export const AUDIT_SHEET_NAMES: Record<Lang, string> = { en: "Audit", zh: "目标审核" };

/** Row-1 text of each hidden key column: how the add-in recognises its own audit sheet and rules. */
export const KEY_MARKER = "goal-cascade:";

const HEADERS: Record<Lang, string[]> = {
  en: ["Row", "Cell", "Goal ID", "Code", "Severity", "Column", "Finding"],
  zh: ["行", "单元格", "目标编号", "代码", "严重程度", "列", "问题说明"],
};
const LEGEND_TITLE: Record<Lang, string> = { en: "Highlight colours", zh: "高亮颜色说明" };

/** Column layout of the audit sheet (0-based). */
export const AUDIT_LAYOUT = {
  findingColumns: 7,
  /** The legend: a swatch column and a text column. */
  legendSwatch: 8,
  legendText: 9,
  /** First hidden key column; one per highlight family in HIGHLIGHT_FAMILIES order. */
  firstKeyColumn: 11,
} as const;

export interface AuditSheetContent {
  /** Row 1 of the findings table. */
  header: string[];
  /** One row per finding: row, cell, id, code, severity, column, message. */
  rows: (string | number)[][];
  /** The cell each finding points at (A1, on the goal sheet), for a link; null when it has no column. */
  targets: (string | null)[];
  /** Legend: title then one line per family with its colours. */
  legendTitle: string;
  legend: { family: HighlightFamily; text: string; fill: string; font: string }[];
  /** Sorted keys per family, and the absolute reference the rule formulas use for each list. */
  keys: { family: HighlightFamily; header: string; values: number[]; ref: string | null }[];
}

/**
 * What the audit sheet holds, independent of where it is written (Excel, an .xlsx file, the preview).
 * @example auditSheetContent(result, read.columns, "en", "'Audit'").rows[0] // [3, "B3", "T1", "ORPHAN", "error", "Parent", "Parent “C9” …"]
 */
export function auditSheetContent(
  result: AuditResult,
  columns: ColumnMap,
  lang: Lang,
  quotedSheetName: string,
  source = 0
): AuditSheetContent {
  const findings = result.findings.filter((finding) => finding.source === source);
  const rows = findings.map((finding) => findingRow(finding, columns, lang));
  const targets = findings.map((finding) => {
    const column = findingColumn(finding, columns);
    return column === null ? null : cellAddress(column, finding.row);
  });
  const keyLists = highlightKeys(result, columns, source);
  const keys = HIGHLIGHT_FAMILIES.map((family, index) => {
    const values = keyLists[family];
    const letters = columnLetters(AUDIT_LAYOUT.firstKeyColumn + index);
    return {
      family,
      header: `${KEY_MARKER}${family}`,
      values,
      ref:
        values.length === 0
          ? null
          : `${quotedSheetName}!$${letters}$2:$${letters}$${values.length + 1}`,
    };
  });
  return {
    header: HEADERS[lang],
    rows,
    targets,
    legendTitle: LEGEND_TITLE[lang],
    legend: HIGHLIGHT_FAMILIES.map((family) => ({
      family,
      text: HIGHLIGHT_TITLES[family][lang],
      ...HIGHLIGHT_COLORS[family],
    })),
    keys,
  };
}

function findingRow(finding: Finding, columns: ColumnMap, lang: Lang): (string | number)[] {
  const column = findingColumn(finding, columns);
  return [
    finding.row,
    column === null ? "" : cellAddress(column, finding.row),
    finding.id ?? "",
    finding.code,
    SEVERITY_NAMES[finding.severity][lang],
    finding.field ? fieldName(finding.field, lang) : "",
    findingMessage(finding, lang),
  ];
}

/** The short title of a code, for summaries. */
export function codeTitle(code: Finding["code"], lang: Lang): string {
  return CODE_TITLES[code][lang];
}
