import { join } from "node:path";
import ExcelJS from "exceljs";
import { attainment, variance } from "../../src/domain";
import { CalculatedCell } from "../../src/cli/calc";
import { typedFormula, usesGoalFunction } from "../../src/functions/formulaText";
import { cli, SAMPLES, tempFolder } from "./helpers";

const FORMULAS = join(SAMPLES, "goal-formulas.xlsx");

/** The tracking sheet's goal rows as the sample writes them: id, target (D), actual (E), direction (F). */
async function trackedGoals(): Promise<Array<{ target: number; actual: number; lower: boolean }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FORMULAS);
  const sheet = workbook.getWorksheet("跟踪") as ExcelJS.Worksheet;
  const goals: Array<{ target: number; actual: number; lower: boolean }> = [];
  for (let row = 2; row <= 5; row++) {
    goals.push({
      target: Number(sheet.getCell(row, 4).value),
      actual: Number(sheet.getCell(row, 5).value),
      lower: sheet.getCell(row, 6).value === "越低越好",
    });
  }
  return goals;
}

async function calcJson(args: string[] = []): Promise<CalculatedCell[]> {
  const run = await cli(["calc", FORMULAS, "--json", ...args]);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as CalculatedCell[];
}

describe("formulas as Excel saves them", () => {
  it("reads custom functions saved as _xldudf_ as users type them", () => {
    expect(typedFormula("_xldudf_GOAL_VARIANCE(B2,C2)")).toBe("GOAL.VARIANCE(B2,C2)");
    expect(typedFormula("[2]!_xldudf_GOAL_STATUS(B2,C2)+1")).toBe("GOAL.STATUS(B2,C2)+1");
    expect(typedFormula("_xlfn._xlws.FILTER(A1:A9,B1:B9)")).toBe("FILTER(A1:A9,B1:B9)");
  });

  it("tells GOAL formulas from others", () => {
    expect(usesGoalFunction("=SUM(A1:A3)")).toBe(false);
    expect(usesGoalFunction('=IF(A1,goal.status(B1,C1),"")')).toBe(true);
    expect(usesGoalFunction("=_xldudf_GOAL_PACE(A1,B1,C1,D1)")).toBe(true);
  });
});

describe("goal-cascade calc", () => {
  it("lists every GOAL formula with the value the engine computes", async () => {
    const cells = await calcJson();
    const goals = await trackedGoals();
    const byCell = new Map(cells.map((cell) => [cell.cell, cell]));
    expect(byCell.get("跟踪!J2")?.value).toEqual(
      goals.map((goal) => [variance(goal.actual, goal.target, goal.lower ? "lower" : "higher")])
    );
    goals.forEach((goal, index) => {
      const expected = attainment(goal.actual, goal.target, goal.lower ? "lower" : "higher");
      expect(expected.ok).toBe(true);
      expect(byCell.get(`跟踪!K${index + 2}`)?.value).toBeCloseTo(
        (expected as { value: number }).value,
        9
      );
    });
  });

  it("recognises the form Excel saves a custom function in", async () => {
    const cells = await calcJson();
    expect(cells.find((cell) => cell.cell === "跟踪!K5")?.formula).toBe(
      "=GOAL.ATTAINMENT(E5,D5,F5)"
    );
  });

  it("leaves out formulas that use no GOAL function", async () => {
    const cells = await calcJson();
    expect(cells.map((cell) => cell.cell)).not.toContain("跟踪!R2");
    expect(cells.every((cell) => /GOAL\./.test(cell.formula))).toBe(true);
  });

  it("computes across sheets and in the chosen language", async () => {
    const cells = await calcJson(["--lang", "zh"]);
    const audit = cells.find((cell) => cell.cell === "审核!A1")?.value as unknown[][];
    expect(audit.filter((row) => row[2] === "MISSING_OWNER").map((row) => row.slice(0, 2))).toEqual(
      [[5, "T3"]]
    );
  });

  it("prints a readable list without --json", async () => {
    const run = await cli(["calc", FORMULAS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^12 GOAL formulas:/);
    expect(run.stdout).toContain("跟踪!K5  =GOAL.ATTAINMENT(E5,D5,F5)");
  });

  it("writes a copy with GOAL formulas replaced by their values, other formulas and formats kept", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const out = join(dir, "values.xlsx");
      const cells = await calcJson(["--out", out]);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      const sheet = copy.getWorksheet("跟踪") as ExcelJS.Worksheet;
      expect(sheet.getCell("K2").value).toBe(cells.find((cell) => cell.cell === "跟踪!K2")?.value);
      expect(sheet.getCell("K2").numFmt).toBe("0.0%");
      // A spilled result fills its cells.
      expect([2, 3, 4, 5].map((row) => sheet.getCell(`J${row}`).value)).toEqual(
        (cells.find((cell) => cell.cell === "跟踪!J2")?.value as number[][]).map((row) => row[0])
      );
      expect(sheet.getCell("R2").formula).toBe('IF(F2="越低越好",D2-E2,E2-D2)');
      expect(sheet.getCell("C2").value).toBe("全年解决客户工单120万件");
    } finally {
      cleanup();
    }
  });

  it("refuses to write over its input", async () => {
    const run = await cli(["calc", FORMULAS, "--out", FORMULAS]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/must not be the input file/);
  });

  it("exits 2 with the reason for a file it cannot read", async () => {
    const run = await cli(["calc", join(SAMPLES, "no-such-file.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no-such-file\.xlsx: no such file/);
  });
});
