import {
  allocate,
  attainment,
  elapsedShare,
  pace,
  percentVariance,
  rollupValues,
  score,
  statusOf,
  variance,
} from "../../src/domain";

/** The value of a successful result, or the codes of a failed one. */
function valueOrCodes<T>(
  result: { ok: true; value: T } | { ok: false; issues: { code: string }[] }
): T | string[] {
  return result.ok ? result.value : result.issues.map((issue) => issue.code);
}

describe("variance", () => {
  it("is actual minus target when higher is better", () => {
    expect(variance(90, 100, "higher")).toBe(-10);
  });

  it("is target minus actual when lower is better", () => {
    expect(variance(90, 100, "lower")).toBe(10);
  });

  it("takes higher as the default direction", () => {
    expect(variance(110, 100)).toBe(10);
  });
});

describe("percentVariance", () => {
  it("divides the variance by the target", () => {
    expect(valueOrCodes(percentVariance(90, 100))).toBeCloseTo(-0.1, 12);
  });

  it("is unfavourable when a lower-is-better actual exceeds the target", () => {
    expect(valueOrCodes(percentVariance(110, 100, "lower"))).toBeCloseTo(-0.1, 12);
  });

  it("divides by the size of a negative target", () => {
    expect(valueOrCodes(percentVariance(-80, -100))).toBeCloseTo(0.2, 12);
  });

  it("is undefined for a target of 0", () => {
    expect(valueOrCodes(percentVariance(5, 0))).toEqual(["TARGET_ZERO"]);
  });
});

describe("attainment", () => {
  it("is actual over target when higher is better", () => {
    expect(valueOrCodes(attainment(95, 100))).toBeCloseTo(0.95, 12);
  });

  it("is two minus actual over target when lower is better", () => {
    expect(valueOrCodes(attainment(30, 25, "lower"))).toBeCloseTo(0.8, 12);
  });

  it("rewards beating a lower-is-better target", () => {
    expect(valueOrCodes(attainment(20, 25, "lower"))).toBeCloseTo(1.2, 12);
  });

  it("counts a loss smaller than a negative target as better than attained", () => {
    expect(valueOrCodes(attainment(-80, -100))).toBeCloseTo(1.2, 12);
  });

  it("counts a loss larger than a negative target as short of it", () => {
    expect(valueOrCodes(attainment(-120, -100))).toBeCloseTo(0.8, 12);
  });

  it("reverses a negative target when lower is better", () => {
    expect(valueOrCodes(attainment(-80, -100, "lower"))).toBeCloseTo(0.8, 12);
  });

  it("is capped when a cap is given", () => {
    expect(valueOrCodes(attainment(150, 100, "higher", 1.2))).toBe(1.2);
  });

  it("is not capped without a cap", () => {
    expect(valueOrCodes(attainment(150, 100))).toBeCloseTo(1.5, 12);
  });

  it("is undefined for a target of 0", () => {
    expect(valueOrCodes(attainment(5, 0))).toEqual(["TARGET_ZERO"]);
  });
});

describe("statusOf", () => {
  it("is on track at full attainment", () => {
    expect(statusOf(1)).toBe("onTrack");
  });

  it("is on track a rounding hair below full attainment", () => {
    expect(statusOf(0.9999999999999998)).toBe("onTrack");
  });

  it("is at risk just below full attainment", () => {
    expect(statusOf(0.99)).toBe("atRisk");
  });

  it("is at risk exactly at the default threshold of 0.9", () => {
    expect(statusOf(0.9)).toBe("atRisk");
  });

  it("is off track below the default threshold", () => {
    expect(statusOf(0.89)).toBe("offTrack");
  });

  it("is off track below a threshold given", () => {
    expect(statusOf(0.94, 0.95)).toBe("offTrack");
  });

  it("is at risk above a lower threshold given", () => {
    expect(statusOf(0.85, 0.8)).toBe("atRisk");
  });
});

describe("elapsedShare", () => {
  it("counts the days elapsed, the as-of day included", () => {
    expect(valueOrCodes(elapsedShare(0, 9, 4))).toBe(0.5);
  });

  it("is 0 before the start", () => {
    expect(valueOrCodes(elapsedShare(10, 19, 5))).toBe(0);
  });

  it("is 1 after the deadline", () => {
    expect(valueOrCodes(elapsedShare(10, 19, 50))).toBe(1);
  });

  it("cannot be measured when the deadline is before the start", () => {
    expect(valueOrCodes(elapsedShare(10, 5, 7))).toEqual(["DEADLINE_BEFORE_START"]);
  });
});

describe("pace", () => {
  it("expects half the target half-way through", () => {
    expect(valueOrCodes(pace(1200, 0, 363, 181))).toBe(600);
  });

  it("paces from the baseline to the target", () => {
    expect(valueOrCodes(pace(120, 0, 9, 4, 100))).toBe(110);
  });

  it("paces down to a lower target", () => {
    expect(valueOrCodes(pace(30, 0, 9, 4, 40))).toBe(35);
  });

  it("expects the baseline before the start", () => {
    expect(valueOrCodes(pace(120, 10, 19, 5, 100))).toBe(100);
  });

  it("expects the full target after the deadline", () => {
    expect(valueOrCodes(pace(120, 10, 19, 50, 100))).toBe(120);
  });

  it("follows a seasonality profile", () => {
    // Half-way through four equal parts weighted 1, 1, 2, 2: the first two hold 2 of 6.
    expect(valueOrCodes(pace(1200, 0, 363, 181, 0, [1, 1, 2, 2]))).toBe(400);
  });

  it("interpolates within a part of the profile", () => {
    // The first of four days is half the first part of a profile weighted 1 and 3: 0.5 of 4.
    expect(valueOrCodes(pace(100, 0, 3, 0, 0, [1, 3]))).toBe(12.5);
  });

  it("is linear with an even profile", () => {
    expect(valueOrCodes(pace(1200, 0, 363, 181, 0, [1, 1, 1, 1]))).toBe(600);
  });

  it("refuses a profile whose weights are all zero", () => {
    expect(valueOrCodes(pace(100, 0, 9, 4, 0, [0, 0]))).toEqual(["BAD_PROFILE"]);
  });

  it("refuses a profile with a negative weight", () => {
    expect(valueOrCodes(pace(100, 0, 9, 4, 0, [2, -1]))).toEqual(["BAD_PROFILE"]);
  });

  it("cannot pace a deadline before the start", () => {
    expect(valueOrCodes(pace(100, 10, 5, 7))).toEqual(["DEADLINE_BEFORE_START"]);
  });
});

describe("allocate", () => {
  it("spreads a total evenly over equal weights, the remainder to the earliest", () => {
    expect(valueOrCodes(allocate(100, [1, 1, 1]))).toEqual([34, 33, 33]);
  });

  it("spreads a total in proportion to the weights", () => {
    expect(valueOrCodes(allocate(100, [1, 2, 2]))).toEqual([20, 40, 40]);
  });

  it("gives the remainder to the largest fractions", () => {
    // Exact shares 16.67, 33.33, 50: the 0.67 fraction takes the unit left over.
    expect(valueOrCodes(allocate(100, [1, 2, 3]))).toEqual([17, 33, 50]);
  });

  it("spreads evenly when every weight is zero", () => {
    expect(valueOrCodes(allocate(10, [0, 0, 0]))).toEqual([4, 3, 3]);
  });

  it("gives nothing to a zero weight among others", () => {
    expect(valueOrCodes(allocate(10, [0, 1, 1]))).toEqual([0, 5, 5]);
  });

  it("breaks ties in favour of the earlier part", () => {
    expect(valueOrCodes(allocate(2, [1, 1, 1]))).toEqual([1, 1, 0]);
  });

  it("rounds to the decimals asked for", () => {
    expect(valueOrCodes(allocate(1, [1, 1, 1], { decimals: 2 }))).toEqual([0.34, 0.33, 0.33]);
  });

  it("keeps parts exact in decimals that binary fractions cannot hold", () => {
    expect(valueOrCodes(allocate(0.3, [1, 2], { decimals: 1 }))).toEqual([0.1, 0.2]);
  });

  it("keeps locked parts and spreads the rest over the others", () => {
    expect(valueOrCodes(allocate(100, [1, 1, 1], { locked: [50, null, null] }))).toEqual([
      50, 25, 25,
    ]);
  });

  it("accepts locked parts that use up the total exactly", () => {
    expect(valueOrCodes(allocate(10, [1, 1], { locked: [4, 6] }))).toEqual([4, 6]);
  });

  it("refuses locked parts that use up more than the total with nobody left", () => {
    expect(valueOrCodes(allocate(10, [1, 1], { locked: [5, 6] }))).toEqual(["LOCKED_EXCEED"]);
  });

  it("splits a negative total the same way", () => {
    expect(valueOrCodes(allocate(-100, [1, 1, 1]))).toEqual([-34, -33, -33]);
  });

  it("splits a zero total into zeros", () => {
    expect(valueOrCodes(allocate(0, [1, 2]))).toEqual([0, 0]);
  });

  it("refuses a total with more decimals than the parts may have", () => {
    expect(valueOrCodes(allocate(10.5, [1, 1]))).toEqual(["TOTAL_PRECISION"]);
  });

  it("accepts a total with as many decimals as the parts may have", () => {
    expect(valueOrCodes(allocate(10.5, [1, 1], { decimals: 1 }))).toEqual([5.3, 5.2]);
  });

  it("refuses a negative weight", () => {
    expect(valueOrCodes(allocate(10, [1, -1]))).toEqual(["NEGATIVE_WEIGHT"]);
  });

  it("refuses an infinite weight", () => {
    expect(valueOrCodes(allocate(10, [Number.POSITIVE_INFINITY, 1]))).toEqual(["NEGATIVE_WEIGHT"]);
  });

  it("keeps the proportions of weights too large to add up", () => {
    expect(valueOrCodes(allocate(10, [1e308, 1e308, 1e307]))).toEqual([5, 5, 0]);
  });

  it("keeps the proportions of the tiniest weights", () => {
    expect(valueOrCodes(allocate(10, [5e-324, 5e-324]))).toEqual([5, 5]);
  });

  it("refuses decimals that are not a whole number", () => {
    expect(valueOrCodes(allocate(10, [1], { decimals: 1.5 }))).toEqual(["BAD_DECIMALS"]);
  });
});

describe("rollupValues", () => {
  it.each([
    ["sum", 9],
    ["average", 3],
    ["weighted", 3.75],
    ["min", 1],
    ["max", 6],
  ] as const)("rolls [1, 2, 6] weighted [1, 1, 2] up by %s to %d", (method, value) => {
    expect(rollupValues([1, 2, 6], method, [1, 1, 2])).toBe(value);
  });

  it("stops the roll-up for none", () => {
    expect(rollupValues([1, 2, 6], "none")).toBeNull();
  });

  it("has nothing to roll up without values", () => {
    expect(rollupValues([], "sum")).toBeNull();
  });

  it("falls back to the plain average when no weight is positive", () => {
    expect(rollupValues([1, 2, 6], "weighted", [0, null, 0])).toBe(3);
  });

  it("sums many decimals without drift", () => {
    expect(
      rollupValues(
        Array.from({ length: 10 }, () => 0.1),
        "sum"
      )
    ).toBe(1);
  });
});

describe("score", () => {
  it("weights each attainment", () => {
    expect(
      valueOrCodes(
        score([
          { attainment: 1.1, weight: 0.6 },
          { attainment: 0.8, weight: 0.4 },
        ])
      )
    ).toBeCloseTo(0.98, 12);
  });

  it("caps each attainment at 1.2 by default", () => {
    expect(
      valueOrCodes(
        score([
          { attainment: 2, weight: 1 },
          { attainment: 0.8, weight: 1 },
        ])
      )
    ).toBeCloseTo(1, 12);
  });

  it("caps at a cap given", () => {
    expect(valueOrCodes(score([{ attainment: 2, weight: 1 }], 1.5))).toBe(1.5);
  });

  it("leaves exempt goals out and renormalises the other weights", () => {
    expect(
      valueOrCodes(
        score([
          { attainment: 0.9, weight: 0.3 },
          { attainment: 0.5, weight: 0.4, exempt: true },
          { attainment: 1.1, weight: 0.3 },
        ])
      )
    ).toBeCloseTo(1, 12);
  });

  it("counts goals equally when no goal has a weight", () => {
    expect(valueOrCodes(score([{ attainment: 1 }, { attainment: 0.5 }]))).toBe(0.75);
  });

  it("leaves out goals without an attainment", () => {
    expect(
      valueOrCodes(
        score([
          { attainment: null, weight: 1 },
          { attainment: 0.9, weight: 1 },
        ])
      )
    ).toBe(0.9);
  });

  it("has nothing to score when every goal is exempt", () => {
    expect(valueOrCodes(score([{ attainment: 1, weight: 1, exempt: true }]))).toEqual([
      "NOTHING_TO_SCORE",
    ]);
  });

  it("refuses a negative weight", () => {
    expect(valueOrCodes(score([{ attainment: 1, weight: -1 }]))).toEqual(["NEGATIVE_WEIGHT"]);
  });
});
