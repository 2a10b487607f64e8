/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import { CascadeMap } from "../../src/taskpane/CascadeMap/CascadeMap";
import { WorkbookProvider } from "../../src/taskpane/context";
import { auditGoalTable, AuditRun } from "../../src/workbook/operations";
import { child, goal, GoalRow, rate, table } from "../domain/builders";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { auditPane, openTab, polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

/** The map alone over an audit run. */
function renderMap(workbook: MemoryWorkbook, run: AuditRun): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookProvider workbook={workbook}>
        <CascadeMap run={run} onGoToAudit={() => undefined} />
      </WorkbookProvider>
    </FluentProvider>
  );
}

/** The ids of the lines the map shows, in order. */
function shownIds(): string[] {
  return screen.getAllByRole("treeitem").map((item) => item.getAttribute("data-goal-id") ?? "");
}

function line(id: string): HTMLElement {
  const found = screen
    .getAllByRole("treeitem")
    .find((item) => item.getAttribute("data-goal-id") === id);
  if (!found) throw new Error(`no line for ${id}`);
  return found;
}

describe("the cascade map", () => {
  it("lists the active goal's findings under the tree, and follows the keyboard", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    const details = () => screen.getByRole("region", { name: /\(row \d+\):/ });
    expect(within(details()).getByText("C1 (row 4): 2 findings")).toBeTruthy();
    expect(
      within(details())
        .getAllByRole("listitem")
        .map((item) => item.textContent)
    ).toEqual([
      expect.stringMatching(/^Children fall short \(cascade gap\) The children's targets/),
      expect.stringMatching(/^Off track /),
    ]);
    act(() => line("C1").focus());
    await pane.user.keyboard("{ArrowDown}");
    await waitFor(() => expect(within(details()).getByText("T1 (row 5): 0 findings")).toBeTruthy());
    expect(within(details()).getByText("No findings: this goal passes every check.")).toBeTruthy();
  });

  it("writes a rate's roll-up to one decimal, and the actual before the target", async () => {
    const workbook = new MemoryWorkbook({
      Goals: table([
        rate({ id: "C1", target: "90%", actual: "91%" }),
        rate({ id: "T1", parent: "C1", goal: "North keeps CSAT high", target: "92%" }),
        rate({ id: "T2", parent: "C1", goal: "South keeps CSAT high", target: "88.5%" }),
        rate({ id: "T3", parent: "C1", goal: "East keeps CSAT high", target: "95%" }),
      ]),
    });
    const run = await auditGoalTable(
      workbook,
      { sheet: "Goals", address: "A1:K5", tableName: null },
      DEFAULT_AUDIT_OPTIONS,
      "en"
    );
    renderMap(workbook, run);
    const company = line("C1");
    // (92 + 88.5 + 95) / 3 = 91.8333…%
    expect(within(company).getByText(/ · Children: target 91\.8% · actual —$/)).toBeTruthy();
    expect(within(company).getByText("actual 91% · target 90%")).toBeTruthy();
  });

  it("draws the cascade from the company goal down, with orphans as roots", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    expect(shownIds()).toEqual(["C1", "T1", "T2", "T3", "P3"]);
    const company = line("C1");
    expect(company.getAttribute("aria-level")).toBe("1");
    expect(company.getAttribute("aria-expanded")).toBe("true");
    expect(line("T1").getAttribute("aria-level")).toBe("2");
    expect(line("T1").getAttribute("aria-expanded")).toBe("false");
    // A chevron on the branches only; P3, an orphan's child, sits at the second level as a leaf.
    expect(shownIds().filter((id) => within(line(id)).queryByTestId("map-toggle"))).toEqual([
      "C1",
      "T1",
      "T2",
      "T3",
    ]);
    expect([
      line("P3").getAttribute("aria-level"),
      line("P3").getAttribute("aria-expanded"),
    ]).toEqual(["2", null]);
    // The numbers come first, on a line of their own: at 350 px the owner gives way, not the target.
    expect(within(company).getByText("actual 700 · target 1,000")).toBeTruthy();
    expect(within(company).getByText("Zhang · Children: target 900 · actual 910")).toBeTruthy();
    // The active goal's values in full under the tree.
    expect(
      screen.getByText("Zhang · actual 700 · target 1,000 · attainment 70% · Off track")
    ).toBeTruthy();
    expect(within(company).getByLabelText("2 findings, worst: Error").textContent).toBe("2");
    const meter = within(company).getByRole("meter", { name: "Attainment" });
    expect(meter.getAttribute("aria-valuenow")).toBe("70");
    // Off track: the fill of the status highlight in Excel.
    expect((meter.firstElementChild as HTMLElement).style.backgroundColor).toBe(
      "rgb(255, 139, 139)"
    );
  });

  it("opens and closes branches, all at once or one by one", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    await pane.user.click(within(line("T1")).getByTestId("map-toggle"));
    expect(shownIds()).toEqual(["C1", "T1", "P1", "T2", "T3", "P3"]);
    await pane.user.click(screen.getByRole("button", { name: "Collapse all" }));
    expect(shownIds()).toEqual(["C1", "T3"]);
    await pane.user.click(screen.getByRole("button", { name: "Expand all" }));
    expect(shownIds()).toEqual(["C1", "T1", "P1", "T2", "P2", "T3", "P3"]);
  });

  it("keeps its open branches while another tab is shown", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    await pane.user.click(within(line("T1")).getByTestId("map-toggle"));
    await openTab(pane, "Tools");
    await openTab(pane, "Map");
    expect(shownIds()).toEqual(["C1", "T1", "P1", "T2", "T3", "P3"]);
  });

  it("selects a goal's id cell when its line is clicked", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    await pane.user.click(line("T2"));
    await waitFor(() => expect(pane.workbook.selected).toBe("Goals!A6"));
    expect(line("T2").getAttribute("aria-selected")).toBe("true");
  });

  it("moves with the arrow keys, opens and closes with right and left, selects with Enter", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    // Fluent's tree: one line in the tab order (a roving tabindex), the arrows move the focus among the lines.
    const tree = screen.getByRole("tree", { name: "Cascade map" });
    expect(
      within(tree)
        .getAllByRole("treeitem")
        .filter((item) => item.tabIndex === 0)
    ).toEqual([line("C1")]);
    await pane.user.click(screen.getByRole("button", { name: "Collapse all" }));
    act(() => line("C1").focus());
    await pane.user.keyboard("{ArrowRight}");
    expect(line("C1").getAttribute("aria-expanded")).toBe("true");
    await pane.user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(line("T1"));
    await pane.user.keyboard("{ArrowRight}");
    expect(line("T1").getAttribute("aria-expanded")).toBe("true");
    expect(shownIds()).toContain("P1");
    await pane.user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(line("P1"));
    await pane.user.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(line("T1"));
    await pane.user.keyboard("{ArrowLeft}");
    expect(shownIds()).not.toContain("P1");
    expect(document.activeElement).toBe(line("T1"));
    await pane.user.keyboard("{ArrowUp}{Enter}");
    await waitFor(() => expect(pane.workbook.selected).toBe("Goals!A4"));
  });
});

describe("a map of 50,000 goals", () => {
  /** A company goal, 100 teams and 499 people under each: 50,001 goals. */
  function bigCascade(): MemoryWorkbook {
    const rows: GoalRow[] = [goal({ id: "C", level: "Company", target: 499_000, owner: "Boss" })];
    for (let team = 1; team <= 100; team++) {
      rows.push(
        child("C", { id: `T${team}`, level: "Team", target: 4_990, owner: `Lead ${team}` })
      );
      for (let person = 1; person <= 499; person++)
        rows.push(
          child(`T${team}`, {
            id: `P${team}-${person}`,
            level: "Individual",
            target: 10,
            owner: `P${team}-${person}`,
          })
        );
    }
    return new MemoryWorkbook({ Goals: table(rows) });
  }

  it("renders only a window of lines, expanded or not, and scrolls to the last one from the keyboard", async () => {
    const workbook = bigCascade();
    const run = await auditGoalTable(
      workbook,
      { sheet: "Goals", address: `A1:J${50_002}`, tableName: null },
      DEFAULT_AUDIT_OPTIONS,
      "en"
    );
    expect(run.result.goals).toHaveLength(50_001);
    const user = userEvent.setup({ delay: null });
    renderMap(workbook, run);
    expect(screen.getByText(/^50,001 goals\./)).toBeTruthy();
    expect(screen.getAllByRole("treeitem").length).toBeLessThan(30);

    await user.click(screen.getByRole("button", { name: "Expand all" }));
    const shown = screen.getAllByRole("treeitem");
    expect(shown.length).toBeLessThan(30);
    expect(shown[0]?.getAttribute("data-goal-id")).toBe("C");

    const tree = screen.getByRole("tree");
    act(() => shown[0]?.focus());
    await user.keyboard("{End}");
    // The last line was not drawn: the list scrolls to it, then Fluent moves the focus there.
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).getAttribute("data-goal-id")).toBe("P100-499")
    );
    expect(screen.getAllByRole("treeitem").length).toBeLessThan(30);

    // Scrolling the list by hand shows another window, still small. jsdom lays nothing out, so the scroller's
    // geometry is given.
    const scroller = tree.firstElementChild as HTMLElement;
    const geometry = { scrollTop: 68 * 25_000, scrollHeight: 68 * 50_001, clientHeight: 568 };
    for (const [name, value] of Object.entries(geometry))
      Object.defineProperty(scroller, name, { configurable: true, value });
    act(() => {
      fireEvent.scroll(scroller);
    });
    const middle = screen.getAllByRole("treeitem");
    expect(middle.length).toBeLessThan(30);
    expect(middle.some((item) => item.getAttribute("data-goal-id") === "C")).toBe(false);
    expect(middle.some((item) => item.getAttribute("data-goal-id") === "P100-499")).toBe(false);
  });
});
