import { RawCellContent } from "hyperformula";
import { CellValue, cellAddress, DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import { parseAuditOptions } from "../../src/domain/options";
import {
  auditGoalTable,
  findGoalTables,
  goalAtSelection,
  insertGoalTemplate,
  planAllocation,
  planTimeSplit,
  rangeBounds,
  startImprovementPlans,
  writeAllocation,
  undoWrite,
  writeTimeSplit,
} from "../../src/workbook/operations";
import { goal, table } from "../domain/builders";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { expectedHighlights, shownHighlights } from "../support/highlightSpec";
import { goalSheet } from "../support/goalSheet";

function workbook(): MemoryWorkbook {
  return new MemoryWorkbook({ Goals: goalSheet() }, { sheet: "Goals", row: 4, column: 0 });
}

async function audited(book = workbook()) {
  const [source] = await findGoalTables(book);
  if (!source) throw new Error("no goal table found");
  return { book, run: await auditGoalTable(book, source, DEFAULT_AUDIT_OPTIONS, "en") };
}

/** A sheet's cells as HyperFormula reads them. */
function raw(book: MemoryWorkbook, name: string): RawCellContent[][] {
  return book
    .sheet(name)
    .cells.map((row) => Array.from(row, (value) => (value ?? null) as RawCellContent));
}

describe("finding the goal table", () => {
  it("finds a plain range whose header sits below a title", async () => {
    const choices = await findGoalTables(workbook());
    expect(choices).toEqual([
      { sheet: "Goals", address: "A1:K10", tableName: null, complete: true },
    ]);
  });

  it("offers each Excel table, not the used range around them again, and says which lack a required column", async () => {
    const book = new MemoryWorkbook({
      Goals: [["ID", "Goal"], ["G1", "x"], [], ["ID", "Goal", "Target"], ["G2", "y", 1]],
    });
    book
      .sheet("Goals")
      .tables.push({ name: "Partial", address: "A1:B2" }, { name: "Full", address: "A4:C5" });
    const choices = await findGoalTables(book);
    expect(choices.map((choice) => [choice.tableName, choice.complete])).toEqual([
      ["Full", true],
      ["Partial", false],
    ]);
  });

  it("still offers a plain goal table beside an Excel table", async () => {
    const book = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Target"],
        ["G1", "x", 1],
        [],
        [],
        [],
        [],
        [],
        [],
        ["ID", "Goal", "Target"],
        ["G2", "y", 2],
      ],
    });
    book.sheet("Goals").tables.push({ name: "Lower", address: "A9:C10" });
    const choices = await findGoalTables(book);
    expect(choices.map((choice) => [choice.tableName, choice.address])).toEqual([
      ["Lower", "A9:C10"],
      // The used range's own table ends at the blank rows before the Excel table's header.
      [null, "A1:C2"],
    ]);
  });

  it("finds nothing on a sheet without goal headers", async () => {
    expect(await findGoalTables(new MemoryWorkbook({ Notes: [["Hello"], ["world"]] }))).toEqual([]);
  });
});

describe("the one-click audit", () => {
  it("reads the table once and writes one batch", async () => {
    const { book } = await audited();
    expect(book.calls.get("applyAudit")).toBe(1);
    // One read to find the header, one to audit.
    expect(book.calls.get("readValues")).toBe(2);
  });

  it("creates rules by family and field flagged, never by the number of goals", async () => {
    const { book, run } = await audited();
    const rules = book.sheet("Goals").rules;
    const fields = run.content?.keys.flatMap((list) => [
      ...new Set(list.values.map((key) => `${list.family}:${key.split("|").pop()}`)),
    ]);
    expect(rules.length).toBe((fields?.length ?? 0) + (run.content?.local.length ?? 0));
    expect(rules.every((rule) => rule.ours)).toBe(true);
  });

  it("writes rule formulas that select exactly the cells the audit flagged, computed in a formula engine", async () => {
    const { book, run } = await audited();
    const auditSheet = run.auditSheet as string;
    const sheets = { Goals: raw(book, "Goals"), [auditSheet]: raw(book, auditSheet) };
    expect(shownHighlights(book.sheet("Goals").rules, sheets, "Goals")).toEqual(
      expectedHighlights(run.result, run.read.columns)
    );
  });

  it("never writes a cell of the goal sheet", async () => {
    const { book, run } = await audited();
    expect(book.written.filter((cell) => !cell.startsWith(`${run.auditSheet}!`))).toEqual([]);
    expect(book.sheet("Goals").cells).toEqual(goalSheet());
  });

  it("replaces its own rules and audit sheet when run again, and keeps the user's rules", async () => {
    const book = workbook();
    book
      .sheet("Goals")
      .rules.push({ range: "K4:K10", formula: "K4>500", fill: "0000FF", ours: false });
    await audited(book);
    const first = book.sheet("Goals").rules.length;
    await audited(book);
    expect(book.sheet("Goals").rules.length).toBe(first);
    expect(book.sheet("Goals").rules.filter((rule) => !rule.ours)).toEqual([
      { range: "K4:K10", formula: "K4>500", fill: "0000FF", ours: false },
    ]);
    expect([...book.sheets.keys()]).toEqual(["Goals", "Audit"]);
  });

  it("writes its sheet under another name when the user has a sheet called Audit", async () => {
    const book = workbook();
    book.addSheet("Audit", [["my notes"]]);
    const { run } = await audited(book);
    expect(run.auditSheet).toBe("Audit (2)");
    expect(book.sheet("Audit").cells).toEqual([["my notes"]]);
  });

  it("writes nothing when a required column is missing", async () => {
    const book = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Owner"],
        ["G1", "x", "y"],
      ],
    });
    const source = { sheet: "Goals", address: "A1:C2", tableName: null };
    const run = await auditGoalTable(book, source, DEFAULT_AUDIT_OPTIONS, "en");
    expect(run.result.findings.map((finding) => finding.code)).toEqual(["MISSING_COLUMN"]);
    expect(book.calls.get("applyAudit")).toBeUndefined();
  });

  it("reports its steps in order", async () => {
    const book = workbook();
    const steps: string[] = [];
    const [source] = await findGoalTables(book);
    await auditGoalTable(book, source!, DEFAULT_AUDIT_OPTIONS, "en", (step) => steps.push(step));
    expect(steps).toEqual(["reading", "checking", "writing", "done"]);
  });

  it("judges against the pace when given an as-of date", async () => {
    const options = parseAuditOptions({ asOf: "2026-06-30" });
    if (!options.ok) throw new Error("bad options");
    const book = new MemoryWorkbook({
      Goals: table([
        goal({ id: "G1", target: 1200, actual: 500, start: "2026-01-01", deadline: "2026-12-31" }),
      ]),
    });
    const [source] = await findGoalTables(book);
    const run = await auditGoalTable(book, source!, options.value, "en");
    expect(run.result.findings.map((finding) => finding.code)).toContain("OFF_TRACK");
  });
});

describe("clearing the audit", () => {
  it("removes exactly the add-in's rules and sheet", async () => {
    const { book } = await audited();
    book
      .sheet("Goals")
      .rules.push({ range: "A4:A10", formula: 'A4=""', fill: "FF0000", ours: false });
    const cleared = await book.clearAudit();
    expect(cleared.sheet).toBe(true);
    expect(cleared.rules).toBeGreaterThan(0);
    expect(book.sheet("Goals").rules).toHaveLength(1);
    expect([...book.sheets.keys()]).toEqual(["Goals"]);
    expect(book.sheet("Goals").cells).toEqual(goalSheet());
  });
});

describe("the template", () => {
  it("goes below what the sheet holds, with headers in the user's language and drop-downs", async () => {
    const book = workbook();
    const inserted = (await insertGoalTemplate(book, "zh", 2027)).inserted;
    expect(rangeBounds(inserted.address).firstRow).toBe(12);
    expect(book.value("Goals", 12, 0)).toBe("目标编号");
    expect(book.sheet("Goals").validations.map((v) => v.choices[0])).toEqual([
      "公司",
      "越高越好",
      "求和",
      "否",
    ]);
    // Nothing the user had moved or changed.
    expect(book.sheet("Goals").cells.slice(0, 10)).toEqual(goalSheet());
  });

  it("is a table the audit reads", async () => {
    const book = new MemoryWorkbook({ Sheet1: [] });
    const inserted = (await insertGoalTemplate(book, "en", 2027)).inserted;
    const run = await auditGoalTable(book, inserted, DEFAULT_AUDIT_OPTIONS, "en");
    expect(run.result.goals.map((g) => g.id)).toEqual(["C1", "T1", "P1", "P2"]);
    expect(run.result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("allocating a target", () => {
  it("splits the selected parent's target over its children exactly", async () => {
    const { book, run } = await audited();
    book.active = { sheet: "Goals", row: 4, column: 3 };
    const parent = await goalAtSelection(book, run);
    const plan = planAllocation(run, parent as number, { method: "even", group: "people" });
    if (!plan.ok) throw new Error("no plan");
    expect(plan.value.map((line) => [line.id, line.proposed])).toEqual([
      ["T1", 500],
      ["T2", 500],
    ]);
  });

  it("asks before overwriting target cells that hold values, then writes only those cells", async () => {
    const { book, run } = await audited();
    const plan = planAllocation(run, 0, { method: "even", group: "people" });
    if (!plan.ok) throw new Error("no plan");
    const column = (goalSheet()[2] as CellValue[]).indexOf("Target");
    const targets = [5, 6].map((row) => cellAddress(column, row));
    const first = await writeAllocation(book, run, plan.value, false);
    expect(first).toEqual({ written: 0, texts: 0, needsConfirmation: targets, undo: null });
    expect(book.written.filter((cell) => cell.startsWith("Goals!"))).toEqual([]);
    const second = await writeAllocation(book, run, plan.value, true);
    expect(second.written).toBe(2);
    expect(book.written.filter((cell) => cell.startsWith("Goals!"))).toEqual(
      targets.map((t) => `Goals!${t}`)
    );
    expect([book.value("Goals", 5, column), book.value("Goals", 6, column)]).toEqual([500, 500]);
  });

  it("keeps locked children and spreads the rest", async () => {
    const { run } = await audited();
    const plan = planAllocation(run, 0, { method: "even", group: "people", locked: new Set([1]) });
    if (!plan.ok) throw new Error("no plan");
    expect(plan.value.map((line) => [line.id, line.locked, line.proposed])).toEqual([
      ["T1", true, 600],
      ["T2", false, 400],
    ]);
  });
});

describe("spreading a goal in time", () => {
  it("adds four quarter rows under the goal that add up to its target", async () => {
    const { book, run } = await audited();
    const plan = planTimeSplit(run, 0, "quarter", [1, 2, 3, 4]);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    expect(plan.value.map((row) => [row.id, row.period.key, row.target])).toEqual([
      ["C1-Q1", "2026-Q1", 100],
      ["C1-Q2", "2026-Q2", 200],
      ["C1-Q3", "2026-Q3", 300],
      ["C1-Q4", "2026-Q4", 400],
    ]);
    const before = book.sheet("Goals").cells.map((row) => [...row]);
    const written = await writeTimeSplit(book, run, 0, plan.value);
    expect(written.underGoal).toBe(true);
    expect(written.address).toBe("A5:K8");
    expect(book.selected).toBe("Goals!A5:K8");
    const again = await auditGoalTable(
      book,
      { ...run.source, address: "A1:K14" },
      DEFAULT_AUDIT_OPTIONS,
      "en"
    );
    const quarters = again.result.goals.filter(
      (g) => g.parent === "C1" && g.period?.kind === "quarter"
    );
    // Right under their goal; the goals below moved down four rows.
    expect(quarters.map((g) => g.row)).toEqual([5, 6, 7, 8]);
    expect(book.sheet("Goals").cells.slice(8)).toEqual(before.slice(4));
    expect(
      again.result.findings.filter((f) => f.row >= 5 && f.row <= 8 && f.severity === "error")
    ).toEqual([]);

    // Undone, the inserted rows go and the goals below move back up.
    await undoWrite(book, written.undo);
    expect(book.sheet("Goals").cells).toEqual(before);
  });

  it("adds them at the end of the table where the host cannot insert rows (the preview)", async () => {
    const { book, run } = await audited();
    book.canInsert = false;
    const plan = planTimeSplit(run, 0, "quarter", null);
    if (!plan.ok) throw new Error("no plan");
    const written = await writeTimeSplit(book, run, 0, plan.value);
    expect(written).toMatchObject({ underGoal: false, address: "A11:K14" });
    expect([11, 12, 13, 14].map((row) => book.value("Goals", row, 0))).toEqual([
      "C1-Q1",
      "C1-Q2",
      "C1-Q3",
      "C1-Q4",
    ]);
  });

  it("refuses to split a goal twice", async () => {
    const { book, run } = await audited();
    const plan = planTimeSplit(run, 0, "quarter", null);
    if (!plan.ok) throw new Error("no plan");
    await writeTimeSplit(book, run, 0, plan.value);
    const again = await auditGoalTable(
      book,
      { ...run.source, address: "A1:K14" },
      DEFAULT_AUDIT_OPTIONS,
      "en"
    );
    const second = planTimeSplit(again, 0, "quarter", null);
    expect(second.ok ? "split" : second.issues[0]?.code).toBe("DUPLICATE_GOAL_ID");
  });
});

describe("improvement plans", () => {
  it("adds a row for each goal that falls behind, and only new ones on the next run", async () => {
    const { book, run } = await audited();
    expect((await startImprovementPlans(book, run, false)).count).toBe(2);
    const sheet = book.sheet("Improvement plan");
    expect(sheet.cells.map((row) => row[0])).toEqual(["Goal ID", "C1", "P1"]);
    // Amounts with thousands separators, the attainment as a percentage: C1 at 700 of 1,000 is 70.0%.
    expect(sheet.formats.filter((entry) => /[BC]?[E-H]2$/.test(entry.range))).toEqual([
      { range: "E2", numberFormat: "#,##0" },
      { range: "F2", numberFormat: "#,##0" },
      { range: "G2", numberFormat: "#,##0" },
      { range: "H2", numberFormat: "0.0%" },
    ]);
    // Someone writes a cause; the next run keeps it and adds nothing new.
    sheet.cells[1]![8] = "Two agents on leave";
    expect((await startImprovementPlans(book, run, false)).count).toBe(0);
    expect(sheet.cells[1]![8]).toBe("Two agents on leave");
    expect((await startImprovementPlans(book, run, true)).count).toBe(1);
    expect(sheet.cells.map((row) => row[0])).toEqual(["Goal ID", "C1", "P1", "T3"]);
  });
});

describe("several goal tables on one sheet (issue 11 §3)", () => {
  it("offers each table of a plain range as its own candidate, from its header to its end", async () => {
    const book = new MemoryWorkbook({
      Goals: [
        ["Team goals"],
        ["ID", "Goal", "Target"],
        ["T1", "Resolve tickets", 10],
        ["合计", null, 10],
        [],
        ["Individual goals"],
        ["ID", "Goal", "Target"],
        ["P1", "Answer calls", 5],
      ],
    });
    const choices = await findGoalTables(book);
    expect(choices.map((choice) => [choice.address, choice.complete])).toEqual([
      ["A1:C3", true],
      ["A7:C8", true],
    ]);
  });
});
