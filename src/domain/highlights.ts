import { AuditResult } from "./audit";
import { FAMILY, Finding } from "./findings";
import { ColumnMap } from "./headers";
import { Field } from "./model";

/** Row-1 text of each hidden key column: how the add-in recognises its own audit sheet and rules. */
export const KEY_MARKER = "goal-cascade:";

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

/**
 * Row × this + column was the key of a highlighted cell in audits written before highlights followed their goals;
 * kept so that such an audit is still recognised (and replaced or cleared) as the add-in's own.
 */
export const KEY_ROW_FACTOR = 100000;

/**
 * The key of a worksheet cell (1-based row, 0-based column), as the preview indexes a sheet's cells.
 * @example cellKey(5, 2) // 500003
 */
export function cellKey(row: number, column: number): number {
  return row * KEY_ROW_FACTOR + column + 1;
}

/** The row and 0-based column of a key. */
export function keyCell(key: number): { row: number; column: number } {
  return { row: Math.floor(key / KEY_ROW_FACTOR), column: (key % KEY_ROW_FACTOR) - 1 };
}

/** The worksheet column a finding points at: its field's column, else the id column (the goal's without one). */
export function findingColumn(finding: Pick<Finding, "field">, columns: ColumnMap): number | null {
  const field: Field | null = finding.field;
  const column = field !== null ? columns[field] : undefined;
  return column ?? columns.id ?? columns.goal ?? null;
}

/** The field whose column a finding colours (its own field's, else the id's or the goal's, as findingColumn). */
function findingField(finding: Pick<Finding, "field">, columns: ColumnMap): Field | null {
  if (finding.field !== null && columns[finding.field] !== undefined) return finding.field;
  if (columns.id !== undefined) return "id";
  return columns.goal !== undefined ? "goal" : null;
}

/** The family a finding is coloured in, or null for findings that colour no cell (DESIGN §6). */
export function highlightFamilyOf(
  code: Finding["code"]
): "structure" | "duplication" | "smart" | null {
  if (code === "BAD_VALUE") return "structure";
  if (code === "WEIGHTS_NOT_100") return "smart";
  const family = FAMILY[code];
  return family === "structure" || family === "duplication" || family === "smart" ? family : null;
}

/**
 * Findings whose condition a rule can read from the goal's own row, so that the colour comes and goes with the
 * cell as it is edited: an empty owner, no deadline or period, an empty id.
 */
export type LocalCondition = "noOwner" | "noDeadline" | "noId";

function localCondition(finding: Finding): LocalCondition | null {
  if (finding.code === "MISSING_OWNER") return "noOwner";
  if (finding.code === "SMART_T" && finding.variant === "noDeadline") return "noDeadline";
  if (finding.code === "BAD_VALUE" && finding.variant === "noId") return "noId";
  return null;
}

/**
 * A goal's key in the highlight lists: its id as Excel's TRIM would leave the id cell's text, with the characters
 * MATCH reads as wildcards (and the escape character itself) spelled out, so that the lookup is exact in Excel,
 * LibreOffice and HyperFormula alike. The rule formula computes the same from the cell (see keyExpression).
 * @example goalKey("T*1  a") // "T¤2A1 a"
 */
export function goalKey(id: string, byText = false): string {
  const trimmed = excelTrim(id);
  return (byText ? excelTrim(trimmed.slice(0, KEY_TEXT_LENGTH)) : trimmed)
    .replace(/¤/g, "¤A4")
    .replace(/~/g, "¤7E")
    .replace(/\*/g, "¤2A")
    .replace(/\?/g, "¤3F");
}

/** What Excel's TRIM leaves of a text: no spaces at either end, single spaces between words. */
function excelTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/**
 * Characters of a goal's text that key it when ids come from rows: MATCH looks up at most 255 characters (Excel
 * specifications and limits), the key's escapes and "|field" included.
 */
export const KEY_TEXT_LENGTH = 200;

/**
 * The formula computing goalKey from the key cell (an absolute column, a row relative to the rule's range): the id
 * cell, or the goal cell when ids come from rows (`byText`).
 */
export function keyExpression(idCell: string, byText = false): string {
  const trimmed = byText
    ? `TRIM(LEFT(TRIM(${idCell}&""),${KEY_TEXT_LENGTH}))`
    : `TRIM(${idCell}&"")`;
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${trimmed},"¤","¤A4"),"~","¤7E"),"*","¤2A"),"?","¤3F")`;
}

/** What the highlight rules need from an audit: per family the keyed cells, and the local conditions found. */
export interface HighlightKeys {
  /** Per family, sorted unique entries `key|field`: the goal (see goalKey) and the field whose cell is coloured. */
  keys: Record<HighlightFamily, string[]>;
  /** Local conditions found at least once, with the family they are coloured in. */
  local: Array<{ condition: LocalCondition; family: "structure" | "smart" }>;
}

/**
 * The cells each highlight family colours, keyed by goal so that the colours follow their goals when rows are
 * sorted, filtered, inserted or deleted: a finding's goal and the field of its cell for the structure, duplication
 * and SMART families, the actual cell of every goal with a status for the status families. Findings a goal's own
 * row shows (an empty owner, no deadline, an empty id) are left to local rules. Only goals of table `source` count;
 * a goal without an id has no key and its other findings colour nothing (the audit sheet lists them). In a table
 * without an id column (ids are rows, which a sort changes) a goal is keyed by its text: goals of the same text
 * share their colours.
 * @example highlightKeys(result, read.columns).keys.structure // ["T4|parent", …]
 */
export function highlightKeys(result: AuditResult, columns: ColumnMap, source = 0): HighlightKeys {
  const keys: Record<HighlightFamily, string[]> = {
    structure: [],
    duplication: [],
    smart: [],
    offTrack: [],
    atRisk: [],
    onTrack: [],
  };
  const local = new Map<LocalCondition, "structure" | "smart">();
  const byText = columns.id === undefined;
  const keyOf = (goal: AuditResult["goals"][number]): string | null =>
    byText ? goal.goal : goal.id;
  const ids = new Map<number, string>();
  // Objectives written beside their key results have no row of their own for a rule to colour.
  const unshown = new Set<string>();
  for (const goal of result.goals) {
    if (goal.shownIn !== undefined) {
      if (goal.source === source && goal.id !== null) unshown.add(goal.id);
      continue;
    }
    const key = goal.source === source ? keyOf(goal) : null;
    if (key !== null) ids.set(goal.row, key);
  }
  for (const finding of result.findings) {
    if (finding.source !== source) continue;
    if (unshown.size > 0 && finding.id !== null && unshown.has(finding.id)) continue;
    const family = highlightFamilyOf(finding.code);
    if (family === null) continue;
    const condition = localCondition(finding);
    if (condition !== null) {
      local.set(condition, condition === "noId" ? "structure" : "smart");
      continue;
    }
    const field = findingField(finding, columns);
    const id = (byText ? null : finding.id) ?? ids.get(finding.row) ?? null;
    if (field !== null && id !== null) keys[family].push(`${goalKey(id, byText)}|${field}`);
  }
  if (columns.actual !== undefined) {
    result.statuses.forEach((status, index) => {
      const goal = result.goals[index];
      const key = goal && goal.source === source && !goal.shownIn ? keyOf(goal) : null;
      if (status && key !== null) keys[status.status].push(`${goalKey(key, byText)}|actual`);
    });
  }
  for (const family of HIGHLIGHT_FAMILIES) keys[family] = [...new Set(keys[family])].sort();
  return { keys, local: [...local].map(([condition, family]) => ({ condition, family })) };
}

/**
 * A keyed rule's formula: true where the row's goal and this column's field are in the family's list. MATCH with
 * match type 0 is an exact lookup (Excel and LibreOffice cache it), never a binary search over text, whose sort
 * order differs between programs. A row without an id finds nothing (no key starts with "|"); a deleted audit sheet
 * turns the reference into #REF! and the rule off. Kept under 255 characters, the most Excel's conditional-format
 * formulas take.
 * @example keyedFormula("'Audit'!$L$2:$L$9", "$A4", "parent") // "ISNUMBER(MATCH(SUBSTITUTE(…"
 */
export function keyedFormula(
  keysRef: string,
  idCell: string,
  field: Field,
  byText = false
): string {
  return `ISNUMBER(MATCH(${keyExpression(idCell, byText)}&"|${field}",${keysRef},0))`;
}

/**
 * A local rule's formula: true on the rows (any goal cell not blank) whose own cells show the condition.
 * `rowCells` are the row's goal cells (absolute columns, relative row), `cells` the ones the condition reads.
 */
export function localFormula(
  marker: string,
  family: HighlightFamily,
  rowCells: readonly string[],
  blankCells: readonly string[]
): string {
  const blank = blankCells.map((cell) => `LEN(TRIM(${cell}&""))=0`);
  return `AND(${[
    `${marker}="${KEY_MARKER}${family}"`,
    `LEN(TRIM(${rowCells.join("&")}))>0`,
    ...blank,
  ].join(",")})`;
}

/**
 * Quotes a sheet name for a formula reference.
 * @example sheetRef("审核 结果") // "'审核 结果'"
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
