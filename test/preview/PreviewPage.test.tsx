/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's builds of the packages: ExcelJS (behind the workbook) needs uuid's, whose browser build is an ES module.
import { isOwnRule } from "../../src/workbook/ownAudit";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { PreviewPage } from "../../src/preview/PreviewPage/PreviewPage";
import { sampleBytes } from "./fixtures";
import { polyfillLayout } from "../support/jsdomLayout";

// Role queries skip the visibility check: computing styles for a whole pane and grid is what makes jsdom slow.
configure({ defaultHidden: true });

beforeAll(polyfillLayout);

const sample = () => Promise.resolve(sampleBytes());

async function renderPage(loadSample: () => Promise<ArrayBuffer> = sample) {
  // No pointer-events check: it computes styles up the tree for every click, slow in jsdom beside a grid.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const result = render(
    <PreviewPage
      loadSample={loadSample}
      sampleName="cascade-problems.xlsx"
      lang="en"
      storage={null}
    />
  );
  await waitFor(() => expect(document.querySelector('[data-address="A1"]')).not.toBeNull());
  return { ...result, user };
}

function cell(address: string): HTMLElement | null {
  return document.querySelector(`[data-address="${address}"]`);
}

/** The selected sheet tab under the grid. */
function activeSheetTab(): string | null {
  return within(screen.getByRole("tablist", { name: "Sheets" })).getByRole("tab", {
    selected: true,
  }).textContent;
}

/** Waits for the pane's audit summary (the first audit of a file warms the engine up: allow it time). */
async function auditDone(): Promise<void> {
  await screen.findByText(/goals? read from/, undefined, { timeout: 15000 });
}

function nameBox(): string {
  return (screen.getByRole("textbox", { name: "Name box" }) as HTMLInputElement).value;
}

/** The bytes of a Blob, through FileReader (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe("the preview page", () => {
  it("opens on the sample cascade's goal sheet, with the task pane beside it", async () => {
    await renderPage();
    expect({
      title: cell("A1")?.textContent,
      tab: activeSheetTab(),
      audit: screen.getByRole("button", { name: "Audit goals" }) !== null,
    }).toEqual({ title: "2026年客服中心目标分解表", tab: "目标分解", audit: true });
  });

  it("highlights what the pane's audit finds, and shows the cell of a finding clicked in the pane", async () => {
    const { user } = await renderPage();
    await user.click(screen.getByRole("button", { name: "Audit goals" }));
    await auditDone();
    // T1's target (M7) falls short: structure red.
    await waitFor(() => expect(cell("M7")?.style.backgroundColor).toBe("rgb(255, 199, 206)"));
    await user.click(screen.getByRole("button", { name: /^Orphan goal \(cascade gap\) / }));
    await user.click(await screen.findByRole("button", { name: /^Row 27 · P121/ }));
    await waitFor(() => expect(nameBox()).toBe("B27"));
  });

  it("speaks Chinese, the pane too, when 中文 is chosen", async () => {
    const { user } = await renderPage();
    await user.click(screen.getByRole("radio", { name: "中文" }));
    expect({
      title: screen.getByRole("heading", { level: 1 }).textContent,
      pane: screen.getByRole("button", { name: "审核目标" }) !== null,
    }).toEqual({ title: "目标分解 — 预览", pane: true });
  });

  it("saves the workbook with its highlights as an .xlsx download", async () => {
    const { user } = await renderPage();
    await user.click(screen.getByRole("button", { name: "Audit goals" }));
    await auditDone();
    let saved: Blob | null = null;
    let name = "";
    const created = jest.fn((blob: Blob) => {
      saved = blob;
      return "blob:preview";
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      name = this.download;
    });
    await user.click(screen.getByRole("button", { name: "Save as .xlsx" }));
    await waitFor(() => expect(saved).not.toBeNull());
    click.mockRestore();
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(await bytesOf(saved as unknown as Blob));
    const goals = file.getWorksheet("目标分解") as unknown as {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    };
    const formulas = goals.conditionalFormattings.map((format) =>
      String((format.rules[0] as { formulae?: unknown[] }).formulae?.[0] ?? format.rules[0]?.type)
    );
    expect({
      name,
      sheets: file.worksheets.map((sheet) => sheet.name),
      ours: formulas.filter((formula) => isOwnRule(formula, ["Audit"])).length > 0,
      users: formulas.filter((formula) => !isOwnRule(formula, ["Audit"])).length,
    }).toEqual({
      name: "cascade-problems.xlsx",
      sheets: ["说明", "目标分解", "Audit"],
      ours: true,
      users: 1,
    });
  });

  it("opens a workbook chosen with the file picker", async () => {
    await renderPage();
    const bytes = sampleBytes("cascade-clean.xlsx");
    const file = new File([new Uint8Array(bytes)], "clean.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: () => Promise.resolve(bytes) });
    fireEvent.change(screen.getByTestId("open-file"), { target: { files: [file] } });
    expect(await screen.findByText("Opened “clean.xlsx”.")).not.toBeNull();
  });

  it("says why when the sample cannot be loaded, and offers an empty sheet", async () => {
    await renderPage(() => Promise.reject(new Error("404 Not Found")));
    expect({
      notice:
        screen.getByText(/The sample workbook could not be opened \(404 Not Found\)/) !== null,
      tab: activeSheetTab(),
    }).toEqual({ notice: true, tab: "Sheet1" });
  });
});
