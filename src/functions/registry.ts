/**
 * The one registry of the GOAL.* functions (DESIGN §5): for each, its parameters — how each is read (type, default,
 * blank rule), whether Excel hands it over as a range or as one value, and its role in the call — the shape of its
 * result and its core. The Excel wrappers (functions.ts, whose JSDoc the metadata generator reads; a test holds it
 * equal to this registry), the HyperFormula plugin and the reference read this table; nothing else lists the
 * parameters. The help texts live beside it in help.ts, keyed by the same names, so that the functions bundle
 * (80 KB budget) does not carry both languages' help.
 */
import {
  CellValue,
  Direction,
  DEFAULT_AUDIT_OPTIONS,
  Lang,
  normalizeText,
  STATUS_NAMES,
} from "../domain";
import {
  Argument,
  asCell,
  asGrid,
  booleanOr,
  cellAt,
  commonShape,
  errorOf,
  flatten,
  FunctionError,
  Got,
  isEmpty,
  methodOr,
  numberOr,
  Output,
  readDateArgument,
  readDirectionArgument,
  readNumberArgument,
  readNumberOrNone,
  readForecastMethodArgument,
  readOptionalDate,
  Reader,
  readReportedArgument,
  readSeriesRollupArgument,
  readTextArgument,
} from "./arguments";
import {
  allocateCore,
  attainmentCore,
  forecastCore,
  neededCore,
  paceCore,
  rollupCore,
  scoreCore,
  smartCore,
  statusCore,
  varianceCore,
} from "./core";

/**
 * What a parameter is in a call:
 * - `cell`: lined up cell by cell with the other `cell` parameters (a single value repeats over their shape);
 * - `list`: its cells read in order, whatever its shape (a profile of weights);
 * - `range`: handed to the core as Excel gives it (a goal table, weights or a count);
 * - `single`: one value — the only parameters Excel passes as a scalar.
 */
export type Role = "cell" | "list" | "range" | "single";

export interface ParameterSpec<T = unknown, R extends Role = Role> {
  /** The name users see in Excel's formula help (also the JSDoc @param name). */
  name: string;
  optional: boolean;
  role: R;
  /** How each cell is read: its type, its default and what a blank (null on the web, 0 on the desktop) means. */
  read: Reader<T>;
  /** The value when the argument is left out altogether, where that differs from reading a blank cell. */
  omitted?: T;
  /**
   * For a list: trailing blank or 0 cells are left out, and a list with nothing else is no list — the desktop's 0
   * for a blank cell and the web's null read the same (as DESIGN §8 reads `reported` periods).
   */
  trimTrailing?: boolean;
}

/** How big a result is before it is computed (HyperFormula sizes a spill when the formula is read). */
export type SpillRule = "cells" | "allocate" | "rollup" | "audit" | "none";

/** Where and in what language a call runs. */
export interface CallContext {
  language: Lang;
  /** The worksheet row of the first argument's first cell, when the host says (Invocation.parameterAddresses). */
  firstRow: number | null;
}

export interface FunctionSpec {
  name: string;
  parameters: readonly ParameterSpec[];
  /** `scalar` for a function that returns one value (GOAL.SCORE), `matrix` for one that may spill. */
  result: "matrix" | "scalar";
  spill: SpillRule;
  /** Needs the address of its first argument (the metadata's requiresParameterAddresses). */
  addresses: boolean;
  /** The result for arguments as Excel hands them over for this metadata (`undefined`: left out). */
  evaluate(args: readonly Argument[], context: CallContext): Output[][];
}

/** Excel's dimensionality of a parameter: every parameter that may be a range is a matrix (office-js #580). */
export function dimensionalityOf(parameter: ParameterSpec): "matrix" | "scalar" {
  return parameter.role === "single" ? "scalar" : "matrix";
}

function parameter<T, R extends Role>(spec: ParameterSpec<T, R>): ParameterSpec<T, R> {
  return spec;
}

type CellValueOf<S> =
  S extends ParameterSpec<infer T, infer R>
    ? R extends "list"
      ? T[] | null
      : R extends "range"
        ? Argument
        : T
    : never;
type CellValues<P extends readonly unknown[]> = { [K in keyof P]: CellValueOf<P[K]> };

type WholeValueOf<S> =
  S extends ParameterSpec<infer T, infer R>
    ? R extends "cell"
      ? T[]
      : R extends "list"
        ? T[] | null
        : R extends "range"
          ? Argument
          : T
    : never;
type WholeValues<P extends readonly unknown[]> = { [K in keyof P]: WholeValueOf<P[K]> };

function single(output: Output): Output[][] {
  return [[output]];
}

/** Reads the arguments that are not lined up cell by cell: lists, single values and ranges. */
function readOthers(
  parameters: readonly ParameterSpec[],
  args: readonly Argument[]
): Got<unknown[]> {
  const values: unknown[] = [];
  for (const [index, spec] of parameters.entries()) {
    const argument = args[index];
    if (spec.role === "cell") {
      values.push(undefined);
    } else if (spec.role === "range") {
      values.push(argument);
    } else if (argument === undefined && "omitted" in spec) {
      values.push(spec.omitted);
    } else if (spec.role === "single") {
      const grid = asGrid(argument);
      if (grid.length > 1 || (grid[0]?.length ?? 1) > 1)
        return {
          ok: false,
          error: errorOf({ code: "NOT_SINGLE", params: { argument: spec.name } }),
        };
      const read = spec.read(grid[0]?.[0] ?? null, spec.name);
      if (!read.ok) return read;
      values.push(read.value);
    } else if (argument === undefined) {
      values.push(null);
    } else {
      const list: unknown[] = [];
      const cells = flatten(argument);
      if (spec.trimTrailing)
        while (
          cells.length > 0 &&
          (isEmpty(cells[cells.length - 1]) || cells[cells.length - 1] === 0)
        )
          cells.pop();
      if (spec.trimTrailing && cells.length === 0) {
        values.push(null);
        continue;
      }
      for (const cell of cells) {
        const read = spec.read(cell, spec.name);
        if (!read.ok) return read;
        list.push(read.value);
      }
      values.push(list);
    }
  }
  return { ok: true, value: values };
}

function cellArguments(
  parameters: readonly ParameterSpec[],
  args: readonly Argument[]
): [string, Argument][] {
  return parameters.flatMap((spec, index): [string, Argument][] =>
    spec.role === "cell" ? [[spec.name, args[index]]] : []
  );
}

/** Reads one `cell` parameter at a position of the result. */
function readCell(
  spec: ParameterSpec,
  argument: Argument,
  row: number,
  column: number
): Got<unknown> {
  if (argument === undefined && "omitted" in spec) return { ok: true, value: spec.omitted };
  return spec.read(cellAt(argument, row, column), spec.name);
}

/**
 * A function computed cell by cell over the common shape of its `cell` parameters: a cell whose inputs cannot be
 * read gets its own error (the first failing parameter's) and the others still compute.
 */
function cellwise<const P extends readonly ParameterSpec[]>(
  parameters: P,
  core: (...values: CellValues<P>) => Output
): (args: readonly Argument[]) => Output[][] {
  return (args) => {
    const others = readOthers(parameters, args);
    if (!others.ok) return single(others.error);
    const shape = commonShape(cellArguments(parameters, args));
    if (!shape.ok) return single(shape.error);
    const result: Output[][] = [];
    for (let row = 0; row < shape.value.rows; row++) {
      const line: Output[] = [];
      for (let column = 0; column < shape.value.columns; column++) {
        const values = [...others.value];
        let error: FunctionError | null = null;
        for (const [index, spec] of parameters.entries()) {
          if (spec.role !== "cell") continue;
          const read = readCell(spec, args[index], row, column);
          if (!read.ok) {
            error = read.error;
            break;
          }
          values[index] = read.value;
        }
        line.push(error ?? core(...(values as CellValues<P>)));
      }
      result.push(line);
    }
    return result;
  };
}

/**
 * A function of whole arguments: `cell` parameters arrive as lists lined up with each other (a single value
 * repeats), read with their declared readers; the first cell that cannot be read is the result.
 */
function whole<const P extends readonly ParameterSpec[]>(
  parameters: P,
  core: (context: CallContext, ...values: WholeValues<P>) => Output[][]
): (args: readonly Argument[], context: CallContext) => Output[][] {
  return (args, context) => {
    const others = readOthers(parameters, args);
    if (!others.ok) return single(others.error);
    const cells = cellArguments(parameters, args);
    const values = [...others.value];
    if (cells.length > 0) {
      const shape = commonShape(cells);
      if (!shape.ok) return single(shape.error);
      for (const [index, spec] of parameters.entries()) {
        if (spec.role !== "cell") continue;
        const list: unknown[] = [];
        for (let row = 0; row < shape.value.rows; row++)
          for (let column = 0; column < shape.value.columns; column++) {
            const read = readCell(spec, args[index], row, column);
            if (!read.ok) return single(read.error);
            list.push(read.value);
          }
        values[index] = list;
      }
    }
    return core(context, ...(values as WholeValues<P>));
  };
}

// Readers shared by several parameters.
const NUMBER: Reader<number> = readNumberArgument;
const DATE: Reader<number> = readDateArgument;
const DIRECTION: Reader<Direction> = readDirectionArgument;
const TEXT: Reader<string | null> = readTextArgument;

/** Labels that mean "the Chinese words" rather than three labels of one's own. */
const CHINESE_LABELS = new Set(["zh", "zh-cn", "cn", "中文", "chinese"]);

/** Three status labels from "On track,At risk,Off track" (also with ， 、 ; or |), or the words of a language. */
const LABELS: Reader<readonly [string, string, string]> = (value, argument) => {
  const text = readTextArgument(value, argument);
  if (!text.ok) return text;
  const language: Lang | null =
    text.value === null ? "en" : CHINESE_LABELS.has(normalizeText(text.value)) ? "zh" : null;
  if (language) {
    const words = [STATUS_NAMES.onTrack, STATUS_NAMES.atRisk, STATUS_NAMES.offTrack];
    return { ok: true, value: words.map((word) => word[language]) as [string, string, string] };
  }
  const labels = (text.value as string).split(/[,，、;；|]/).map((label) => label.trim());
  if (labels.length !== 3 || labels.some((label) => label === ""))
    return { ok: false, error: errorOf({ code: "BAD_LABELS", params: { argument } }) };
  return { ok: true, value: labels as [string, string, string] };
};

/** An attainment to score: blank or 0 is a goal not scored yet (the desktop passes 0 for an empty cell). */
const ATTAINMENT_OR_NONE: Reader<number | null> = readNumberOrNone;

/** A weight: blank counts as 0 (as the desktop passes it); left out altogether, weights are equal. */
const WEIGHT_OR_EQUAL: Reader<number | null> = readNumberArgument;

/** A language word for messages: en / zh / 中文; blank is Excel's language. */
const LANGUAGE: Reader<Lang | null> = (value, argument) => {
  const text = readTextArgument(value, argument);
  if (!text.ok) return text;
  if (text.value === null) return { ok: true, value: null };
  if (/^zh|中/i.test(text.value)) return { ok: true, value: "zh" };
  if (/^en/i.test(text.value)) return { ok: true, value: "en" };
  return { ok: true, value: null };
};

/** A text argument that, left out altogether, means "not checked" (undefined) rather than "blank". */
const CHECKED_TEXT: Reader<string | null | undefined> = readTextArgument;

const actual = parameter({ name: "actual", optional: false, role: "cell", read: NUMBER });
const target = parameter({ name: "target", optional: false, role: "cell", read: NUMBER });
const direction = parameter({ name: "direction", optional: true, role: "cell", read: DIRECTION });

const VARIANCE = [
  actual,
  target,
  direction,
  parameter({ name: "as_percent", optional: true, role: "cell", read: booleanOr(false) }),
] as const;

const ATTAINMENT = [
  actual,
  target,
  direction,
  parameter({ name: "cap", optional: true, role: "cell", read: readNumberOrNone }),
] as const;

const STATUS = [
  actual,
  target,
  direction,
  parameter({
    name: "at_risk",
    optional: true,
    role: "cell",
    read: numberOr(DEFAULT_AUDIT_OPTIONS.atRisk),
  }),
  parameter({ name: "labels", optional: true, role: "cell", read: LABELS }),
] as const;

const PACE = [
  target,
  parameter({ name: "start", optional: false, role: "cell", read: DATE }),
  parameter({ name: "deadline", optional: false, role: "cell", read: DATE }),
  parameter({ name: "as_of", optional: false, role: "cell", read: DATE }),
  parameter({ name: "baseline", optional: true, role: "cell", read: NUMBER }),
  parameter({ name: "profile", optional: true, role: "list", read: NUMBER, trimTrailing: true }),
] as const;

const ALLOCATE = [
  parameter({ name: "total", optional: false, role: "single", read: NUMBER }),
  parameter({ name: "weights_or_count", optional: false, role: "range", read: asCell }),
  parameter({ name: "decimals", optional: true, role: "single", read: numberOr(0) }),
] as const;

const ROLLUP = [
  parameter({ name: "ids", optional: false, role: "range", read: TEXT }),
  parameter({ name: "parent_ids", optional: false, role: "range", read: TEXT }),
  parameter({ name: "values", optional: false, role: "range", read: NUMBER }),
  parameter({ name: "method", optional: true, role: "range", read: methodOr("sum") }),
  parameter({ name: "weights", optional: true, role: "range", read: NUMBER }),
] as const;

const SMART = [
  parameter({ name: "goal", optional: false, role: "cell", read: TEXT }),
  // A target of 0 reads as no target on every platform (the desktop passes 0 for a blank cell).
  parameter({ name: "target", optional: false, role: "cell", read: readNumberOrNone }),
  parameter({ name: "deadline", optional: true, role: "cell", read: readOptionalDate }),
  parameter({
    name: "owner",
    optional: true,
    role: "cell",
    read: CHECKED_TEXT,
    omitted: undefined,
  }),
  parameter({ name: "baseline", optional: true, role: "cell", read: readNumberOrNone }),
  parameter({
    name: "parent",
    optional: true,
    role: "cell",
    read: CHECKED_TEXT,
    omitted: undefined,
  }),
  parameter({ name: "kpi", optional: true, role: "cell", read: CHECKED_TEXT, omitted: undefined }),
  direction,
] as const;

const SCORE = [
  parameter({ name: "attainments", optional: false, role: "cell", read: ATTAINMENT_OR_NONE }),
  parameter({
    name: "weights",
    optional: true,
    role: "cell",
    read: WEIGHT_OR_EQUAL,
    omitted: null,
  }),
  parameter({ name: "exempt", optional: true, role: "cell", read: booleanOr(false) }),
  parameter({ name: "cap", optional: true, role: "single", read: numberOr(1.2) }),
] as const;

const AUDIT = [
  parameter({ name: "table", optional: false, role: "range", read: asCell }),
  parameter({ name: "language", optional: true, role: "single", read: LANGUAGE }),
  parameter({ name: "as_of", optional: true, role: "single", read: readOptionalDate }),
] as const;

const actuals = parameter({ name: "actuals", optional: false, role: "range", read: asCell });
const seriesRollup = parameter({
  name: "rollup",
  optional: true,
  role: "single",
  read: readSeriesRollupArgument,
});
const reported = parameter({
  name: "reported",
  optional: true,
  role: "single",
  read: readReportedArgument,
});

const FORECAST = [
  actuals,
  parameter({ name: "plan", optional: true, role: "range", read: asCell }),
  parameter({ name: "method", optional: true, role: "single", read: readForecastMethodArgument }),
  seriesRollup,
  reported,
] as const;

const NEEDED = [
  actuals,
  parameter({ name: "target", optional: false, role: "single", read: NUMBER }),
  seriesRollup,
  reported,
] as const;

/** GOAL.AUDIT's core (auditCore.ts), once a host has loaded it. */
type AuditCore = (
  table: CellValue[][],
  language: Lang,
  firstRow: number | null,
  asOf: number | null
) => Output[][];
let auditCore: AuditCore | null = null;

/**
 * Hands GOAL.AUDIT its core. It lives in a module of its own so that Excel's functions bundle loads the audit only
 * when a workbook uses it (functions.ts); every host calls this before GOAL.AUDIT computes.
 */
export function provideAuditCore(core: AuditCore): void {
  auditCore = core;
}

function loadedAuditCore(): AuditCore {
  if (auditCore === null) throw new Error("GOAL.AUDIT computed before its core was loaded");
  return auditCore;
}

/** Every function, in the order of DESIGN §5, then §8's. */
export const GOAL_FUNCTIONS = {
  VARIANCE: {
    name: "VARIANCE",
    parameters: VARIANCE,
    result: "matrix",
    spill: "cells",
    addresses: false,
    evaluate: cellwise(VARIANCE, varianceCore),
  },
  ATTAINMENT: {
    name: "ATTAINMENT",
    parameters: ATTAINMENT,
    result: "matrix",
    spill: "cells",
    addresses: false,
    evaluate: cellwise(ATTAINMENT, attainmentCore),
  },
  STATUS: {
    name: "STATUS",
    parameters: STATUS,
    result: "matrix",
    spill: "cells",
    addresses: false,
    evaluate: cellwise(STATUS, statusCore),
  },
  PACE: {
    name: "PACE",
    parameters: PACE,
    result: "matrix",
    spill: "cells",
    addresses: false,
    evaluate: cellwise(PACE, paceCore),
  },
  ALLOCATE: {
    name: "ALLOCATE",
    parameters: ALLOCATE,
    result: "matrix",
    spill: "allocate",
    addresses: false,
    evaluate: whole(ALLOCATE, (_context, total, weights, decimals) =>
      allocateCore(total, weights, decimals)
    ),
  },
  ROLLUP: {
    name: "ROLLUP",
    parameters: ROLLUP,
    result: "matrix",
    spill: "rollup",
    addresses: false,
    evaluate: whole(ROLLUP, (_context, ids, parents, values, method, weights) =>
      rollupCore(
        { argument: ids, parameter: ROLLUP[0] },
        { argument: parents, parameter: ROLLUP[1] },
        { argument: values, parameter: ROLLUP[2] },
        { argument: method, parameter: ROLLUP[3] },
        { argument: weights, parameter: ROLLUP[4] }
      )
    ),
  },
  SMART: {
    name: "SMART",
    parameters: SMART,
    result: "matrix",
    spill: "cells",
    addresses: false,
    evaluate: cellwise(SMART, (goal, targetValue, deadline, owner, baseline, parent, kpi, way) =>
      smartCore({
        goal,
        target: targetValue,
        deadline,
        owner,
        baseline,
        parent,
        kpi,
        direction: way,
        stretch: DEFAULT_AUDIT_OPTIONS.stretch,
      })
    ),
  },
  SCORE: {
    name: "SCORE",
    parameters: SCORE,
    result: "scalar",
    spill: "none",
    addresses: false,
    evaluate: whole(SCORE, (_context, attainments, weights, exempt, cap) =>
      scoreCore(attainments, weights, exempt, cap)
    ),
  },
  AUDIT: {
    name: "AUDIT",
    parameters: AUDIT,
    result: "matrix",
    spill: "audit",
    addresses: true,
    evaluate: whole(AUDIT, (context, table, language, asOf) =>
      loadedAuditCore()(asGrid(table), language ?? context.language, context.firstRow, asOf)
    ),
  },
  FORECAST: {
    name: "FORECAST",
    parameters: FORECAST,
    result: "scalar",
    spill: "none",
    addresses: false,
    evaluate: whole(FORECAST, (_context, series, plan, method, rollup, count) =>
      forecastCore(series, plan, method, rollup, count)
    ),
  },
  NEEDED: {
    name: "NEEDED",
    parameters: NEEDED,
    result: "scalar",
    spill: "none",
    addresses: false,
    evaluate: whole(NEEDED, (_context, series, goalTarget, rollup, count) =>
      neededCore(series, goalTarget, rollup, count)
    ),
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof GOAL_FUNCTIONS;

/** The function names without the namespace, in DESIGN order. */
export const FUNCTION_NAMES = Object.keys(GOAL_FUNCTIONS) as FunctionName[];
