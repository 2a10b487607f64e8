import { bilingual, EXPECTED_NAMES, fieldName } from "./catalogue";
import { Finding, SEVERITY } from "./findings";
import {
  ColumnMap,
  findHeaderRow,
  FIT_ROWS,
  HeaderMapping,
  HeaderMatch,
  HEADERS,
  matchHeaders,
  missingRequired,
} from "./headers";
import { decideDateOrder, DateOrder, readDateAs } from "./dateOrder";
import { blankGoal, CellValue, Field, FIELDS, Goal, RollupMethod } from "./model";
import { periodInYearOf, readPeriodCell } from "./periods";
import { tableRows } from "./tableShape";
import { isOutline, outlineParents } from "./outline";
import { objectiveParents } from "./objectives";
import { cellAddress, columnLetters, normalizeText, simplifiedChinese } from "./text";
import {
  cellErrorOf,
  defaultRollup,
  isBlank,
  Read,
  readBoolean,
  readDirection,
  readAlignment,
  readLevel,
  readMeasure,
  readNumber,
  readQuantity,
  readRollup,
  readText,
  unitsDisagree,
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
  /** Columns the user named (HeaderMapping). */
  mapping?: HeaderMapping;
  /** First month of the fiscal year (1–12, default 1): FY26 from July is 2025-07-01 … 2026-06-30. */
  fiscalYearStart?: number;
  /** Order of the parts of slash dates (12/31/2025): default `auto`, decided per column by its dates. */
  dateOrder?: DateOrder;
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
  const mapping = options.mapping ?? {};
  const headerIndex = options.headerRow ?? findHeaderRow(cells, 20, mapping) ?? 0;
  const headerCells = cells[headerIndex] ?? [];
  // The first data rows judge which column fits a field (matchHeaders reads no more than FIT_ROWS).
  const match = matchHeaders(
    headerCells,
    cells.slice(headerIndex + 1, headerIndex + 1 + FIT_ROWS),
    mapping
  );
  const local = match.columns;
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
        findHeaderRow(cells, 20, mapping) === null && options.headerRow === undefined
          ? null
          : headerRow,
    };
  }

  // The table's own rows: up to its totals, signatures or the next table; no section titles or repeated headers.
  const shape = tableRows(cells, headerIndex, local, mapping);
  const skip = shape.skip.length > 0 ? new Set(shape.skip) : null;
  const fiscalStart = options.fiscalYearStart ?? 1;
  const orders: DateOrders = {
    start: dateOrderOf(cells, headerIndex, shape.end, local.start, options.dateOrder),
    deadline: dateOrderOf(cells, headerIndex, shape.end, local.deadline, options.dateOrder),
  };
  const reader = new RowReader(
    local,
    firstColumn,
    source,
    fiscalStart,
    readersFor(fiscalStart, orders)
  );
  const goals: Goal[] = [];
  const findings: Finding[] = duplicateColumns(match, headerCells, headerRow, firstColumn, source);
  for (let index = headerIndex + 1; index < shape.end; index++) {
    if (skip !== null && skip.has(index)) continue;
    const goal = reader.read(cells[index] ?? [], firstRow + index, findings);
    if (goal) goals.push(goal);
  }
  for (const field of ["start", "deadline"] as const) {
    const at = orders[field].assumedAt;
    if (at < 0) continue;
    const rowNumber = firstRow + headerIndex + 1 + at;
    const column = local[field] as number;
    findings.push({
      code: "DATE_ORDER_ASSUMED",
      severity: SEVERITY.DATE_ORDER_ASSUMED,
      row: rowNumber,
      source,
      id: goals.find((goal) => goal.row === rowNumber)?.id ?? null,
      field,
      params: {
        cell: cellAddress(firstColumn + column, rowNumber),
        column$: columnName(field),
        value: String(cells[headerIndex + 1 + at]?.[column] ?? ""),
      },
    });
  }
  if (match.objectives) {
    const all = objectiveParents(
      goals,
      firstColumn + (local.parent as number),
      local.level !== undefined
    );
    return { goals: all, findings, columns, headerRow };
  }
  if (local.id === undefined && local.parent !== undefined) parentsByText(goals);
  if (local.parent === undefined) {
    // No parent column: the cascade the sheet's outline numbering shows (1 / 1.1, 一、/（一）), if it has one.
    const outline = outlineColumn(cells, headerIndex, shape.end, local, headerCells.length);
    if (outline !== null)
      outlineParents(
        goals,
        goals.map((goal) => cells[goal.row - firstRow]?.[outline.column]),
        outline.bare
      );
  }
  return { goals, findings, columns, headerRow };
}

/**
 * The column whose values number an outline: the id column, else a column left of the goal that no field takes
 * (序号, No.), each read with bare numbers; else the goal text itself, whose numbers need their separator.
 */
function outlineColumn(
  cells: readonly (readonly CellValue[])[],
  headerIndex: number,
  end: number,
  map: ColumnMap,
  width: number
): { column: number; bare: boolean } | null {
  const taken = new Set(Object.values(map));
  const candidates: Array<{ column: number; bare: boolean }> = [];
  if (map.id !== undefined) candidates.push({ column: map.id, bare: true });
  for (let column = 0; column < Math.min(width, map.goal as number); column++)
    if (!taken.has(column)) candidates.push({ column, bare: true });
  candidates.push({ column: map.goal as number, bare: false });
  const rows = cells.slice(headerIndex + 1, Math.min(end, headerIndex + 1 + FIT_ROWS));
  return (
    candidates.find((candidate) =>
      isOutline(
        rows.map((row) => row[candidate.column]),
        candidate.bare
      )
    ) ?? null
  );
}

/** The order a date column's slash dates are read in (decideDateOrder over the column's data cells). */
function dateOrderOf(
  cells: readonly (readonly CellValue[])[],
  headerIndex: number,
  end: number,
  column: number | undefined,
  chosen: DateOrder = "auto"
): ReturnType<typeof decideDateOrder> {
  if (column === undefined || chosen !== "auto")
    return decideDateOrder([], chosen === "auto" ? "mdy" : chosen);
  const values: CellValue[] = [];
  for (let index = headerIndex + 1; index < end; index++) values.push(cells[index]?.[column]);
  return decideDateOrder(values, "auto");
}

/**
 * In a table without ids (ids are rows) the parent column names the parent by its text: each parent is found
 * among the goals by text — of several goals with that text, the nearest one above the child, else the first. A
 * parent named by a text no goal has stays as it is (an ORPHAN).
 */
function parentsByText(goals: Goal[]): void {
  const byText = new Map<string, Goal[]>();
  for (const goal of goals) {
    if (goal.goal === null) continue;
    const text = normalizeText(goal.goal);
    const same = byText.get(text);
    if (same) same.push(goal);
    else byText.set(text, [goal]);
  }
  for (const goal of goals) {
    if (goal.parentKey === null) continue;
    const candidates = byText.get(goal.parentKey);
    if (!candidates) continue;
    let parent = candidates[0] as Goal;
    for (const candidate of candidates) if (candidate.row < goal.row) parent = candidate;
    goal.parentKey = parent.key;
  }
}

/** A field's column name in both languages, for a message's `column$`. */
function columnName(field: Field): ReturnType<typeof bilingual> {
  return bilingual({ en: fieldName(field, "en"), zh: fieldName(field, "zh") });
}

/** DUPLICATE_COLUMN findings: a column naming a field as well as the one read for it (matchHeaders). */
function duplicateColumns(
  match: HeaderMatch,
  header: readonly CellValue[],
  headerRow: number,
  firstColumn: number,
  source: number
): Finding[] {
  return match.duplicates.map(({ field, column, read }) => ({
    code: "DUPLICATE_COLUMN",
    severity: SEVERITY.DUPLICATE_COLUMN,
    row: headerRow,
    source,
    id: null,
    field,
    params: {
      column$: columnName(field),
      first: columnLetters(read + firstColumn),
      firstHeader: String(header[read] ?? ""),
      second: columnLetters(column + firstColumn),
      secondHeader: String(header[column] ?? ""),
    },
  }));
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
      column$: columnName(field),
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

/** The reader of each field's cells, as a table read with the default options reads them. */
const READERS = {
  id: readText,
  parent: readText,
  level: readLevel,
  owner: readText,
  goal: readText,
  kpi: readText,
  unit: readText,
  direction: readDirection,
  rollup: readRollup,
  period: (value: CellValue) => readPeriodCell(value),
  start: (value: CellValue) => readDateAs(value, "mdy"),
  deadline: (value: CellValue) => readDateAs(value, "mdy"),
  baseline: readMeasure,
  target: readQuantity,
  actual: readMeasure,
  weight: readNumber,
  exempt: readBoolean,
} satisfies Record<Field, (value: CellValue) => Read<unknown>>;
type Readers = typeof READERS;

/** The readers of one table: its fiscal year, and the order each date column's dates were found in. */
function readersFor(fiscalStart: number, orders: DateOrders): Readers {
  return {
    ...READERS,
    period: (value) => readPeriodCell(value, fiscalStart),
    start: (value) => readDateAs(value, orders.start.order),
    deadline: (value) => readDateAs(value, orders.deadline.order),
  };
}

type DateOrders = Record<"start" | "deadline", ReturnType<typeof decideDateOrder>>;

/** What a field's reader reads, UNREADABLE aside. */
type FieldValue<F extends Field> = Exclude<ReturnType<(typeof READERS)[F]>, typeof UNREADABLE>;

/** Stands for "no text read yet" in a ColumnReader: equal to no cell value. */
const NOTHING: unique symbol = Symbol("nothing");

/**
 * Reads one field's column, row after row. Consecutive rows often hold the same text (the same period, unit, KPI,
 * level, direction, parent …): a text equal to the one before reads as it did, without reading it again (readers
 * are pure, and what they return is never modified). Other values are read each time, and cheaply.
 */
class ColumnReader<F extends Field> {
  /** The last text read (never any other value, so that 0 and -0 are never taken for each other). */
  private last: string | typeof NOTHING = NOTHING;
  private lastRead: Read<FieldValue<F>> = null;
  private readonly read: (value: CellValue) => Read<FieldValue<F>>;

  constructor(
    readonly field: F,
    /** Index in the row array, -1 when the table has no such column. */
    readonly column: number,
    private readonly table: RowReader,
    readers: Readers
  ) {
    this.read = readers[field] as (value: CellValue) => Read<FieldValue<F>>;
  }

  /** The value of the field's cell in a row, or null when it is unreadable (then the finding is recorded). */
  take(row: readonly CellValue[], goal: Goal, findings: Finding[]): FieldValue<F> | null {
    if (this.column < 0) return null;
    const value = row[this.column];
    let result: Read<FieldValue<F>>;
    if (value === this.last) result = this.lastRead;
    else {
      result = this.read(value);
      if (typeof value === "string") {
        this.last = value;
        this.lastRead = result;
      }
    }
    if (result !== UNREADABLE) return result;
    this.table.unreadable(goal, this.field, value, findings);
    return null;
  }
}

/** Reads rows with a fixed column map; keeps the per-row work to what each present column needs. */
class RowReader {
  private readonly present: number[];
  /** The reader of each field (one whose column is missing reads null). */
  private readonly cells: { [F in Field]: ColumnReader<F> };
  // Derived values of the row before, reused while the values they come from repeat.
  private lastParent: string | null = null;
  private lastParentKey: string | null = null;
  private lastUnit: string | null = null;
  private lastRollup: RollupMethod = defaultRollup(null);

  constructor(
    private readonly map: ColumnMap,
    private readonly firstColumn: number,
    private readonly source: number,
    private readonly fiscalStart = 1,
    readers: Readers = READERS
  ) {
    this.present = FIELDS.filter((field) => map[field] !== undefined).map(
      (field) => map[field] as number
    );
    const cell = <F extends Field>(field: F) =>
      new ColumnReader(field, map[field] ?? -1, this, readers);
    this.cells = Object.fromEntries(
      FIELDS.map((field) => [field, cell(field)])
    ) as RowReader["cells"];
  }

  read(row: readonly CellValue[], rowNumber: number, findings: Finding[]): Goal | null {
    if (this.isBlankRow(row)) return null;
    const goal = blankGoal(rowNumber, this.source);
    const cells = this.cells;
    // Without an id column a goal's id is its worksheet row as text (DESIGN §2).
    goal.id = this.map.id === undefined ? String(rowNumber) : cells.id.take(row, goal, findings);
    goal.key = goal.id === null ? null : normalizeText(goal.id);
    goal.parent = cells.parent.take(row, goal, findings);
    const alignment = goal.parent === null ? null : readAlignment(goal.parent);
    if (alignment) {
      // An OKR export's "Aligned To": the parent's id (its title in a table without ids), and its weight.
      goal.parent = this.map.id === undefined ? alignment.title : alignment.id;
      goal.contribution = alignment.weight;
    }
    if (goal.parent !== this.lastParent) {
      this.lastParent = goal.parent;
      this.lastParentKey = goal.parent === null ? null : normalizeText(goal.parent);
    }
    goal.parentKey = this.lastParentKey;
    goal.level = cells.level.take(row, goal, findings);
    goal.owner = cells.owner.take(row, goal, findings);
    goal.goal = cells.goal.take(row, goal, findings);
    goal.kpi = cells.kpi.take(row, goal, findings);
    goal.unit = cells.unit.take(row, goal, findings);
    goal.direction = cells.direction.take(row, goal, findings) ?? "higher";
    if (goal.unit !== this.lastUnit) {
      this.lastUnit = goal.unit;
      this.lastRollup = defaultRollup(goal.unit);
    }
    goal.rollup = cells.rollup.take(row, goal, findings) ?? this.lastRollup;
    const period = cells.period.take(row, goal, findings);
    goal.start = cells.start.take(row, goal, findings);
    goal.deadline = cells.deadline.take(row, goal, findings);
    if (period === null || !("yearless" in period)) goal.period = period;
    else {
      // "Q1" in a Quarter column: the year is the goal's own (its deadline's, else its start's).
      const day = goal.deadline ?? goal.start;
      goal.period = day === null ? null : periodInYearOf(period, day, this.fiscalStart);
      if (goal.period === null)
        this.unreadable(goal, "period", row[this.map.period as number], findings, "noYear");
    }
    goal.baseline = cells.baseline.take(row, goal, findings);
    const target = cells.target.take(row, goal, findings);
    goal.target = target === null ? null : target.number;
    const noDirection = isBlank(this.map.direction === undefined ? null : row[this.map.direction]);
    // No direction given: a bound that says lower is better ("≤30秒"), else the KPI's words ("handle time",
    // "投诉"); either is one DIRECTION_INFERRED for the user to confirm (DESIGN §3).
    if (noDirection && target?.bound === "max") {
      goal.direction = "lower";
      findings.push(
        this.inferred(goal, "sign", { target: String(row[this.map.target as number]) })
      );
    } else if (noDirection && target?.bound !== "min") {
      const text = goal.kpi ?? goal.goal;
      const word = text === null ? null : lowerIsBetterWord(text);
      if (word !== null) {
        goal.direction = "lower";
        findings.push(this.inferred(goal, "words", { text: text as string, word }));
      }
    }
    if (target !== null && target.unit !== null && goal.unit !== null) {
      // "30秒" in a goal whose unit column says 分钟: which of the two the number is in cannot be known.
      if (unitsDisagree(target.unit, goal.unit)) {
        goal.target = null;
        this.unreadable(goal, "target", row[this.map.target as number], findings, "unit", {
          written: target.unit,
          unit: goal.unit,
        });
      }
    } else if (target !== null) {
      // A unit written with the target ("30秒") is the goal's when the unit column says none.
      if (goal.unit === null && target.unit !== null) {
        goal.unit = target.unit;
        if (isBlank(this.map.rollup === undefined ? null : row[this.map.rollup]))
          goal.rollup = defaultRollup(goal.unit);
      }
    }
    goal.actual = cells.actual.take(row, goal, findings);
    goal.weight = cells.weight.take(row, goal, findings);
    goal.exempt = cells.exempt.take(row, goal, findings) ?? false;

    if (goal.id === null && this.map.id !== undefined && !goal.unreadable?.includes("id")) {
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

  private inferred(goal: Goal, variant: "sign" | "words", params: Finding["params"]): Finding {
    return {
      code: "DIRECTION_INFERRED",
      severity: SEVERITY.DIRECTION_INFERRED,
      row: goal.row,
      source: this.source,
      id: goal.id,
      field: "direction",
      variant,
      params,
    };
  }

  /** True when every cell of the table's columns is blank. */
  private isBlankRow(row: readonly CellValue[]): boolean {
    for (const column of this.present) if (!isBlank(row[column])) return false;
    return true;
  }

  /** Records an unreadable cell: the field on the goal, and its BAD_VALUE finding. */
  unreadable(
    goal: Goal,
    field: Field,
    value: CellValue,
    findings: Finding[],
    variant?: string,
    extra?: Record<string, string>
  ): void {
    (goal.unreadable ??= []).push(field);
    findings.push(this.badValue(goal, field, value, goal.row, variant, extra));
  }

  private badValue(
    goal: Goal,
    field: Field,
    value: CellValue,
    rowNumber: number,
    variant?: string,
    extra?: Record<string, string>
  ): Finding {
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
      ...(error
        ? { variant: isUncalculated(value) ? "uncalculated" : "error" }
        : variant
          ? { variant }
          : {}),
      params: {
        cell: cellAddress(this.firstColumn + (this.map[field] as number), rowNumber),
        column$: columnName(field),
        value: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown,
        expected$: bilingual(EXPECTED_NAMES[EXPECTED[field]] as { en: string; zh: string }),
        ...extra,
      },
    };
  }
}

/** Words of a KPI (or goal) that measure something of which less is better, and words that say the opposite. */
const LOWER_IS_BETTER =
  /handle time|handling time|response time|resolution time|wait(?:ing)? time|duration|\bcosts?\b|complaints?|churn|defects?|\berrors?\b|abandon(?:ment|ed)?|时长|时间|投诉|流失|差错|错误|成本|放弃率|等待/i;
const NOT_LOWER = /on[- ]time|in time|uptime|准时|及时|按时/i;

/**
 * The word of a text that says lower is better, or null.
 * @example lowerIsBetterWord("Average handle time") // "handle time"
 */
export function lowerIsBetterWord(text: string): string | null {
  const simplified = simplifiedChinese(text);
  if (NOT_LOWER.test(simplified)) return null;
  return LOWER_IS_BETTER.exec(simplified)?.[0] ?? null;
}
