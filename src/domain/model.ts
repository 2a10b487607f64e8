/** The fields of a goal table (DESIGN §2). */
export const FIELDS = [
  "id",
  "parent",
  "level",
  "owner",
  "goal",
  "kpi",
  "unit",
  "direction",
  "rollup",
  "period",
  "start",
  "deadline",
  "baseline",
  "target",
  "actual",
  "weight",
  "exempt",
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields a goal table must have (DESIGN §2): without an id column a goal's id is its worksheet row. */
export const REQUIRED_FIELDS: readonly Field[] = ["goal", "target"];

export type Direction = "higher" | "lower";
export type RollupMethod = "sum" | "average" | "weighted" | "min" | "max" | "none";
export type Status = "onTrack" | "atRisk" | "offTrack";

/**
 * Cascade levels, top to bottom: the organisation's (company … individual), then the OKR types a type column holds
 * (objective → key result → initiative → deliverable).
 */
export const LEVELS = [
  "company",
  "team",
  "region",
  "customer",
  "position",
  "individual",
  "objective",
  "keyResult",
  "initiative",
  "deliverable",
] as const;
export type Level = (typeof LEVELS)[number];

/** A planning period: a year, a half, a quarter or a month, with its first and last day. */
export interface Period {
  kind: "year" | "half" | "quarter" | "month";
  year: number;
  /** 1-based index within the year (1 for a year). */
  index: number;
  /** Days since 1970-01-01 (UTC) of the first and last day, inclusive. */
  startDay: number;
  endDay: number;
  /** Canonical text: 2026, 2026-H1, 2026-Q1, 2026-03; a fiscal year's FY2026, FY2026-Q1. */
  key: string;
  /** First month (2–12) of the fiscal year a year, half or quarter belongs to; absent for calendar periods. */
  fiscalStart?: number;
}

/** A value as it comes out of a cell: Excel, a file or a preview grid. */
export type CellValue = string | number | boolean | Date | null | undefined | CellError;
/** An error cell (#N/A, #VALUE! …), told apart from text by whoever reads the workbook. */
export interface CellError {
  /** The error text (#N/A …), or for an uncalculated formula the formula itself. */
  error: string;
  /** True for a formula saved without a calculated value (a file written by a program, never opened in Excel). */
  uncalculated?: boolean;
}

/** One goal: one row of the goal table, its values read. Dates are days since 1970-01-01. */
export interface Goal {
  /** Worksheet row number as Excel shows it. */
  row: number;
  /** Which table (file/sheet) the goal came from, when several form one cascade. */
  source: number;
  /** The id as written, and the key it is matched by. */
  id: string | null;
  key: string | null;
  parent: string | null;
  parentKey: string | null;
  level: number | null;
  owner: string | null;
  goal: string | null;
  kpi: string | null;
  unit: string | null;
  direction: Direction;
  rollup: RollupMethod;
  period: Period | null;
  start: number | null;
  deadline: number | null;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  weight: number | null;
  /**
   * The share of its parent this goal contributes, from an OKR tool's alignment ("…weight: 14.29%, Id: 123" is
   * 0.1429): the weighted roll-up's weight when the Weight column gives none. Never an owner's scorecard weight.
   */
  contribution: number | null;
  exempt: boolean;
  /** Fields whose cell held something that could not be read (already reported as BAD_VALUE). */
  unreadable: Field[] | null;
  /**
   * Set on a goal that has no row of its own but is written in that column of its first child's row: an OKR
   * objective beside its key results (objectiveParents). Its findings point at that cell.
   */
  shownIn?: "parent";
}

/** A goal of that row and table with nothing read yet: every value blank, higher is better, children sum. */
export function blankGoal(row: number, source: number): Goal {
  return {
    row,
    source,
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
    contribution: null,
    exempt: false,
    unreadable: null,
  };
}
