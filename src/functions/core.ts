/**
 * The cores of the GOAL.* functions (DESIGN §5): plain functions of typed values, one implementation that the Excel
 * custom functions and the HyperFormula plugin both reach through the registry (registry.ts), which reads every
 * argument with its parameter's declared reader before a core sees it.
 */
import {
  achievabilityProblem,
  allocate,
  attainment,
  CellValue,
  Direction,
  forecast,
  ForecastMethod,
  needed,
  Series,
  SeriesRollup,
  isoFromDay,
  pace,
  percentVariance,
  readNumber,
  RollupMethod,
  rollupValues,
  score,
  ScoreItem,
  specificityProblem,
  statusOf,
  normalizeText,
  UNREADABLE,
  variance,
} from "../domain";
import {
  Argument,
  asGrid,
  errorOf,
  failed,
  flatten,
  FunctionError,
  Got,
  isEmpty,
  isFunctionError,
  Output,
  readNumberArgument,
  Reader,
  resultError,
} from "./arguments";

type Matrix = Output[][];

function single(output: Output): Matrix {
  return [[output]];
}

/**
 * GOAL.VARIANCE: favourable-positive variance (actual − target, or target − actual when lower is better), or the
 * percent variance.
 * @example varianceCore(90, 100, "lower", false) // 10
 */
export function varianceCore(
  actual: number,
  target: number,
  direction: Direction,
  asPercent: boolean
): Output {
  if (!asPercent) return variance(actual, target, direction);
  const share = percentVariance(actual, target, direction);
  return share.ok ? share.value : resultError(share);
}

/**
 * GOAL.ATTAINMENT: 1 + percent variance, capped when a cap is given.
 * @example attainmentCore(30, 25, "lower", null) // 0.8
 */
export function attainmentCore(
  actual: number,
  target: number,
  direction: Direction,
  cap: number | null
): Output {
  const result = attainment(actual, target, direction, cap);
  return result.ok ? result.value : resultError(result);
}

/**
 * GOAL.STATUS: the first label (attainment ≥ 1), the second (≥ at_risk) or the third.
 * @example statusCore(95, 100, "higher", 0.9, ["On track", "At risk", "Off track"]) // "At risk"
 */
export function statusCore(
  actual: number,
  target: number,
  direction: Direction,
  atRisk: number,
  labels: readonly [string, string, string]
): Output {
  const attained = attainment(actual, target, direction);
  if (!attained.ok) return resultError(attained);
  const status = statusOf(attained.value, atRisk);
  return labels[status === "onTrack" ? 0 : status === "atRisk" ? 1 : 2];
}

/**
 * GOAL.PACE: the value expected by `asOf`: baseline + (target − baseline) × the elapsed share of
 * [start, deadline], linear in days or along a seasonality profile of period weights.
 * @example paceCore(1200, 20454, 20818, 20634, 0, null) // 595.07 (181 of 365 days)
 */
export function paceCore(
  target: number,
  start: number,
  deadline: number,
  asOf: number,
  baseline: number,
  profile: number[] | null
): Output {
  const expected = pace(target, start, deadline, asOf, baseline, profile);
  if (expected.ok) return expected.value;
  if (expected.issues[0]?.code === "DEADLINE_BEFORE_START") {
    return errorOf({
      code: "DEADLINE_BEFORE_START",
      params: { deadline: isoFromDay(deadline), start: isoFromDay(start) },
    });
  }
  return resultError(expected);
}

/**
 * GOAL.ALLOCATE: parts of `total` that add up to it exactly (largest remainder, ties to the earlier part),
 * proportional to a range of weights (spilled in its shape; blank weights are 0), or a count of even parts (one
 * cell) spilled down a column.
 * @example allocateCore(100, [[3]], 0) // [[34], [33], [33]]
 */
export function allocateCore(total: number, weightsOrCount: Argument, decimals: number): Matrix {
  const grid = asGrid(weightsOrCount);
  let weights: number[];
  let rows: number;
  let columns: number;
  if (grid.length === 1 && grid[0]?.length === 1) {
    const value = grid[0][0] ?? null;
    const count = readNumber(value);
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100_000) {
      return single(
        errorOf({
          code: "BAD_COUNT",
          params: {
            argument: "weights_or_count",
            value: count === UNREADABLE || count === null ? String(value ?? "") : String(count),
          },
        })
      );
    }
    weights = new Array<number>(count).fill(1);
    rows = count;
    columns = 1;
  } else {
    rows = grid.length;
    columns = grid[0]?.length ?? 1;
    weights = [];
    for (const cell of grid.flat()) {
      const weight = readNumberArgument(cell, "weights_or_count");
      if (!weight.ok) return single(weight.error);
      weights.push(weight.value);
    }
  }
  const parts = allocate(total, weights, { decimals });
  if (!parts.ok) return single(resultError(parts));
  const result: Matrix = [];
  for (let row = 0; row < rows; row++)
    result.push(parts.value.slice(row * columns, (row + 1) * columns));
  return result;
}

/** An argument of GOAL.ROLLUP with the parameter whose reader reads its cells, one per goal. */
export interface GoalColumn<T> {
  argument: Argument;
  parameter: { name: string; read: Reader<T> };
}

/** A column of GOAL.ROLLUP read per goal: one cell for every goal, or one cell each. */
function perGoal<T>(column: GoalColumn<T>, goals: number): Got<(goal: number) => Got<T>> {
  const { argument, parameter } = column;
  const cells = argument === undefined ? [null] : flatten(argument);
  const read = (cell: CellValue) => parameter.read(cell, parameter.name);
  if (cells.length === 1) return { ok: true, value: () => read(cells[0] ?? null) };
  if (cells.length === goals) return { ok: true, value: (goal) => read(cells[goal] ?? null) };
  return {
    ok: false,
    error: errorOf({
      code: "SHAPE_MISMATCH",
      params: { argument: parameter.name, actual: cells.length, expected: goals, other: "ids" },
    }),
  };
}

/**
 * GOAL.ROLLUP: each goal's rolled-up value, as a column beside the ids: a goal without children keeps its own
 * value; a parent gets the aggregate (sum by default) of its children's rolled-up values. A goal whose cells
 * cannot be read gets its own error, which its ancestors inherit. O(n): ids in a hash map, goals visited leaves
 * first.
 * @example rollupCore(ids ["T","A","B"], parents [null,"T","T"], values [0,60,40]) // [[100], [60], [40]]
 */
export function rollupCore(
  ids: GoalColumn<string | null>,
  parentIds: GoalColumn<string | null>,
  values: GoalColumn<number>,
  method: GoalColumn<RollupMethod>,
  weights: GoalColumn<number>
): Matrix {
  const idCells = ids.argument === undefined ? [null] : flatten(ids.argument);
  const n = idCells.length;
  const parentOf = perGoal(parentIds, n);
  const valueOf = perGoal(values, n);
  const methodOf = perGoal(method, n);
  const weightOf = perGoal(weights, n);
  for (const column of [parentOf, valueOf, methodOf, weightOf])
    if (!column.ok) return single(column.error);
  if (!parentOf.ok || !valueOf.ok || !methodOf.ok || !weightOf.ok) return single("");

  // Blank id rows stay blank; a row that fails keeps its error and fails its ancestors.
  const out: Output[] = new Array<Output>(n).fill("");
  const failed = (i: number) => isFunctionError(out[i]);
  const present = new Uint8Array(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = ids.parameter.read(idCells[i] ?? null, ids.parameter.name);
    if (!id.ok) out[i] = id.error;
    if (!id.ok || id.value === null) continue;
    present[i] = 1;
    const key = normalizeText(id.value);
    if (index.has(key))
      out[i] = errorOf({ code: "DUPLICATE_GOAL_ID", params: { value: id.value } });
    else index.set(key, i);
  }

  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    if (!present[i] || failed(i)) continue;
    const parentId = parentOf.value(i);
    if (!parentId.ok) out[i] = parentId.error;
    if (!parentId.ok || parentId.value === null) continue;
    const p = index.get(normalizeText(parentId.value));
    if (p === undefined) {
      out[i] = errorOf({ code: "UNKNOWN_ID", params: { value: parentId.value } });
      continue;
    }
    parent[i] = p;
    (children[p] as number[]).push(i);
  }

  // Leaves first: a goal is ready once all its children are; goals on a parent loop never become ready.
  const pending = Int32Array.from(children, (list) => list.length);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (present[i] && pending[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    const p = parent[order[k] as number] as number;
    if (p >= 0 && --pending[p]! === 0) order.push(p);
  }
  const ready = new Uint8Array(n);
  for (const i of order) {
    ready[i] = 1;
    if (!failed(i))
      out[i] = rolledUp(
        i,
        children[i] as number[],
        out,
        valueOf.value,
        methodOf.value,
        weightOf.value
      );
  }
  for (let i = 0; i < n; i++) {
    if (present[i] && !ready[i] && !failed(i))
      out[i] = errorOf({ code: "PARENT_LOOP", params: { value: String(idCells[i]) } });
  }
  return out.map((value) => [value]);
}

/** One goal's rolled-up value from its own value, or from its children's (already computed) values. */
function rolledUp(
  goal: number,
  kids: readonly number[],
  out: readonly Output[],
  valueOf: (goal: number) => Got<number>,
  methodOf: (goal: number) => Got<RollupMethod>,
  weightOf: (goal: number) => Got<number>
): Output {
  const own = valueOf(goal);
  const how = methodOf(goal);
  if (!own.ok) return own.error;
  if (!how.ok) return how.error;
  if (kids.length === 0 || how.value === "none") return own.value;
  const failedChild = kids.find((child) => isFunctionError(out[child]));
  if (failedChild !== undefined) return out[failedChild] as FunctionError;
  const childWeights: number[] = [];
  if (how.value === "weighted") {
    for (const child of kids) {
      const weight = weightOf(child);
      if (!weight.ok) return weight.error;
      childWeights.push(weight.value);
    }
  }
  return rollupValues(
    kids.map((child) => out[child] as number),
    how.value,
    childWeights
  ) as number;
}

/** One goal's cells for GOAL.SMART; `undefined` for a check whose argument was left out. */
export interface SmartInput {
  goal: string | null;
  target: number | null;
  deadline: number | null;
  owner: string | null | undefined;
  baseline: number | null;
  parent: string | null | undefined;
  kpi: string | null | undefined;
  direction: Direction;
  stretch: number;
}

/**
 * GOAL.SMART: "SMART" when the goal passes every letter, else the passing letters with "-" for each failure
 * ("SM-R-"). S: specific text; M: a numeric target (and a KPI when the argument is given); A: an owner when the
 * argument is given, and against a baseline the audit's own check (better than it in the goal's direction, by no
 * more than the stretch limit); R: a parent when the argument is given; T: a deadline.
 * @example smartCore({ goal: "努力提升", target: 100, deadline: 20818, … }) // "-MART"
 */
export function smartCore(input: SmartInput): Output {
  const specific = specificityProblem(input.goal) === null;
  const measurable = input.target !== null && input.kpi !== null;
  let achievable = input.owner !== null;
  if (input.baseline !== null && input.target !== null)
    achievable &&=
      achievabilityProblem(input.target, input.baseline, input.direction, input.stretch) === null;
  const relevant = input.parent !== null;
  const timed = input.deadline !== null;
  return [
    specific ? "S" : "-",
    measurable ? "M" : "-",
    achievable ? "A" : "-",
    relevant ? "R" : "-",
    timed ? "T" : "-",
  ].join("");
}

/**
 * GOAL.SCORE: Σ weight × min(attainment, cap) / Σ weight over the goals that are not exempt (DESIGN §4).
 * Goals without an attainment (null) are not scored; weights null (left out) are equal.
 * @example scoreCore([1.1, 0.8], [0.6, 0.4], [false, false], 1.2) // [[0.98]]
 */
export function scoreCore(
  attainments: readonly (number | null)[],
  weights: readonly (number | null)[],
  exempt: readonly boolean[],
  cap: number
): Matrix {
  const items: ScoreItem[] = [];
  attainments.forEach((value, index) => {
    if (value === null) return;
    items.push({
      attainment: value,
      weight: weights[index] ?? null,
      exempt: exempt[index] ?? false,
    });
  });
  const result = score(items, cap);
  return single(result.ok ? result.value : resultError(result));
}

/** The cells of an argument that must be one row or one column of periods. */
function periodLine(argument: Argument, name: string): Got<CellValue[]> {
  const grid = asGrid(argument);
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  if (rows > 1 && columns > 1) return failed("NOT_A_LINE", { argument: name, rows, columns });
  return { ok: true, value: flatten(argument) };
}

/**
 * The series of a GOAL.FORECAST or GOAL.NEEDED call (DESIGN §8): n = the actuals' cells; k = `reported`, or the
 * cells up to the last one that is neither blank nor 0 (the desktop passes 0 for a blank cell, so trailing zeros
 * read as not reported); a blank before the k-th is an error naming that period.
 */
function reportedSeries(
  actuals: Argument,
  rollup: SeriesRollup,
  reported: number | null
): Got<Series> {
  const line = periodLine(actuals, "actuals");
  if (!line.ok) return line;
  const cells = line.value;
  let k = reported ?? 0;
  if (reported === null) {
    k = cells.length;
    while (k > 0 && (isEmpty(cells[k - 1] ?? null) || cells[k - 1] === 0)) k--;
  } else if (!Number.isInteger(reported) || reported > cells.length) {
    return failed("BAD_REPORTED", {
      argument: "reported",
      value: String(reported),
      expected: cells.length,
    });
  }
  const values: number[] = [];
  for (let index = 0; index < k; index++) {
    const cell = cells[index] ?? null;
    if (isEmpty(cell)) return failed("PERIOD_GAP", { argument: "actuals", value: index + 1 });
    const read = readNumberArgument(cell, "actuals");
    if (!read.ok) return read;
    values.push(read.value);
  }
  return { ok: true, value: { actuals: values, periods: cells.length, rollup } };
}

/** A plan of one value per period (blank counts as 0), or null when left out. */
function planLine(plan: Argument): Got<number[] | null> {
  if (plan === undefined) return { ok: true, value: null };
  const line = periodLine(plan, "plan");
  if (!line.ok) return line;
  const values: number[] = [];
  for (const cell of line.value) {
    const read = readNumberArgument(cell, "plan");
    if (!read.ok) return read;
    values.push(read.value);
  }
  return { ok: true, value: values };
}

/**
 * GOAL.FORECAST: the value at the deadline the reported periods point to (DESIGN §8).
 * @example forecastCore([[10], [20], [null], [null]], undefined, "auto", "sum", null) // [[60]]
 */
export function forecastCore(
  actuals: Argument,
  plan: Argument,
  method: ForecastMethod,
  rollup: SeriesRollup,
  reported: number | null
): Matrix {
  const series = reportedSeries(actuals, rollup, reported);
  if (!series.ok) return single(series.error);
  const planned = planLine(plan);
  if (!planned.ok) return single(planned.error);
  const result = forecast(series.value, planned.value, method);
  return single(result.ok ? result.value : resultError(result));
}

/**
 * GOAL.NEEDED: what each remaining period needs for the goal to reach its target at the deadline (DESIGN §8).
 * @example neededCore([[10], [20], [null], [null]], 100, "sum", null) // [[35]]
 */
export function neededCore(
  actuals: Argument,
  target: number,
  rollup: SeriesRollup,
  reported: number | null
): Matrix {
  const series = reportedSeries(actuals, rollup, reported);
  if (!series.ok) return single(series.error);
  const result = needed(series.value, target);
  return single(result.ok ? result.value : resultError(result));
}
