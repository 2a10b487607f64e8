/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { STRINGS, StringId, text } from "../../src/taskpane/strings";
import {
  auditPane,
  goalWorkbook,
  openTab,
  polyfillBrowser,
  renderPane,
  RenderedPane,
} from "./helpers";
import { MemoryWorkbook } from "../support/MemoryWorkbook";

beforeAll(polyfillBrowser);

/** A field of the form: a number's spin button, or the as-of date's input (a combobox that opens a calendar). */
function field(name: RegExp): HTMLInputElement {
  return (screen.queryByRole("spinbutton", { name }) ??
    screen.getByRole("combobox", { name })) as HTMLInputElement;
}

/** Replaces a field's text as a user does who selects it and pastes (the field commits it when left). */
async function retype(pane: RenderedPane, name: RegExp, value: string): Promise<void> {
  await pane.user.clear(field(name));
  if (value) await pane.user.paste(value);
}

describe("options", () => {
  it("steps a percentage by 5 points from the keyboard, within its bounds, and reads a bare number as a percentage", async () => {
    const pane = await renderPane();
    await openTab(pane, "Options");
    const atRisk = field(/^At-risk threshold/);
    expect(atRisk.value).toBe("90%");
    await pane.user.click(atRisk);
    await pane.user.keyboard("{ArrowUp}");
    expect(field(/^At-risk threshold/).value).toBe("95%");
    await pane.user.keyboard("{ArrowUp}{ArrowUp}");
    expect(field(/^At-risk threshold/).value).toBe("100%");
    await retype(pane, /^Minimum goal length/, "6");
    await pane.user.click(field(/^Minimum goal length/));
    await pane.user.keyboard("{ArrowDown}");
    expect(field(/^Minimum goal length/).value).toBe("5");
    await retype(pane, /^Over-allocation stretch/, "25");
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    await screen.findAllByText(/Options saved with the workbook/);
    expect(pane.workbook.settings.get("options")).toMatchObject({
      atRisk: 1,
      overAllocation: 0.25,
      minGoalLength: 5,
    });
  });

  it("refuses invalid values with a message on each field, and saves nothing", async () => {
    const pane = await renderPane();
    await openTab(pane, "Options");
    await retype(pane, /^At-risk threshold/, "200%");
    await retype(pane, /^As-of date/, "someday");
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    expect(
      await screen.findByText("Enter a percentage from 0% to 100%, such as 90%.")
    ).toBeTruthy();
    // Text that is no date is not taken: the field says what was typed and keeps its date (none here).
    expect(
      screen.getByText(
        "“someday” is not a date: enter one as YYYY-MM-DD or pick it from the calendar. The date shown stays."
      )
    ).toBeTruthy();
    expect(field(/^As-of date/).value).toBe("");
    expect(screen.getByText("Some options are not valid: see the fields marked.")).toBeTruthy();
    expect(field(/^At-risk threshold/).getAttribute("aria-invalid")).toBe("true");
    expect(pane.workbook.calls.get("saveSetting")).toBeUndefined();
  });

  it("says the results are out of date when the options change after an audit, until it audits again", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    const stale = /^The options changed after this audit/;
    expect(screen.queryByText(stale)).toBeNull();
    await openTab(pane, "Options");
    await retype(pane, /^At-risk threshold/, "60%");
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    await screen.findAllByText(/Options saved with the workbook/);
    expect(screen.queryByText(stale)).toBeNull();
    await openTab(pane, "Map");
    expect(screen.getByText(stale)).toBeTruthy();
    await openTab(pane, "Audit");
    await pane.user.click(screen.getByRole("button", { name: "Audit again" }));
    await waitFor(() => expect(screen.queryByText(stale)).toBeNull());
    // At 0.6, C1 (70 %) and P1 (67 %) are at risk rather than off track.
    expect(screen.getByRole("button", { name: /^At risk / }).textContent).toContain("3");
  });

  it("saves valid options with the document, and the next audit uses them", async () => {
    const pane = await renderPane();
    await openTab(pane, "Options");
    await retype(pane, /^At-risk threshold/, "60%");
    await retype(pane, /^Minimum goal length/, "3");
    await retype(pane, /^As-of date/, "2026-12-31");
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    await screen.findAllByText(/Options saved with the workbook/);
    expect(pane.workbook.settings.get("options")).toEqual({
      atRisk: 0.6,
      overAllocation: 0.2,
      stretch: 0.5,
      minGoalLength: 3,
      asOf: "2026-12-31",
      fiscalYearStart: 1,
      dateOrder: "auto",
      mapping: {},
      language: "auto",
      liveAudit: true,
    });
    await openTab(pane, "Audit");
    await auditPane(pane);
    // At 0.6, C1 (70 %) and P1 (67 %) are at risk rather than off track.
    expect(screen.queryByRole("button", { name: /^Off track / })).toBeNull();
    expect(screen.getByRole("button", { name: /^At risk / }).textContent).toContain("3");
  });

  it("reads dates and fiscal periods as chosen, saved with the document", async () => {
    const workbook = new MemoryWorkbook(
      {
        Goals: [
          ["ID", "Goal", "Owner", "Target", "Period", "Deadline"],
          ["G1", "Resolve every ticket within a day", "Li", 100, "FY26", "03/04/2026"],
        ],
      },
      { sheet: "Goals", row: 2, column: 0 }
    );
    const pane = await renderPane(workbook);
    await auditPane(pane);
    const auditText = () =>
      [...pane.workbook.sheets.values()]
        .filter((sheet) => sheet.name !== "Goals")
        .flatMap((sheet) => sheet.cells.flat())
        .join("\n");
    expect(auditText()).toContain("DATE_ORDER_ASSUMED");
    await openTab(pane, "Options");
    await pane.user.selectOptions(
      screen.getByRole("combobox", { name: /^Fiscal year starts in/ }),
      "July"
    );
    await pane.user.selectOptions(
      screen.getByRole("combobox", { name: /^Dates like 03\/04\/2026/ }),
      "Day first (DD/MM/YYYY)"
    );
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    await screen.findAllByText(/Options saved with the workbook/);
    expect(pane.workbook.settings.get("options")).toMatchObject({
      fiscalYearStart: 7,
      dateOrder: "dmy",
    });
    await openTab(pane, "Audit");
    await auditPane(pane);
    expect(auditText()).not.toContain("DATE_ORDER_ASSUMED");
  });

  it("loads the options saved in the document at start", async () => {
    const workbook = goalWorkbook();
    workbook.settings.set("options", {
      atRisk: 0.5,
      overAllocation: 0.3,
      stretch: 0.5,
      minGoalLength: 4,
      asOf: null,
      language: "auto",
    });
    const pane = await renderPane(workbook);
    await openTab(pane, "Options");
    await waitFor(() => expect(field(/^At-risk threshold/).value).toBe("50%"));
    expect(field(/^Over-allocation stretch/).value).toBe("30%");
  });

  it("falls back to the defaults, and says so, when the saved options are not valid", async () => {
    const workbook = goalWorkbook();
    workbook.settings.set("options", { atRisk: "high", language: "fr" });
    const pane = await renderPane(workbook);
    expect(
      await screen.findByText(/The options saved in this workbook are not valid/)
    ).toBeTruthy();
    await openTab(pane, "Options");
    expect(field(/^At-risk threshold/).value).toBe("90%");
  });
});

describe("language", () => {
  it("switches the whole pane to Chinese when chosen, and keeps it with the document", async () => {
    const pane = await renderPane();
    await openTab(pane, "Options");
    await pane.user.click(screen.getByRole("radio", { name: "Chinese (中文)" }));
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    expect(await screen.findByRole("tab", { name: "审核" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "目标树" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "保存选项" })).toBeTruthy();
    expect(screen.getAllByText("选项已随工作簿保存，将在下次审核时生效。").length).toBeGreaterThan(
      0
    );
    expect(document.documentElement.lang).toBe("zh-CN");
    expect((pane.workbook.settings.get("options") as { language: string }).language).toBe("zh");

    await openTab(pane, "审核");
    await pane.user.click(screen.getByRole("button", { name: "审核目标" }));
    expect(await screen.findByText("从 Goals!A3:K10 读取了 7 个目标")).toBeTruthy();
    expect(screen.getByRole("button", { name: /^无上级目标（目标断层） / })).toBeTruthy();
    expect(screen.getByText("突出显示颜色")).toBeTruthy();
  });

  it("follows Office's display language when left on automatic", async () => {
    await renderPane(goalWorkbook(), "zh");
    expect(screen.getByRole("button", { name: "审核目标" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "函数" })).toBeTruthy();
  });

  it("has every string of the pane in English and Chinese", () => {
    const ids = Object.keys(STRINGS) as StringId[];
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      expect([id, STRINGS[id].en.trim().length > 0]).toEqual([id, true]);
      expect([id, STRINGS[id].zh.trim().length > 0]).toEqual([id, true]);
    }
  });

  it("says one row, two rows: English plurals by the number, Chinese without", () => {
    expect([1, 2, 0].map((count) => text("en", "split.add", { count }))).toEqual([
      "Add 1 row",
      "Add 2 rows",
      "Add 0 rows",
    ]);
    expect(text("zh", "split.add", { count: 1 })).toBe("添加 1 行");
    // No string leaves a plural form unfilled, and Chinese writes none.
    for (const id of Object.keys(STRINGS) as StringId[]) {
      expect([id, /\{\w+\|/.test(text("en", id, { count: 1, texts: 2, goals: 1 }))]).toEqual([
        id,
        false,
      ]);
      expect([id, STRINGS[id].zh.includes("|")]).toEqual([id, false]);
    }
  });

  it("shows the function reference in the pane's language", async () => {
    const pane = await renderPane(goalWorkbook(), "zh");
    await openTab(pane, "函数");
    expect(await screen.findByText("GOAL 函数")).toBeTruthy();
  });
});
