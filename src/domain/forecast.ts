/**
 * Forecasts to the deadline and what is needed per remaining period, from the actuals of the periods reported so
 * far (DESIGN §8). Pure: the periods come as numbers in order, the caller says how many there are.
 */
import { fail, ok, Result } from "./result";
import { lookup } from "./values";

/** How a forecast extends the periods reported (DESIGN §8); `auto` is `plan` when there is a plan, else `linear`. */
export type ForecastMethod = "linear" | "plan" | "trend" | "auto";

/** How a series of period actuals combines: added up (a volume), or averaged (a rate, a duration, a score). */
export type SeriesRollup = "sum" | "average";

export interface Series {
  /**
   * The actual of each reported period, first to last reported (k = its length); null for a period among them
   * without one: 0 in a sum, left out of a mean (DESIGN §8, CHECKIN_MISSING).
   */
  actuals: readonly (number | null)[];
  /** Periods from start to deadline (n ≥ k). */
  periods: number;
  rollup: SeriesRollup;
}

/** Words for the forecast methods, as GOAL.FORECAST reads them. */
export const FORECAST_METHOD_WORDS: Record<string, ForecastMethod> = {
  linear: "linear",
  线性: "linear",
  plan: "plan",
  计划: "plan",
  trend: "trend",
  趋势: "trend",
  auto: "auto",
  自动: "auto",
};

/** A forecast method from its word (English or Chinese); null when blank. */
export const readForecastMethod = lookup(FORECAST_METHOD_WORDS);

/** The reported actuals that count: a missing one is 0 in a sum and left out of a mean. */
function counted(series: Series): { values: number[]; positions: number[] } {
  const values: number[] = [];
  const positions: number[] = [];
  series.actuals.forEach((value, index) => {
    if (value === null && series.rollup === "average") return;
    values.push(value ?? 0);
    positions.push(index + 1);
  });
  return { values, positions };
}

function total(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

function checkSeries(series: Series): Result<{ values: number[]; positions: number[] }> {
  const k = series.actuals.length;
  if (!Number.isInteger(series.periods) || series.periods < k)
    return fail("BAD_PERIODS", { value: series.periods, reported: k });
  const used = counted(series);
  if (used.values.length === 0) return fail("NO_PERIOD_REPORTED");
  return ok(used);
}

/** `linear`: the reported periods' pace carried to the deadline. */
function linear(series: Series, values: readonly number[]): number {
  const mean = total(values) / values.length;
  return series.rollup === "sum" ? mean * series.periods : mean;
}

/** `plan`: the rest of the plan, scaled by how the reported periods did against theirs; null when it cannot. */
function planned(
  series: Series,
  values: readonly number[],
  plan: readonly number[]
): number | null {
  const k = series.actuals.length;
  const n = series.periods;
  const planSoFar = total(plan.slice(0, k));
  const planLeft = total(plan.slice(k, n));
  if (planSoFar === 0) return null;
  if (series.rollup === "sum") return total(values) + planLeft * (total(values) / planSoFar);
  const ratio = total(values) / values.length / (planSoFar / k);
  return (total(values) + planLeft * ratio) / (values.length + (n - k));
}

/** `trend`: a least-squares line through the reported periods, carried to the deadline; null under two points. */
function trend(
  series: Series,
  values: readonly number[],
  positions: readonly number[]
): number | null {
  const count = values.length;
  if (count < 2) return null;
  const meanT = total(positions) / count;
  const meanA = total(values) / count;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < count; i++) {
    const dt = (positions[i] as number) - meanT;
    covariance += dt * ((values[i] as number) - meanA);
    variance += dt * dt;
  }
  const beta = variance === 0 ? 0 : covariance / variance;
  const alpha = meanA - beta * meanT;
  const k = series.actuals.length;
  let rest = 0;
  for (let t = k + 1; t <= series.periods; t++)
    rest += series.rollup === "sum" ? Math.max(0, alpha + beta * t) : alpha + beta * t;
  if (series.rollup === "sum") return total(values) + rest;
  return (total(values) + rest) / (count + (series.periods - k));
}

/**
 * The value at the deadline the reported periods point to (DESIGN §8): `linear`, `plan` (the plan's remaining
 * periods scaled by actual against plan so far; `linear` when the plan so far is 0), `trend` (least squares over
 * the reported periods; `linear` under two), `auto` (`plan` when a plan is given, else `linear`). The plan has one
 * value per period (n). For a sum the forecast never drops below the actual to date.
 * @example forecast({ actuals: [10, 20], periods: 4, rollup: "sum" }, null, "linear") // ok(60)
 */
export function forecast(
  series: Series,
  plan: readonly number[] | null,
  method: ForecastMethod = "auto"
): Result<number> {
  const checked = checkSeries(series);
  if (!checked.ok) return checked;
  const { values, positions } = checked.value;
  if (plan !== null && plan.length !== series.periods)
    return fail("SHAPE_MISMATCH", {
      argument: "plan",
      actual: plan.length,
      expected: series.periods,
      other: "actuals",
    });
  const chosen = method === "auto" ? (plan === null ? "linear" : "plan") : method;
  if (chosen === "plan") {
    if (plan === null) return fail("PLAN_NEEDED");
    return ok(planned(series, values, plan) ?? linear(series, values));
  }
  if (chosen === "trend") return ok(trend(series, values, positions) ?? linear(series, values));
  return ok(linear(series, values));
}

/**
 * What each remaining period needs for the goal to reach `target` at the deadline (DESIGN §8): sum →
 * (target − Σa)/(n − k); average → (target·n − Σa)/(n − k), n counting the periods a mean takes in.
 * @example needed({ actuals: [10, 20], periods: 4, rollup: "sum" }, 100) // ok(35)
 */
export function needed(series: Series, target: number): Result<number> {
  const checked = checkSeries(series);
  if (!checked.ok) return checked;
  const { values } = checked.value;
  const left = series.periods - series.actuals.length;
  if (left === 0) return fail("NO_PERIOD_LEFT", { value: series.periods });
  if (series.rollup === "sum") return ok((target - total(values)) / left);
  return ok((target * (values.length + left) - total(values)) / left);
}
