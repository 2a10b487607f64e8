/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { CellValue, cellAddress, columnLetters, IMPROVEMENT_HEADERS } from "../../src/domain";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import {
  auditPane,
  columnOf,
  goalSheet,
  goalWorkbook,
  openTab,
  polyfillBrowser,
  renderPane,
  RenderedPane,
} from "./helpers";

beforeAll(polyfillBrowser);

/** Audits the fixture, opens Tools and picks the goal on a row as the selected goal. */
async function pickGoal(pane: RenderedPane, row: number): Promise<void> {
  await auditPane(pane);
  await openTab(pane, "Tools");
  pane.workbook.active = { sheet: "Goals", row, column: 3 };
  await pane.user.click(screen.getByRole("button", { name: "Use selected goal" }));
  await screen.findByTestId("selected-goal");
}

/** Cells written on the goal sheet (the audit writes only its own sheet). */
function goalSheetWrites(workbook: MemoryWorkbook): string[] {
  return workbook.written.filter((cell) => cell.startsWith("Goals!"));
}

describe("starting a cascade", () => {
  it("inserts the template for this year and says where it went", async () => {
    const pane = await renderPane(new MemoryWorkbook({ Sheet1: [] }));
    await openTab(pane, "Tools");
    await pane.user.click(screen.getByRole("button", { name: "Insert goal-table template" }));
    const [inserted] = pane.workbook.sheet("Sheet1").tables;
    expect(inserted).toBeDefined();
    expect(
      await screen.findByText(
        `The template went to Sheet1!${inserted?.address} as the table ${inserted?.name} (selected). Undo removes it.`
      )
    ).toBeTruthy();
    expect(pane.workbook.value("Sheet1", 1, 0)).toBe("ID");
    const cells = pane.workbook.sheet("Sheet1").cells.flat();
    expect(cells).toContain(String(new Date().getFullYear()));
  });

  it("undoes the template: the table, its values and its drop-downs go, the user's cells stay", async () => {
    const pane = await renderPane(new MemoryWorkbook({ Sheet1: [["Mine", 42]] }));
    await openTab(pane, "Tools");
    await pane.user.click(screen.getByRole("button", { name: "Insert goal-table template" }));
    const [inserted] = pane.workbook.sheet("Sheet1").tables;
    await screen.findByText(/Undo removes it/);
    expect(pane.workbook.sheet("Sheet1").validations.length).toBeGreaterThan(0);
    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    await screen.findAllByText(`Undone: the template at Sheet1!${inserted?.address} was removed.`);
    const sheet = pane.workbook.sheet("Sheet1");
    expect(sheet.tables).toEqual([]);
    expect(sheet.validations).toEqual([]);
    expect(sheet.formats).toEqual([]);
    expect(sheet.cells.flat().filter((value) => value !== null && value !== undefined)).toEqual([
      "Mine",
      42,
    ]);
  });

  it("undoes a template on a sheet of its own by deleting that sheet, after asking when it was edited", async () => {
    // A sheet filled far down: the template goes to a new sheet.
    const full: CellValue[][] = Array.from({ length: 1200 }, (_, r) => [`row ${r + 1}`]);
    const pane = await renderPane(new MemoryWorkbook({ Sheet1: full }));
    await openTab(pane, "Tools");
    await pane.user.click(screen.getByRole("button", { name: "Insert goal-table template" }));
    const year = new Date().getFullYear();
    await screen.findByText(
      new RegExp(
        `^The template went to a new sheet, Goals ${year}!A1:.* Undo deletes that sheet\\.$`
      )
    );
    pane.workbook.edit(`Goals ${year}`, "Q1", "my note");
    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    await screen.findByText(
      "Q1 changed after the add-in wrote it. Undo anyway, and lose that change?"
    );
    expect(pane.workbook.sheets.has(`Goals ${year}`)).toBe(true);
    await pane.user.click(screen.getByRole("button", { name: "Undo anyway" }));
    await screen.findAllByText(`Undone: the sheet “Goals ${year}” the add-in added was deleted.`);
    expect([...pane.workbook.sheets.keys()]).toEqual(["Sheet1"]);
    expect(pane.workbook.sheet("Sheet1").cells).toEqual(full);
  });
});

describe("allocating a target", () => {
  it("previews an exact split of the selected goal over its children", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    expect(screen.getByText("Goal C1 (row 4)")).toBeTruthy();
    expect(screen.getByTestId("proposed-T1").textContent).toBe("500");
    expect(screen.getByTestId("proposed-T2").textContent).toBe("500");
    expect(screen.getByTestId("allocation-total").textContent).toBe(
      "Σ proposed = 1,000 = parent target 1,000 ✓"
    );
  });

  it("keeps a locked child's target and spreads the rest", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("checkbox", { name: "Keep the target of T1" }));
    expect(screen.getByTestId("proposed-T1").textContent).toBe("600");
    expect(screen.getByTestId("proposed-T2").textContent).toBe("400");
  });

  it("keeps the children and their locks on show when every child is locked, and lets them be unlocked", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("checkbox", { name: "Keep the target of T1" }));
    await pane.user.click(screen.getByRole("checkbox", { name: "Keep the target of T2" }));
    // T1 600 + T2 300 leave 100 of C1's 1,000 to nobody: said with formatted amounts, and how to go on.
    expect(
      screen.getByText(
        "The locked parts (900) leave nothing to spread, or there is nobody to spread 100 over. Every child is locked: unlock one to give it what the others leave."
      )
    ).toBeTruthy();
    expect(screen.getByTestId("proposed-T1").textContent).toBe("—");
    await pane.user.click(screen.getByRole("checkbox", { name: "Keep the target of T2" }));
    expect(screen.getByTestId("proposed-T2").textContent).toBe("400");
  });

  it("warns that repeating a summed target over-allocates it, and says which weights By weights uses", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("radio", { name: "Repeat the target (rates)" }));
    expect(
      screen.getByText(
        /^This goal's children add up \(sum\): repeating its target gives each child the whole 1,000, together 2,000/
      )
    ).toBeTruthy();
    await pane.user.click(screen.getByRole("radio", { name: "By weights" }));
    expect(screen.queryByText(/^This goal's children add up/)).toBeNull();
    expect(screen.getByText(/^Shares follow each child's Weight column/)).toBeTruthy();
  });

  /** A cascade whose children's texts state their targets (the second only in Chinese when `texts`). */
  const stating = (texts: boolean) =>
    new MemoryWorkbook(
      {
        Goals: [
          ["ID", "Parent", "Goal", "Owner", "Target", "Deadline"],
          ["C1", "", "Resolve 1,000 tickets within 4 hours by December", "Ana", 1000, "2026-12-31"],
          [
            "T1",
            "C1",
            "North resolves 600 tickets within 4 hours by December",
            "Ben",
            600,
            "2026-12-31",
          ],
          [
            "T2",
            "C1",
            texts ? "南区全年解决工单300件" : "South resolves tickets within 4 hours by December",
            "Cy",
            300,
            "2026-12-31",
          ],
        ],
      },
      { sheet: "Goals", row: 2, column: 0 }
    );

  it("changes the amount a child's goal text states along with its target", async () => {
    const pane = await renderPane(stating(true));
    await pickGoal(pane, 2);
    const update = screen.getByRole("checkbox", {
      name: "Also change the amount in 2 goal texts that state the old target",
    });
    expect((update as HTMLInputElement).checked).toBe(true);
    await pane.user.click(screen.getByRole("button", { name: "Write targets" }));
    await pane.user.click(await screen.findByRole("button", { name: "Overwrite" }));
    await screen.findByText(/^2 targets written, 2 goal texts changed to state them/);
    expect(
      [3, 4].map((row) => [
        pane.workbook.value("Goals", row, 2),
        pane.workbook.value("Goals", row, 4),
      ])
    ).toEqual([
      ["North resolves 500 tickets within 4 hours by December", 500],
      ["南区全年解决工单500件", 500],
    ]);
  });

  it("leaves the goal texts as they are when told to, and says they state the old amounts", async () => {
    const pane = await renderPane(stating(false));
    await pickGoal(pane, 2);
    await pane.user.click(
      screen.getByRole("checkbox", {
        name: "Also change the amount in 1 goal text that states the old target",
      })
    );
    await pane.user.click(screen.getByRole("button", { name: "Write targets" }));
    await pane.user.click(await screen.findByRole("button", { name: "Overwrite" }));
    await screen.findByText(/1 goal text still states its old amount\./);
    expect(pane.workbook.value("Goals", 3, 2)).toBe(
      "North resolves 600 tickets within 4 hours by December"
    );
    expect(pane.workbook.value("Goals", 3, 4)).toBe(500);
  });

  it("asks before overwriting targets, writes nothing until confirmed, then exactly the children's cells", async () => {
    const pane = await renderPane();
    const before = [5, 6].map((row) => pane.workbook.value("Goals", row, columnOf("Target")));
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Write targets" }));
    const dialog = await screen.findByRole("alertdialog");
    const target = columnOf("Target");
    const cells = [5, 6].map((row) => cellAddress(target, row));
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole("listitem", { hidden: true })
          .map((item) => item.textContent)
      ).toEqual(cells.map((cell) => `Goals!${cell}`))
    );
    expect(goalSheetWrites(pane.workbook)).toEqual([]);
    expect(
      within(dialog).getByText("After writing, Undo puts the cells back as they were.")
    ).toBeTruthy();

    // `hidden: true`: Fluent keeps the opening dialog aria-hidden until its motion ends, which a loaded machine can
    // stretch past the wait; the browser tests check the dialog's accessibility once it is open.
    await pane.user.click(
      await within(dialog).findByRole("button", { name: "Overwrite", hidden: true })
    );
    await screen.findByText(
      "2 targets written, and the table audited again. Undo puts the cells back as they were."
    );
    expect(goalSheetWrites(pane.workbook)).toEqual(cells.map((cell) => `Goals!${cell}`));
    expect([
      pane.workbook.value("Goals", 5, target),
      pane.workbook.value("Goals", 6, target),
    ]).toEqual([500, 500]);
    // The audit ran again: the parent no longer falls short of its children.
    expect(pane.workbook.calls.get("applyAudit")).toBe(2);

    // Undo puts back what the cells held, and audits again.
    pane.workbook.selectionReported = true;
    await pane.user.click(await screen.findByRole("button", { name: "Undo" }));
    await screen.findAllByText(
      "Undone: 2 cells are back as they were, and the table audited again."
    );
    // The goal stays the one allocated (Undo selected the cells it put back, no goal the user picked), and the
    // focus stays in the tab.
    expect(screen.getByTestId("selected-goal").textContent).toMatch(/^Goal C1 \(row 4\)/);
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect([
      pane.workbook.value("Goals", 5, target),
      pane.workbook.value("Goals", 6, target),
    ]).toEqual(before);
    expect(pane.workbook.calls.get("applyAudit")).toBe(3);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("asks before undoing a write whose cells were edited since, and keeps the edit when told", async () => {
    const pane = await renderPane();
    const target = columnOf("Target");
    const old = pane.workbook.value("Goals", 5, target);
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Write targets" }));
    const dialog = await screen.findByRole("alertdialog");
    await pane.user.click(
      await within(dialog).findByRole("button", { name: "Overwrite", hidden: true })
    );
    await screen.findByText(/2 targets written/);
    pane.workbook.edit("Goals", cellAddress(target, 5), 450);
    await pane.user.click(await screen.findByRole("button", { name: "Undo" }));
    await screen.findByText(
      `${cellAddress(target, 5)} changed after the add-in wrote it. Undo anyway, and lose that change?`
    );
    await pane.user.click(screen.getByRole("button", { name: "Keep" }));
    expect(pane.workbook.value("Goals", 5, target)).toBe(450);
    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    await pane.user.click(await screen.findByRole("button", { name: "Undo anyway" }));
    await screen.findAllByText(/Undone: 2 cells are back/);
    expect(pane.workbook.value("Goals", 5, target)).toBe(old);
  });

  it("writes nothing when the overwrite is cancelled", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Write targets" }));
    const dialog = await screen.findByRole("alertdialog");
    await pane.user.click(
      await within(dialog).findByRole("button", { name: "Cancel", hidden: true })
    );
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(goalSheetWrites(pane.workbook)).toEqual([]);
  });

  it("says so when the selected cell is not on a goal's row", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Tools");
    pane.workbook.active = { sheet: "Goals", row: 1, column: 0 };
    await pane.user.click(screen.getByRole("button", { name: "Use selected goal" }));
    expect(await screen.findByText(/The selected cell is not on a goal's row/)).toBeTruthy();
  });
});

describe("spreading a goal in time", () => {
  it("refuses a profile with the wrong number of weights", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.type(screen.getByRole("textbox", { name: /Seasonality profile/ }), "1, 2");
    expect(screen.getByText("Give exactly 4 weights.")).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: /^Add \d+ rows$/ }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  it("previews quarters by a seasonality profile and adds them as rows", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.type(
      screen.getByRole("textbox", { name: /Seasonality profile/ }),
      "1, 2, 3, 4"
    );
    const preview = screen.getByRole("table", { name: "Rows to add" });
    const rows = within(preview)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent)
      );
    expect(rows).toEqual([
      ["C1-Q1", "2026-Q1", "100"],
      ["C1-Q2", "2026-Q2", "200"],
      ["C1-Q3", "2026-Q3", "300"],
      ["C1-Q4", "2026-Q4", "400"],
      ["Σ", "", "1,000"],
    ]);
    await pane.user.click(screen.getByRole("button", { name: "Add 4 rows" }));
    await screen.findByText(
      "4 rows inserted under C1, Goals!A5:K8 (selected), and the table audited again. Undo removes them."
    );
    expect(pane.workbook.selected).toBe("Goals!A5:K8");
    // Under their goal, the goals that were there moved down.
    expect([4, 5, 6, 7, 8, 9].map((row) => pane.workbook.value("Goals", row, 0))).toEqual([
      "C1",
      "C1-Q1",
      "C1-Q2",
      "C1-Q3",
      "C1-Q4",
      goalSheet()[4]?.[0],
    ]);
    await pane.user.click(screen.getByRole("tab", { name: "Audit" }));
    expect(screen.getByText("11 goals read from Goals!A3:K14")).toBeTruthy();
    // The write can still be undone once another tab was shown.
    await openTab(pane, "Tools");
    await pane.user.click(
      within(screen.getByTestId("done-write")).getByRole("button", { name: "Undo" })
    );
    await waitFor(() =>
      expect([4, 5].map((row) => pane.workbook.value("Goals", row, 0))).toEqual([
        "C1",
        goalSheet()[4]?.[0],
      ])
    );
  });

  it("points to Excel's Ctrl+Z, and offers no Undo of its own, where Excel's undo takes the write back", async () => {
    const workbook = goalWorkbook();
    workbook.hostUndo = true;
    const pane = await renderPane(workbook);
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Add 4 rows" }));
    const bar = await screen.findByTestId("done-write");
    await waitFor(() =>
      expect(bar.textContent).toBe(
        "4 rows inserted under C1, Goals!A5:K8 (selected), and the table audited again. " +
          "To undo it, press Ctrl+Z in Excel (⌘+Z on a Mac): it is one step."
      )
    );
    expect(within(bar).queryByRole("button", { name: "Undo" })).toBeNull();
    expect(within(bar).getByRole("button", { name: "Dismiss" })).toBeTruthy();
  });

  it("adds the rows at the end of the table where the host cannot insert rows, and says so", async () => {
    const book = new MemoryWorkbook({ Goals: goalSheet() }, { sheet: "Goals", row: 4, column: 0 });
    book.canInsert = false;
    const pane = await renderPane(book);
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Add 4 rows" }));
    await screen.findByText(
      "4 rows added at the end of the table, Goals!A11:K14 (selected), and the table audited again. Undo removes them."
    );
    expect(pane.workbook.selected).toBe("Goals!A11:K14");
  });

  it("undoes a spread: the rows it added are removed and the table audited again", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Add 4 rows" }));
    await screen.findByText(/4 rows inserted under C1, Goals!A5:K8/);
    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    await screen.findAllByText(
      "Undone: the 4 rows added at Goals!A5:K8 were removed, and the table audited again."
    );
    expect(pane.workbook.sheet("Goals").cells).toEqual(goalSheet());
    await pane.user.click(screen.getByRole("tab", { name: "Audit" }));
    expect(screen.getByText("7 goals read from Goals!A3:K10")).toBeTruthy();
  });

  it("says a goal it has spread is spread, with no error and nothing more to add", async () => {
    const pane = await renderPane();
    await pickGoal(pane, 4);
    await pane.user.click(screen.getByRole("button", { name: "Add 4 rows" }));
    await screen.findByText(/4 rows inserted/);
    expect(
      await screen.findByText(
        "This goal is already spread: rows C1-Q1 … C1-Q4 exist. To spread it again, delete those rows first."
      )
    ).toBeTruthy();
    expect(screen.queryByText(/appears more than once/)).toBeNull();
    expect(
      (screen.getByRole("button", { name: /^Add \d+ rows$/ }) as HTMLButtonElement).disabled
    ).toBe(true);
    // Months are another spread: those it can still add.
    await pane.user.click(screen.getByRole("radio", { name: "Months (12)" }));
    expect(screen.queryByText(/already spread/)).toBeNull();
  });

  it("shows the domain's reason when a period's id is taken by another row", async () => {
    const cells = goalSheet();
    const taken = [...(cells[cells.length - 1] as CellValue[])];
    taken[columnOf("ID")] = "C1-Q2";
    taken[columnOf("Parent")] = "";
    cells.push(taken);
    const pane = await renderPane(
      new MemoryWorkbook({ Goals: cells }, { sheet: "Goals", row: 4, column: 0 })
    );
    await pickGoal(pane, 4);
    expect(
      await screen.findByText("The id “C1-Q2” appears more than once; ids must be unique.")
    ).toBeTruthy();
  });
});

describe("improvement plans", () => {
  it("adds a row per goal that falls behind, then none, then the at-risk ones when asked", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Tools");
    const start = screen.getByRole("button", { name: "Start improvement plans" });
    await pane.user.click(start);
    expect(
      await screen.findByText(
        "The sheet “Improvement plan” was added with 2 rows (selected). Undo deletes that sheet."
      )
    ).toBeTruthy();
    expect(pane.workbook.sheet("Improvement plan").cells.map((row) => row[0])).toEqual([
      "Goal ID",
      "C1",
      "P1",
    ]);
    const last = columnLetters(IMPROVEMENT_HEADERS.en.length - 1);
    expect(pane.workbook.selected).toBe(`Improvement plan!A1:${last}3`);

    await pane.user.click(start);
    expect(
      await screen.findByText(
        "No rows added: every off-track goal already has a row on the sheet “Improvement plan”."
      )
    ).toBeTruthy();

    await pane.user.click(screen.getByRole("checkbox", { name: "Include at-risk goals" }));
    await pane.user.click(start);
    expect(
      await screen.findByText(
        `1 row added to the sheet “Improvement plan” at Improvement plan!A4:${last}4 (selected). Undo removes it.`
      )
    ).toBeTruthy();
    expect(pane.workbook.selected).toBe(`Improvement plan!A4:${last}4`);

    // Undo empties that row only: the plans written before stay.
    pane.workbook.sheet("Improvement plan").cells[1]![8] = "Two agents on leave";
    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    await screen.findAllByText(
      `Undone: the 1 row added at Improvement plan!A4:${last}4 was removed.`
    );
    const rows = pane.workbook.sheet("Improvement plan").cells;
    expect(rows.map((row) => row[0] ?? null)).toEqual(["Goal ID", "C1", "P1", null]);
    expect(rows[1]![8]).toBe("Two agents on leave");
  });

  it("undoes the first plans by deleting the sheet they started", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Tools");
    await pane.user.click(screen.getByRole("button", { name: "Start improvement plans" }));
    await screen.findByText(/Undo deletes that sheet/);
    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    await screen.findAllByText(
      "Undone: the sheet “Improvement plan” the add-in added was deleted."
    );
    expect(pane.workbook.sheets.has("Improvement plan")).toBe(false);
  });

  it("asks for an audit first", async () => {
    const pane = await renderPane();
    await openTab(pane, "Tools");
    expect(screen.getByText(/Audit the goal table first/)).toBeTruthy();
    await pane.user.click(screen.getByRole("button", { name: "Go to Audit" }));
    expect(screen.getByRole("tab", { name: "Audit" }).getAttribute("aria-selected")).toBe("true");
  });
});
