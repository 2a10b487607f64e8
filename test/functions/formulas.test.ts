import { RawCellContent } from "hyperformula";
import { column, evaluate, formula } from "./evaluate";

describe("GOAL.VARIANCE in a formula engine", () => {
  it("is favourable-positive: actual − target when higher is better", () => {
    expect(formula("=GOAL.VARIANCE(90, 100)")).toEqual([[-10]]);
  });

  it("is target − actual when lower is better, in English, Chinese or arrows", () => {
    expect(formula('=GOAL.VARIANCE(25, 30, "lower")')).toEqual([[5]]);
    expect(formula('=GOAL.VARIANCE(25, 30, "越低越好")')).toEqual([[5]]);
    expect(formula('=GOAL.VARIANCE(25, 30, "↓")')).toEqual([[5]]);
  });

  it("spills one variance per row over ranges", () => {
    const sheet = evaluate([
      [90, 100, '=GOAL.VARIANCE(A1:A3, B1:B3, "lower")'],
      [110, 100],
      [100, 100],
    ]);
    expect(column(sheet, 2, 0, 3)).toEqual([10, -10, 0]);
  });

  it("gives the percent variance, with #DIV/0! for a target of 0 on that row only", () => {
    const sheet = evaluate([
      [90, 100, "=GOAL.VARIANCE(A1:A2, B1:B2, , TRUE)"],
      [5, 0],
    ]);
    expect(sheet[0]?.[2]).toBe(-0.1);
    expect(sheet[1]?.[2]).toMatch(/^#DIV\/0! The target is 0/);
  });

  it("reads blank cells as 0, as Excel's arithmetic does", () => {
    const sheet = evaluate([[null, 100, "=GOAL.VARIANCE(A1, B1)"]]);
    expect(sheet[0]?.[2]).toBe(-100);
  });

  it("reads numbers typed as text the way a person means them", () => {
    expect(formula('=GOAL.VARIANCE("1,200", "95%")')).toEqual([[1199.05]]);
  });

  it("names the argument that is not a number, and the other rows still compute", () => {
    const sheet = evaluate([
      ["lots", 100, "=GOAL.VARIANCE(A1:A2, B1:B2)"],
      [120, 100],
    ]);
    expect(sheet[0]?.[2]).toBe("#VALUE! actual: “lots” is not a number.");
    expect(sheet[1]?.[2]).toBe(20);
  });

  it("refuses an unknown direction with the words it accepts", () => {
    expect(formula('=GOAL.VARIANCE(1, 2, "sideways")')[0]?.[0]).toMatch(
      /^#VALUE! direction: “sideways” is not a direction \(higher, lower/
    );
  });

  it("refuses ranges of different shapes, naming both", () => {
    const sheet = evaluate([[1, 1, "=GOAL.VARIANCE(A1:A3, B1:B2)"], [2, 2], [3]]);
    expect(sheet[0]?.[2]).toBe("#VALUE! target has 2×1 cells but 3×1 are needed to match actual.");
  });

  it("passes on an error that comes in from a single cell", () => {
    const sheet = evaluate([["=1/0", 100, "=GOAL.VARIANCE(A1, B1)"]]);
    expect(sheet[0]?.[2]).toMatch(/^#DIV\/0!/);
  });

  it("names the argument of an error inside a range, and the other rows still compute", () => {
    const sheet = evaluate([
      ["=1/0", 100, "=GOAL.VARIANCE(A1:A2, B1:B2)"],
      [120, 100],
    ]);
    expect(column(sheet, 2, 0, 2)).toEqual(["#VALUE! actual holds the error #DIV/0!.", 20]);
  });

  it("speaks Chinese when the language is Chinese", () => {
    expect(formula('=GOAL.VARIANCE("很多", 1)', "zh")[0]?.[0]).toBe(
      "#VALUE! actual：“很多”不是数字。"
    );
  });
});

describe("GOAL.ATTAINMENT", () => {
  it("is actual/target when higher is better", () => {
    expect(formula("=GOAL.ATTAINMENT(95, 100)")).toEqual([[0.95]]);
  });

  it("is 2 − actual/target when lower is better", () => {
    expect(formula('=GOAL.ATTAINMENT(30, 25, "lower")')).toEqual([[0.8]]);
  });

  it("stays right for a negative target", () => {
    expect(formula("=GOAL.ATTAINMENT(-50, -100)")).toEqual([[1.5]]);
  });

  it("is capped when a cap is given", () => {
    expect(formula("=GOAL.ATTAINMENT(150, 100, , 1.2)")).toEqual([[1.2]]);
  });

  it("spills over ranges, with #DIV/0! on a row whose target is 0 or blank", () => {
    const sheet = evaluate([
      [50, 100, "=GOAL.ATTAINMENT(A1:A3, B1:B3)"],
      [10, 0],
      [10, null],
    ]);
    expect(column(sheet, 2, 0, 3).map((v) => (typeof v === "string" ? v.slice(0, 7) : v))).toEqual([
      0.5,
      "#DIV/0!",
      "#DIV/0!",
    ]);
  });
});

describe("GOAL.STATUS", () => {
  it("says On track, At risk or Off track by attainment", () => {
    const sheet = evaluate([
      [100, 100, "=GOAL.STATUS(A1:A3, B1:B3)"],
      [95, 100],
      [80, 100],
    ]);
    expect(column(sheet, 2, 0, 3)).toEqual(["On track", "At risk", "Off track"]);
  });

  it("uses the labels given, or the Chinese words for zh", () => {
    expect(formula('=GOAL.STATUS(95, 100, , , "达标,预警,落后")')).toEqual([["预警"]]);
    expect(formula('=GOAL.STATUS(80, 100, , , "zh")')).toEqual([["落后"]]);
  });

  it("moves the at-risk line when told", () => {
    expect(formula("=GOAL.STATUS(85, 100, , 0.8)")).toEqual([["At risk"]]);
  });

  it("judges lower-is-better goals the other way", () => {
    expect(formula('=GOAL.STATUS(24, 25, "lower")')).toEqual([["On track"]]);
  });

  it("refuses labels that are not three", () => {
    expect(formula('=GOAL.STATUS(1, 1, , , "good,bad")')[0]?.[0]).toMatch(
      /^#VALUE! labels: give three labels/
    );
  });
});

describe("GOAL.PACE", () => {
  it("is linear in days from the start", () => {
    // 2026-01-01 … 2026-12-31 is 365 days; by the end of 2026-06-30, 181 have passed.
    const [[value]] = formula('=GOAL.PACE(1200, "2026-01-01", "2026-12-31", "2026-06-30")') as [
      [number],
    ];
    expect(value).toBeCloseTo((1200 * 181) / 365, 6);
  });

  it("starts from the baseline", () => {
    const [[value]] = formula('=GOAL.PACE(100, "2026-01-01", "2026-12-31", "2026-12-31", 80)') as [
      [number],
    ];
    expect(value).toBe(100);
  });

  it("follows a seasonality profile", () => {
    const sheet = evaluate([
      [1, 3, '=GOAL.PACE(400, "2026-01-01", "2026-12-31", "2026-06-30", 0, A1:B1)'],
    ]);
    // Half the year has passed: the first half of the profile holds a quarter of the weight.
    expect(sheet[0]?.[2]).toBeCloseTo(400 * (181 / 365 / 0.5) * 0.25, 3);
  });

  it("spills over a column of targets and dates", () => {
    const sheet = evaluate([
      [1000, "2026-01-01", "2026-12-31", '=GOAL.PACE(A1:A2, B1:B2, C1:C2, "2026-12-31")'],
      [500, "2026-07-01", "2026-12-31"],
    ]);
    expect(column(sheet, 3, 0, 2)).toEqual([1000, 500]);
  });

  it("says a blank date is needed rather than counting from 1900", () => {
    const sheet = evaluate([[null, '=GOAL.PACE(100, A1, "2026-12-31", "2026-06-30")']]);
    expect(sheet[0]?.[1]).toBe("#VALUE! start is blank: a date is needed.");
  });

  it("refuses a deadline before the start", () => {
    expect(formula('=GOAL.PACE(100, "2026-12-31", "2026-01-01", "2026-06-30")')[0]?.[0]).toBe(
      "#VALUE! The deadline 2026-01-01 is before the start 2026-12-31."
    );
  });
});

describe("GOAL.ALLOCATE", () => {
  it("splits a total into a count of parts that add up exactly, spilled down a column", () => {
    expect(formula("=GOAL.ALLOCATE(1000, 3)")).toEqual([[334], [333], [333]]);
  });

  it("splits by weights in the weights' shape", () => {
    const sheet = evaluate([[1, 1, 1], ["=GOAL.ALLOCATE(1000, A1:C1)"]]);
    expect(sheet[1]).toEqual([334, 333, 333]);
  });

  it("spreads evenly when every weight is blank or 0", () => {
    const sheet = evaluate([[null, 0], ["=GOAL.ALLOCATE(10, A1:B1)"]]);
    expect(sheet[1]).toEqual([5, 5]);
  });

  it("keeps decimals when asked", () => {
    expect(formula("=GOAL.ALLOCATE(1, 3, 2)")).toEqual([[0.34], [0.33], [0.33]]);
  });

  it("refuses a negative weight", () => {
    const sheet = evaluate([[1, -1], ["=GOAL.ALLOCATE(10, A1:B1)"]]);
    expect(sheet[1]?.[0]).toBe(
      "#VALUE! weights: weight -1 is negative; weights must be 0 or more."
    );
  });

  it("refuses a count that is not a whole number", () => {
    expect(formula("=GOAL.ALLOCATE(10, 2.5)")[0]?.[0]).toMatch(
      /^#VALUE! weights_or_count: give the weights/
    );
  });
});

describe("GOAL.ROLLUP", () => {
  const tree = [
    ["T", null, 0, "=GOAL.ROLLUP(A1:A5, B1:B5, C1:C5)"],
    ["A", "T", 0],
    ["B", "T", 40],
    ["A1", "A", 25],
    ["A2", "A", 35],
  ];

  it("sums children up the tree, leaves keeping their values", () => {
    expect(column(evaluate(tree), 3, 0, 5)).toEqual([100, 60, 40, 25, 35]);
  });

  it("averages, takes the min or the max when told", () => {
    const averaged = tree.map((row, index) =>
      index === 0 ? [...row.slice(0, 3), '=GOAL.ROLLUP(A1:A5, B1:B5, C1:C5, "average")'] : row
    );
    // A averages its children (25, 35) to 30; T averages A's 30 and B's 40.
    expect(column(evaluate(averaged), 3, 0, 2)).toEqual([35, 30]);
  });

  it("weights the average by the weights given", () => {
    const sheet = evaluate([
      ["T", null, 0, 1, '=GOAL.ROLLUP(A1:A3, B1:B3, C1:C3, "weighted", D1:D3)'],
      ["A", "T", 90, 3],
      ["B", "T", 70, 1],
    ]);
    expect(sheet[0]?.[4]).toBe(85);
  });

  it("gives #N/A for a parent id that exists nowhere", () => {
    const sheet = evaluate([
      ["T", null, 1, "=GOAL.ROLLUP(A1:A2, B1:B2, C1:C2)"],
      ["A", "X", 2],
    ]);
    expect(sheet[1]?.[3]).toBe("#N/A Unknown goal id “X”.");
    expect(sheet[0]?.[3]).toBe(1);
  });

  it("refuses duplicate ids and parent loops", () => {
    const sheet = evaluate([
      ["A", "B", 1, "=GOAL.ROLLUP(A1:A4, B1:B4, C1:C4)"],
      ["B", "A", 2],
      ["C", null, 3],
      ["C", null, 4],
    ]);
    expect(column(sheet, 3, 0, 4)).toEqual([
      "#VALUE! The parent chain of “A” loops back to itself.",
      "#VALUE! The parent chain of “B” loops back to itself.",
      3,
      "#VALUE! The id “C” appears more than once; ids must be unique.",
    ]);
  });

  it("leaves blank id rows blank", () => {
    const sheet = evaluate([
      ["T", null, 5, "=GOAL.ROLLUP(A1:A2, B1:B2, C1:C2)"],
      [null, null, null],
    ]);
    expect(column(sheet, 3, 0, 2)).toEqual([5, ""]);
  });
});

describe("GOAL.SMART", () => {
  it("says SMART when every letter passes", () => {
    expect(
      formula(
        '=GOAL.SMART("全年解决客户工单12万件", 120000, "2026-12-31", "李娜", 100000, "T1", "工单量")'
      )
    ).toEqual([["SMART"]]);
  });

  it("marks a vague goal without a deadline", () => {
    expect(formula('=GOAL.SMART("努力提升", 100)')).toEqual([["-MAR-"]]);
  });

  it("marks a target no better than the baseline, or a stretch beyond 50 %", () => {
    expect(formula('=GOAL.SMART("Resolve tickets", 100, "2026-12-31", , 100)')).toEqual([
      ["SM-RT"],
    ]);
    expect(formula('=GOAL.SMART("Resolve tickets", 200, "2026-12-31", , 100)')).toEqual([
      ["SM-RT"],
    ]);
  });

  it("marks a blank owner, parent and KPI when those arguments are given", () => {
    const sheet = evaluate([
      [null, null, null, '=GOAL.SMART("Resolve tickets", 100, "2026-12-31", A1, , B1, C1)'],
    ]);
    expect(sheet[0]?.[3]).toBe("S---T");
  });

  it("reads a blank or 0 target as no target on every platform", () => {
    const sheet = evaluate([[null, 0, '=GOAL.SMART("Resolve tickets", A1:B1, "2026-12-31")']]);
    expect(sheet[0]?.slice(2)).toEqual(["S-ART", "S-ART"]);
  });

  it("spills over a table of goals", () => {
    const sheet = evaluate([
      ["Resolve 1,000 tickets", 1000, "2026-12-31", "=GOAL.SMART(A1:A2, B1:B2, C1:C2)"],
      ["improve", 1000, null],
    ]);
    expect(column(sheet, 3, 0, 2)).toEqual(["SMART", "-MAR-"]);
  });
});

describe("GOAL.SCORE", () => {
  it("weights attainments, capped at 1.2", () => {
    const sheet = evaluate([
      [1.5, 0.6, "=GOAL.SCORE(A1:A2, B1:B2)"],
      [0.8, 0.4],
    ]);
    expect(sheet[0]?.[2]).toBeCloseTo(0.6 * 1.2 + 0.4 * 0.8, 9);
  });

  it("leaves exempt goals out and renormalises the others", () => {
    const sheet = evaluate([
      [1, 0.5, "否", "=GOAL.SCORE(A1:A2, B1:B2, C1:C2)"],
      [0.2, 0.5, "是"],
    ]);
    expect(sheet[0]?.[3]).toBe(1);
  });

  it("skips goals without an attainment yet", () => {
    const sheet = evaluate([[0.9, "=GOAL.SCORE(A1:A2)"], [null]]);
    expect(sheet[0]?.[1]).toBe(0.9);
  });

  it("says when there is nothing to score", () => {
    expect(formula('=GOAL.SCORE(1, 1, "yes")')[0]?.[0]).toMatch(/^#VALUE! No goal to score/);
  });
});

describe("GOAL.AUDIT", () => {
  it("lists findings with worksheet rows, ids, codes and messages", () => {
    const sheet = evaluate([
      ["ID", "Parent", "Goal", "Target", "Deadline", "Owner", "KPI", "=GOAL.AUDIT(A1:G3)"],
      ["C1", null, "Resolve 1.2M tickets", 1200000, "2026-12-31", "Wang", "Tickets"],
      ["T1", "X9", "Resolve 600k tickets", 600000, "2026-12-31", "Li", "Tickets"],
    ]);
    expect(sheet.slice(0, 3).map((row) => row.slice(7, 10))).toEqual([
      [3, "T1", "ORPHAN"],
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(sheet[0]?.[10]).toMatch(/“X9”/);
  });

  it("says so when the table is clean", () => {
    const sheet = evaluate([
      ["ID", "Goal", "Target", "Deadline", "Owner", "KPI", "=GOAL.AUDIT(A1:F2)"],
      ["C1", "Resolve 1.2M tickets", 1200000, "2026-12-31", "Wang", "Tickets"],
    ]);
    expect(sheet[0]?.slice(6, 10)).toEqual(["", "", "", "No findings"]);
  });

  it("names a missing required column", () => {
    const sheet = evaluate([
      ["ID", "Target", '=GOAL.AUDIT(A1:B2, "zh")'],
      ["C1", 5],
    ]);
    expect(sheet[0]?.[4]).toBe("MISSING_COLUMN");
    expect(sheet[0]?.[5]).toMatch(/目标描述/);
  });
});

describe("GOAL.FORECAST", () => {
  // Four quarters of tickets, two reported: 10 and 20 (web blanks after them).
  const quarters = (extra: RawCellContent[]): RawCellContent[][] => [
    [10, 10, ...extra],
    [20, 20],
    [null, 30],
    [null, 40],
  ];

  it("carries the reported quarters' pace to the deadline, or follows the plan when one is given", () => {
    // linear: (10 + 20) · 4/2 = 60; plan 10, 20, 30, 40 on plan so far: 30 + 70 · 30/30 = 100
    const sheet = evaluate(quarters(["=GOAL.FORECAST(A1:A4)", "=GOAL.FORECAST(A1:A4, B1:B4)"]));
    expect(sheet[0]?.slice(2, 4)).toEqual([60, 100]);
  });

  it("reads the method and the roll-up in English and Chinese, and the periods reported when given", () => {
    const sheet = evaluate([
      [
        0.8,
        '=GOAL.FORECAST(A1:A4, , "趋势", "平均")',
        '=GOAL.FORECAST(A1:A4, , "trend", "average")',
        '=GOAL.FORECAST(A1:A4, , "linear", "sum", 1)',
      ],
      [0.85],
      [null],
      [null],
    ]);
    // trend over 0.80, 0.85: 0.90 and 0.95 to come, mean 0.875; one period reported: 0.8 · 4 = 3.2
    expect(sheet[0]?.[1]).toBeCloseTo(0.875, 12);
    expect(sheet[0]?.[2]).toBeCloseTo(0.875, 12);
    expect(sheet[0]?.[3]).toBeCloseTo(3.2, 12);
  });

  it("names a blank period before a reported one, a plan of another length, and words it does not know", () => {
    const sheet = evaluate([
      [10, 10, 1, "=GOAL.FORECAST(A1:A3)", "=GOAL.FORECAST(B1:B3, C1:C2)"],
      [null, 20, 1, '=GOAL.FORECAST(B1:B3, , "guess")', '=GOAL.FORECAST(B1:B3, , , "max")'],
      [30, null],
    ]);
    expect(sheet[0]?.[3]).toMatch(
      /^#VALUE! actuals: period 2 is blank but a later period is reported/
    );
    expect(sheet[0]?.[4]).toMatch(/^#VALUE! plan has 2 cells but 3 are needed to match actuals/);
    expect(sheet[1]?.[3]).toMatch(/^#VALUE! method: “guess” is not a forecast method/);
    expect(sheet[1]?.[4]).toMatch(/^#VALUE! rollup: “max” is not sum or average/);
    expect(formula("=GOAL.FORECAST({1,2;3,4})")[0]?.[0]).toMatch(
      /^#VALUE! actuals must be one row or one column of periods, not 2 × 2 cells/
    );
  });

  it("is #N/A, saying why, with no period reported", () => {
    expect(evaluate([[null, "=GOAL.FORECAST(A1:A2)"], [null]])[0]?.[1]).toMatch(
      /^#N\/A No period is reported yet/
    );
  });

  it("says in Chinese what is wrong in Chinese Excel", () => {
    expect(evaluate([[null, "=GOAL.FORECAST(A1:A2)"], [null]], "zh")[0]?.[1]).toMatch(
      /^#N\/A 尚无任何周期填报实际值/
    );
  });
});

describe("GOAL.NEEDED", () => {
  it("divides what is left of the target over the periods left", () => {
    // (100 − 30) / 2 = 35; a rate: (0.95 · 4 − 1.85) / 2 = 0.975
    const sheet = evaluate([
      [10, 0.9, "=GOAL.NEEDED(A1:A4, 100)", '=GOAL.NEEDED(B1:B4, 0.95, "average")'],
      [20, 0.95],
      [null, null],
      [null, null],
    ]);
    expect(sheet[0]?.[2]).toBe(35);
    expect(sheet[0]?.[3]).toBeCloseTo(0.975, 12);
  });

  it("is #N/A when every period is reported", () => {
    const sheet = evaluate([[10, "=GOAL.NEEDED(A1:A2, 100)"], [20]]);
    expect(sheet[0]?.[1]).toMatch(/^#N\/A All 2 periods are reported/);
  });

  it("refuses periods reported beyond the periods there are", () => {
    expect(evaluate([[10, "=GOAL.NEEDED(A1:A2, 100, , 3)"], [20]])[0]?.[1]).toMatch(
      /^#VALUE! reported: give the number of periods reported, a whole number from 1 to 2, not 3/
    );
  });
});
