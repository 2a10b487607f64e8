import { CellValue, Field, FIELDS, REQUIRED_FIELDS } from "./model";
import { readsAsDate } from "./dateOrder";
import { readPeriodCell } from "./periods";
import { isBlank, readLevel, readNumber, readText, UNREADABLE } from "./values";
import { normalizeText, simplifiedChinese } from "./text";

/**
 * Accepted headers per field, in English and Chinese (DESIGN §2), as the goal sheets managers keep name their
 * columns (OKR tools' exports, KPI lists, quota workbooks, 绩效考核表). The first of each is the canonical one.
 * Traditional Chinese headers match through their simplified forms (simplifiedChinese). Headers in WEAK_HEADERS
 * are common words ("Type", "Month") that name their field only when the column's cells hold its values.
 */
export const HEADERS: Record<Field, { en: string[]; zh: string[] }> = {
  id: { en: ["ID", "Goal ID"], zh: ["目标编号", "编号"] },
  parent: {
    en: [
      "Parent",
      "Parent ID",
      "Parent Goal",
      "Supports",
      "Contributes To",
      "Aligned To",
      "Aligns To",
    ],
    zh: ["上级目标", "上级编号", "所属目标", "对齐目标", "对齐"],
  },
  level: { en: ["Level", "Type", "Object Type", "OKR Type", "Goal Type"], zh: ["层级", "类型"] },
  owner: {
    en: ["Owner", "Responsible", "Assignee", "Team Member", "Person"],
    zh: ["责任人", "负责人", "执行人", "承办人"],
  },
  goal: {
    en: [
      "Goal",
      "Objective",
      "Description",
      "Title",
      "Name",
      "Goal Name",
      "Key Result",
      "Key Results",
      "KR",
      "Objectives",
      "Role Specific Goal",
      "KPI_Name",
    ],
    zh: ["目标", "目标描述", "考核指标", "指标名称", "项目", "关键结果"],
  },
  kpi: { en: ["KPI", "Metric", "Metric Name"], zh: ["指标"] },
  unit: { en: ["Unit"], zh: ["单位"] },
  direction: { en: ["Direction"], zh: ["方向"] },
  rollup: { en: ["Rollup", "Aggregation"], zh: ["汇总方式"] },
  period: {
    en: ["Period", "Time Period", "Quarter", "Month", "FY", "Fiscal Year"],
    zh: ["周期", "期间", "季度", "月份", "考核周期"],
  },
  start: { en: ["Start", "Start Date", "Begin Date"], zh: ["开始日期"] },
  deadline: {
    en: ["Deadline", "Due", "Due Date", "End Date", "Target Date"],
    zh: ["截止日期", "期限", "完成时间", "截止时间"],
  },
  baseline: {
    en: ["Baseline", "Last actual", "Last Year"],
    zh: ["基线", "上期实际", "基准值", "去年实际", "上年同期"],
  },
  target: {
    en: [
      "Target",
      "Target Value",
      "Target_Value",
      "Yearly Target",
      "Annual Target",
      "Quota",
      "Plan",
      "Budget",
    ],
    zh: ["目标值", "计划值", "指标值", "考核目标"],
  },
  actual: {
    en: ["Actual", "Actual Progress", "Current Value", "Current", "Achieved", "Result", "YTD"],
    zh: ["实际值", "完成值", "实际完成", "完成情况"],
  },
  weight: { en: ["Weight", "Weight %"], zh: ["权重", "权重占比", "权重分解", "比重"] },
  exempt: { en: ["Exempt"], zh: ["免于考核"] },
};

/**
 * Headers that name one of two fields, decided by the column's cells: "Start" of dates is the start date, of
 * plain numbers (or beside a "Start Date" column) the starting value (OKR exports: a metric's start).
 */
const AMBIGUOUS: Record<string, [Field, Field]> = { start: ["start", "baseline"] };

/**
 * Headers that name their field only when at least half of the column's first cells hold its values: a "Type" of
 * Objective / Key result is a level, a "Type" of "Revenue" is not; a "Month" of Jan, Feb is a period, of 1, 2 not.
 * A column with a weak header never competes with one whose header names the field plainly.
 */
const WEAK_HEADERS = new Set(
  [
    "Type",
    "Object Type",
    "OKR Type",
    "Goal Type",
    "类型",
    "Quarter",
    "Month",
    "FY",
    "季度",
    "月份",
  ].map(headerKey)
);

const HEADER_INDEX = new Map<string, Field>();
for (const field of FIELDS) {
  for (const header of [...HEADERS[field].en, ...HEADERS[field].zh])
    HEADER_INDEX.set(headerKey(header), field);
}

/** A header's text as the index holds it: normalised, simplified, `_` as a space. */
function headerKey(text: string): string {
  return simplifiedChinese(normalizeText(text.replace(/_/g, " ")));
}

/** The header's key as it stands, without marks and notes: "*ID", "Target (%)", "目标值（万）", "Weight %". */
function strippedKey(normal: string): string {
  return normal
    .replace(/^[*＊\s]+|[*＊\s]+$/g, "")
    .replace(/\s*[([（【].*[)\]）】]$/, "")
    .replace(/\s*%$/, "")
    .trim();
}

/** The fields a header cell may name — none, one, or the two of an ambiguous header — and whether it is weak. */
function fieldsOfHeader(value: CellValue): Field[] & { weak?: boolean } {
  const text = readText(value);
  if (text === null || text === UNREADABLE) return [];
  // A header on several lines ("Target⏎100%") names its field on the first line that names one.
  for (const line of text.split(/\r?\n/)) {
    const normal = headerKey(line);
    if (normal === "") continue;
    for (const key of [normal, strippedKey(normal)]) {
      const ambiguous = AMBIGUOUS[key];
      if (ambiguous) return [...ambiguous];
      const field = HEADER_INDEX.get(key);
      if (field) return WEAK_HEADERS.has(key) ? Object.assign([field], { weak: true }) : [field];
    }
  }
  return [];
}

/**
 * The field a header cell names, or null (an ambiguous header: its first field). Case, width, spacing, Traditional
 * characters and line breaks do not matter, and neither does a trailing note in brackets, a `%` or a required-mark:
 * "Target (%)", "目标值（万）", "*ID", "權重".
 * @example fieldOfHeader(" goal id ") // "id"
 */
export function fieldOfHeader(value: CellValue): Field | null {
  return fieldsOfHeader(value)[0] ?? null;
}

/** Where each field's column is (0-based), as read from a header row. */
export type ColumnMap = Partial<Record<Field, number>>;

/** Data rows whose cells judge how well a column fits a field. */
export const FIT_ROWS = 200;

/** Share (0..1) of a column's first data cells that hold what the field holds: text, a number, a date. */
function fitOf(field: Field, column: number, data: readonly (readonly CellValue[])[]): number {
  let fit = 0;
  const rows = Math.min(data.length, FIT_ROWS);
  if (rows === 0) return 1;
  for (let index = 0; index < rows; index++) {
    const value = data[index]?.[column];
    if (isBlank(value)) continue;
    if (field === "start" || field === "deadline") {
      if (readsAsDate(value) && (typeof value !== "number" || plausibleSerial(value))) fit++;
    } else if (NUMBER_FIELDS.has(field)) {
      const number = readNumber(value);
      if (number !== null && number !== UNREADABLE) fit++;
    } else if (TEXT_FIELDS.has(field)) {
      if (typeof value === "string" && readNumber(value) === UNREADABLE) fit++;
    } else if (field === "period") {
      if (readPeriodCell(value) !== UNREADABLE) fit++;
    } else if (field === "level") {
      if (readLevel(value) !== UNREADABLE) fit++;
    } else fit++;
  }
  return fit / rows;
}

/** A number that is a date serial of this century (2000-01-01 to 2099-12-31), not a plain quantity. */
function plausibleSerial(value: number): boolean {
  return Number.isInteger(value) && value >= 36_526 && value <= 73_050;
}

const NUMBER_FIELDS: ReadonlySet<Field> = new Set(["baseline", "target", "actual", "weight"]);
const TEXT_FIELDS: ReadonlySet<Field> = new Set(["goal", "owner", "kpi"]);

/**
 * Columns named by the user (CLI `--map FIELD=HEADER`): a field read from the column of that header (compared as
 * headers are: case, width and spacing aside), or from no column at all (null, `--map id=-`).
 */
export type HeaderMapping = Partial<Record<Field, string | null>>;

/** True when a header cell is the header the user named. */
export function isNamedHeader(cell: CellValue, header: string): boolean {
  const text = readText(cell);
  return typeof text === "string" && normalizeText(text) === normalizeText(header);
}

/** A header row's columns: the field each column is read as, and the columns that name a field taken twice. */
export interface HeaderMatch {
  columns: ColumnMap;
  /**
   * True when the parent column is an objective written on its key results' rows (an "Objective" column beside a
   * "Key Result" one, or a goal-named column mapped as the parent): it names the parent by its text, a blank cell
   * continues the objective above, and an objective no row states is a goal of its own (readGoalTable).
   */
  objectives: boolean;
  /** Columns naming a field as well as the column read for it (DUPLICATE_COLUMN): field, column, the one read. */
  duplicates: Array<{ field: Field; column: number; read: number }>;
}

/**
 * Matches a header row to fields, by header and by the cells below it (`data`, the rows under the header): of the
 * columns naming one field, the one whose cells fit it best is read — an empty "Description" never beats a "Title"
 * full of text — and the first of those that fit equally well; the others that fit as well are duplicates. An
 * ambiguous header ("Start") takes its second field when its first is named by another column or its cells do not
 * fit the first.
 * @example matchHeaders(["ID", "Goal", "Target"]).columns // { id: 0, goal: 1, target: 2 }
 */
export function matchHeaders(
  row: readonly CellValue[],
  data: readonly (readonly CellValue[])[] = [],
  mapping: HeaderMapping = {}
): HeaderMatch {
  const named = row.map((cell) => fieldsOfHeader(cell));
  // The user's mapping first: a named column is its field's alone, and no other column is read for a mapped field.
  const mapped = Object.keys(mapping) as Field[];
  if (mapped.length > 0) {
    const forced = new Map<number, Field>();
    for (const field of mapped) {
      const header = mapping[field];
      const column = header == null ? -1 : row.findIndex((cell) => isNamedHeader(cell, header));
      if (column >= 0) forced.set(column, field);
    }
    named.forEach((fields, column) => {
      const field = forced.get(column);
      named[column] = field ? [field] : fields.filter((one) => !mapped.includes(one));
    });
  }
  // A weak header names its field only over cells of that field, and only where no plain header names it.
  const strong = new Set(named.flatMap((fields) => (fields.weak ? [] : fields)));
  named.forEach((fields, column) => {
    const field = fields[0] as Field;
    if (fields.weak && (strong.has(field) || fitOf(field, column, data) < 0.5)) named[column] = [];
  });
  const plain = new Set(named.filter((fields) => fields.length === 1).map((fields) => fields[0]));
  const candidates = new Map<Field, number[]>();
  named.forEach((fields, column) => {
    let field = fields[0];
    if (fields.length === 2) {
      const [first, second] = fields as [Field, Field];
      field =
        plain.has(first) || fitOf(first, column, data) < fitOf(second, column, data)
          ? second
          : first;
    }
    if (field === undefined) return;
    const list = candidates.get(field);
    if (list) list.push(column);
    else candidates.set(field, [column]);
  });
  const objectives = objectiveColumn(row, candidates, data);
  const columns: ColumnMap = {};
  const duplicates: HeaderMatch["duplicates"] = [];
  for (const field of FIELDS) {
    const list = candidates.get(field);
    if (!list) continue;
    if (list.length === 1) {
      columns[field] = list[0];
      continue;
    }
    const fits = list.map((column) => Math.round(fitOf(field, column, data) * 20));
    const best = Math.max(...fits);
    const read = list[fits.indexOf(best)] as number;
    columns[field] = read;
    list.forEach((column, index) => {
      if (column !== read && fits[index] === best) duplicates.push({ field, column, read });
    });
  }
  const parent = columns.parent;
  return {
    columns,
    duplicates,
    objectives: objectives || (parent !== undefined && fieldsOfHeader(row[parent])[0] === "goal"),
  };
}

/** Goal headers that name a key result ("Key Result", "KR", 关键结果): beside an Objective, the goal of the row. */
const KEY_RESULT_HEADERS = new Set(
  ["Key Result", "Key Results", "KR", "KRs", "关键结果"].map(headerKey)
);

/**
 * An OKR sheet's Objective and Key Result columns on one row: when the goal's columns include a key-result header
 * and another goal header, and no column names the parent, the key result is the goal and the other column (the
 * first of them with text) becomes the parent column. Changes `candidates` and says whether it did.
 */
function objectiveColumn(
  row: readonly CellValue[],
  candidates: Map<Field, number[]>,
  data: readonly (readonly CellValue[])[]
): boolean {
  const goals = candidates.get("goal");
  if (!goals || goals.length < 2 || candidates.has("parent")) return false;
  const isKeyResult = (column: number) => {
    const text = readText(row[column]);
    return typeof text === "string" && KEY_RESULT_HEADERS.has(strippedKey(headerKey(text)));
  };
  const keyResult = goals.find(isKeyResult);
  const objective = goals.find((column) => !isKeyResult(column) && fitOf("goal", column, data) > 0);
  if (keyResult === undefined || objective === undefined) return false;
  candidates.set("goal", [keyResult]);
  candidates.set("parent", [objective]);
  return true;
}

/**
 * Maps a header row to columns (matchHeaders, with the rows below when given).
 * @example mapHeaders(["ID", "Goal", "Target"]) // { id: 0, goal: 1, target: 2 }
 */
export function mapHeaders(
  row: readonly CellValue[],
  data: readonly (readonly CellValue[])[] = [],
  mapping: HeaderMapping = {}
): ColumnMap {
  return matchHeaders(row, data, mapping).columns;
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
export function findHeaderRow(
  rows: readonly (readonly CellValue[])[],
  scan = 20,
  mapping: HeaderMapping = {}
): number | null {
  let best: number | null = null;
  let bestCount = 1;
  for (let index = 0; index < Math.min(scan, rows.length); index++) {
    const map = mapHeaders(rows[index] ?? [], [], mapping);
    if (missingRequired(map).length === 0) return index;
    const count = Object.keys(map).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}
