import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Finding, findingMessage } from "../../src/domain";
import { PreviewWorkbook } from "../../src/preview/PreviewWorkbook";
import { insertGoalTemplate } from "../../src/workbook/operations";
import { audit, fillsOf, previewBook, sampleBytes } from "./fixtures";

interface GoldenFinding {
  code: string;
  severity: string;
  row: number;
  id: string | null;
  field: string | null;
  message: string;
}

async function loaded(bytes: ArrayBuffer): Promise<PreviewWorkbook> {
  const book = new PreviewWorkbook({}, { storage: null });
  await book.loadXlsx(bytes);
  return book;
}

/** Every value of every sheet, as the pane would read them. */
async function allValues(book: PreviewWorkbook): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const sheet of book.sheetNames()) out[sheet] = await book.sheetValues(sheet);
  return out;
}

describe("loading an .xlsx file", () => {
  it("opens the problem sample on its goal sheet and finds what the command line finds", async () => {
    const book = await loaded(sampleBytes());
    const run = await audit(book);
    const golden = JSON.parse(
      readFileSync(join(__dirname, "..", "cli", "golden", "cascade-problems.json"), "utf8")
    ) as { findings: GoldenFinding[] };
    const pick = (f: GoldenFinding) => ({
      code: f.code,
      severity: f.severity,
      row: f.row,
      id: f.id,
      field: f.field,
      message: f.message,
    });
    expect({
      sheet: (await book.activeCell()).sheet,
      findings: run.result.findings.map((f: Finding) =>
        pick({ ...f, message: findingMessage(f, "en") } as GoldenFinding)
      ),
    }).toEqual({ sheet: "目标分解", findings: golden.findings.map(pick) });
  });

  it("shows the sample's own conditional format (weights above 35 % in bold) beside the audit's", async () => {
    const book = await loaded(sampleBytes());
    await audit(book);
    const weight = 14;
    const looks = book
      .fillsFor("目标分解", 4, 7, weight, weight)
      .map((line) => line[0]?.bold ?? false);
    // C1 40 %, C2 35 %, C3 25 %, T1 40 %.
    expect(looks).toEqual([true, false, false, true]);
  });

  it("shows cells with their number formats", async () => {
    const book = await loaded(sampleBytes());
    expect(
      [4, 5].map((row) => [9, 11, 12, 14].map((c) => book.cellDisplay("目标分解", row, c)))
    ).toEqual([
      ["2026-01-01", "1,050,000", "1,200,000", "40%"],
      ["2026-01-01", "92.0%", "95.0%", "35%"],
    ]);
  });

  it("computes the formulas of a file, GOAL functions saved by Excel included", async () => {
    const book = await loaded(sampleBytes("goal-formulas.xlsx"));
    expect({
      attainment: book.cellValue("跟踪", 5, 10),
      formula: book.cellInput("跟踪", 5, 10),
      allocation: [2, 3].map((row) => book.cellValue("跟踪", row, 15)),
    }).toEqual({
      attainment: expect.closeTo(2 - 33 / 30, 10),
      formula: "=GOAL.ATTAINMENT(E5,D5,F5)",
      allocation: [600000, 600000],
    });
  });

  it("refuses bytes that are not a workbook", async () => {
    const book = new PreviewWorkbook({}, { storage: null });
    await expect(
      book.loadXlsx(new TextEncoder().encode("not a zip").buffer as ArrayBuffer)
    ).rejects.toThrow();
  });
});

describe("saving an .xlsx file", () => {
  it("keeps values, formulas, tables, formats, validations and the audit's highlights through a round trip", async () => {
    const book = previewBook();
    book.setCellInput("Goals", 1, 5, "=GOAL.ALLOCATE(1000,3)");
    book.setCellInput("Goals", 1, 6, "=TRUE");
    await book.writeValues("Goals", [{ address: "H1", values: [["=not a formula"]] }]);
    await audit(book);
    const saved = await book.saveXlsx();
    const again = await loaded(saved);
    const rules = (b: PreviewWorkbook) =>
      b.sheetInfo("Goals").rules.map(({ ranges, formula, fill, font, ours }) => ({
        ranges,
        formula,
        fill,
        font,
        ours,
      }));
    expect({
      sheets: again.sheetNames(),
      values: await allValues(again),
      formulas: [5, 6].map((c) => again.cellInput("Goals", 1, c)),
      rules: rules(again),
      fills: fillsOf(again, "Goals", 15, 15),
    }).toEqual({
      sheets: book.sheetNames(),
      values: await allValues(book),
      formulas: ["=GOAL.ALLOCATE(1000,3)", "=TRUE"],
      rules: rules(book),
      fills: fillsOf(book, "Goals", 15, 15),
    });
  });

  it("recognises its own audit in a file it saved, so that clearing it leaves the user's workbook", async () => {
    const book = previewBook();
    await audit(book);
    const again = await loaded(await book.saveXlsx());
    const cleared = await again.clearAudit();
    expect({
      cleared,
      sheets: again.sheetNames(),
      fills: fillsOf(again, "Goals", 15, 15).size,
    }).toEqual({
      cleared: { rules: book.sheetInfo("Goals").rules.length, sheet: true },
      sheets: ["Goals"],
      fills: 0,
    });
  });

  it("keeps an inserted table with its drop-downs and formats", async () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    await insertGoalTemplate(book, "en", 2027);
    const again = await loaded(await book.saveXlsx());
    const info = again.sheetInfo("Sheet1");
    expect({
      tables: info.tables.map(({ name, address }) => ({ name, address })),
      validations: info.validations.map((v) => [v.range, "choices" in v ? v.choices.length : 0]),
      deadline: again.cellDisplay("Sheet1", 2, 11),
    }).toEqual({
      tables: [{ name: "GoalTable1", address: "A1:Q5" }],
      validations: [
        ["C2:C5", 6],
        ["H2:H5", 2],
        ["I2:I5", 6],
        ["Q2:Q5", 2],
      ],
      deadline: "2027-12-31",
    });
  });

  it("keeps the rows a file freezes at the top (Freeze Panes), and not a split view's size", async () => {
    const file = new ExcelJS.Workbook();
    const frozen = file.addWorksheet("Frozen");
    frozen.views = [{ state: "frozen", ySplit: 3, xSplit: 0 }];
    frozen.addRow(["Goals 2026"]);
    const split = file.addWorksheet("Split");
    split.views = [{ state: "split", ySplit: 2400, xSplit: 0 }];
    split.addRow(["x"]);
    const book = await loaded((await file.xlsx.writeBuffer()) as ArrayBuffer);
    expect(book.sheetInfo("Frozen").frozenRows).toBe(3);
    expect(book.sheetInfo("Split").frozenRows).toBe(0);
  });

  it("writes the highlights as expression rules with fills, as Excel and LibreOffice read them", async () => {
    const book = previewBook();
    const run = await audit(book);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(await book.saveXlsx());
    const formats = (
      file.getWorksheet("Goals") as unknown as {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings;
    const rules = formats.map((format) => {
      const rule = format.rules[0] as ExcelJS.ExpressionRuleType;
      const fill = rule.style?.fill as { bgColor?: { argb?: string } } | undefined;
      return {
        type: rule.type,
        fill: fill?.bgColor?.argb,
        readsAuditSheet: String(rule.formulae?.[0]).includes(`'${run.auditSheet}'!`),
      };
    });
    expect(rules).toEqual(
      book.sheetInfo("Goals").rules.map((rule) => ({
        type: "expression",
        fill: `FF${rule.fill}`,
        readsAuditSheet: true,
      }))
    );
  });

  it("saves GOAL functions as Excel stores custom functions, with their spilled results", async () => {
    const book = new PreviewWorkbook({ Sheet1: [[1000]] }, { storage: null });
    book.setCellInput("Sheet1", 1, 1, "=GOAL.ALLOCATE(A1,3)");
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(await book.saveXlsx());
    const sheet = file.getWorksheet("Sheet1") as ExcelJS.Worksheet;
    expect({
      anchor: sheet.getCell("B1").value,
      spilled: [sheet.getCell("B2").value, sheet.getCell("B3").value],
    }).toEqual({
      anchor: {
        formula: "_xldudf_GOAL_ALLOCATE(A1,3)",
        result: 334,
        shareType: "array",
        ref: "B1:B3",
      },
      spilled: [333, 333],
    });
  });
});
