/** A problem found while computing something that can fail: data, not an exception. */
export interface Issue {
  /** Stable code, turned into words by the catalogue. */
  code: IssueCode;
  /** Values the message interpolates. */
  params?: Record<string, string | number | { amount: number; unit: string | null }>;
}

/** Codes of failed computations (numbers and argument checks). */
export type IssueCode =
  | "TARGET_ZERO"
  | "NOT_A_NUMBER"
  | "BAD_DIRECTION"
  | "BAD_METHOD"
  | "BAD_DATE"
  | "BAD_PROFILE"
  | "DEADLINE_BEFORE_START"
  | "NEGATIVE_WEIGHT"
  | "BAD_DECIMALS"
  | "TOTAL_PRECISION"
  | "LOCKED_EXCEED"
  | "NOTHING_TO_SCORE"
  | "SHAPE_MISMATCH"
  | "UNKNOWN_ID"
  | "BAD_OPTION"
  | "BAD_LABELS"
  | "BLANK_ARGUMENT"
  | "BAD_BOOLEAN"
  | "BAD_COUNT"
  | "DUPLICATE_GOAL_ID"
  | "PARENT_LOOP"
  | "INPUT_ERROR"
  | "NEEDS_COLUMN"
  | "NOT_SINGLE"
  | "ROWS_FROM_TABLE"
  | "NO_TARGET"
  | "BAD_PERIODS"
  | "NO_PERIOD_REPORTED"
  | "NO_PERIOD_LEFT"
  | "PLAN_NEEDED"
  | "PERIOD_GAP"
  | "BAD_REPORTED"
  | "BAD_FORECAST_METHOD"
  | "BAD_SERIES_ROLLUP"
  | "NOT_A_LINE"
  | "SPREAD_NO_PERIOD"
  | "SPREAD_MONTH"
  | "SPREAD_QUARTER"
  | "AUDIT_NOT_LOADED";

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps one issue as a failed result. */
export function fail<T = never>(code: IssueCode, params?: Issue["params"]): Result<T> {
  return { ok: false, issues: [params ? { code, params } : { code }] };
}
