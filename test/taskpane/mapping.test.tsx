/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { auditActiveSheet } from "../../src/commands/commands";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

/** A sheet whose headers the reader does not know: a banner, then Objective Title / Quota Amount / Person. */
function ownHeaders(): MemoryWorkbook {
  return new MemoryWorkbook(
    {
      Plan: [
        ["Quarterly plan"],
        ["Objective Title", "Quota Amount", "Person", "Finish"],
        ["Grow renewals with every account", 500, "Ana", "2026-12-31"],
        ["Lift CSAT in the north region", 90, "Ben", "2026-12-31"],
      ],
    },
    { sheet: "Plan", row: 3, column: 0 }
  );
}

describe("the column mapping (issue 11 §1)", () => {
  it("says what the sheet shows when it finds no goal table, and which column to map", async () => {
    const pane = await renderPane(ownHeaders());
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    const message = await screen.findByText(/sheet “Plan”, row 2/);
    expect(message.textContent).toContain("“Objective Title”, “Quota Amount”, “Person”, “Finish”");
    expect(message.textContent).toContain("map “Objective Title” to Goal");
    expect(message.textContent).toContain("map “Quota Amount” to Target");
  });

  it("maps the columns, previews the rows, saves the mapping and audits with it", async () => {
    const workbook = ownHeaders();
    const pane = await renderPane(workbook);
    await pane.user.click(screen.getByRole("button", { name: "Map columns" }));
    const step = await screen.findByRole("region", { name: "Map columns" });
    expect(within(step).getByText(/on Plan, header row 2/)).toBeTruthy();
    const save = within(step).getByRole("button", { name: "Save and audit" });
    expect(save.hasAttribute("disabled")).toBe(true);
    await pane.user.selectOptions(
      within(step).getByRole("combobox", { name: "Goal (required)" }),
      "A: Objective Title"
    );
    await pane.user.selectOptions(
      within(step).getByRole("combobox", { name: "Target (required)" }),
      "B: Quota Amount"
    );
    const preview = await within(step).findByRole("table", {
      name: "First rows as they will be read",
    });
    expect(within(preview).getByText("Grow renewals with every account")).toBeTruthy();
    expect(within(preview).getByText("500")).toBeTruthy();
    await pane.user.click(save);
    expect(await screen.findByText("2 goals read from Plan!A2:D4")).toBeTruthy();
    expect(workbook.settings.get("options")).toMatchObject({
      mapping: { goal: "Objective Title", target: "Quota Amount" },
    });
    // The ribbon's button reads the same mapping from the workbook.
    expect((await auditActiveSheet(workbook, "en", new Date(2027, 0, 15))).status).toBe("audited");
  });

  it("refuses one column for two fields", async () => {
    const pane = await renderPane(ownHeaders());
    await pane.user.click(screen.getByRole("button", { name: "Map columns" }));
    const step = await screen.findByRole("region", { name: "Map columns" });
    await pane.user.selectOptions(
      within(step).getByRole("combobox", { name: "Goal (required)" }),
      "A: Objective Title"
    );
    await pane.user.selectOptions(
      within(step).getByRole("combobox", { name: "Target (required)" }),
      "A: Objective Title"
    );
    expect(
      await within(step).findByText(
        "Column Objective Title is chosen for more than one field: choose it once."
      )
    ).toBeTruthy();
    expect(
      within(step).getByRole("button", { name: "Save and audit" }).hasAttribute("disabled")
    ).toBe(true);
  });
});
