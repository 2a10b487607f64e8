/**
 * What the pane's tests share: the browser APIs jsdom lacks and Fluent uses, goal-sheet fixtures and a render of
 * the whole pane over a MemoryWorkbook.
 */
import { configure, render, RenderResult, screen, waitFor } from "@testing-library/react";
import userEvent, { UserEvent } from "@testing-library/user-event";
import { Lang } from "../../src/domain";
import { App } from "../../src/taskpane/App/App";
import { RibbonAudits } from "../../src/taskpane/App/App.types";
import { MemoryWorkbook } from "../support/MemoryWorkbook";
import { columnOf, goalSheet } from "../support/goalSheet";
import { polyfillLayout } from "../support/jsdomLayout";

// A busy CI machine (the add-in build runs in another worker) can take more than the default second to render.
configure({ asyncUtilTimeout: 10_000 });

/** The layout polyfills, and a getComputedStyle that only works out display and visibility (Fluent's CSS makes the
 * real one slow in jsdom). */
export function polyfillBrowser(): void {
  polyfillLayout();
  window.getComputedStyle = visibilityStyle;
}

/** Style rules that set display or visibility, rebuilt when the number of rules changes. */
let visibilityRules: { count: number; rules: CSSStyleRule[] } = { count: -1, rules: [] };

function currentVisibilityRules(): CSSStyleRule[] {
  const sheets = Array.from(document.styleSheets);
  const count = sheets.reduce((sum, sheet) => sum + sheet.cssRules.length, 0);
  if (count !== visibilityRules.count) {
    const rules = sheets
      .flatMap((sheet) => Array.from(sheet.cssRules))
      .filter(
        (rule): rule is CSSStyleRule =>
          rule instanceof CSSStyleRule &&
          (rule.style.display !== "" || rule.style.visibility !== "")
      );
    visibilityRules = { count, rules };
  }
  return visibilityRules.rules;
}

/**
 * getComputedStyle for jsdom, reduced to display and visibility. jsdom's own matches every CSS rule inserted so
 * far against the element: Fluent inserts thousands, and Testing Library computes the style of every element a
 * role query names, so a test took ten seconds and more. Those two properties are all that the queries (and
 * Fluent's focus management) read here; jsdom lays nothing out.
 */
function visibilityStyle(element: Element): CSSStyleDeclaration {
  const style = document.createElement("div").style;
  for (const rule of currentVisibilityRules()) {
    let matches = false;
    try {
      matches = element.matches(rule.selectorText);
    } catch {
      // Pseudo-elements and selectors jsdom cannot parse match nothing.
    }
    if (!matches) continue;
    if (rule.style.display) style.display = rule.style.display;
    if (rule.style.visibility) style.visibility = rule.style.visibility;
  }
  const inline = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (inline?.display) style.display = inline.display;
  if (inline?.visibility) style.visibility = inline.visibility;
  if (element.hasAttribute("hidden")) style.display = "none";
  return style;
}

export { columnOf, goalSheet };

/** The day the pane's tests run on, as its clock says. */
export const TEST_TODAY = new Date(2027, 0, 15);

/** A workbook holding the fixture sheet, with the active cell in the table. */
export function goalWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook({ Goals: goalSheet() }, { sheet: "Goals", row: 4, column: 0 });
}

export interface RenderedPane extends RenderResult {
  user: UserEvent;
  workbook: MemoryWorkbook;
}

/** Renders the pane over a workbook, waiting for it to load its saved options. */
export async function renderPane(
  workbook: MemoryWorkbook = goalWorkbook(),
  officeLang: Lang = "en",
  ribbon?: RibbonAudits,
  today: Date = TEST_TODAY
): Promise<RenderedPane> {
  const user = userEvent.setup({ delay: null });
  // By default a fixed day after the fixtures' deadlines: nothing is paced, whatever day the tests run on.
  const result = render(
    <App workbook={workbook} officeLang={officeLang} ribbon={ribbon} today={() => today} />
  );
  await waitFor(() => expect(workbook.calls.get("loadSetting")).toBe(1));
  return { ...result, user, workbook };
}

/** Clicks "Audit goals" and waits until the audit's summary shows. */
export async function auditPane(pane: RenderedPane): Promise<void> {
  await pane.user.click(screen.getByRole("button", { name: "Audit goals" }));
  await screen.findByText(/goals? read from/);
}

/** Opens a tab of the pane. */
export async function openTab(pane: RenderedPane, name: string | RegExp): Promise<void> {
  await pane.user.click(screen.getByRole("tab", { name }));
}
