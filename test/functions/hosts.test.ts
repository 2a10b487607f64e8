/**
 * What real Excel hands a custom function, as opposed to what the code would like: blank cells as 0 on the desktop
 * and null on the web (office-js #4702, #5262), ranges whole only to matrix parameters (office-js #580), data-typed
 * cells as objects, and no parameter addresses on builds without CustomFunctionsRuntime 1.3. Every function gives the
 * same answer for the desktop's and the web's blanks.
 */
import { RawCellContent } from "hyperformula";
import { evaluate, Shown } from "./evaluate";

/** The sheet computed with blanks passed as the web passes them and as the desktop does. */
function bothHosts(rows: RawCellContent[][]): { web: Shown[][]; desktop: Shown[][] } {
  return { web: evaluate(rows, "en", "web"), desktop: evaluate(rows, "en", "desktop") };
}

const GOALS: RawCellContent[][] = [
  ["ID", "Parent", "Goal", "Owner", "KPI", "Deadline", "Baseline", "Target", "Actual", "Weight"],
  ["C1", null, "Resolve 1.2M tickets", "Wang", "Tickets", "2026-12-31", null, 1200000, null, null],
  ["T1", "C1", "Resolve 600k tickets", "Li", "Tickets", "2026-12-31", 500000, 600000, 300000, 0.5],
  [
    "T2",
    "C1",
    "Resolve 600k tickets by phone",
    "Zhao",
    "Tickets",
    "2026-12-31",
    null,
    600000,
    null,
    0.5,
  ],
  [null, null, null, null, null, null, null, null, null, null],
];

describe("GOAL functions agree between Excel on the desktop (blank = 0) and on the web (blank = null)", () => {
  const cases: [string, RawCellContent[][]][] = [
    [
      "VARIANCE",
      [
        [null, 100, null, "=GOAL.VARIANCE(A1:A2, B1:B2, C1:C2, D1:D2)"],
        [90, 100],
      ],
    ],
    [
      "ATTAINMENT",
      [
        [null, 100, null, null, "=GOAL.ATTAINMENT(A1:A2, B1:B2, C1:C2, D1:D2)"],
        [90, 100],
      ],
    ],
    [
      "STATUS",
      [
        [95, 100, null, null, null, "=GOAL.STATUS(A1:A2, B1:B2, C1:C2, D1:D2, E1:E2)"],
        [80, 100],
      ],
    ],
    [
      "PACE",
      [
        [
          1200,
          "2026-01-01",
          "2026-12-31",
          "2026-06-30",
          null,
          1,
          "=GOAL.PACE(A1, B1, C1, D1, E1, F1:F4)",
        ],
        [null, null, null, null, null, 1],
        [null, null, null, null, null, 1],
        [null, null, null, null, null, null],
      ],
    ],
    [
      "ALLOCATE",
      [
        [100, 1, null, "=GOAL.ALLOCATE(A1, B1:B3, C1)"],
        [null, null],
        [null, 2],
      ],
    ],
    [
      "ROLLUP",
      [
        ["T", null, null, null, "=GOAL.ROLLUP(A1:A4, B1:B4, C1:C4, D1:D4)"],
        ["A", "T", 60, null],
        ["B", "T", 40, null],
        [null, null, null, null],
      ],
    ],
    [
      "SMART",
      [
        [
          "Resolve 1,000 tickets",
          1000,
          "2026-12-31",
          "Li",
          null,
          "C1",
          "Tickets",
          null,
          "=GOAL.SMART(A1:A2, B1:B2, C1:C2, D1:D2, E1:E2, F1:F2, G1:G2, H1:H2)",
        ],
        ["Resolve 900 tickets", null, null, null, null, null, null, null],
      ],
    ],
    [
      "SCORE",
      [
        [1, 1, null, "=GOAL.SCORE(A1:A3, B1:B3, C1:C3)"],
        [null, 1, null],
        [1, 1, null],
      ],
    ],
    ["AUDIT", [...GOALS.map((row) => [...row]), ["=GOAL.AUDIT(A1:J5)"]]],
    [
      "FORECAST",
      [
        [10, 10, "=GOAL.FORECAST(A1:A4)", "=GOAL.FORECAST(A1:A4, B1:B4)"],
        [20, 20],
        [null, 30],
        [null, 40],
      ],
    ],
    [
      "NEEDED",
      [
        [0.9, '=GOAL.NEEDED(A1:A4, 0.95, "average")', '=GOAL.NEEDED(A1:A4, 0.95, "average", 2)'],
        [0.95],
        [null],
        [null],
      ],
    ],
  ];

  it.each(cases)("GOAL.%s", (_name, rows) => {
    const { web, desktop } = bothHosts(rows);
    expect(desktop).toEqual(web);
    // Not trivially equal: each case computes something.
    expect(
      web
        .flat()
        .filter((value) => typeof value === "number" || (typeof value === "string" && value !== ""))
        .length
    ).toBeGreaterThan(0);
  });

  it("scores 1, blank, 1 as 1 on both: a blank attainment is a goal not scored yet", () => {
    const { web, desktop } = bothHosts([[1, "=GOAL.SCORE(A1:A3)"], [null], [1]]);
    expect([web[0]?.[1], desktop[0]?.[1]]).toEqual([1, 1]);
  });

  it("audits a table with blank cells and a trailing blank row without inventing goal “0”", () => {
    const { desktop } = bothHosts([...GOALS.map((row) => [...row]), ["=GOAL.AUDIT(A1:J5)"]]);
    const codes = desktop
      .slice(5)
      .map((row) => row[2])
      .filter((code) => code !== "" && code !== null);
    expect(codes).not.toContain("BAD_VALUE");
    expect(codes).not.toContain("CYCLE");
    expect(codes).not.toContain("ORPHAN");
    // Only T1 has an actual (300,000 of 600,000); the blank actuals of C1 and T2 are not reported yet, not 0.
    const offTrack = desktop.slice(5).filter((row) => row[2] === "OFF_TRACK");
    expect(offTrack.map((row) => row[1])).toEqual(["T1"]);
    expect(desktop.slice(5).map((row) => row[1])).not.toContain("0");
  });

  it("reads the desktop's 0 for a blank baseline as no baseline in GOAL.SMART", () => {
    const { web, desktop } = bothHosts([
      ["Resolve 1,000 tickets", -5, "2026-12-31", null, "=GOAL.SMART(A1, B1, C1, , D1)"],
    ]);
    expect(desktop[0]?.[4]).toBe(web[0]?.[4]);
    expect(web[0]?.[4]).toBe("SMART");
  });
});

describe("zeros that are values, and blanks that arrive as zeros", () => {
  it("keeps a zero-defect target of 0 in GOAL.AUDIT on both hosts", () => {
    const rows: RawCellContent[][] = [
      ["ID", "Goal", "KPI", "Unit", "Direction", "Target", "Deadline", "Owner"],
      [
        "Q1",
        "Zero data-loss incidents this year",
        "Incidents",
        "件",
        "lower",
        0,
        "2026-12-31",
        "Li",
      ],
      ["=GOAL.AUDIT(A1:H2)"],
    ];
    const { web, desktop } = bothHosts(rows);
    expect(desktop).toEqual(web);
    const codes = web.slice(2).map((row) => row[2]);
    expect(codes).not.toContain("SMART_M");
  });

  it("leaves a profile's trailing blanks out, and an empty profile means linear pace", () => {
    const { web, desktop } = bothHosts([
      [
        1,
        '=GOAL.PACE(1200, "2026-01-01", "2026-12-31", "2026-07-01", 0, A1:A4)',
        null,
        '=GOAL.PACE(1200, "2026-01-01", "2026-12-31", "2026-07-01", 0, C1:C4)',
        '=GOAL.PACE(1200, "2026-01-01", "2026-12-31", "2026-07-01")',
      ],
      [1],
      [null],
      [null],
    ]);
    expect(desktop[0]).toEqual(web[0]);
    // Two equal halves: about half the target by 1 July; an empty profile is the linear pace.
    expect(web[0]?.[1]).toBeCloseTo(600, -1);
    expect(web[0]?.[3]).toBe(web[0]?.[4]);
  });
});

describe("GOAL functions given what only matrix parameters receive", () => {
  it("judges SMART's A against the baseline in the goal's direction, with the audit's stretch limit", () => {
    const sheet = evaluate([
      [
        "Cut first response to 25 s",
        25,
        "2026-12-31",
        30,
        '=GOAL.SMART(A1, B1, C1, , D1, , , "lower")',
      ],
      [
        "Cut first response to 10 s",
        10,
        "2026-12-31",
        30,
        '=GOAL.SMART(A2, B2, C2, , D2, , , "lower")',
      ],
      ["Cut first response to 25 s", 25, "2026-12-31", 30, "=GOAL.SMART(A3, B3, C3, , D3)"],
    ]);
    expect([sheet[0]?.[4], sheet[1]?.[4], sheet[2]?.[4]]).toEqual(["SMART", "SM-RT", "SM-RT"]);
  });

  it("refuses a range where one value is taken, naming the argument", () => {
    const sheet = evaluate([[100, 3, "=GOAL.ALLOCATE(A1:A2, B1)"], [200]]);
    expect(sheet[0]?.[2]).toBe("#VALUE! total takes one value, not a range.");
  });

  it("reads a whole column of weights in GOAL.ALLOCATE and a profile in GOAL.PACE", () => {
    const sheet = evaluate([
      [
        1,
        "=GOAL.ALLOCATE(100, A1:A3)",
        3,
        '=GOAL.PACE(1200, "2026-01-01", "2026-12-31", "2026-07-01", 0, C1:C2)',
      ],
      [1, null, 1],
      [2, null],
    ]);
    expect([sheet[0]?.[1], sheet[1]?.[1], sheet[2]?.[1]]).toEqual([25, 25, 50]);
    // 3:1 over two halves: by 1 July (181 of 364 days, about half) three quarters of the target.
    expect(sheet[0]?.[3]).toBeGreaterThan(890);
    expect(sheet[0]?.[3]).toBeLessThan(900);
  });
});
