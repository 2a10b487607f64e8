import {
  auditTables,
  findingMessage,
  isoFromDay,
  readAlignment,
  readGoalTable,
} from "../../src/domain";
import { lines, linesOf } from "./builders";

const header = ["Goal", "Target", "Deadline"];

describe("date columns (issue 11 §2: --date-order)", () => {
  it("reads a column day first when one of its dates shows it, with nothing assumed", () => {
    const read = readGoalTable([
      header,
      ["Answer calls", 10, "03/04/2026"],
      ["Close tickets", 20, "28/02/2026"],
    ]);
    expect(read.goals.map((g) => isoFromDay(g.deadline as number))).toEqual([
      "2026-04-03",
      "2026-02-28",
    ]);
    expect(lines(read.findings)).toEqual([]);
  });

  it("reads a column without evidence month first, with one DATE_ORDER_ASSUMED on its first such cell", () => {
    const read = readGoalTable([
      header,
      ["Answer calls", 10, "2026-06-30"],
      ["Close tickets", 20, "03/04/2026"],
      ["Call back", 30, "04/03/2026"],
    ]);
    expect(read.goals.map((g) => isoFromDay(g.deadline as number))).toEqual([
      "2026-06-30",
      "2026-03-04",
      "2026-04-03",
    ]);
    const assumed = read.findings.filter((f) => f.code === "DATE_ORDER_ASSUMED");
    expect(assumed.map((f) => [f.row, f.id, f.field, f.severity])).toEqual([
      [3, "3", "deadline", "info"],
    ]);
    expect(findingMessage(assumed[0]!, "en")).toContain("C3");
    expect(findingMessage(assumed[0]!, "en")).toContain("--date-order dmy");
    expect(findingMessage(assumed[0]!, "zh")).toContain("月在前");
  });

  it("makes the dates that contradict the column's order BAD_VALUE", () => {
    const read = readGoalTable([
      header,
      ["Answer calls", 10, "31/01/2026"],
      ["Close tickets", 20, "28/02/2026"],
      ["Call back", 30, "12/31/2026"],
    ]);
    expect(lines(read.findings)).toEqual(["4 BAD_VALUE deadline"]);
    expect(read.goals[2]?.deadline).toBeNull();
  });

  it("reads the order the user chose, and assumes nothing", () => {
    const read = readGoalTable([header, ["Answer calls", 10, "03/04/2026"]], { dateOrder: "dmy" });
    expect(isoFromDay(read.goals[0]?.deadline as number)).toBe("2026-04-03");
    expect(read.findings).toEqual([]);
  });

  it("reads ROC dates of Traditional Chinese files", () => {
    const read = readGoalTable([
      ["目標", "目標值", "截止時間"],
      ["提升客戶滿意度", 95, "民國114/12/31"],
    ]);
    expect(isoFromDay(read.goals[0]?.deadline as number)).toBe("2025-12-31");
  });
});

describe("period columns (issue 11 §2)", () => {
  it("reads a Quarter column without years in the year of each goal's deadline", () => {
    const read = readGoalTable([
      ["Goal", "Target", "Quarter", "Due Date"],
      ["Answer calls", 10, "Q1", "2026-03-31"],
      ["Close tickets", 20, "Q4", "2025-12-31"],
    ]);
    expect(read.goals.map((g) => g.period?.key)).toEqual(["2026-Q1", "2025-Q4"]);
    expect(read.findings).toEqual([]);
  });

  it("says a year-less period with no date to take the year from is BAD_VALUE noYear", () => {
    const read = readGoalTable([
      ["Goal", "Target", "Quarter"],
      ["Answer calls", 10, "Q1"],
    ]);
    const bad = read.findings.filter((f) => f.code === "BAD_VALUE");
    expect(bad.map((f) => [f.row, f.field, f.variant])).toEqual([[2, "period", "noYear"]]);
    expect(findingMessage(bad[0]!, "en")).toContain("names no year");
  });

  it("reads FY periods from the fiscal year's first month", () => {
    const read = readGoalTable(
      [
        ["Goal", "Target", "FY"],
        ["Answer calls", 10, "FY26"],
        ["Close tickets", 20, "FY26 Q1"],
      ],
      { fiscalYearStart: 7 }
    );
    expect(
      read.goals.map((g) => [g.period?.key, isoFromDay(g.period?.startDay as number)])
    ).toEqual([
      ["FY2026", "2025-07-01"],
      ["FY2026-Q1", "2025-07-01"],
    ]);
  });

  it("cascades a fiscal year into its fiscal quarters as a split in time", () => {
    const result = auditTables([
      readGoalTable(
        [
          ["ID", "Parent", "Goal", "Owner", "Target", "Period"],
          ["Y", "", "Resolve tickets", "Li", 400, "FY26"],
          ["Q1", "Y", "Resolve tickets in Q1", "Li", 100, "FY26 Q1"],
          ["Q2", "Y", "Resolve tickets in Q2", "Li", 100, "FY26 Q2"],
          ["Q3", "Y", "Resolve tickets in Q3", "Li", 100, "FY26 Q3"],
          ["Q4", "Y", "Resolve tickets in Q4", "Li", 100, "FY26 Q4"],
        ],
        { fiscalYearStart: 4 }
      ),
    ]);
    expect(linesOf("UNDER_ALLOCATED", result.findings)).toEqual([]);
    expect(linesOf("NO_EXECUTOR", result.findings)).toEqual([]);
  });

  it("does not take a Month column of numbers for a period", () => {
    const read = readGoalTable([
      ["Goal", "Target", "Month"],
      ["Answer calls", 10, 1],
      ["Close tickets", 20, 2],
    ]);
    expect(read.columns.period).toBeUndefined();
    expect(read.findings).toEqual([]);
  });
});

describe("OKR type columns as levels (issue 11 §1)", () => {
  const okrs = [
    ["Title", "Object Type", "Owner", "Parent", "Target"],
    ["Delight customers", "Objective", "Ana", "", 100],
    ["CSAT to 95", "Key Result", "Ben", "Delight customers", 95],
    ["Call back in a day", "Initiative", "Cy", "CSAT to 95", 1],
    ["Grow self-service", "Objective", "Ana", "", 100],
    ["Help articles read", "Key result", "Dee", "Grow self-service", 5000],
  ];

  it("reads Objective / Key result / Initiative as a level order", () => {
    const read = readGoalTable(okrs);
    expect(read.goals.map((g) => g.level)).toEqual([6, 7, 8, 6, 7]);
    expect(read.findings).toEqual([]);
  });

  it("never says a key result without initiatives has no executor, and names levels in words", () => {
    const result = auditTables([
      readGoalTable([...okrs, ["Lower churn", "Objective", "Ana", "", 100]]),
    ]);
    const noExecutor = result.findings.filter((f) => f.code === "NO_EXECUTOR");
    expect(noExecutor.map((f) => f.row)).toEqual([7]);
    expect(findingMessage(noExecutor[0]!, "en")).toContain("(Initiative)");
    expect(findingMessage(noExecutor[0]!, "zh")).toContain("举措");
  });

  it("reads Chinese OKR types", () => {
    const read = readGoalTable([
      ["目标", "类型", "目标值"],
      ["提升满意度", "目标", 95],
      ["满意度达到95", "关键结果", 95],
      ["回访客户", "举措", 1],
      ["上线知识库", "交付", 1],
    ]);
    expect(read.goals.map((g) => g.level)).toEqual([6, 7, 8, 9]);
  });

  it("does not take a Type column of other words for levels", () => {
    const read = readGoalTable([
      ["Goal", "Type", "Target"],
      ["Answer calls", "Phone", 10],
      ["Close tickets", "Email", 20],
    ]);
    expect(read.columns.level).toBeUndefined();
    expect(read.findings).toEqual([]);
  });

  it("lets a Level column win over a Type column", () => {
    const read = readGoalTable([
      ["Goal", "Level", "Type", "Target"],
      ["Answer calls", "Team", "Objective", 10],
    ]);
    expect(read.columns.level).toBe(1);
    expect(read.findings).toEqual([]);
  });

  it("names the depth, not a level number, when the table has no level column", () => {
    const result = auditTables([
      readGoalTable([
        ["ID", "Parent", "Goal", "Target"],
        ["A", "", "Resolve tickets", 10],
        ["B", "A", "North resolves tickets", 10],
        ["C", "", "Answer calls", 10],
      ]),
    ]);
    const noExecutor = result.findings.find((f) => f.code === "NO_EXECUTOR");
    expect(findingMessage(noExecutor!, "en")).toContain("1 step below the top goals");
    expect(findingMessage(noExecutor!, "zh")).toContain("顶层目标以下第 1 层");
  });
});

describe("OKR alignments (issue 11 §1: “Aligned To (weight, Objective ID)”)", () => {
  it.each([
    ["Delight customers (weight: 14.29%, Id: 123)", "Delight customers", "123", 0.1429],
    ["Delight customers, Id: 123", "Delight customers", "123", null],
    ["Grow (Weight：50 %, ID: A-7); Retain (weight: 50%, Id: 9)", "Grow", "A-7", 0.5],
  ])("reads %s", (text, title, id, weight) => {
    expect(readAlignment(text)).toEqual({ title, id, weight });
  });

  it("leaves a plain parent id or text alone", () => {
    expect(readAlignment("C1")).toBeNull();
    expect(readAlignment("Resolve tickets quickly")).toBeNull();
  });

  const rows = [
    ["Id", "Title", "Aligned To", "Rollup", "Target", "Weight"],
    ["1", "Score customer care", "", "weighted", 80, ""],
    ["2", "CSAT score", "Score customer care (weight: 75%, Id: 1)", "", 90, ""],
    ["3", "NPS score", "Score customer care (weight: 25%, Id: 1)", "", 60, ""],
  ];

  it("takes the parent from the id and the weight as the child's contribution, not its Weight", () => {
    const read = readGoalTable(rows);
    expect(read.goals.map((g) => [g.parent, g.contribution, g.weight])).toEqual([
      [null, null, null],
      ["1", 0.75, null],
      ["1", 0.25, null],
    ]);
  });

  it("rolls a weighted parent up by its children's contributions", () => {
    // 0.75 × 90 + 0.25 × 60 = 82.5 ≥ 80: allocated; with equal weights 75 < 80 would be UNDER_ALLOCATED.
    const result = auditTables([readGoalTable(rows)]);
    expect(linesOf("UNDER_ALLOCATED", result.findings)).toEqual([]);
    const even = rows.map((row, index) =>
      index === 0
        ? row
        : [...row.slice(0, 2), String(row[2]).replace(/weight: \d+%, /, ""), ...row.slice(3)]
    );
    expect(linesOf("UNDER_ALLOCATED", auditTables([readGoalTable(even)]).findings)).toEqual([
      "2 UNDER_ALLOCATED target",
    ]);
  });

  it("names the parent by its title in a table without ids", () => {
    const read = readGoalTable([
      ["Title", "Aligned To", "Target"],
      ["Score customer care", "", 80],
      ["CSAT score", "Score customer care (weight: 75%, Id: 1)", 90],
    ]);
    expect(read.goals[1]?.parent).toBe("Score customer care");
    expect(linesOf("ORPHAN", auditTables([read]).findings)).toEqual([]);
  });
});
