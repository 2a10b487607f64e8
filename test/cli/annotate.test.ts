import { execFileSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { AuditReport } from "../../src/cli/report";
import { ruleCells } from "../support/ruleCells";
import { isOwnRule } from "../../src/workbook/ownAudit";
import { cli, SAMPLES, tempFolder } from "./helpers";

const problems = join(SAMPLES, "cascade-problems.xlsx");

/** The colour families of DESIGN §6, by code: what the highlights must show. */
const FAMILY_OF_CODE: Record<string, string> = {
  BAD_VALUE: "structure",
  WEIGHTS_NOT_100: "smart",
  ORPHAN: "structure",
  DUPLICATE_ID: "structure",
  CYCLE: "structure",
  NO_EXECUTOR: "structure",
  UNDER_ALLOCATED: "structure",
  DUPLICATE_OF_PARENT: "duplication",
  DUPLICATE_SIBLING: "duplication",
  SMART_S: "smart",
  SMART_M: "smart",
  SMART_A: "smart",
  SMART_R: "smart",
  SMART_T: "smart",
  MISSING_OWNER: "smart",
};
const FAMILY_OF_FILL: Record<string, string> = {
  FFFFC7CE: "structure",
  FFF8CBAD: "duplication",
  FFFFEB9C: "smart",
  FFFF8B8B: "offTrack",
  FFFFD966: "atRisk",
  FFC6EFCE: "onTrack",
};
const HEADER_FIELDS: Record<string, string> = {
  目标编号: "id",
  上级目标: "parent",
  责任人: "owner",
  目标描述: "goal",
  指标: "kpi",
  截止日期: "deadline",
  目标值: "target",
  实际值: "actual",
  权重: "weight",
};

interface Rule {
  ref: string;
  formula: string;
  fill: string;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function rulesOf(sheet: ExcelJS.Worksheet): Rule[] {
  const formats = (
    sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
  ).conditionalFormattings;
  return formats.flatMap((format) =>
    format.rules
      .filter((rule) => rule.type === "expression")
      .map((rule) => {
        const expression = rule as ExcelJS.ExpressionRuleType;
        const fill = expression.style?.fill as ExcelJS.FillPattern | undefined;
        return {
          ref: format.ref,
          formula: String(expression.formulae?.[0] ?? ""),
          fill: String(fill?.bgColor?.argb ?? ""),
        };
      })
  );
}

/** Evaluates a rule's formula in HyperFormula for every cell of its range on the goal sheet (see ruleCells). */
function cellsSelected(
  rule: Rule,
  sheets: Record<string, (string | number | null)[][]>,
  goalSheet: string
): Set<string> {
  return ruleCells(rule.ref, rule.formula, sheets, goalSheet);
}

function sheetRows(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row, number) => {
    const values: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cell.value;
      values[column - 1] = typeof value === "number" || typeof value === "string" ? value : null;
    });
    rows[number - 1] = Array.from(values, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

describe("goal-cascade audit --out", () => {
  let dir: string;
  let cleanup: () => void;
  let out: string;
  let report: AuditReport;
  let status: number;

  beforeAll(async () => {
    ({ dir, cleanup } = tempFolder());
    out = join(dir, "annotated.xlsx");
    const run = await cli(["audit", problems, "--json", "--out", out]);
    status = run.status;
    report = JSON.parse(run.stdout) as AuditReport;
  });
  afterAll(() => cleanup());

  it("writes the copy and still exits by the findings", () => {
    expect({ status, written: existsSync(out) }).toEqual({ status: 1, written: true });
  });

  it("has conditional-format rules that select exactly the cells the audit flagged, evaluated in HyperFormula", async () => {
    const workbook = await load(out);
    const goalSheet = workbook.getWorksheet("目标分解")!;
    const audit = workbook.worksheets.find((sheet) => sheet.name === "Audit")!;
    const auditRows = sheetRows(audit);
    const header = goalSheet.getRow(3);
    const columnOf: Record<string, number> = {};
    header.eachCell((cell, column) => {
      const field = HEADER_FIELDS[String(cell.value)];
      if (field) columnOf[field] = column - 1;
    });

    const expected: Record<string, Set<string>> = {
      structure: new Set(),
      duplication: new Set(),
      smart: new Set(),
      offTrack: new Set(),
      atRisk: new Set(),
      onTrack: new Set(),
    };
    // Highlights belong to goals by id: a duplicated id's finding shows on every row bearing it.
    const rowsWithId = (id: string | null, row: number): number[] => {
      if (id === null) return [row];
      const rows: number[] = [];
      goalSheet.eachRow((line, number) => {
        const value = line.getCell(columnOf.id! + 1).value;
        if (number > 3 && String(value ?? "").toLowerCase() === id.toLowerCase()) rows.push(number);
      });
      return rows.length > 0 ? rows : [row];
    };
    for (const finding of report.findings) {
      const family = FAMILY_OF_CODE[finding.code];
      if (family)
        for (const row of rowsWithId(finding.id, finding.row))
          expected[family]!.add(`${row}:${columnOf[finding.field ?? "id"] ?? columnOf.id}`);
      if (finding.code === "OFF_TRACK") expected.offTrack!.add(`${finding.row}:${columnOf.actual}`);
      if (finding.code === "AT_RISK") expected.atRisk!.add(`${finding.row}:${columnOf.actual}`);
    }
    goalSheet.eachRow((row, number) => {
      const cell = `${number}:${columnOf.actual}`;
      if (
        number > 3 &&
        typeof row.getCell(columnOf.actual! + 1).value === "number" &&
        !expected.offTrack!.has(cell) &&
        !expected.atRisk!.has(cell)
      ) {
        expected.onTrack!.add(cell);
      }
    });

    const ours = rulesOf(goalSheet).filter((rule) => rule.formula.includes("'Audit'!"));
    const sheets = { [audit.name]: auditRows, [goalSheet.name]: sheetRows(goalSheet) };
    const selected: Record<string, string[]> = {};
    for (const rule of ours) {
      const family = FAMILY_OF_FILL[rule.fill]!;
      selected[family] = [
        ...new Set([...(selected[family] ?? []), ...cellsSelected(rule, sheets, goalSheet.name)]),
      ].sort();
    }
    const wanted = Object.fromEntries(
      Object.entries(expected)
        .filter(([, cells]) => cells.size > 0)
        .map(([family, cells]) => [family, [...cells].sort()])
    );
    expect(selected).toEqual(wanted);
  });

  it("keeps every value and number format of the user's sheets, and the user's own conditional format", async () => {
    const [before, after] = await Promise.all([load(problems), load(out)]);
    const differences: string[] = [];
    for (const sheet of before.worksheets) {
      const copy = after.getWorksheet(sheet.name)!;
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const other = copy.getCell(r, c);
          if (
            JSON.stringify(cell.value) !== JSON.stringify(other.value) ||
            cell.numFmt !== other.numFmt
          )
            differences.push(cell.address);
        })
      );
    }
    const userRules = rulesOf(after.getWorksheet("目标分解")!).length;
    const cellIs = (
      after.getWorksheet("目标分解") as unknown as {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings.filter((f) => f.rules.some((r) => r.type === "cellIs"));
    expect({ differences, userRule: cellIs.map((f) => f.ref), ours: userRules > 0 }).toEqual({
      differences: [],
      userRule: ["O4:O38"],
      ours: true,
    });
  });

  it("lists every finding on the audit sheet with a link to its cell", async () => {
    const audit = (await load(out)).getWorksheet("Audit")!;
    const listed: string[] = [];
    audit.eachRow((row, number) => {
      if (number === 1) return;
      // The finding named in words (column D), its code in a column of its own (H) to filter on.
      const code = row.getCell(8).value;
      if (typeof code === "string" && typeof row.getCell(4).value === "string")
        listed.push(
          `${String(row.getCell(1).value)} ${code} ${JSON.stringify(row.getCell(2).value)}`
        );
    });
    expect(listed).toHaveLength(report.findings.length);
    // The same link formula the Excel host writes (one audit-sheet layout for every host).
    expect(listed[0]).toBe(
      `7 UNDER_ALLOCATED ${JSON.stringify({ formula: `HYPERLINK("#'目标分解'!M7","M7")`, result: "M7" })}`
    );
  });

  it("replaces its own highlights and audit sheet when run on an annotated copy, instead of stacking them", async () => {
    const again = join(dir, "again.xlsx");
    await cli(["audit", out, "--out", again]);
    const ourRules = async (file: string) =>
      rulesOf((await load(file)).getWorksheet("目标分解")!).filter((rule) =>
        isOwnRule(rule.formula, ["Audit"])
      );
    const workbook = await load(again);
    expect({
      sheets: workbook.worksheets.map((s) => s.name),
      rules: (await ourRules(again)).map((rule) => `${rule.ref} ${rule.fill}`),
    }).toEqual({
      sheets: ["说明", "目标分解", "Audit"],
      rules: (await ourRules(out)).map((rule) => `${rule.ref} ${rule.fill}`),
    });
  });

  it("refuses to write over its input", async () => {
    const { status: refused, stderr } = await cli(["audit", problems, "--out", problems]);
    expect({ refused, stderr }).toEqual({
      refused: 2,
      stderr: expect.stringContaining("must not be the input file"),
    });
  });

  it("opens in LibreOffice Calc without errors", () => {
    const pdf = join(dir, "annotated.pdf");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/lo-profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        out,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });
});

describe("goal-cascade audit --out on user text", () => {
  it("writes text that looks like a formula as text", async () => {
    const { dir, cleanup } = tempFolder();
    const csv = join(dir, "inject.csv");
    const out = join(dir, "inject.xlsx");
    writeFileSync(
      csv,
      'ID,Goal,Target,Owner\nG1,"=HYPERLINK(""http://example.invalid"",""x"")",10,Li\nG2,+1 more resolved ticket a day,5,@Li\n'
    );
    await cli(["audit", csv, "--out", out]);
    const sheet = (await load(out)).getWorksheet("inject")!;
    const values = [
      sheet.getCell("B2").value,
      sheet.getCell("B3").value,
      sheet.getCell("D3").value,
    ];
    cleanup();
    expect(values).toEqual([
      '=HYPERLINK("http://example.invalid","x")',
      "+1 more resolved ticket a day",
      "@Li",
    ]);
  });
});
