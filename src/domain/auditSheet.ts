import { AuditResult } from "./audit";
import { CODE_TITLES, fieldName, findingMessage, Lang, SEVERITY_TITLES } from "./catalogue";
import { Finding } from "./findings";
import { ColumnMap } from "./headers";
import {
  findingColumn,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FAMILIES,
  HIGHLIGHT_PRECEDENCE_LINES,
  HIGHLIGHT_TITLES,
  HighlightFamily,
  highlightKeys,
  HighlightKeys,
  keyedFormula,
  KEY_MARKER,
  LocalCondition,
  localFormula,
} from "./highlights";
import { Field } from "./model";
import { cellAddress, columnLetters } from "./text";

/** Name of the sheet the audit writes, per language. */
export const AUDIT_SHEET_NAMES: Record<Lang, string> = { en: "Audit", zh: "目标审核" };

/** The finding named in words first; its code last, in a column of its own to filter on. */
const HEADERS: Record<Lang, string[]> = {
  en: ["Row", "Cell", "Goal ID", "Problem", "Severity", "Column", "Finding", "Code"],
  zh: ["行", "单元格", "目标编号", "问题", "严重程度", "列", "问题说明", "代码"],
};
const LEGEND_TITLE: Record<Lang, string> = { en: "Highlight colours", zh: "高亮颜色说明" };

/** Column layout of the audit sheet (0-based). */
export const AUDIT_LAYOUT = {
  findingColumns: 8,
  /** The legend: a swatch column and a text column. */
  legendSwatch: 8,
  legendText: 9,
  /** First hidden key column; one per highlight family in HIGHLIGHT_FAMILIES order. */
  firstKeyColumn: 11,
} as const;

/**
 * The most findings the audit sheet lists. Past it the sheet says how many it left out (the highlights, the pane and
 * the command line's report still cover every finding): a million rows of findings is more than a manager can read,
 * more than Excel's grid holds once there are over 1,048,575, and hundreds of megabytes to write.
 */
export const AUDIT_SHEET_MAX_FINDINGS = 100_000;

const OMITTED: Record<Lang, (listed: number, total: number) => string> = {
  en: (listed, total) =>
    `Listed: the first ${listed.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} findings. The highlights on the goal sheet cover all of them.`,
  zh: (listed, total) => `仅列出 ${total} 条问题中的前 ${listed} 条；目标表上的高亮涵盖全部问题。`,
};

export interface AuditSheetContent {
  /** Row 1 of the findings table. */
  header: string[];
  /** One row per finding: row, cell, id, problem (the code's name), severity, column, message, code. */
  rows: (string | number)[][];
  /** The cell each finding points at (A1, on the goal sheet), for a link; null when it has no column. */
  targets: (string | null)[];
  /** Legend: title then one line per family with its colours. */
  legendTitle: string;
  /** How the colours stack, in short lines, written under the legend. */
  legendNote: string[];
  legend: { family: HighlightFamily; text: string; fill: string; font: string }[];
  /** Says how many findings were left off the list (AUDIT_SHEET_MAX_FINDINGS), or null when all are listed. */
  omitted: string | null;
  /**
   * Per family its key list (`key|field` texts, see highlightKeys), the absolute reference of the list and of its
   * header cell (the marker the rules check).
   */
  keys: {
    family: HighlightFamily;
    header: string;
    values: string[];
    ref: string | null;
    marker: string;
  }[];
  /** Conditions the rules read from each row (an empty owner, no deadline, an empty id). */
  local: HighlightKeys["local"];
}

/**
 * What the audit sheet holds, independent of where it is written (Excel, an .xlsx file, the preview).
 * @example auditSheetContent(result, read.columns, "en", "'Audit'").rows[0] // [3, "B3", "T1", "Orphan goal (cascade gap)", "Error", "Parent", "Parent “C9” …", "ORPHAN"]
 */
export function auditSheetContent(
  result: AuditResult,
  columns: ColumnMap,
  lang: Lang,
  quotedSheetName: string,
  source = 0
): AuditSheetContent {
  const all = result.findings.filter((finding) => finding.source === source);
  const findings =
    all.length > AUDIT_SHEET_MAX_FINDINGS ? all.slice(0, AUDIT_SHEET_MAX_FINDINGS) : all;
  const rows = findings.map((finding) => findingRow(finding, columns, lang));
  const targets = findings.map((finding) => {
    const column = findingColumn(finding, columns);
    return column === null ? null : cellAddress(column, finding.row);
  });
  const found = highlightKeys(result, columns, source);
  const keys = HIGHLIGHT_FAMILIES.map((family, index) => {
    const values = found.keys[family];
    const letters = columnLetters(AUDIT_LAYOUT.firstKeyColumn + index);
    return {
      family,
      header: `${KEY_MARKER}${family}`,
      values,
      ref:
        values.length === 0
          ? null
          : `${quotedSheetName}!$${letters}$2:$${letters}$${values.length + 1}`,
      marker: `${quotedSheetName}!$${letters}$1`,
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
    omitted: all.length > findings.length ? OMITTED[lang](findings.length, all.length) : null,
    keys,
    local: found.local,
  };
}

function findingRow(finding: Finding, columns: ColumnMap, lang: Lang): (string | number)[] {
  const column = findingColumn(finding, columns);
  return [
    finding.row,
    column === null ? "" : cellAddress(column, finding.row),
    finding.id ?? "",
    CODE_TITLES[finding.code][lang],
    SEVERITY_TITLES[finding.severity][lang],
    finding.field ? fieldName(finding.field, lang) : "",
    findingMessage(finding, lang),
    finding.code,
  ];
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
 * The audit's conditional-format rules (DESIGN §6), over the table's data rows only, in the families' order (most
 * severe first). Each keyed family has a rule per field it colours, on that field's column: it looks the row's
 * goal up in the family's list by its id, so that the colour follows the goal when rows are sorted, filtered,
 * inserted or deleted. Conditions a row shows itself (an empty owner, no deadline, an empty id) have rules that
 * read the row, so that the colour goes as soon as the cell is filled in. The number of rules depends on the
 * fields flagged, never on the table's size.
 * @example highlightRules(content, read.columns, { firstDataRow: 4, lastRow: 40 })[0].range // "B4:B40"
 */
export function highlightRules(
  content: AuditSheetContent,
  columns: ColumnMap,
  rows: { firstDataRow: number; lastRow: number }
): HighlightRuleSpec[] {
  const first = rows.firstDataRow;
  const lastRow = Math.max(first, rows.lastRow);
  // Without an id column goals are keyed by their text (highlightKeys).
  const byText = columns.id === undefined;
  const idColumn = columns.id ?? columns.goal;
  if (idColumn === undefined) return [];
  const cellOf = (column: number) => `$${columnLetters(column)}${first}`;
  const rangeOf = (column: number) =>
    `${columnLetters(column)}${first}:${columnLetters(column)}${lastRow}`;
  // A goal's row: one of its required cells is filled (all of its cells would make the formula too long).
  const rowCells = [columns.id, columns.goal, columns.target]
    .filter((column): column is number => column !== undefined)
    .map(cellOf);
  const rules: HighlightRuleSpec[] = [];
  for (const list of content.keys) {
    const family = list.family;
    // Local rules first within their family: they are what the row itself shows.
    for (const { condition, family: localFamily } of content.local) {
      if (localFamily !== family) continue;
      const { column, blank } = localCells(condition, columns, idColumn);
      rules.push({
        family,
        range: rangeOf(column),
        formula: localFormula(list.marker, family, rowCells, blank.map(cellOf)),
        ...HIGHLIGHT_COLORS[family],
      });
    }
    if (list.ref === null) continue;
    if (STATUS_FAMILIES.has(family) && columns.actual === undefined) continue;
    const fields = [
      ...new Set(list.values.map((value) => value.slice(value.lastIndexOf("|") + 1))),
    ];
    for (const field of fields) {
      const column = columns[field as Field];
      if (column === undefined) continue;
      rules.push({
        family,
        range: rangeOf(column),
        formula: keyedFormula(list.ref, cellOf(idColumn), field as Field, byText),
        ...HIGHLIGHT_COLORS[family],
      });
    }
  }
  return rules;
}

/** The column a local condition colours and the cells it reads as blank. */
function localCells(
  condition: LocalCondition,
  columns: ColumnMap,
  idColumn: number
): { column: number; blank: number[] } {
  const present = (...fields: Field[]) =>
    fields
      .map((field) => columns[field])
      .filter((column): column is number => column !== undefined);
  switch (condition) {
    case "noOwner":
      return { column: columns.owner ?? idColumn, blank: present("owner") };
    case "noDeadline":
      return { column: columns.deadline ?? idColumn, blank: present("deadline", "period") };
    case "noId":
      return { column: idColumn, blank: [idColumn] };
  }
}
