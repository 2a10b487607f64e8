import { Direction, RollupMethod, Status } from "./model";
import { fail, ok, Result } from "./result";

/**
 * Favourable-positive variance: actual − target when higher is better, target − actual when lower is.
 * @example variance(90, 100, "higher") // -10
 */
export function variance(actual: number, target: number, direction: Direction = "higher"): number {
  return direction === "lower" ? target - actual : actual - target;
}

/**
 * Variance as a share of |target|; undefined for target 0.
 * @example percentVariance(90, 100) // { ok: true, value: -0.1 }
 */
export function percentVariance(
  actual: number,
  target: number,
  direction: Direction = "higher"
): Result<number> {
  if (target === 0) return fail("TARGET_ZERO");
  return ok(variance(actual, target, direction) / Math.abs(target));
}

/**
 * Attainment = 1 + percent variance (actual/target when higher is better and target > 0), optionally capped.
 * @example attainment(30, 25, "lower") // { ok: true, value: 0.8 }
 */
export function attainment(
  actual: number,
  target: number,
  direction: Direction = "higher",
  cap?: number | null
): Result<number> {
  const share = percentVariance(actual, target, direction);
  if (!share.ok) return share;
  const value = 1 + share.value;
  return ok(cap !== undefined && cap !== null ? Math.min(value, cap) : value);
}

/**
 * Status from attainment: ≥ 1 on track, ≥ the at-risk threshold at risk, otherwise off track.
 * @example statusOf(0.95) // "atRisk"
 */
export function statusOf(attained: number, atRisk = 0.9): Status {
  // A rounding hair below 1 (0.9999999999999998) is still on track.
  if (attained >= 1 - 1e-12) return "onTrack";
  return attained >= atRisk - 1e-12 ? "atRisk" : "offTrack";
}

/**
 * Share of [start, deadline] elapsed by the end of `asOf` (days, inclusive), clamped to [0, 1]. With a profile
 * of period weights (seasonality), the window is cut into that many equal parts and the share is cumulative.
 * @example elapsedShare(0, 9, 4) // 0.5
 */
export function elapsedShare(
  start: number,
  deadline: number,
  asOf: number,
  profile?: readonly number[] | null
): Result<number> {
  if (deadline < start) return fail("DEADLINE_BEFORE_START", { start, deadline });
  const days = deadline - start + 1;
  const linear = Math.min(1, Math.max(0, (asOf - start + 1) / days));
  if (!profile || profile.length === 0) return ok(linear);
  const total = profile.reduce((sum, weight) => sum + weight, 0);
  if (profile.some((weight) => !(weight >= 0)) || !(total > 0))
    return fail("BAD_PROFILE", { argument: "profile" });
  const position = linear * profile.length;
  const whole = Math.floor(position);
  let cumulative = 0;
  for (let index = 0; index < whole && index < profile.length; index++)
    cumulative += profile[index] as number;
  if (whole < profile.length) cumulative += (profile[whole] as number) * (position - whole);
  return ok(cumulative / total);
}

/**
 * Expected-to-date value: baseline + (target − baseline) × elapsed share (DESIGN §4).
 * @example pace(1200, 0, 363, 181, 0) // { ok: true, value: 600 }
 */
export function pace(
  target: number,
  start: number,
  deadline: number,
  asOf: number,
  baseline = 0,
  profile?: readonly number[] | null
): Result<number> {
  const share = elapsedShare(start, deadline, asOf, profile);
  if (!share.ok) return share;
  return ok(baseline + (target - baseline) * share.value);
}

/**
 * Aggregates values by a roll-up method; null when there is nothing to aggregate or the method is none.
 * Weighted averages fall back to the plain average when no weight is positive.
 * @example rollupValues([1, 2, 3], "average") // 2
 */
export function rollupValues(
  values: readonly number[],
  method: RollupMethod,
  weights?: readonly (number | null)[] | null
): number | null {
  if (values.length === 0 || method === "none") return null;
  switch (method) {
    case "sum":
      return sumOf(values);
    case "average":
      return sumOf(values) / values.length;
    case "min":
      return values.reduce((a, b) => (b < a ? b : a));
    case "max":
      return values.reduce((a, b) => (b > a ? b : a));
    case "weighted": {
      let weighted = 0;
      let total = 0;
      values.forEach((value, index) => {
        const weight = weights?.[index];
        if (typeof weight === "number" && weight > 0) {
          weighted += value * weight;
          total += weight;
        }
      });
      return total > 0 ? weighted / total : sumOf(values) / values.length;
    }
  }
}

/** Sum with Neumaier compensation, so that 0.1 + 0.2 + … stays honest over long columns. */
function sumOf(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

export interface AllocationOptions {
  /** Decimals of each part (0 = whole units). */
  decimals?: number;
  /** Parts that keep a given value; null where the part is free. */
  locked?: readonly (number | null)[] | null;
}

/**
 * Splits a total over weights (proportional; even when there are no weights or they are all zero), rounded by
 * the largest-remainder method so the parts add up exactly to the total; ties go to the earlier part. Locked parts
 * keep their values and the rest is spread over the others.
 * @example allocate(100, [1, 1, 1]) // { ok: true, value: [34, 33, 33] }
 */
export function allocate(
  total: number,
  weights: readonly number[],
  options: AllocationOptions = {}
): Result<number[]> {
  const decimals = options.decimals ?? 0;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    return fail("BAD_DECIMALS", { argument: "decimals", value: decimals });
  }
  const scale = 10 ** decimals;
  const units = Math.round(total * scale);
  if (Math.abs(units - total * scale) > 1e-6 * Math.max(1, Math.abs(total * scale))) {
    return fail("TOTAL_PRECISION", { value: total, decimals });
  }
  // An infinite weight has no proportion to the others: refused like NaN.
  const negative = weights.findIndex((weight) => weight < 0 || !Number.isFinite(weight));
  if (negative >= 0)
    return fail("NEGATIVE_WEIGHT", { argument: "weights", value: weights[negative] as number });

  const locked = options.locked ?? [];
  const parts = new Array<number>(weights.length).fill(0);
  const free: number[] = [];
  let lockedUnits = 0;
  weights.forEach((_, index) => {
    const value = locked[index];
    if (typeof value === "number") {
      const lockedPart = Math.round(value * scale);
      parts[index] = lockedPart;
      lockedUnits += lockedPart;
    } else {
      free.push(index);
    }
  });
  const rest = units - lockedUnits;
  if (free.length === 0) {
    if (rest !== 0)
      return fail("LOCKED_EXCEED", {
        locked: { amount: lockedUnits / scale, unit: null },
        rest: { amount: rest / scale, unit: null },
      });
    return ok(parts.map((part) => part / scale));
  }
  const freeWeights = free.map((index) => weights[index] as number);
  // Weights relative to the largest, so that huge weights cannot add up to Infinity (shares of 0 would leave
  // the whole total to the unit-by-unit remainder loop) and tiny ones keep their precision.
  const largest = freeWeights.reduce((max, weight) => (weight > max ? weight : max), 0);
  const weightTotal = freeWeights.reduce((sum, weight) => sum + weight / largest, 0);
  const shares =
    largest > 0
      ? freeWeights.map((w) => w / largest / weightTotal)
      : freeWeights.map(() => 1 / free.length);
  const spread = largestRemainder(rest, shares);
  free.forEach((index, k) => {
    parts[index] = spread[k] as number;
  });
  // Dividing by the scale may print 0.30000000000000004; rounding to the decimals keeps the exact text.
  return ok(parts.map((part) => Number((part / scale).toFixed(decimals))));
}

/** Whole units distributed by shares (summing to 1) so that they add up exactly to `units`. */
function largestRemainder(units: number, shares: readonly number[]): number[] {
  const sign = units < 0 ? -1 : 1;
  const magnitude = Math.abs(units);
  const floors: number[] = [];
  const remainders: number[] = [];
  let assigned = 0;
  shares.forEach((share) => {
    const exact = magnitude * share;
    // A hair below a whole number (33.99999999) is that whole number.
    const floor = Math.floor(exact + 1e-9);
    floors.push(floor);
    remainders.push(exact - floor);
    assigned += floor;
  });
  const order = shares
    .map((_, index) => index)
    .sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  let left = magnitude - assigned;
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) floors[order[k] as number]! += 1;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const index = order[k] as number;
    if ((floors[index] as number) > 0) {
      floors[index]! -= 1;
      left++;
    }
  }
  return floors.map((part) => part * sign);
}

export interface ScoreItem {
  attainment: number | null;
  weight?: number | null;
  exempt?: boolean;
}

/**
 * Weighted score Σ weight × min(attainment, cap) / Σ weight over non-exempt goals with an attainment; exempt goals
 * leave and the others are renormalised. Missing weights count as equal weights when no goal has one.
 * @example score([{ attainment: 1.1, weight: 0.6 }, { attainment: 0.8, weight: 0.4 }]) // { ok: true, value: 0.98 }
 */
export function score(items: readonly ScoreItem[], cap = 1.2): Result<number> {
  const scored = items.filter((item) => !item.exempt && typeof item.attainment === "number");
  const anyWeight = scored.some((item) => typeof item.weight === "number");
  let weighted = 0;
  let total = 0;
  for (const item of scored) {
    const weight = anyWeight ? (item.weight ?? 0) : 1;
    if (weight < 0) return fail("NEGATIVE_WEIGHT", { argument: "weights", value: weight });
    weighted += weight * Math.min(item.attainment as number, cap);
    total += weight;
  }
  return total > 0 ? ok(weighted / total) : fail("NOTHING_TO_SCORE");
}
