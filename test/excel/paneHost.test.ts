/**
 * What the task pane needs of Excel beyond the audit (PaneWorkbook): change and selection events, and the cells
 * and rows its Undo restores.
 */
import { ExcelWorkbook } from "../../src/excel/ExcelWorkbook";
import { TableSource } from "../../src/workbook/GoalWorkbook";
import { DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import {
  auditGoalTable,
  findGoalTables,
  insertGoalTemplate,
  planAllocation,
  planTimeSplit,
  startImprovementPlans,
  writeAllocation,
  writeTimeSplit,
} from "../../src/workbook/operations";
import { goalSheet } from "../support/goalSheet";
import { FakeExcel, officeMock } from "./fakeExcel";

beforeEach(() => {
  (globalThis as Record<string, unknown>).Office = officeMock().office;
});

function host(rows: unknown[][] = [["ID", "Target"]]): { fake: FakeExcel; book: ExcelWorkbook } {
  const fake = new FakeExcel();
  fake.addSheet("Goals", rows);
  fake.addSheet("Other", []);
  fake.active = { sheet: "Goals", cell: "A1" };
  return { fake, book: new ExcelWorkbook(fake.run) };
}

describe("ExcelWorkbook.watch", () => {
  it("reports the user's edits of the watched sheet, not the add-in's own, and stops when asked", async () => {
    const { fake, book } = host();
    let changes = 0;
    const stop = await book.watch("Goals", { changed: () => changes++, selected: () => undefined });
    expect(fake.handlers).toBe(2);
    await fake.fireChanged("Goals", "B2");
    await fake.fireChanged("Goals", "B3", "ThisLocalAddin");
    await fake.fireChanged("Other", "A1");
    expect(changes).toBe(1);
    await stop();
    expect(fake.handlers).toBe(0);
    await fake.fireChanged("Goals", "B2");
    expect(changes).toBe(1);
  });

  it("reports the selection's active cell and how many rows it spans", async () => {
    const { fake, book } = host();
    const seen: string[] = [];
    await book.watch("Goals", {
      changed: () => undefined,
      selected: (cell, rows) => seen.push(`${cell.sheet}!${cell.row}:${cell.column} ×${rows}`),
    });
    fake.active = { sheet: "Goals", cell: "C5" };
    await fake.fireSelection();
    fake.active = { sheet: "Goals", cell: "A6" };
    fake.selection = "A6:K9";
    await fake.fireSelection();
    expect(seen).toEqual(["Goals!5:2 ×1", "Goals!6:0 ×4"]);
  });
});

describe("ExcelWorkbook's undo of the pane's writes", () => {
  it("records formulas as formulas and values as values, and puts them back", async () => {
    const { fake, book } = host([
      ["ID", "Target", "Goal"],
      ["T1", 600, "North 600"],
      ["T2", 0, "=text, not a formula"],
    ]);
    const cells = fake.sheets.find((sheet) => sheet.name === "Goals")?.cells ?? [];
    (cells[2] as unknown[])[1] = { formula: "=B2/2", value: 300 };
    const before = await book.snapshot("Goals", ["B2", "B3", "C3", "D3"]);
    expect(before).toEqual([
      { address: "B2", value: 600, formula: null },
      { address: "B3", value: 300, formula: "=B2/2" },
      { address: "C3", value: "=text, not a formula", formula: null },
      { address: "D3", value: null, formula: null },
    ]);
    await book.writeValues("Goals", [
      { address: "B2", values: [[500]] },
      { address: "B3", values: [[500]] },
      { address: "C3", values: [["North 500"]] },
      { address: "D3", values: [["note"]] },
    ]);
    expect(fake.values("Goals").slice(1)).toEqual([
      ["T1", 500, "North 600", ""],
      ["T2", 500, "North 500", "note"],
    ]);
    await book.restore("Goals", before);
    expect(cells[1]?.[1]).toBe(600);
    expect((cells[2]?.[1] as { formula: string }).formula).toBe("=B2/2");
    expect(cells[2]?.[2]).toBe("=text, not a formula");
    expect(cells[2]?.[3]).toBeUndefined();
  });

  it("removes rows added to an Excel table (it shrinks) and empties rows added under a range", async () => {
    const { fake, book } = host([
      ["ID", "Target"],
      ["C1", 1000],
      ["C1-Q1", 250],
      ["C1-Q2", 250],
      [],
      ["Signed: Ana"],
    ]);
    const sheet = fake.sheets.find((one) => one.name === "Goals");
    sheet?.tables.push({ name: "Goals1", address: "A1:B4" });
    await book.removeRows(
      { sheet: "Goals", address: "A1:B2", tableName: "Goals1" },
      "A3:B4",
      false
    );
    expect(sheet?.tables[0]?.address).toBe("A1:B2");
    expect(fake.values("Goals")[2]).toEqual(["", ""]);
    // The cells beneath shifted up with the table's rows, as Excel deletes table rows.
    expect(fake.values("Goals")[3]).toEqual(["Signed: Ana", ""]);

    const plain = host([["ID", "Target"], ["C1", 1000], ["C1-Q1", 250], [], ["Signed: Ana"]]);
    plain.fake.sheets[0]?.numberFormats.set("3:1", "#,##0");
    await plain.book.removeRows(
      { sheet: "Goals", address: "A1:B2", tableName: null },
      "A3:B3",
      false
    );
    expect(plain.fake.values("Goals")[2]).toEqual(["", ""]);
    expect(plain.fake.values("Goals")[4]).toEqual(["Signed: Ana", ""]);
    expect(plain.fake.sheets[0]?.numberFormats.get("3:1")).toBe("General");
  });
});

describe("ExcelWorkbook.insertRows", () => {
  const rows = [
    ["ID", "Target", "Deadline"],
    ["C1", 1000, 46387],
    ["T1", 600, 46387],
    ["T2", 400, 46387],
    [],
    ["Signed: Ana"],
  ];

  it("inserts rows into an Excel table under a row of it, with that row's number formats", async () => {
    const { fake, book } = host(rows);
    const sheet = fake.sheets[0]!;
    sheet.tables.push({ name: "Goals1", address: "A1:C4" });
    sheet.numberFormats.set("2:1", "#,##0");
    sheet.numberFormats.set("2:2", "yyyy-mm-dd");
    const table = { sheet: "Goals", address: "A1:C4", tableName: "Goals1" };
    expect(
      await book.insertRows(table, 2, [
        ["C1-Q1", 250, 46112],
        ["C1-Q2", 250, 46203],
      ])
    ).toBe(true);
    expect(fake.values("Goals").map((row) => row[0])).toEqual([
      "ID",
      "C1",
      "C1-Q1",
      "C1-Q2",
      "T1",
      "T2",
      "",
      "Signed: Ana",
    ]);
    expect(sheet.tables[0]?.address).toBe("A1:C6");
    expect([sheet.numberFormats.get("3:1"), sheet.numberFormats.get("4:2")]).toEqual([
      "#,##0",
      "yyyy-mm-dd",
    ]);
    expect(fake.writes.map((write) => write.what)).toContain("table.rows.add");

    // Undone, the table's rows go and the cells below move back up.
    await book.removeRows(table, "A3:C4", true);
    const after = fake.values("Goals").map((row) => row[0]);
    expect(after.slice(0, 6)).toEqual(["ID", "C1", "T1", "T2", "", "Signed: Ana"]);
    expect(after.slice(6).filter((value) => value !== "")).toEqual([]);
    expect(sheet.tables[0]?.address).toBe("A1:C4");
  });

  it("inserts whole sheet rows under a plain range's row, moving what lies beside and below", async () => {
    const { fake, book } = host(rows.map((row, r) => (r === 3 ? [...row, null, "note"] : row)));
    const sheet = fake.sheets[0]!;
    sheet.numberFormats.set("2:1", "#,##0");
    sheet.numberFormats.set("4:1", "0.0");
    const table = { sheet: "Goals", address: "A1:C4", tableName: null };
    expect(await book.insertRows(table, 2, [["C1-Q1", 250, 46112]])).toBe(true);
    expect(fake.values("Goals")[2]?.slice(0, 3)).toEqual(["C1-Q1", 250, 46112]);
    // The note beside T2 moved down with it; T2's own format too.
    expect(fake.values("Goals")[4]?.[4]).toBe("note");
    expect([sheet.numberFormats.get("3:1"), sheet.numberFormats.get("5:1")]).toEqual([
      "#,##0",
      "0.0",
    ]);
    expect(fake.values("Goals")[6]?.[0]).toBe("Signed: Ana");

    await book.removeRows(table, "A3:C3", true);
    expect(fake.values("Goals")[3]?.[4]).toBe("note");
    expect(fake.values("Goals")[5]?.[0]).toBe("Signed: Ana");
    expect(sheet.numberFormats.get("4:1")).toBe("0.0");
  });

  it("refuses a row outside the table's data rows", async () => {
    const { book } = host(rows);
    const table = { sheet: "Goals", address: "A1:C4", tableName: null };
    expect(await book.insertRows(table, 1, [["x"]])).toBe(false);
    expect(await book.insertRows(table, 5, [["x"]])).toBe(false);
  });
});

describe("Excel's own undo of the tools' writes (ExcelUndoApiAll)", () => {
  /** Runs every tool once on the fixture table; returns the options of each batch with what it was for. */
  async function everyTool(book: ExcelWorkbook, fake: FakeExcel): Promise<Map<string, boolean[]>> {
    const grouped = new Map<string, boolean[]>();
    const step = async (name: string, work: () => Promise<unknown>) => {
      const from = fake.runOptions.length;
      await work();
      grouped.set(
        name,
        fake.runOptions.slice(from).map((options) => options.mergeUndoGroup === true)
      );
    };
    const [source] = await findGoalTables(book);
    if (!source) throw new Error("no goal table");
    let run = await auditGoalTable(book, source, DEFAULT_AUDIT_OPTIONS, "en");
    const allocation = planAllocation(run, 0, { method: "even", group: "people" });
    if (!allocation.ok) throw new Error("no allocation");
    await step("allocate", () => writeAllocation(book, run, allocation.value, true));
    run = await auditGoalTable(book, source, DEFAULT_AUDIT_OPTIONS, "en");
    const split = planTimeSplit(run, 0, "quarter", null);
    if (!split.ok) throw new Error("no split");
    await step("spread", () => writeTimeSplit(book, run, 0, split.value));
    run = await auditGoalTable(book, source, DEFAULT_AUDIT_OPTIONS, "en");
    await step("plans", () => startImprovementPlans(book, run, true));
    await step("plans again", () => startImprovementPlans(book, run, true));
    await step("template", () => insertGoalTemplate(book, "en", 2026));
    // On a protected sheet the template goes to a sheet of its own.
    fake.sheet("Goals").protected = true;
    fake.active = { sheet: "Goals", cell: "A1" };
    await step("template on a new sheet", () => insertGoalTemplate(book, "en", 2026));
    fake.sheet("Goals").protected = false;
    return grouped;
  }

  it("makes each tool's write one step of Excel's undo, with no API that would refuse the group", async () => {
    (globalThis as Record<string, unknown>).Office = officeMock("1.20", true).office;
    const fake = new FakeExcel();
    fake.addSheet("Goals", goalSheet());
    fake.active = { sheet: "Goals", cell: "A4" };
    const book = new ExcelWorkbook(fake.run);
    expect(book.hostUndo).toBe(true);
    const grouped = await everyTool(book, fake);
    // The reads before a write (the cells' content, the improvement sheet) are batches of their own; the write
    // itself is one grouped batch: one Ctrl+Z. The fake refuses in a group what the undo page lists as unsupported.
    for (const [name, batches] of grouped)
      expect([name, batches.filter(Boolean).length]).toEqual([
        name,
        name === "plans again" ? 0 : 1,
      ]);
    expect(fake.sheets.map((sheet) => sheet.name)).toEqual([
      "Goals",
      "Audit",
      "Improvement plan",
      "Goals 2026",
    ]);
    // The template went under what the active sheet (the improvement plan, selected last) holds, as a table.
    expect(fake.sheet("Improvement plan").tables).toHaveLength(1);
    // The audit's highlights and record are no tool write: they are not grouped (settings clear the stack).
    const [source] = await findGoalTables(book);
    const from = fake.runOptions.length;
    await auditGoalTable(book, source as TableSource, DEFAULT_AUDIT_OPTIONS, "en");
    expect(fake.runOptions.slice(from).some((options) => options.mergeUndoGroup)).toBe(false);
  });

  it("groups nothing where Excel has no undo for add-ins (the pane's own Undo serves)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Goals", goalSheet());
    fake.active = { sheet: "Goals", cell: "A4" };
    const book = new ExcelWorkbook(fake.run);
    expect(book.hostUndo).toBe(false);
    const grouped = await everyTool(book, fake);
    expect([...grouped.values()].flat().some(Boolean)).toBe(false);
    expect(grouped.get("spread")?.length).toBeGreaterThan(0);
  });
});
