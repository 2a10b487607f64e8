/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import {
  AuditCommandOutcome,
  auditGoals,
  lastAuditCommandOutcome,
  onAuditCommand,
} from "../../src/commands/commands";
import { RibbonAudits } from "../../src/taskpane/App/App.types";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { goalWorkbook, polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

/** The ribbon's "Audit goals" over a workbook, as Excel would click it. */
async function clickRibbon(workbook: MemoryWorkbook): Promise<AuditCommandOutcome> {
  let completed = false;
  const outcome = await auditGoals(
    { completed: () => (completed = true) },
    {
      workbook,
      showTaskpane: async () => undefined,
      notify: async () => undefined,
      language: () => "en",
    }
  );
  expect(completed).toBe(true);
  return outcome;
}

const ribbon: RibbonAudits = { last: lastAuditCommandOutcome, subscribe: onAuditCommand };

describe("the pane and the ribbon's Audit goals", () => {
  it("shows the findings of an audit run from the ribbon before the pane opened", async () => {
    const workbook = goalWorkbook();
    expect((await clickRibbon(workbook)).status).toBe("audited");
    workbook.calls.clear();
    await renderPane(workbook, "en", ribbon);
    expect(await screen.findByText(/goals read from Goals!/)).toBeTruthy();
  });

  it("follows later clicks, and asks which table when the ribbon could not choose", async () => {
    const workbook = goalWorkbook();
    await renderPane(workbook, "en", ribbon);
    // Two tables, neither complete (no Target column yet): which one was meant is for the user to say.
    const several = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Owner"],
        ["G1", "Resolve every ticket", "Li"],
        [],
        ["ID", "Goal", "Owner"],
        ["H1", "Answer calls", "Wang"],
      ],
    });
    several
      .sheet("Goals")
      .tables.push({ name: "First", address: "A1:C2" }, { name: "Second", address: "A4:C5" });
    await act(async () => {
      expect((await clickRibbon(several)).status).toBe("chooseTable");
    });
    expect(await screen.findByText("Which goal table?")).toBeTruthy();
  });

  it("explains a sheet without a goal table", async () => {
    await renderPane(goalWorkbook(), "en", ribbon);
    await act(async () => {
      await clickRibbon(new MemoryWorkbook({ Notes: [["Hello"]] }));
    });
    expect(await screen.findByText(/No goal table on the active sheet/)).toBeTruthy();
  });
});
