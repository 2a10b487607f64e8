/**
 * What the task pane needs of Excel beyond the audit (PaneWorkbook): change and selection events, and the cells
 * and rows its Undo restores.
 */
import { ExcelWorkbook } from "../../src/excel/ExcelWorkbook";
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
    await book.removeRows({ sheet: "Goals", address: "A1:B2", tableName: "Goals1" }, "A3:B4");
    expect(sheet?.tables[0]?.address).toBe("A1:B2");
    expect(fake.values("Goals")[2]).toEqual(["", ""]);
    // The cells beneath shifted up with the table's rows, as Excel deletes table rows.
    expect(fake.values("Goals")[3]).toEqual(["Signed: Ana", ""]);

    const plain = host([["ID", "Target"], ["C1", 1000], ["C1-Q1", 250], [], ["Signed: Ana"]]);
    plain.fake.sheets[0]?.numberFormats.set("3:1", "#,##0");
    await plain.book.removeRows({ sheet: "Goals", address: "A1:B2", tableName: null }, "A3:B3");
    expect(plain.fake.values("Goals")[2]).toEqual(["", ""]);
    expect(plain.fake.values("Goals")[4]).toEqual(["Signed: Ana", ""]);
    expect(plain.fake.sheets[0]?.numberFormats.get("3:1")).toBe("General");
  });
});
