import { AuditResult } from "./audit";
import { CODE_TITLES, fieldName, findingMessage, Lang, SEVERITY_NAMES } from "./catalogue";
import { Finding } from "./findings";
import { ColumnMap } from "./headers";
import {
  findingColumn,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FAMILIES,
  HIGHLIGHT_PRECEDENCE_LINES,
  HIGHLIGHT_TITLES,
  HighlightFamily,
  highlightFormula,
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
  /** How the colours stack, in short lines, written under the legend. */
  legendNote: string[];
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
    legendNote: [...HIGHLIGHT_PRECEDENCE_LINES[lang]],
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

/** A conditional-format rule of the audit: where it applies, its formula and its colours. */
export interface HighlightRuleSpec {
  family: HighlightFamily;
  /** A1 range on the goal sheet, e.g. "A4:Q40". */
  range: string;
  /** English formula, relative to the range's top-left cell, without "=". */
  formula: string;
  fill: string;
  font: string;
}

const STATUS_FAMILIES: ReadonlySet<HighlightFamily> = new Set(["offTrack", "atRisk", "onTrack"]);

/**
 * The audit's conditional-format rules (DESIGN §6): at most one per family, whatever the table's size. Finding
 * families cover the table's data rows across its columns; status families cover the actual column only. Each
 * formula looks its cell up in the family's key list on the audit sheet.
 * @example highlightRules(content, read.columns, { firstDataRow: 4, lastRow: 40 })[0].range // "A4:Q40"
 */
export function highlightRules(
  content: AuditSheetContent,
  columns: ColumnMap,
  rows: { firstDataRow: number; lastRow: number }
): HighlightRuleSpec[] {
  const fieldColumns = Object.values(columns) as number[];
  if (fieldColumns.length === 0) return [];
  const left = Math.min(...fieldColumns);
  const right = Math.max(...fieldColumns);
  const lastRow = Math.max(rows.firstDataRow, rows.lastRow);
  const rules: HighlightRuleSpec[] = [];
  for (const list of content.keys) {
    if (list.ref === null) continue;
    const status = STATUS_FAMILIES.has(list.family);
    if (status && columns.actual === undefined) continue;
    const from = status ? (columns.actual as number) : left;
    const to = status ? (columns.actual as number) : right;
    const topLeft = `${columnLetters(from)}${rows.firstDataRow}`;
    rules.push({
      family: list.family,
      range: `${topLeft}:${columnLetters(to)}${lastRow}`,
      formula: highlightFormula(list.ref, topLeft),
      ...HIGHLIGHT_COLORS[list.family],
    });
  }
  return rules;
}
