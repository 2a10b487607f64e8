/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { CellValue } from "../../src/domain";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { auditPane, goalSheet, goalWorkbook, polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

/** The accordion header of a finding code's group. */
function group(title: string): HTMLElement {
  return screen.getByRole("button", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")} `) });
}

function queryGroup(title: string): HTMLElement | null {
  return screen.queryByRole("button", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")} `) });
}

describe("the one-click audit", () => {
  it("lists the findings grouped by code with their counts and a summary", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    expect(screen.getByText("7 goals read from Goals!A3:K10")).toBeTruthy();
    expect(screen.getByText("Fatal 0 · Error 4 · Warning 2 · Note 0")).toBeTruthy();
    expect(group("Off track").textContent).toContain("2");
    expect(group("Orphan goal (cascade gap)").textContent).toContain("1");
    expect(group("Children fall short (cascade gap)").textContent).toContain("1");
    expect(group("Not specific (S)").textContent).toContain("1");
    expect(group("At risk").textContent).toContain("1");
    expect(screen.getByText("Findings are listed on the sheet “Audit”.")).toBeTruthy();
    // What blocks first: every error group above every warning group.
    const severities = Array.from(document.querySelectorAll("[data-code]"), (header) =>
      header.textContent?.includes("Error") ? "error" : "warning"
    );
    expect(severities).toEqual([...severities].sort());
  });

  it("says what it will check before the first audit, and gives way to the findings after", async () => {
    const pane = await renderPane();
    const intro = screen.getByRole("region", { name: "What Audit goals checks" });
    expect(intro.textContent).toContain("cascade gaps (目标断层)");
    expect(intro.textContent).toContain("duplicated targets (目标重复)");
    expect(intro.textContent).toContain("your values and formats are never changed");
    await auditPane(pane);
    expect(screen.queryByRole("region", { name: "What Audit goals checks" })).toBeNull();
  });

  it("judges actuals on today's date when no as-of date is chosen, and says so", async () => {
    // Year end: C1 (700 of 1,000) and P1 (400 of 600) are off track.
    const yearEnd = await renderPane();
    await auditPane(yearEnd);
    expect(screen.getByTestId("audit-judged").textContent).toMatch(/ the pace to 2027-01-15:/);
    expect(group("Off track").textContent).toContain("2");
    yearEnd.unmount();
    // On June 30 both are ahead of the pace to date (about 496 and 298): nothing is off track yet.
    const midYear = await renderPane(goalWorkbook(), "en", undefined, new Date(2026, 5, 30));
    await auditPane(midYear);
    expect(screen.getByTestId("audit-judged").textContent).toBe(
      "Actuals judged against the pace to 2026-06-30: below it a goal is at risk, below 90% of it off track. Options set another date."
    );
    expect(queryGroup("Off track")).toBeNull();
  });

  it("hides the warnings when the warning filter is switched off", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    const toggle = screen.getByRole("button", { name: "Warning (2)" });
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    await pane.user.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(queryGroup("Not specific (S)")).toBeNull();
    expect(queryGroup("At risk")).toBeNull();
    expect(queryGroup("Orphan goal (cascade gap)")).not.toBeNull();
    await pane.user.click(toggle);
    expect(queryGroup("At risk")).not.toBeNull();
  });

  it("selects the cell of a finding when it is clicked", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await pane.user.click(group("Orphan goal (cascade gap)"));
    await pane.user.click(
      await screen.findByRole("button", {
        name: /^Row 7 · T3 Parent “X9” does not exist.*select the cell/,
      })
    );
    // The orphan finding points at the Parent column (B) of row 7.
    await waitFor(() => expect(pane.workbook.selected).toBe("Goals!B7"));
  });

  it("offers the next step of a cascade gap: Allocate the gap opens Tools on that goal", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await pane.user.click(group("Children fall short (cascade gap)"));
    await pane.user.click(await screen.findByRole("button", { name: "Allocate the gap of C1" }));
    expect(screen.getByRole("tab", { name: "Tools" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("selected-goal").textContent).toContain("Goal C1 (row 4)");
    expect(screen.getByTestId("allocation-total").textContent).toBe(
      "Σ proposed = 1,000 = parent target 1,000 ✓"
    );
  });

  it("shows the highlight legend in the exact colours of the rules in Excel", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    const item = screen.getByText(
      "Structure: orphan, duplicate id, loop, nobody executes, children fall short"
    );
    const swatch = item.parentElement?.querySelector("span[aria-hidden='true']") as HTMLElement;
    expect(swatch.style.backgroundColor).toBe("rgb(255, 199, 206)");
    expect(swatch.style.color).toBe("rgb(156, 0, 6)");
    expect(screen.getByText("Actual: on track")).toBeTruthy();
  });

  it("removes its rules and audit sheet on Clear audit, and says how many", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    const rules = pane.workbook.sheet("Goals").rules.length;
    expect(rules).toBeGreaterThan(0);
    await pane.user.click(screen.getByRole("button", { name: "Clear audit" }));
    await screen.findAllByText(
      `Audit cleared: ${rules} highlight rules and the audit sheet removed. Your own formats were left alone.`
    );
    expect(pane.workbook.sheet("Goals").rules).toEqual([]);
    expect([...pane.workbook.sheets.keys()]).toEqual(["Goals"]);
    // Nothing of the cleared audit stays on show: no findings, no summary naming the deleted sheet, no map.
    expect(queryGroup("Off track")).toBeNull();
    expect(screen.queryByText("Findings are listed on the sheet “Audit”.")).toBeNull();
    await pane.user.click(screen.getByRole("tab", { name: "Map" }));
    expect(await screen.findByText("Audit the goal table to see its cascade map.")).toBeTruthy();
  });

  it("shows its progress while it reads the table", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class SlowWorkbook extends MemoryWorkbook {
      override async readValues(sheet: string, address: string): Promise<CellValue[][]> {
        // The second read is the audit's own (the first finds the header).
        if ((this.calls.get("readValues") ?? 0) >= 1) await gate;
        return super.readValues(sheet, address);
      }
    }
    const pane = await renderPane(new SlowWorkbook({ Goals: goalSheet() }));
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    expect(await screen.findByText("Reading the goal table…")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Audit progress" })).toBeTruthy();
    const button = screen.getByRole("button", { name: "Audit goals" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    // A second click while it runs does nothing.
    await pane.user.click(button);
    release();
    await screen.findByText(/goals? read from/);
    expect(screen.queryByRole("progressbar")).toBeNull();
    // The keyboard's focus is where it was: on the button, not fallen to the page.
    expect(document.activeElement).toBe(button);
    expect(pane.workbook.calls.get("applyAudit")).toBe(1);
  });
});
