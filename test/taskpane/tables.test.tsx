/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { AuditWrite, WorkbookError } from "../../src/workbook/GoalWorkbook";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { goalSheet, polyfillBrowser, renderPane } from "./helpers";

beforeAll(polyfillBrowser);

describe("finding the table to audit", () => {
  it("asks which table when the sheet holds several, and audits the one chosen", async () => {
    const workbook = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Target"],
        ["G1", "Resolve every ticket", 10],
        [],
        ["ID", "Goal", "Target"],
        ["H1", "Answer calls", 5],
        ["H2", "Answer mails", 6],
      ],
    });
    workbook
      .sheet("Goals")
      .tables.push({ name: "First", address: "A1:C2" }, { name: "Second", address: "A4:C6" });
    const pane = await renderPane(workbook);
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    expect(await screen.findByText("Which goal table?")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Table First (Goals!A1:C2)" })).toBeTruthy();
    await pane.user.click(screen.getByRole("radio", { name: "Table Second (Goals!A4:C6)" }));
    await pane.user.click(screen.getByRole("button", { name: "Audit this table" }));
    expect(await screen.findByText("2 goals read from Goals!A4:C6")).toBeTruthy();
    expect(screen.queryByText("Which goal table?")).toBeNull();
  });

  it("says which headers a goal table needs when the sheet has none", async () => {
    const pane = await renderPane(new MemoryWorkbook({ Notes: [["Hello"], ["world"]] }));
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    const message = await screen.findByText(/No goal table on the active sheet/);
    expect(message.textContent).toContain(
      "Goal (or 目标描述) and Target (or 目标值); an ID column (目标编号) is optional"
    );
  });

  it("stops on a missing required column and names it", async () => {
    const pane = await renderPane(
      new MemoryWorkbook({
        Goals: [
          ["ID", "Goal", "Owner"],
          ["G1", "Resolve tickets", "Li"],
        ],
      })
    );
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    expect(await screen.findByText("The audit stopped")).toBeTruthy();
    expect(screen.getByText(/The goal table has no “Target” column/)).toBeTruthy();
  });
});

describe("errors from the workbook", () => {
  class ProtectedWorkbook extends MemoryWorkbook {
    override async applyAudit(_audit: AuditWrite): Promise<void> {
      throw new WorkbookError("PROTECTED", "Sheet Goals is protected");
    }
  }

  it("become a message in the user's language, and the pane keeps working", async () => {
    const pane = await renderPane(new ProtectedWorkbook({ Goals: goalSheet() }));
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "The sheet or workbook is protected. Unprotect it, then try again."
    );
    expect(alert.textContent).toContain("Sheet Goals is protected");
    await pane.user.click(screen.getByRole("tab", { name: "Functions" }));
    expect(await screen.findByText("GOAL functions")).toBeTruthy();
  });

  it("are worded in Chinese for a Chinese user", async () => {
    const pane = await renderPane(new ProtectedWorkbook({ Goals: goalSheet() }), "zh");
    await pane.user.click(screen.getByRole("button", { name: "审核目标" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("工作表或工作簿受保护。请取消保护后重试。");
  });

  it("that are not WorkbookErrors still become a message", async () => {
    class BrokenWorkbook extends MemoryWorkbook {
      override async activeCell(): Promise<never> {
        throw new TypeError("host went away");
      }
    }
    const pane = await renderPane(new BrokenWorkbook({ Goals: goalSheet() }));
    await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Something went wrong while working with the workbook.");
    expect(alert.textContent).toContain("host went away");
  });
});
