/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { auditPane, openTab, polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

function queryGroup(title: string): HTMLElement | null {
  return screen.queryByRole("button", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")} `) });
}

/** The ids of the lines the map shows, in order. */
function shownIds(): string[] {
  return screen.getAllByRole("treeitem").map((item) => item.getAttribute("data-goal-id") ?? "");
}

describe("search and filter in the Audit and Map tabs (issue 12, feedback)", () => {
  it("narrows the findings and the map to an owner's goals, in both tabs, and clears", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    expect(queryGroup("Orphan goal (cascade gap)")).not.toBeNull();
    await pane.user.type(screen.getByRole("searchbox", { name: "Find goals" }), "Wang");
    // Wang owns T2 ("improve": not specific) and P2; the orphan T3 is Chen's.
    await waitFor(() => expect(queryGroup("Orphan goal (cascade gap)")).toBeNull());
    expect(queryGroup("Not specific (S)")).not.toBeNull();
    expect(screen.getByTestId("filter-summary").textContent).toBe("1 of 6 findings shown");

    // The map shows the same goals, with the goals above them.
    await openTab(pane, "Map");
    await waitFor(() => expect(shownIds()).toEqual(["C1", "T2", "P2"]));
    expect(screen.getByTestId("filter-summary").textContent).toBe(
      "2 of 7 goals shown, with the goals above them"
    );
    await pane.user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(shownIds()).toContain("T3"));
  });

  it("filters by team and by status from the lists, and says when nothing is left", async () => {
    const pane = await renderPane();
    await auditPane(pane);
    await openTab(pane, "Map");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Team" }), "T1");
    await waitFor(() => expect(shownIds()).toEqual(["C1", "T1", "P1"]));
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "onTrack");
    await waitFor(() => expect(shownIds()).toEqual(["C1", "T1"]));
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Chen");
    expect(
      await screen.findByText("No goal matches the filter. Clear filters to see them all.")
    ).toBeTruthy();
  });
});
