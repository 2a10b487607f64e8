import {
  bilingual,
  CellValue,
  Direction,
  DIRECTION_WORDS,
  ForecastMethod,
  Issue,
  IssueCode,
  readBoolean,
  readDate,
  readDirection,
  readForecastMethod,
  readNumber,
  readRollup,
  RollupMethod,
  SeriesRollup,
  UNREADABLE,
} from "../domain";

/**
 * What a GOAL.* function receives for one argument, in Excel or in HyperFormula: a single value, a range as rows
 * of values, or nothing when the argument was left out.
 */
export type Argument = CellValue | CellValue[][] | undefined;

/** Why a cell of a result could not be computed: the Excel error it shows and the issue its message tells. */
export interface FunctionError {
  kind: "value" | "na" | "div0";
  issue: Issue;
}

/** One cell of a function's result. */
export type Output = number | string | boolean | FunctionError;

/** A read that may fail with the issue to report. */
export type Got<T> = { ok: true; value: T } | { ok: false; error: FunctionError };

/**
 * How one parameter's cells are read: type, default and blank rule in one function (STYLE 13), so a core receives
 * plain numbers and strings. `argument` names the parameter in messages.
 */
export type Reader<T> = (value: CellValue, argument: string) => Got<T>;

/** Issue codes whose Excel error is not #VALUE!. */
const ERROR_KINDS: Partial<Record<IssueCode, FunctionError["kind"]>> = {
  TARGET_ZERO: "div0",
  UNKNOWN_ID: "na",
  NO_PERIOD_REPORTED: "na",
  NO_PERIOD_LEFT: "na",
};

/**
 * The one mapping from a domain issue to the error a cell shows (DESIGN §5): #DIV/0! for target 0, #N/A for an
 * unknown id and for a forecast with no period reported or none left (§8), #VALUE! for everything else (the kind whose message Excel shows).
 * @example errorOf({ code: "TARGET_ZERO" }).kind // "div0"
 */
export function errorOf(issue: Issue): FunctionError {
  return { kind: ERROR_KINDS[issue.code] ?? "value", issue };
}

/** The error of a failed domain computation (its first issue). */
export function resultError(result: { ok: false; issues: Issue[] }): FunctionError {
  return errorOf(result.issues[0] ?? { code: "BAD_OPTION" });
}

/** True for a result cell that failed. */
export function isFunctionError(value: unknown): value is FunctionError {
  return typeof value === "object" && value !== null && "kind" in value && "issue" in value;
}

/** A reading that failed with one issue. */
export function failed<T>(code: IssueCode, params: Issue["params"]): Got<T> {
  return { ok: false, error: errorOf({ code, params }) };
}

function got<T>(value: T): Got<T> {
  return { ok: true, value };
}

/**
 * True for a cell that holds nothing: null (Excel on the web), undefined (an argument left out), or "". Excel on
 * the desktop passes 0 for a blank cell; readers that give 0 a meaning of its own say so.
 */
export function isEmpty(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** An error value coming in from a cell (#N/A …) becomes the result's error, naming the argument. */
function inputError<T>(value: CellValue, argument: string): Got<T> | null {
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    return failed("INPUT_ERROR", { argument, value: value.error });
  }
  return null;
}

/**
 * A number argument. Blank counts as 0, as in Excel's own arithmetic (the desktop passes 0 for a blank cell, the
 * web passes nothing; both read the same). Text is read the way a person means it: "1,200", "95%", "９５".
 * @example readNumberArgument("95%", "actual") // { ok: true, value: 0.95 }
 */
export function readNumberArgument(value: CellValue, argument: string): Got<number> {
  const error = inputError<number>(value, argument);
  if (error) return error;
  if (isEmpty(value)) return got(0);
  const number = typeof value === "boolean" ? UNREADABLE : readNumber(value);
  if (number === null) return got(0);
  if (number === UNREADABLE) return failed("NOT_A_NUMBER", { argument, value: String(value) });
  return got(number);
}

/** An optional number: blank, 0 (what the desktop passes for a blank cell) or left out gives the fallback. */
export function readOptionalNumber(
  value: CellValue,
  argument: string,
  fallback: number
): Got<number> {
  if (isEmpty(value) || value === 0) return got(fallback);
  return readNumberArgument(value, argument);
}

/**
 * An optional number that is absent (null) when blank or 0: where a 0 would mean nothing (a cap, a baseline to
 * beat), the 0 that Excel on the desktop passes for a blank cell must read as the web's blank.
 */
export function readNumberOrNone(value: CellValue, argument: string): Got<number | null> {
  if (isEmpty(value) || value === 0) return got(null);
  return readNumberArgument(value, argument);
}

/**
 * A date argument: a date cell (serial), ISO or Chinese date text. Blank (or the 0 a blank desktop cell gives) is
 * an error that says a date is needed.
 */
export function readDateArgument(value: CellValue, argument: string): Got<number> {
  const error = inputError<number>(value, argument);
  if (error) return error;
  if (isEmpty(value) || value === 0)
    return failed("BLANK_ARGUMENT", {
      argument,
      expected$: bilingual({ en: "a date", zh: "日期" }),
    });
  const day = readDate(value);
  if (day === null || day === UNREADABLE)
    return failed("BAD_DATE", { argument, value: String(value) });
  return got(day);
}

/** An optional date: blank or 0 is absent (null). */
export function readOptionalDate(value: CellValue, argument: string): Got<number | null> {
  if (isEmpty(value) || value === 0) return got(null);
  return readDateArgument(value, argument);
}

/** A direction word (higher/lower/↑/↓/越高越好/越低越好); blank means higher is better. */
export function readDirectionArgument(value: CellValue, argument: string): Got<Direction> {
  const error = inputError<Direction>(value, argument);
  if (error) return error;
  if (isEmpty(value) || value === 0) return got("higher");
  const direction = readDirection(value);
  if (direction === null) return got("higher");
  if (direction === UNREADABLE) return failed("BAD_DIRECTION", { argument, value: String(value) });
  return got(direction);
}

/** A roll-up method word (sum, average, weighted, min, max, none, 求和, 平均 …); blank gives the fallback. */
export function readMethodArgument(
  value: CellValue,
  argument: string,
  fallback: RollupMethod
): Got<RollupMethod> {
  const error = inputError<RollupMethod>(value, argument);
  if (error) return error;
  if (isEmpty(value) || value === 0) return got(fallback);
  const method = readRollup(value);
  if (method === null) return got(fallback);
  if (method === UNREADABLE) return failed("BAD_METHOD", { argument, value: String(value) });
  return got(method);
}

/** A forecast method (linear, plan, trend, auto or 线性, 计划, 趋势, 自动); blank gives auto (DESIGN §8). */
export const readForecastMethodArgument: Reader<ForecastMethod> = (value, argument) => {
  const error = inputError<ForecastMethod>(value, argument);
  if (error) return error;
  if (isEmpty(value) || value === 0) return got("auto");
  const method = readForecastMethod(value);
  if (method === null) return got("auto");
  if (method === UNREADABLE)
    return failed("BAD_FORECAST_METHOD", { argument, value: String(value) });
  return got(method);
};

/** How a series of periods combines: sum (default) or average (合计 / 平均); another roll-up is an error. */
export const readSeriesRollupArgument: Reader<SeriesRollup> = (value, argument) => {
  const error = inputError<SeriesRollup>(value, argument);
  if (error) return error;
  if (isEmpty(value) || value === 0) return got("sum");
  const method = readRollup(value);
  if (method === null) return got("sum");
  if (method === "sum" || method === "average") return got(method);
  return failed("BAD_SERIES_ROLLUP", { argument, value: String(value) });
};

/**
 * How many periods are reported, or null (blank, or the desktop's 0 for a blank cell) for "up to the last one with
 * a value"; whether it is a whole number that fits the periods is the core's to say, which knows them.
 */
export const readReportedArgument: Reader<number | null> = (value, argument) => {
  if (isEmpty(value) || value === 0) return got(null);
  return readNumberArgument(value, argument);
};

/** A yes/no argument (TRUE/FALSE, yes/no, 是/否, 1/0); blank gives the fallback. */
export function readBooleanArgument(
  value: CellValue,
  argument: string,
  fallback: boolean
): Got<boolean> {
  const error = inputError<boolean>(value, argument);
  if (error) return error;
  if (isEmpty(value)) return got(fallback);
  const flag = readBoolean(value);
  if (flag === null) return got(fallback);
  if (flag === UNREADABLE) return failed("BAD_BOOLEAN", { argument, value: String(value) });
  return got(flag);
}

/** Text of a cell, trimmed; blank (or the 0 of a blank desktop cell) is null. */
export function readTextArgument(value: CellValue, argument: string): Got<string | null> {
  const error = inputError<string | null>(value, argument);
  if (error) return error;
  if (isEmpty(value) || value === 0) return got(null);
  if (typeof value === "string") return got(value.trim());
  if (value instanceof Date) return got(value.toISOString().slice(0, 10));
  return got(String(value));
}

/** Every word a direction argument accepts, for help texts. */
export const DIRECTION_CHOICES = Object.keys(DIRECTION_WORDS).join(", ");

/** A range as rows, or a single value as one row of one cell. */
export function asGrid(argument: Argument): CellValue[][] {
  if (Array.isArray(argument)) return argument.length === 0 ? [[null]] : argument;
  return [[argument ?? null]];
}

/** The cells of a range read row by row (a profile or a list of weights, whatever its orientation). */
export function flatten(argument: Argument): CellValue[] {
  return asGrid(argument).flat();
}

/**
 * Lines arguments up cell by cell (DESIGN §5): single values repeat over the shape of the ranges; ranges must all
 * have one shape. Returns the shape, or the argument that does not fit.
 */
export function commonShape(
  args: ReadonlyArray<[string, Argument]>
): Got<{ rows: number; columns: number }> {
  let shape: { rows: number; columns: number; name: string } | null = null;
  for (const [name, argument] of args) {
    const grid = asGrid(argument);
    const rows = grid.length;
    const columns = grid[0]?.length ?? 1;
    if (rows === 1 && columns === 1) continue;
    if (shape === null) shape = { rows, columns, name };
    else if (shape.rows !== rows || shape.columns !== columns) {
      return failed("SHAPE_MISMATCH", {
        argument: name,
        actual: `${rows}×${columns}`,
        expected: `${shape.rows}×${shape.columns}`,
        other: shape.name,
      });
    }
  }
  return got(shape ? { rows: shape.rows, columns: shape.columns } : { rows: 1, columns: 1 });
}

/** The value an argument gives to cell (row, column) of the result: a single value repeats. */
export function cellAt(argument: Argument, row: number, column: number): CellValue {
  if (!Array.isArray(argument)) return argument ?? null;
  if (argument.length === 1 && argument[0]?.length === 1) return argument[0][0] ?? null;
  return argument[row]?.[column] ?? null;
}

/** Readers with a fallback, for parameter declarations. */
export const numberOr =
  (fallback: number): Reader<number> =>
  (value, argument) =>
    readOptionalNumber(value, argument, fallback);
export const booleanOr =
  (fallback: boolean): Reader<boolean> =>
  (value, argument) =>
    readBooleanArgument(value, argument, fallback);
export const methodOr =
  (fallback: RollupMethod): Reader<RollupMethod> =>
  (value, argument) =>
    readMethodArgument(value, argument, fallback);

/** A cell passed on as it is, for cores that read a whole table themselves. */
export const asCell: Reader<CellValue> = (value) => got(value ?? null);

/**
 * A value as Excel hands it to a custom function, made a plain cell: a data-typed cell (a formatted number, an
 * entity, a linked data type) arrives as an object when the metadata says `allowCustomDataForDataTypeAny` (the
 * metadata generator always does) and is read by its `basicValue`, the value the cell shows in a formula
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts); an error-typed one keeps
 * its error.
 * @example excelCell({ type: "Double", basicValue: 12, numberFormat: "0.0" }) // 12
 */
export function excelCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const typed = value as { type?: unknown; basicValue?: unknown; error?: unknown };
    if (typeof typed.error === "string") return { error: typed.error };
    if (typed.type === "Error" && typeof typed.basicValue === "string")
      return { error: typed.basicValue };
    if ("basicValue" in typed) return excelCell(typed.basicValue);
  }
  return String(value);
}
