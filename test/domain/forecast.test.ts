/**
 * The forecast and needed-per-period formulas of DESIGN §8, each case computed by hand in its comment.
 */
import fc from "fast-check";
import { forecast, needed, Result, Series } from "../../src/domain";

function value(result: Result<number>): number {
  if (!result.ok) throw new Error(`failed: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function code(result: Result<number>): string | null {
  return result.ok ? null : (result.issues[0]?.code ?? null);
}

const sum = (actuals: (number | null)[], periods: number): Series => ({
  actuals,
  periods,
  rollup: "sum",
});
const average = (actuals: (number | null)[], periods: number): Series => ({
  actuals,
  periods,
  rollup: "average",
});

describe("forecast, linear", () => {
  it("carries a sum's pace to the deadline: (Σa)·n/k", () => {
    // (10 + 20) · 4 / 2 = 60
    expect(value(forecast(sum([10, 20], 4), null, "linear"))).toBe(60);
  });

  it("keeps a rate's mean: mean(a)", () => {
    // (0.9 + 0.95) / 2 = 0.925
    expect(value(forecast(average([0.9, 0.95], 4), null, "linear"))).toBeCloseTo(0.925, 12);
  });

  it("is the actual itself when every period is reported", () => {
    // 10 + 20 + 30 + 40 = 100, · 4/4
    expect(value(forecast(sum([10, 20, 30, 40], 4), null))).toBe(100);
  });

  it("reads a lower-is-better KPI with the same formula (handle time in seconds, averaged)", () => {
    // (32 + 28 + 30) / 3 = 30
    expect(value(forecast(average([32, 28, 30], 12), null, "linear"))).toBe(30);
  });

  it("counts a missing check-in as 0 in a sum and leaves it out of a mean", () => {
    // sum: (10 + 0 + 20) · 6 / 3 = 60; average: (0.9 + 0.8) / 2 = 0.85
    expect(value(forecast(sum([10, null, 20], 6), null, "linear"))).toBe(60);
    expect(value(forecast(average([0.9, null, 0.8], 4), null, "linear"))).toBeCloseTo(0.85, 12);
  });
});

describe("forecast, plan", () => {
  // A seasonal year in quarters: 10 %, 20 %, 30 %, 40 % of 100.
  const seasonal = [10, 20, 30, 40];

  it("scales the rest of a seasonal plan by actual against plan so far", () => {
    // Σa = 15 + 30 = 45 against a plan so far of 30: 45 + (30 + 40) · 45/30 = 150
    expect(value(forecast(sum([15, 30], 4), seasonal, "plan"))).toBeCloseTo(150, 12);
    // On plan: 30 + 70 · 1 = 100
    expect(value(forecast(sum([10, 20], 4), seasonal, "plan"))).toBeCloseTo(100, 12);
  });

  it("averages a rate's actuals with the rest of its plan scaled by mean(a)/mean(p so far)", () => {
    // ratio = 0.89 / 0.91; (0.88 + 0.90 + (0.94 + 0.96) · ratio) / 4 = 0.909560…
    const expected = (0.88 + 0.9 + (0.94 + 0.96) * (0.89 / 0.91)) / 4;
    expect(value(forecast(average([0.88, 0.9], 4), [0.9, 0.92, 0.94, 0.96], "plan"))).toBeCloseTo(
      expected,
      12
    );
    expect(expected).toBeCloseTo(0.90956, 5);
  });

  it("falls back to linear when the plan so far is 0", () => {
    // Plan 0, 0, 50, 50: nothing planned so far, so (5 + 5) · 4 / 2 = 20
    expect(value(forecast(sum([5, 5], 4), [0, 0, 50, 50], "plan"))).toBe(20);
  });

  it("is what auto does when a plan is given, and linear without one", () => {
    expect(value(forecast(sum([15, 30], 4), seasonal))).toBeCloseTo(150, 12);
    expect(value(forecast(sum([15, 30], 4), null))).toBe(90);
  });

  it("refuses a plan of another length, and the plan method without a plan", () => {
    expect(code(forecast(sum([1], 4), [1, 2, 3], "plan"))).toBe("SHAPE_MISMATCH");
    expect(code(forecast(sum([1], 4), null, "plan"))).toBe("PLAN_NEEDED");
  });
});

describe("forecast, trend", () => {
  it("extends a least-squares line over the reported periods for a sum, never below 0 per period", () => {
    // 10, 12, 14: a_t = 8 + 2t; t = 4, 5 give 16 and 18: 36 + 34 = 70
    expect(value(forecast(sum([10, 12, 14], 5), null, "trend"))).toBeCloseTo(70, 12);
    // 30, 20, 10: a_t = 40 − 10t; t = 4, 5, 6 give 0, −10, −20, each counted as 0: 60
    expect(value(forecast(sum([30, 20, 10], 6), null, "trend"))).toBeCloseTo(60, 12);
  });

  it("averages a rate's actuals with the line's values for the periods left", () => {
    // 0.80, 0.85: a_t = 0.75 + 0.05t; t = 3, 4 give 0.90, 0.95: mean 0.875
    expect(value(forecast(average([0.8, 0.85], 4), null, "trend"))).toBeCloseTo(0.875, 12);
  });

  it("is linear with one reported period", () => {
    // 10 · 4 / 1 = 40
    expect(value(forecast(sum([10], 4), null, "trend"))).toBe(40);
  });
});

describe("needed per remaining period", () => {
  it("for a sum: (target − Σa)/(n − k)", () => {
    // (100 − 30) / 2 = 35
    expect(value(needed(sum([10, 20], 4), 100))).toBe(35);
    // Ahead of target: negative, nothing more is needed. (100 − 120) / 2 = −10
    expect(value(needed(sum([60, 60], 4), 100))).toBe(-10);
  });

  it("for a rate: (target·n − Σa)/(n − k)", () => {
    // (0.95 · 4 − 1.85) / 2 = 0.975
    expect(value(needed(average([0.9, 0.95], 4), 0.95))).toBeCloseTo(0.975, 12);
    // A missing month is left out of the mean: (0.9 · 3 − 1.7) / 1 = 1.0
    expect(value(needed(average([0.9, null, 0.8], 4), 0.9))).toBeCloseTo(1, 12);
  });

  it("for a lower-is-better KPI the same way (handle time 30 s a year, 32 and 31 so far)", () => {
    // (30 · 12 − 63) / 10 = 29.7
    expect(value(needed(average([32, 31], 12), 30))).toBeCloseTo(29.7, 12);
  });

  it("says so when no period is reported, none is left, or the periods cannot hold the reports", () => {
    expect(code(needed(sum([], 4), 100))).toBe("NO_PERIOD_REPORTED");
    expect(code(forecast(sum([], 4), null))).toBe("NO_PERIOD_REPORTED");
    expect(code(forecast(average([null, null], 4), null))).toBe("NO_PERIOD_REPORTED");
    expect(code(needed(sum([1, 2, 3, 4], 4), 100))).toBe("NO_PERIOD_LEFT");
    expect(code(forecast(sum([1, 2, 3], 2), null))).toBe("BAD_PERIODS");
  });
});

describe("forecast properties", () => {
  const amounts = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 24 });

  it("with a plan equal to the actuals so far, plan forecasts the plan's total (the target) exactly", () => {
    fc.assert(
      fc.property(amounts, fc.nat(), (plan, cut) => {
        const k = 1 + (cut % plan.length);
        const soFar = plan.slice(0, k);
        fc.pre(soFar.some((one) => one > 0));
        const target = plan.reduce((a, b) => a + b, 0);
        const result = value(forecast(sum(soFar, plan.length), plan, "plan"));
        return Math.abs(result - target) <= 1e-9 * Math.max(1, target);
      })
    );
  });

  it("never forecasts a sum goal below its actual to date", () => {
    const method = fc.constantFrom("linear", "plan", "trend", "auto" as const);
    fc.assert(
      fc.property(amounts, amounts, fc.nat(), method, (actuals, plan, extra, chosen) => {
        const n = Math.max(actuals.length, plan.length) + (extra % 6);
        const padded = [...plan, ...Array<number>(n - plan.length).fill(0)];
        const toDate = actuals.reduce((a, b) => a + b, 0);
        const result = value(forecast(sum(actuals, n), padded, chosen));
        return result >= toDate - 1e-9 * Math.max(1, toDate);
      })
    );
  });
});
