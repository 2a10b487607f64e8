import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadGoalFile, parseDelimited, sheetNameOf } from "../../src/cli/load";
import { auditTables, readGoalTable } from "../../src/domain";
import { SAMPLES, tempFolder } from "./helpers";

async function workbookFile(
  build: (workbook: ExcelJS.Workbook) => void
): Promise<{ file: string; cleanup: () => void }> {
  const { dir, cleanup } = tempFolder();
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = join(dir, "book.xlsx");
  await workbook.xlsx.writeFile(file);
  return { file, cleanup };
}

describe("locating the goal table", () => {
  it("reads an Excel table (ListObject) where it stands", async () => {
    const { table } = await loadGoalFile(join(SAMPLES, "cascade-clean.xlsx"));
    expect({ name: table.tableName, firstRow: table.firstRow, sheet: table.sheet }).toEqual({
      name: "GoalTable",
      firstRow: 3,
      sheet: "2026目标",
    });
  });

  it("finds a plain range's header below a title, on the first sheet that holds one", async () => {
    const { table } = await loadGoalFile(join(SAMPLES, "cascade-problems.xlsx"));
    expect({ sheet: table.sheet, header: table.firstRow + table.headerRow }).toEqual({
      sheet: "目标分解",
      header: 3,
    });
  });

  it("prefers a sheet with every required column over an earlier one missing a column", async () => {
    const { file, cleanup } = await workbookFile((workbook) => {
      workbook.addWorksheet("Draft").addRows([
        ["ID", "Goal"],
        ["G1", "Resolve tickets"],
      ]);
      workbook.addWorksheet("Plan").addRows([
        ["ID", "Goal", "Target"],
        ["G1", "Resolve tickets", 10],
      ]);
    });
    const { table } = await loadGoalFile(file);
    cleanup();
    expect(table.sheet).toBe("Plan");
  });

  it("reports a formula saved without its value as an unreadable cell, not as a blank", async () => {
    const { file, cleanup } = await workbookFile((workbook) => {
      const sheet = workbook.addWorksheet("Plan");
      sheet.addRows([
        ["ID", "Goal", "Target", "Owner"],
        ["G1", "Resolve tickets within a day", null, "Li"],
      ]);
      sheet.getCell("C2").value = { formula: "SUM(D5:D9)" } as ExcelJS.CellFormulaValue;
    });
    const { table } = await loadGoalFile(file);
    cleanup();
    const result = auditTables([readGoalTable(table.cells, { headerRow: table.headerRow })]);
    expect(
      result.findings
        .filter((f) => f.code === "BAD_VALUE")
        .map((f) => [f.code, f.field, f.variant, f.params.value])
    ).toEqual([["BAD_VALUE", "target", "uncalculated", "=SUM(D5:D9)"]]);
  });

  it("reads formula results and error cells from a workbook", async () => {
    const { file, cleanup } = await workbookFile((workbook) => {
      const sheet = workbook.addWorksheet("Plan");
      sheet.addRows([
        ["ID", "Goal", "Target"],
        ["G1", "Resolve tickets within a day", null],
        ["G2", "Answer calls within 30 s", null],
      ]);
      sheet.getCell("C2").value = { formula: "100*12", result: 1200 } as ExcelJS.CellFormulaValue;
      sheet.getCell("C3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    });
    const { table } = await loadGoalFile(file);
    cleanup();
    expect([table.cells[1]?.[2], table.cells[2]?.[2]]).toEqual([1200, { error: "#N/A" }]);
  });
});

describe("parseDelimited", () => {
  it("detects semicolons and tabs as delimiters", () => {
    const rows = [
      parseDelimited(Buffer.from("ID;Goal;Target\nG1;x;1\n")),
      parseDelimited(Buffer.from("ID\tGoal\tTarget\nG1\tx\t1\n")),
    ];
    expect(rows.map((r) => r[1])).toEqual([
      ["G1", "x", "1"],
      ["G1", "x", "1"],
    ]);
  });

  it("keeps quoted commas and line breaks inside a cell", () => {
    expect(parseDelimited(Buffer.from('ID,Goal\nG1,"Resolve, then\nclose"\n'))[1]).toEqual([
      "G1",
      "Resolve, then\nclose",
    ]);
  });
});

describe("sheetNameOf", () => {
  it("names a CSV's sheet after the file, without the characters Excel forbids, at most 31 long", () => {
    expect([sheetNameOf("team [north]: a/b"), sheetNameOf("x".repeat(40)).length]).toEqual([
      "team _north__ a_b",
      31,
    ]);
  });
});
