import { CellValue, Field, FIELDS, REQUIRED_FIELDS } from "./model";
import { readText, UNREADABLE } from "./values";
import { normalizeText } from "./text";

/** Accepted headers per field, in English and Chinese (DESIGN §2). The first of each is the canonical one. */
export const HEADERS: Record<Field, { en: string[]; zh: string[] }> = {
  id: { en: ["ID", "Goal ID"], zh: ["目标编号", "编号"] },
  parent: { en: ["Parent", "Parent ID"], zh: ["上级目标", "上级编号"] },
  level: { en: ["Level"], zh: ["层级"] },
  owner: { en: ["Owner", "Responsible"], zh: ["责任人", "负责人"] },
  goal: { en: ["Goal", "Objective", "Description"], zh: ["目标", "目标描述"] },
  kpi: { en: ["KPI", "Metric"], zh: ["指标"] },
  unit: { en: ["Unit"], zh: ["单位"] },
  direction: { en: ["Direction"], zh: ["方向"] },
  rollup: { en: ["Rollup", "Aggregation"], zh: ["汇总方式"] },
  period: { en: ["Period"], zh: ["周期"] },
  start: { en: ["Start"], zh: ["开始日期"] },
  deadline: { en: ["Deadline", "Due"], zh: ["截止日期", "期限"] },
  baseline: { en: ["Baseline", "Last actual"], zh: ["基线", "上期实际"] },
  target: { en: ["Target"], zh: ["目标值"] },
  actual: { en: ["Actual"], zh: ["实际值", "完成值"] },
  weight: { en: ["Weight"], zh: ["权重"] },
  exempt: { en: ["Exempt"], zh: ["免于考核"] },
};

const HEADER_INDEX = new Map<string, Field>();
for (const field of FIELDS) {
  for (const header of [...HEADERS[field].en, ...HEADERS[field].zh])
    HEADER_INDEX.set(normalizeText(header), field);
}

/**
 * The field a header cell names, or null. Case, width and spacing do not matter, and neither does a trailing
 * note in brackets or a required-mark: "Target (%)", "目标值（万）", "*ID".
 * @example fieldOfHeader(" goal id ") // "id"
 */
export function fieldOfHeader(value: CellValue): Field | null {
  const text = readText(value);
  if (text === null || text === UNREADABLE) return null;
  const normal = normalizeText(text);
  const exact = HEADER_INDEX.get(normal);
  if (exact) return exact;
  const stripped = normal
    .replace(/^[*＊\s]+|[*＊\s]+$/g, "")
    .replace(/\s*[([（【].*[)\]）】]$/, "")
    .trim();
  return HEADER_INDEX.get(stripped) ?? null;
}

/** Where each field's column is (0-based), as read from a header row. */
export type ColumnMap = Partial<Record<Field, number>>;

/**
 * Maps a header row to columns. When two columns name one field, the first wins.
 * @example mapHeaders(["ID", "Goal", "Target"]) // { id: 0, goal: 1, target: 2 }
 */
export function mapHeaders(row: readonly CellValue[]): ColumnMap {
  const map: ColumnMap = {};
  row.forEach((cell, column) => {
    const field = fieldOfHeader(cell);
    if (field && map[field] === undefined) map[field] = column;
  });
  return map;
}

/** The required fields a column map lacks. */
export function missingRequired(map: ColumnMap): Field[] {
  return REQUIRED_FIELDS.filter((field) => map[field] === undefined);
}

/**
 * The header row of a goal table among the first rows of a sheet: the first row naming every required field,
 * else the row naming most fields when it names at least two (a table with a missing column), else null.
 * @example findHeaderRow([["Plan 2026"], ["ID", "Goal", "Target"]]) // 1
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], scan = 20): number | null {
  let best: number | null = null;
  let bestCount = 1;
  for (let index = 0; index < Math.min(scan, rows.length); index++) {
    const map = mapHeaders(rows[index] ?? []);
    if (missingRequired(map).length === 0) return index;
    const count = Object.keys(map).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}
