/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's builds of the packages: ExcelJS (behind the workbook) needs uuid's, whose browser build is an ES module.
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CellValue, HIGHLIGHT_COLORS } from "../../src/domain";
import { Grid } from "../../src/preview/Grid/Grid";
import { HEADER_HEIGHT, ROW_HEIGHT } from "../../src/preview/Grid/gridLayout";
import { PreviewWorkbook } from "../../src/preview/PreviewWorkbook";
import { audit, columnOf, previewBook } from "./fixtures";
import { polyfillLayout } from "../support/jsdomLayout";

// Role queries skip the visibility check: computing styles for every cell is what makes jsdom slow.
configure({ defaultHidden: true });

beforeAll(polyfillLayout);

function renderGrid(book: PreviewWorkbook) {
  // No pointer-events check: it computes styles up the tree for every click, slow in jsdom beside a grid.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <Grid workbook={book} height={400} width={900} />
    </FluentProvider>
  );
  return { ...result, user };
}

/** The grid cell at an A1 address, when it is rendered. */
function cell(address: string): HTMLElement | null {
  return document.querySelector(`[data-address="${address}"]`);
}

function mustCell(address: string): HTMLElement {
  const found = cell(address);
  if (!found) throw new Error(`cell ${address} is not rendered`);
  return found;
}

function grid(): HTMLElement {
  return screen.getByRole("grid");
}

/** A sheet of 10,000 goal rows under one company goal. */
function bigBook(): PreviewWorkbook {
  const rows: CellValue[][] = [["ID", "Parent", "Goal", "Target", "Actual", "Owner"]];
  rows.push(["C1", null, "Resolve one million tickets", 1_000_000, 900_000, "Zhang"]);
  for (let i = 1; i <= 10_000; i++)
    rows.push([`P${i}`, "C1", `Resolve the tickets of P${i}`, 100, 100, "Li"]);
  return new PreviewWorkbook({ Goals: rows }, { storage: null });
}

describe("the preview grid", () => {
  it("shows what a GOAL function's error cell says went wrong, as Excel's error hint does", () => {
    const book = new PreviewWorkbook({ Sheet1: [[100, 0]] }, { storage: null });
    book.setCellInput("Sheet1", 1, 2, '=GOAL.VARIANCE(A1, B1, "sideways")');
    renderGrid(book);
    const error = mustCell("C1");
    expect(error.textContent).toBe("#VALUE!");
    expect(error.getAttribute("title")).toMatch(/direction/);
  });

  it("shows cells with their formats under column letters, beside row numbers", () => {
    const book = previewBook();
    book.setCellInput("Goals", 12, 1, "95.5%");
    renderGrid(book);
    expect({
      title: mustCell("A1").textContent,
      percent: mustCell("B12").textContent,
      column: screen.getAllByRole("columnheader")[1]?.textContent,
      row: screen.getAllByRole("rowheader")[2]?.textContent,
    }).toEqual({ title: "Customer service goals 2026", percent: "95.5%", column: "B", row: "3" });
  });

  it("makes a clicked cell the workbook's active cell, and shows its input in the formula bar", async () => {
    const book = previewBook();
    book.setCellInput("Goals", 12, 2, "=1+1");
    const { user } = renderGrid(book);
    await user.click(mustCell("C12"));
    expect({
      active: book.current(),
      nameBox: (screen.getByRole("textbox", { name: "Name box" }) as HTMLInputElement).value,
      formula: (screen.getByRole("textbox", { name: "Formula bar" }) as HTMLInputElement).value,
    }).toEqual({ active: { sheet: "Goals", row: 12, column: 2 }, nameBox: "C12", formula: "=1+1" });
  });

  it("enters what is typed into a cell with Enter and moves down", async () => {
    const book = previewBook();
    const { user } = renderGrid(book);
    await user.click(mustCell("A4"));
    await user.keyboard("X1{Enter}");
    expect({
      value: book.cellValue("Goals", 4, 0),
      active: book.current().row,
      text: mustCell("A4").textContent,
    }).toEqual({
      value: "X1",
      active: 5,
      text: "X1",
    });
  });

  it("edits a formula after F2 and leaves the cell as it was on Escape", async () => {
    const book = previewBook();
    book.setCellInput("Goals", 12, 1, "=1+1");
    const { user } = renderGrid(book);
    await user.click(mustCell("B12"));
    await user.keyboard("{F2}");
    const editor = screen.getByRole("textbox", { name: "Edit cell B12" }) as HTMLInputElement;
    await user.keyboard("0");
    const typed = editor.value;
    await user.keyboard("{Escape}");
    expect({
      typed,
      value: book.cellValue("Goals", 12, 1),
      editing: screen.queryByRole("textbox", { name: "Edit cell B12" }),
    }).toEqual({
      typed: "=1+10",
      value: 2,
      editing: null,
    });
  });

  it("clears the selected cells with Delete", async () => {
    const book = previewBook();
    const { user } = renderGrid(book);
    await user.click(mustCell("A4"));
    fireEvent.mouseDown(mustCell("B5"), { shiftKey: true });
    await user.keyboard("{Delete}");
    expect(await book.readValues("Goals", "A4:C5")).toEqual([
      [null, null, "Company"],
      [null, null, "Team"],
    ]);
  });

  it("takes the last edits back with Ctrl+Z, formulas and formats as they were, and selects them", async () => {
    const book = previewBook();
    book.setCellInput("Goals", 12, 1, "=1+1");
    const before = await book.readValues("Goals", "A4:C5");
    const { user } = renderGrid(book);
    await user.click(mustCell("A4"));
    fireEvent.mouseDown(mustCell("B5"), { shiftKey: true });
    await user.keyboard("{Delete}");
    await user.click(mustCell("B12"));
    await user.keyboard("95%{Enter}");
    expect(book.cellValue("Goals", 12, 1)).toBe(0.95);

    await user.keyboard("{Control>}z{/Control}");
    expect(book.cellInput("Goals", 12, 1)).toBe("=1+1");
    expect(book.numberFormat("Goals", 12, 1)).toBeUndefined();
    expect(book.current()).toMatchObject({ row: 12, column: 1 });
    await user.keyboard("{Control>}z{/Control}");
    expect(await book.readValues("Goals", "A4:C5")).toEqual(before);
    expect(book.current()).toMatchObject({ row: 4, column: 0 });
    // Nothing more to take back (the setCellInput above was an edit too, made before the grid showed).
    await user.keyboard("{Control>}z{/Control}");
    expect(book.cellValue("Goals", 12, 1)).toBe(null);
    expect(book.canUndo()).toBe(false);
  });

  it("starts a new history when the add-in writes cells, as an add-in's write clears Excel's", async () => {
    const book = previewBook();
    book.setCellInput("Goals", 4, 0, "X1");
    await book.writeValues("Goals", [{ address: "B4", values: [["C9"]] }]);
    expect(book.canUndo()).toBe(false);
    expect(book.undo()).toBeNull();
    expect(book.cellValue("Goals", 4, 0)).toBe("X1");
  });

  it("jumps to the edge of the data with Ctrl+arrows and to the last used cell with Ctrl+End", async () => {
    const book = previewBook();
    const { user } = renderGrid(book);
    const used = book.usedBounds("Goals");
    await user.click(mustCell("A4"));
    await user.keyboard("{Control>}{ArrowDown}{/Control}");
    expect(book.current().row).toBe(used?.lastRow);
    await user.keyboard("{Control>}{ArrowUp}{/Control}");
    // Up from the last goal: the run of ids ends at the header row.
    expect(book.current().row).toBe(3);
    await user.keyboard("{Control>}{End}{/Control}");
    expect(book.current()).toMatchObject({ row: used?.lastRow, column: used?.lastColumn });
  });

  it("shows #### for a date or number wider than its column, and runs text on over empty cells", () => {
    const book = new PreviewWorkbook({
      Sheet1: [
        ["A goal text far longer than its column", null, null, "next"],
        ["Short", new Date(Date.UTC(2026, 0, 1)), 12345.5, "x"],
      ],
    });
    // Column B as narrow as 4 characters: the date cannot show.
    book.sheetInfo("Sheet1").columnWidths.set(1, 4);
    renderGrid(book);
    expect(mustCell("B2").textContent).toMatch(/^#+$/);
    expect(mustCell("B2").getAttribute("title")).toBe("2026-01-01");
    // C2 is wide enough for its number.
    expect(mustCell("C2").textContent).toBe("12345.5");
    // A1's text runs on over B1 and C1 (empty) and stops before D1, which holds a value.
    const runOn = mustCell("A1").querySelector("span");
    const widthOf = (address: string) => parseFloat(mustCell(address).style.width);
    expect(parseFloat(runOn?.style.width ?? "0")).toBe(
      widthOf("A1") + widthOf("B1") + widthOf("C1") - 9
    );
    // Text that fits runs on over nothing.
    expect(mustCell("A2").querySelector("span")).toBeNull();
  });

  it("keeps frozen rows in view, drawn once more over the rows and answering clicks like them", async () => {
    const book = previewBook();
    Object.assign(book.sheetInfo("Goals"), { frozenRows: 3 });
    const { user } = renderGrid(book);
    const frozen = screen.getByTestId("frozen-rows");
    expect(frozen.getAttribute("aria-hidden")).toBe("true");
    // The copies carry no addresses: each cell is found once, in the list.
    expect(document.querySelectorAll('[data-address="A3"]')).toHaveLength(1);
    const copy = frozen.querySelector('[data-row="3"][data-column="0"]') as HTMLElement;
    expect(copy.textContent).toBe(mustCell("A3").textContent);
    await user.click(copy);
    expect(book.current()).toMatchObject({ row: 3, column: 0 });
  });

  it("freezes the audit sheet's header row, as the Excel host does", async () => {
    const book = previewBook();
    const run = await audit(book);
    expect(book.sheetInfo(run.auditSheet as string).frozenRows).toBe(1);
  });

  it("pastes tab-separated text from Excel as a block from the active cell", async () => {
    const book = previewBook();
    const { user } = renderGrid(book);
    await user.click(mustCell("D12"));
    fireEvent.paste(grid(), {
      clipboardData: {
        getData: (type: string) => (type === "text/plain" ? "1\t2\r\n3\t=D13*2\r\n" : ""),
      },
    });
    expect({
      values: await book.readValues("Goals", "D12:E13"),
      nameBox: (screen.getByRole("textbox", { name: "Name box" }) as HTMLInputElement).value,
    }).toEqual({
      values: [
        [1, 2],
        [3, 6],
      ],
      nameBox: "D12:E13",
    });
  });

  it("draws the audit's highlights in their colours", async () => {
    const book = previewBook();
    await audit(book);
    renderGrid(book);
    const parent = String.fromCharCode(65 + columnOf("Parent"));
    expect([
      mustCell(`${parent}7`).style.backgroundColor,
      mustCell(`${parent}6`).style.backgroundColor,
    ]).toEqual(["rgb(255, 199, 206)", ""]);
    expect(HIGHLIGHT_COLORS.structure.fill).toBe("FFC7CE");
  });

  it("renders only a window of the rows of a 10,000-row sheet", () => {
    renderGrid(bigBook());
    const rows = screen.getAllByRole("row").length;
    expect({ few: rows < 60, first: cell("A2")?.textContent, last: cell("A10002") }).toEqual({
      few: true,
      first: "C1",
      last: null,
    });
  });

  it("scrolls to the cell the pane selects and frames it", async () => {
    const book = bigBook();
    renderGrid(book);
    await act(() => book.select("Goals", "B5000"));
    await waitFor(() => expect(cell("B5000")).not.toBeNull());
    expect(screen.getByTestId("grid-selection").style.top).toBe(
      `${HEADER_HEIGHT + 4999 * ROW_HEIGHT}px`
    );
  });

  it("switches sheets with the tabs", async () => {
    const book = previewBook();
    await audit(book);
    const { user } = renderGrid(book);
    await user.click(screen.getByRole("tab", { name: "Audit" }));
    expect({ sheet: book.current().sheet, header: mustCell("A1").textContent }).toEqual({
      sheet: "Audit",
      header: "Row",
    });
  });
});
