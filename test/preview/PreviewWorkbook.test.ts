import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HyperFormula } from "hyperformula";
import {
  CellValue,
  DEFAULT_AUDIT_OPTIONS,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FAMILIES,
} from "../../src/domain";
import { LOOK_BLOCK_ROWS } from "../../src/preview/LookCache";
import { PreviewChange, PreviewWorkbook } from "../../src/preview/PreviewWorkbook";
import {
  auditGoalTable,
  findGoalTables,
  goalAtSelection,
  insertGoalTemplate,
  planAllocation,
  planTimeSplit,
  startImprovementPlans,
  undoWrite,
  writeAllocation,
  writeTimeSplit,
} from "../../src/workbook/operations";
import { audit, columnOf, fillsOf, goalSheet, previewBook } from "./fixtures";
import { expectedHighlights } from "../support/highlightSpec";
import { outlinedWorkbook } from "../support/outlinedWorkbook";
import { SAMPLES, tempFolder } from "../cli/helpers";
import { TableSource } from "../../src/workbook/GoalWorkbook";

/** The fills the audit's rules should show: each flagged cell in its family's colour, the first family winning. */
function expectedFills(run: Awaited<ReturnType<typeof audit>>): Map<string, string> {
  const fills = new Map<string, string>();
  const expected = expectedHighlights(run.result, run.read.columns);
  for (const family of HIGHLIGHT_FAMILIES)
    for (const cell of expected[family] ?? [])
      if (!fills.has(cell)) fills.set(cell, HIGHLIGHT_COLORS[family].fill);
  return fills;
}

describe("the preview workbook as the pane's workbook", () => {
  it("finds a plain range whose header sits below a title", async () => {
    expect(await findGoalTables(previewBook())).toEqual([
      { sheet: "Goals", address: "A1:K10", tableName: null, complete: true },
    ]);
  });

  it("reads what formulas compute, and error cells as errors", async () => {
    const book = new PreviewWorkbook({ Sheet1: [[1, 2]] }, { storage: null });
    book.setCellInput("Sheet1", 1, 2, "=A1+B1");
    book.setCellInput("Sheet1", 1, 3, "=NA()");
    expect(await book.readValues("Sheet1", "A1:D1")).toEqual([[1, 2, 3, { error: "#N/A" }]]);
  });

  it("writes text from data as text, even when it starts with = or looks like a number", async () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    await book.writeValues("Sheet1", [{ address: "A1:D1", values: [["=x", "123", "TRUE", "'q"]] }]);
    expect({
      values: await book.readValues("Sheet1", "A1:D1"),
      shown: book.cellDisplay("Sheet1", 1, 0),
      edited: book.cellInput("Sheet1", 1, 0),
    }).toEqual({ values: [["=x", "123", "TRUE", "'q"]], shown: "=x", edited: "'=x" });
  });

  it("computes GOAL functions, spilling their arrays", async () => {
    const book = new PreviewWorkbook({ Sheet1: [[1000]] }, { storage: null });
    book.setCellInput("Sheet1", 1, 1, "=GOAL.ALLOCATE(A1,3)");
    book.setCellInput("Sheet1", 1, 2, '=GOAL.VARIANCE(90,100,"lower",TRUE)');
    expect({
      parts: await book.readValues("Sheet1", "B1:B3"),
      variance: book.cellValue("Sheet1", 1, 2),
      formula: book.cellInput("Sheet1", 1, 2),
    }).toEqual({
      parts: [[334], [333], [333]],
      variance: 0.1,
      formula: '=GOAL.VARIANCE(90,100,"lower",TRUE)',
    });
  });

  it("names the goal of the active cell's row for the tools", async () => {
    const book = previewBook();
    const run = await audit(book);
    book.setActiveCell("Goals", 5, 3);
    expect(run.result.goals[(await goalAtSelection(book, run)) as number]?.id).toBe("T1");
  });
});

describe("the one-click audit in the preview", () => {
  it("writes at most one rule per highlight family, all of them the add-in's", async () => {
    const book = previewBook();
    await audit(book);
    const rules = book.sheetInfo("Goals").rules;
    expect({
      some: rules.length > 0,
      atMostSix: rules.length <= 6,
      ours: rules.every((r) => r.ours),
    }).toEqual({
      some: true,
      atMostSix: true,
      ours: true,
    });
  });

  it("colours exactly the cells the audit flagged, by evaluating its rules' formulas", async () => {
    const book = previewBook();
    const run = await audit(book);
    expect(fillsOf(book, "Goals", 15, 15)).toEqual(expectedFills(run));
  });

  it("never changes a value of the goal sheet", async () => {
    const book = previewBook();
    const before = await book.readValues("Goals", "A1:K10");
    await audit(book);
    expect(await book.readValues("Goals", "A1:K10")).toEqual(before);
  });

  it("shows an edit that closes a gap once the audit runs again", async () => {
    const book = previewBook();
    await audit(book);
    const parent = columnOf("Parent");
    const orphan = `7:${parent}`;
    const red = HIGHLIGHT_COLORS.structure.fill;
    book.setCellInput("Goals", 7, parent, "C1");
    // The rules look the cell up in the audit's lists: as in Excel, the highlight changes when the audit runs.
    const beforeAudit = fillsOf(book, "Goals", 10, 10).get(orphan);
    await audit(book);
    expect([beforeAudit, fillsOf(book, "Goals", 10, 10).get(orphan)]).toEqual([red, undefined]);
  });

  it("lets a rule of the user's that was there first win a cell, and keeps it through audits and clearing", async () => {
    const book = previewBook();
    const actual = columnOf("Actual");
    const range = `${String.fromCharCode(65 + actual)}4:${String.fromCharCode(65 + actual)}10`;
    book.addRule("Goals", {
      ranges: [range],
      formula: `${String.fromCharCode(65 + actual)}4>500`,
      fill: "0000FF",
    });
    await audit(book);
    await audit(book);
    const fills = fillsOf(book, "Goals", 10, 10);
    const rules = book.sheetInfo("Goals").rules;
    await book.clearAudit();
    expect({
      first: rules[0]?.ours,
      count: rules.filter((rule) => !rule.ours).length,
      // C1 (700) and T1 (600) are above 500: the user's blue wins over the status colours there.
      c1: fills.get(`4:${actual}`),
      t1: fills.get(`5:${actual}`),
      t2: fills.get(`6:${actual}`),
      left: book.sheetInfo("Goals").rules.map((rule) => rule.formula),
    }).toEqual({
      first: false,
      count: 1,
      c1: "0000FF",
      t1: "0000FF",
      t2: HIGHLIGHT_COLORS.onTrack.fill,
      left: [`${String.fromCharCode(65 + actual)}4>500`],
    });
  });

  it("clears every highlight and its sheet, keeping every value", async () => {
    const book = previewBook();
    await audit(book);
    const cleared = await book.clearAudit();
    expect({
      cleared,
      fills: fillsOf(book, "Goals", 15, 15).size,
      sheets: book.sheetNames(),
      values: await book.readValues("Goals", "A1:K10"),
    }).toEqual({
      cleared: { rules: expect.any(Number), sheet: true },
      fills: 0,
      sheets: ["Goals"],
      values: goalSheet().map((row) => Array.from({ length: 11 }, (_, c) => row[c] ?? null)),
    });
  });

  it("refills its own audit sheet when run again, and keeps a user's sheet called Audit", async () => {
    const book = new PreviewWorkbook(
      { Goals: goalSheet(), Audit: [["my notes"]] },
      { active: { sheet: "Goals", row: 4, column: 0 }, storage: null }
    );
    const first = await audit(book);
    await audit(book);
    expect({
      name: first.auditSheet,
      sheets: book.sheetNames(),
      notes: await book.readValues("Audit", "A1:B1"),
    }).toEqual({
      name: "Audit (2)",
      sheets: ["Goals", "Audit", "Audit (2)"],
      notes: [["my notes", null]],
    });
  });

  it("links each finding on the audit sheet to its cell", async () => {
    const book = previewBook();
    const run = await audit(book);
    const sheet = run.auditSheet as string;
    const row = (run.content?.targets ?? []).findIndex((target) => target !== null) + 2;
    expect(book.linkTarget(sheet, row, 1)).toEqual({
      sheet: "Goals",
      address: run.content?.targets[row - 2],
    });
  });
});

describe("the pane's tools in the preview", () => {
  it("writes an allocation whose parts add up to the parent's target", async () => {
    const book = previewBook();
    const run = await audit(book);
    const plan = planAllocation(run, 0, { method: "weights", group: "people" });
    if (!plan.ok) throw new Error("no plan");
    await writeAllocation(book, run, plan.value, true);
    const target = columnOf("Target");
    const parts = await Promise.all(
      plan.value.map(
        async (line) =>
          (await book.readValues("Goals", `${String.fromCharCode(65 + target)}${line.row}`))[0]?.[0]
      )
    );
    expect(parts.reduce((sum: number, part) => sum + Number(part), 0)).toBe(1000);
  });

  it("inserts the template below the sheet's content as a table with formats and drop-downs", async () => {
    const book = previewBook();
    const inserted = (await insertGoalTemplate(book, "zh", 2027)).inserted;
    const info = book.sheetInfo("Goals");
    expect({
      inserted,
      header: book.cellValue("Goals", 12, 0),
      choices: info.validations.map((v) => ("choices" in v ? v.choices[0] : null)),
      deadline: book.cellDisplay("Goals", 13, 11),
    }).toEqual({
      inserted: { sheet: "Goals", address: "A12:Q16", tableName: "GoalTable1", newSheet: false },
      header: "目标编号",
      choices: ["公司", "越高越好", "求和", "否"],
      deadline: "2027-12-31",
    });
  });

  it("undoes the template: the sheet is as it was, tables, drop-downs, formats and cells", async () => {
    const book = previewBook();
    const look = async () => {
      const info = book.sheetInfo("Goals");
      return {
        tables: structuredClone(info.tables),
        validations: structuredClone(info.validations),
        values: await book.readValues("Goals", "A1:Q20"),
        formats: Array.from({ length: 20 }, (_, r) =>
          Array.from({ length: 17 }, (_, c) => book.numberFormat("Goals", r + 1, c))
        ),
      };
    };
    const before = await look();
    const { undo } = await insertGoalTemplate(book, "zh", 2027);
    expect(await look()).not.toEqual(before);
    expect((await undoWrite(book, undo)).undone).toBe(true);
    expect(await look()).toEqual(before);
  });

  it("grows a table by the rows of a spread in time, carrying its formats", async () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    const inserted = (await insertGoalTemplate(book, "en", 2027)).inserted;
    const run = await audit(book);
    const plan = planTimeSplit(run, 0, "quarter", null);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    await writeTimeSplit(book, run, 0, plan.value);
    const again = await audit(book);
    expect({
      before: inserted.address,
      after: book.sheetInfo("Sheet1").tables[0]?.address,
      format: book.numberFormat("Sheet1", 9, 13),
      quarters: again.result.goals.filter((g) => g.period?.kind === "quarter").length,
    }).toEqual({ before: "A1:Q5", after: "A1:Q9", format: "#,##0.##", quarters: 4 });
  });

  it("starts improvement plans on a sheet of their own", async () => {
    const book = previewBook();
    const run = await audit(book);
    const sheets = book.sheetNames();
    const started = await startImprovementPlans(book, run, false);
    expect(started.count).toBe(2);
    expect((await book.sheetValues("Improvement plan"))?.map((row) => row[0])).toEqual([
      "Goal ID",
      "C1",
      "P1",
    ]);
    // Undone, the sheet it started goes.
    expect(started.undo?.kind).toBe("sheet");
    await undoWrite(book, started.undo!);
    expect(book.sheetNames()).toEqual(sheets);
  });
});

describe("typing, pasting and showing cells", () => {
  it("reads typed entries as Excel does and shows them with the format they imply", () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    const typed = ["95%", "1,200", "2026-03-31", "=1+1", "'=x", "TRUE", "12.5"];
    typed.forEach((text, column) => book.setCellInput("Sheet1", 1, column, text));
    expect(typed.map((_, column) => book.cellDisplay("Sheet1", 1, column))).toEqual([
      "95%",
      "1,200",
      "2026-03-31",
      "2",
      "=x",
      "TRUE",
      "12.5",
    ]);
  });

  it("gives back what was typed for editing", () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    const typed = ["95%", "2026-03-31", "=SUM(A1:B1)", "'123", "hello"];
    typed.forEach((text, column) => book.setCellInput("Sheet1", 1, column, text));
    expect(typed.map((_, column) => book.cellInput("Sheet1", 1, column))).toEqual(typed);
  });

  it("pastes a block copied from Excel from the active cell", async () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    const block = book.pasteTsv(
      "Sheet1",
      2,
      1,
      'ID\tTarget\r\nC1\t1,000\r\n"two\nlines"\t=C3*2\r\n'
    );
    expect({ block, values: await book.readValues("Sheet1", "B2:C4") }).toEqual({
      block: { firstRow: 2, lastRow: 4, firstColumn: 1, lastColumn: 2 },
      values: [
        ["ID", "Target"],
        ["C1", 1000],
        ["two\nlines", 2000],
      ],
    });
  });

  it("clears a range's values and keeps its formats", async () => {
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage: null });
    book.setCellInput("Sheet1", 1, 0, "50%");
    book.setCellInput("Sheet1", 2, 0, "x");
    book.clearCells("Sheet1", { firstRow: 1, lastRow: 2, firstColumn: 0, lastColumn: 0 });
    book.setCellInput("Sheet1", 1, 0, "0.25");
    expect([book.cellValue("Sheet1", 2, 0), book.cellDisplay("Sheet1", 1, 0)]).toEqual([
      null,
      "25%",
    ]);
  });

  it("tells its listeners about every change, and whether the pane asked to show a cell", async () => {
    const book = previewBook();
    const changes: PreviewChange[] = [];
    const stop = book.subscribe((change) => changes.push(change));
    book.setCellInput("Goals", 4, 0, "C0");
    book.setActiveCell("Goals", 5, 1);
    await book.select("Goals", "B7");
    stop();
    book.setCellInput("Goals", 4, 0, "C1");
    expect(
      changes.map((change) => (change.kind === "selection" ? `select ${change.reveal}` : "content"))
    ).toEqual(["content", "select false", "select true"]);
  });

  it("keeps settings in the browser's storage for the next visit", async () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    await new PreviewWorkbook({ Sheet1: [] }, { storage }).saveSetting("options", {
      language: "zh",
    });
    expect(await new PreviewWorkbook({ Sheet1: [] }, { storage }).loadSetting("options")).toEqual({
      language: "zh",
    });
  });
});

describe("conditional formats over 10,000 rows", () => {
  function bigBook(): PreviewWorkbook {
    const rows: CellValue[][] = [["ID", "Parent", "Goal", "Target", "Actual", "Owner"]];
    rows.push(["C1", null, "Resolve one million tickets", 1_000_000, 900_000, "Zhang"]);
    for (let i = 1; i <= 10_000; i++)
      rows.push([
        `P${i}`,
        i % 500 === 0 ? "X" : "C1",
        `Resolve the tickets of P${i}`,
        100,
        i % 3 ? 100 : 50,
        i % 7 ? "Li" : null,
      ]);
    return new PreviewWorkbook({ Goals: rows }, { storage: null });
  }

  it("evaluates the rules for the window asked for only, and colours it as the audit found", async () => {
    const book = bigBook();
    const run = await audit(book);
    const calls = jest.spyOn(HyperFormula.prototype, "calculateFormula");
    const window = book.fillsFor("Goals", 5001, 5030, 0, 5);
    const evaluated = calls.mock.calls.length;
    calls.mockRestore();
    const expected = expectedFills(run);
    const shown = new Map<string, string>();
    window.forEach((line, r) =>
      line.forEach((look, c) => {
        if (look?.fill) shown.set(`${5001 + r}:${c}`, look.fill);
      })
    );
    const inWindow = new Map(
      [...expected].filter(([cell]) => {
        const row = Number(cell.split(":")[0]);
        return row >= 5001 && row <= 5030;
      })
    );
    // Whole blocks of rows around the window, each cell once per rule that reaches it.
    const rules = book.sheetInfo("Goals").rules.length;
    const cheap = evaluated <= (30 + 2 * LOOK_BLOCK_ROWS) * 6 * rules;
    expect({ shown, cheap, some: inWindow.size > 10 }).toEqual({
      shown: inWindow,
      cheap: true,
      some: true,
    });
  });

  it("reuses a window already coloured until the next change", async () => {
    const book = bigBook();
    await audit(book);
    book.fillsFor("Goals", 101, 130, 0, 5);
    const calls = jest.spyOn(HyperFormula.prototype, "calculateFormula");
    book.fillsFor("Goals", 101, 130, 0, 5);
    const again = calls.mock.calls.length;
    book.setCellInput("Goals", 2, 4, "1");
    book.fillsFor("Goals", 101, 130, 0, 5);
    const afterEdit = calls.mock.calls.length;
    calls.mockRestore();
    expect({ again, afterEdit: afterEdit > 0 }).toEqual({ again: 0, afterEdit: true });
  });
});

describe("a file whose cascade shows in its layout", () => {
  const folder = tempFolder();
  afterAll(() => folder.cleanup());

  it.each(["indent", "group"] as const)(
    "reads the cascade of its %s as the CLI does",
    async (how) => {
      const file = outlinedWorkbook(
        folder.dir,
        `preview-${how}`,
        ["Goal", "Owner", "Target"],
        [
          { depth: 0, cells: ["Resolve 1,000 tickets within 4 hours by December", "Ana", 1000] },
          {
            depth: 1,
            cells: ["North resolves 600 tickets within 4 hours by December", "Ben", 600],
          },
          { depth: 1, cells: ["South resolves 300 tickets within 4 hours by December", "Cy", 300] },
        ],
        how
      );
      const bytes = readFileSync(file);
      const book = new PreviewWorkbook({}, { storage: null });
      await book.loadXlsx(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      );
      const [source] = await findGoalTables(book);
      const run = await auditGoalTable(book, source as TableSource, DEFAULT_AUDIT_OPTIONS, "en");
      expect(run.read.goals.map((goal) => `${goal.id}<${goal.parent ?? ""}`)).toEqual([
        "2<",
        "3<2",
        "4<2",
      ]);
      book.destroy();
    }
  );
});

describe("a template inserted on the goal sheet (issue 12 §4)", () => {
  it("is a table of its own: each table is offered once and audits without the other's rows", async () => {
    const bytes = readFileSync(join(SAMPLES, "cascade-problems.xlsx"));
    const book = new PreviewWorkbook({}, { storage: null });
    await book.loadXlsx(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    book.setActiveCell("目标分解", 5, 0);
    const inserted = (await insertGoalTemplate(book, "zh", 2026)).inserted;
    const choices = await findGoalTables(book);
    expect(choices.map((choice) => [choice.tableName, choice.address])).toEqual([
      [inserted.tableName, inserted.address],
      [null, "A1:Q38"],
    ]);
    const reads = [];
    for (const choice of choices) {
      const run = await auditGoalTable(book, choice, DEFAULT_AUDIT_OPTIONS, "zh");
      reads.push([
        run.read.goals.length,
        run.result.findings.filter((finding) => finding.code === "BAD_VALUE").length,
      ]);
    }
    // The template's sample goals, and the sheet's 35 goals: no row of one read as the other's.
    expect(reads).toEqual([
      [4, 0],
      [35, 0],
    ]);
    book.destroy();
  });
});
