/** @jest-environment jsdom */
import { act, screen, waitFor } from "@testing-library/react";
import { cellAddress } from "../../src/domain";
import { auditPane, columnOf, goalWorkbook, openTab, polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

/** The accordion header of a finding group, or null. */
function queryGroup(title: string): HTMLElement | null {
  return screen.queryByRole("button", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")} `) });
}

/** T3's parent cell: the fixture's T3 hangs from X9, which does not exist (an orphan). */
const T3_PARENT = cellAddress(columnOf("Parent"), 7);

describe("live audit (issue 12, feedback)", () => {
  it("audits again by itself after an edit, highlights included where they keep the user's undo", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    expect(queryGroup("Orphan goal (cascade gap)")).not.toBeNull();
    expect(pane.workbook.calls.get("applyAudit")).toBe(1);

    pane.workbook.edit("Goals", T3_PARENT, "C1");
    await waitFor(() => expect(queryGroup("Orphan goal (cascade gap)")).toBeNull());
    // The preview's highlights take no undo step: they follow the edit too, and nothing says they are old.
    expect(pane.workbook.calls.get("applyAudit")).toBe(2);
    expect(screen.queryByRole("button", { name: "Refresh highlights" })).toBeNull();
  });

  it("in Excel leaves the highlights alone, says they are out of date, and refreshes them on a click", async () => {
    const workbook = goalWorkbook();
    workbook.highlightsKeepUndo = false;
    const pane = await renderPane(workbook);
    await auditPane(pane);

    workbook.edit("Goals", T3_PARENT, "C1");
    await waitFor(() => expect(queryGroup("Orphan goal (cascade gap)")).toBeNull());
    expect(workbook.calls.get("applyAudit")).toBe(1);
    await screen.findByRole("button", { name: "Refresh highlights" });
    // The bar stays on the map, which follows the live audit as well.
    await openTab(pane, "Map");
    await pane.user.click(screen.getByRole("button", { name: "Refresh highlights" }));
    await waitFor(() => expect(workbook.calls.get("applyAudit")).toBe(2));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Refresh highlights" })).toBeNull()
    );
  });

  it("says nothing is out of date when an edit leaves the findings as they were", async () => {
    const workbook = goalWorkbook();
    workbook.highlightsKeepUndo = false;
    const pane = await renderPane(workbook);
    await auditPane(pane);
    const reads = workbook.calls.get("readValues") ?? 0;
    // The same text again: a change event, nothing new to highlight.
    workbook.edit("Goals", T3_PARENT, "X9");
    await waitFor(() => expect(workbook.calls.get("readValues")).toBeGreaterThan(reads));
    expect(queryGroup("Orphan goal (cascade gap)")).not.toBeNull();
    expect(screen.queryByRole("button", { name: "Refresh highlights" })).toBeNull();
  });

  it("runs one audit for a burst of edits", async () => {
    const workbook = goalWorkbook();
    const pane = await renderPane(workbook);
    await auditPane(pane);
    const audits = workbook.calls.get("applyAudit") ?? 0;
    for (const value of ["X1", "X2", "X3", "C1"]) workbook.edit("Goals", T3_PARENT, value);
    await waitFor(() => expect(queryGroup("Orphan goal (cascade gap)")).toBeNull());
    expect(workbook.calls.get("applyAudit")).toBe(audits + 1);
  });

  it("stays off when the setting is off, and stops watching when the audit is cleared", async () => {
    const workbook = goalWorkbook();
    workbook.settings.set("options", { liveAudit: false });
    const pane = await renderPane(workbook);
    await auditPane(pane);
    const reads = workbook.calls.get("readValues") ?? 0;
    workbook.edit("Goals", T3_PARENT, "C1");
    // Longer than the live audit's wait: nothing ran.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(workbook.calls.get("readValues")).toBe(reads);
    expect(queryGroup("Orphan goal (cascade gap)")).not.toBeNull();

    expect(workbook.watching).toBe(1);
    await pane.user.click(screen.getByRole("button", { name: "Clear audit" }));
    await waitFor(() => expect(workbook.watching).toBe(0));
  });

  it("the setting is in Options, on by default, and saved with the document", async () => {
    const pane = await renderPane();
    await openTab(pane, "Options");
    const toggle = screen.getByRole("switch", { name: "Audit again when the table changes" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await pane.user.click(toggle);
    await pane.user.click(screen.getByRole("button", { name: "Save options" }));
    await screen.findAllByText(/Options saved with the workbook/);
    expect(pane.workbook.settings.get("options")).toMatchObject({ liveAudit: false });
  });
});

describe("the tools follow the selection (issue 12, next steps)", () => {
  it("takes the goal selected in the sheet, and not a block of several rows", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Tools");
    act(() => pane.workbook.moveTo("Goals", "D4"));
    expect((await screen.findByTestId("selected-goal")).textContent).toContain("Goal C1 (row 4)");
    act(() => pane.workbook.moveTo("Goals", "B5"));
    await waitFor(() =>
      expect(screen.getByTestId("selected-goal").textContent).toContain("Goal T1 (row 5)")
    );
    // A block of rows names no one goal; a cell off the table leaves the pick too.
    act(() => pane.workbook.moveTo("Goals", "A6:K9"));
    act(() => pane.workbook.moveTo("Goals", "A1"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByTestId("selected-goal").textContent).toContain("Goal T1 (row 5)");
  });
});
