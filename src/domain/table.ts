import { bilingual, EXPECTED_NAMES, fieldName } from "./catalogue";
import { Finding, SEVERITY } from "./findings";
import { ColumnMap, findHeaderRow, HEADERS, mapHeaders, missingRequired } from "./headers";
import { CellValue, Field, FIELDS, Goal } from "./model";
import { cellAddress, normalizeText } from "./text";
import {
  cellErrorOf,
  defaultRollup,
  isBlank,
  Read,
  readBoolean,
  readDate,
  readDirection,
  readLevel,
  readNumber,
  readPeriod,
  readRollup,
  readText,
  UNREADABLE,
} from "./values";

export interface ReadTableOptions {
  /** Index in `cells` of the header row; found among the first 20 rows when omitted. */
  headerRow?: number;
  /** Worksheet row number of `cells[0]` (1 when the array starts at A1). */
  firstRow?: number;
  /** 0-based worksheet column of `cells[r][0]`. */
  firstColumn?: number;
  /** Index of this table among several audited as one cascade. */
  source?: number;
}

export interface GoalTableRead {
  goals: Goal[];
  /** MISSING_COLUMN (then no goals) and BAD_VALUE findings. */
  findings: Finding[];
  /** 0-based worksheet columns of the fields found. */
  columns: ColumnMap;
  /** Worksheet row of the header, null when none was found. */
  headerRow: number | null;
}

/** What a field's reader expects, for BAD_VALUE messages. */
const EXPECTED: Record<Field, keyof typeof EXPECTED_NAMES> = {
  id: "text",
  parent: "text",
  level: "level",
  owner: "text",
  goal: "text",
  kpi: "text",
  unit: "text",
  direction: "direction",
  rollup: "rollup",
  period: "period",
  start: "date",
  deadline: "date",
  baseline: "number",
  target: "number",
  actual: "number",
  weight: "number",
  exempt: "boolean",
};

/**
 * Reads a goal table from a 2-D array of cell values: the header row, then one goal per row (DESIGN §2).
 * Unreadable cells become BAD_VALUE findings naming the cell; blank rows are skipped; a missing required column
 * is one MISSING_COLUMN finding per column, and no goals.
 * @example readGoalTable([["ID", "Goal", "Target"], ["G1", "Resolve 1.2M tickets", "1,200,000"]]).goals[0].target // 1200000
 */
export function readGoalTable(
  cells: readonly (readonly CellValue[])[],
  options: ReadTableOptions = {}
): GoalTableRead {
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 0;
  const source = options.source ?? 0;
  const headerIndex = options.headerRow ?? findHeaderRow(cells) ?? 0;
  const headerCells = cells[headerIndex] ?? [];
  const local = mapHeaders(headerCells);
  const columns: ColumnMap = {};
  for (const field of FIELDS) {
    const column = local[field];
    if (column !== undefined) columns[field] = column + firstColumn;
  }
  const headerRow = firstRow + headerIndex;
  const missing = missingRequired(local);
  if (missing.length > 0) {
    return {
      goals: [],
      findings: missing.map((field) => missingColumnFinding(field, headerRow, source)),
      columns,
      headerRow:
        findHeaderRow(cells) === null && options.headerRow === undefined ? null : headerRow,
    };
  }

  const reader = new RowReader(local, firstColumn, source);
  const goals: Goal[] = [];
  const findings: Finding[] = [];
  for (let index = headerIndex + 1; index < cells.length; index++) {
    const goal = reader.read(cells[index] ?? [], firstRow + index, findings);
    if (goal) goals.push(goal);
  }
  return { goals, findings, columns, headerRow };
}

/** The MISSING_COLUMN finding for a field, naming every header it accepts. */
export function missingColumnFinding(field: Field, headerRow: number, source: number): Finding {
  return {
    code: "MISSING_COLUMN",
    severity: SEVERITY.MISSING_COLUMN,
    row: headerRow,
    source,
    id: null,
    field,
    params: {
      column$: bilingual({ en: fieldName(field, "en"), zh: fieldName(field, "zh") }),
      accepted: [...HEADERS[field].en, ...HEADERS[field].zh].join(", "),
    },
  };
}

function isUncalculated(value: CellValue): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    value.uncalculated === true
  );
}

/** Reads rows with a fixed column map; keeps the per-row work to what each present column needs. */
class RowReader {
  private readonly present: number[];
  /** Column of each field in the row array, -1 when the table has none: read once, not per cell. */
  private readonly column: Record<Field, number>;

  constructor(
    private readonly map: ColumnMap,
    private readonly firstColumn: number,
    private readonly source: number
  ) {
    this.present = FIELDS.filter((field) => map[field] !== undefined).map(
      (field) => map[field] as number
    );
    this.column = Object.fromEntries(FIELDS.map((field) => [field, map[field] ?? -1])) as Record<
      Field,
      number
    >;
  }

  /** The value of a field's cell, or null when it is unreadable (then the finding is recorded). */
  private take<T>(
    field: Field,
    read: (value: CellValue) => Read<T>,
    row: readonly CellValue[],
    goal: Goal,
    findings: Finding[]
  ): T | null {
    const column = this.column[field];
    if (column < 0) return null;
    const value = row[column];
    const result = read(value);
    if (result !== UNREADABLE) return result;
    (goal.unreadable ??= []).push(field);
    findings.push(this.badValue(goal, field, value, goal.row));
    return null;
  }

  read(row: readonly CellValue[], rowNumber: number, findings: Finding[]): Goal | null {
    if (this.present.every((column) => isBlank(row[column]))) return null;
    const goal: Goal = {
      row: rowNumber,
      source: this.source,
      id: null,
      key: null,
      parent: null,
      parentKey: null,
      level: null,
      owner: null,
      goal: null,
      kpi: null,
      unit: null,
      direction: "higher",
      rollup: "sum",
      period: null,
      start: null,
      deadline: null,
      baseline: null,
      target: null,
      actual: null,
      weight: null,
      exempt: false,
      unreadable: null,
    };
    goal.id = this.take("id", readText, row, goal, findings);
    goal.key = goal.id === null ? null : normalizeText(goal.id);
    goal.parent = this.take("parent", readText, row, goal, findings);
    goal.parentKey = goal.parent === null ? null : normalizeText(goal.parent);
    goal.level = this.take("level", readLevel, row, goal, findings);
    goal.owner = this.take("owner", readText, row, goal, findings);
    goal.goal = this.take("goal", readText, row, goal, findings);
    goal.kpi = this.take("kpi", readText, row, goal, findings);
    goal.unit = this.take("unit", readText, row, goal, findings);
    goal.direction = this.take("direction", readDirection, row, goal, findings) ?? "higher";
    goal.rollup = this.take("rollup", readRollup, row, goal, findings) ?? defaultRollup(goal.unit);
    goal.period = this.take("period", readPeriod, row, goal, findings);
    goal.start = this.take("start", readDate, row, goal, findings);
    goal.deadline = this.take("deadline", readDate, row, goal, findings);
    goal.baseline = this.take("baseline", readNumber, row, goal, findings);
    goal.target = this.take("target", readNumber, row, goal, findings);
    goal.actual = this.take("actual", readNumber, row, goal, findings);
    goal.weight = this.take("weight", readNumber, row, goal, findings);
    goal.exempt = this.take("exempt", readBoolean, row, goal, findings) ?? false;

    if (goal.id === null && !goal.unreadable?.includes("id")) {
      findings.push({
        code: "BAD_VALUE",
        severity: SEVERITY.BAD_VALUE,
        row: rowNumber,
        source: this.source,
        id: null,
        field: "id",
        variant: "noId",
        params: {
          row: rowNumber,
          cell: cellAddress(this.firstColumn + (this.map.id as number), rowNumber),
        },
      });
    }
    return goal;
  }

  private badValue(goal: Goal, field: Field, value: CellValue, rowNumber: number): Finding {
    const error = cellErrorOf(value);
    const shown =
      error ?? (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
    return {
      code: "BAD_VALUE",
      severity: SEVERITY.BAD_VALUE,
      row: rowNumber,
      source: this.source,
      id: goal.id,
      field,
      ...(error ? { variant: isUncalculated(value) ? "uncalculated" : "error" } : {}),
      params: {
        cell: cellAddress(this.firstColumn + (this.map[field] as number), rowNumber),
        column$: bilingual({ en: fieldName(field, "en"), zh: fieldName(field, "zh") }),
        value: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown,
        expected$: bilingual(EXPECTED_NAMES[EXPECTED[field]] as { en: string; zh: string }),
      },
    };
  }
}
