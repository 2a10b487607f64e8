/*
 * Helpers of the preview's end-to-end tests: open the built preview in a fresh browser context and read its grid.
 */
import { Browser, BrowserContext, Locator, Page } from "playwright-core";

export interface OpenedPreview {
  context: BrowserContext;
  page: Page;
  /** Console messages of type "error" and uncaught page errors, with where they came from. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/** A viewport tall enough for the whole sample sheet (38 rows) to be rendered by the virtualised grid. */
export const VIEWPORT = { width: 1600, height: 1200 };

/**
 * Opens the preview at `url` in a fresh context (no storage shared with another test) and waits until it is
 * interactive: the sample's cells are on the grid and "Audit goals" is enabled.
 */
export async function openPreview(browser: Browser, url: string): Promise<OpenedPreview> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "en-US" });
  // The pane judges actuals on today's date: a fixed day after the sample's deadlines paces nothing, so the
  // preview agrees with the command line's golden audit whatever day the tests run on (timers keep running).
  await context.clock.setFixedTime(new Date("2027-01-15T10:00:00"));
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(url);
  await waitInteractive(page);
  return { context, page, errors, requests };
}

/** Waits for the sample on the grid (its goal sheet's header) and an enabled "Audit goals" button. */
export async function waitInteractive(page: Page): Promise<void> {
  await cell(page, "A3").filter({ hasText: "目标编号" }).waitFor();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll("aside button")).some(
      (button) => button.textContent === "Audit goals" && !(button as HTMLButtonElement).disabled
    )
  );
}

/** The pane (the page's <aside>). */
export function pane(page: Page): Locator {
  return page.locator("aside");
}

/** A grid cell by its A1 address. */
export function cell(page: Page, address: string): Locator {
  return page.locator(`[role="gridcell"][data-address="${address}"]`);
}

/** Clicks "Audit goals" (in English or Chinese) and waits for the pane's summary. */
export async function audit(page: Page, lang: "en" | "zh" = "en"): Promise<void> {
  const button = pane(page).getByRole("button", {
    name: lang === "en" ? "Audit goals" : "审核目标",
  });
  await button.click();
  await pane(page)
    .getByText(lang === "en" ? /goals? read from/ : /读取了 \d+ 个目标/)
    .waitFor();
}

export interface GridCell {
  address: string;
  row: number;
  column: number;
  text: string;
  /** The computed background colour, as `rgb(r, g, b)` or `rgba(0, 0, 0, 0)`. */
  background: string;
}

/** Every cell the grid renders, with its text and computed background colour. */
export function gridCells(page: Page): Promise<GridCell[]> {
  return page.$$eval('[role="gridcell"]', (elements) =>
    elements.map((element) => ({
      address: element.getAttribute("data-address") ?? "",
      row: Number(element.getAttribute("data-row")),
      column: Number(element.getAttribute("data-column")),
      text: element.textContent ?? "",
      background: getComputedStyle(element).backgroundColor,
    }))
  );
}

/** `rgb(r, g, b)` of a hex colour such as "FFC7CE", as getComputedStyle reports it. */
export function rgb(hex: string): string {
  const value = parseInt(hex, 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

/** A number as the grid shows it ("1,050,000", "510,000") read back. */
export function numberOf(text: string): number {
  const value = Number(text.replace(/,/g, "").trim());
  if (text.trim() === "" || Number.isNaN(value)) throw new Error(`not a number: “${text}”`);
  return value;
}

/**
 * Points spread over the grid and the pane's tabs where nothing the pane opens may sit: for each, whether the
 * element found there by `document.elementFromPoint` belongs to the grid or the tab list (not to a layer on top).
 */
export async function uncovered(
  page: Page,
  { tabs = true }: { tabs?: boolean } = {}
): Promise<{ point: string; covered: string | null }[]> {
  return page.evaluate((withTabs) => {
    const probes: { point: string; covered: string | null }[] = [];
    const targets = [
      document.querySelector('[role="grid"]'),
      // A modal dialog of the pane dims the pane, its tabs included, as in Excel: then only the grid is probed.
      withTabs ? document.querySelector('aside [role="tablist"]') : null,
    ];
    for (const target of targets) {
      if (!target) continue;
      const box = target.getBoundingClientRect();
      for (const fx of [0.1, 0.5, 0.9])
        for (const fy of [0.1, 0.5, 0.9]) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height * fy;
          const found = document.elementFromPoint(x, y);
          const inside = found !== null && target.contains(found);
          probes.push({
            point: `${target.getAttribute("role")} ${Math.round(x)},${Math.round(y)}`,
            covered: inside ? null : (found?.outerHTML.slice(0, 120) ?? "nothing"),
          });
        }
    }
    return probes;
  }, tabs);
}

/**
 * How far a surface the pane opened (a tooltip, a dialog) reaches outside the part of the pane in view, in pixels
 * on each side (0 everywhere when it stays within the pane, as in Excel's pane frame).
 */
export async function outsidePane(
  page: Page,
  surface: Locator
): Promise<{ left: number; top: number; right: number; bottom: number }> {
  const [box, paneBox] = [await surface.boundingBox(), await pane(page).boundingBox()];
  if (!box || !paneBox) throw new Error("the surface or the pane is not shown");
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  // Stacked under the grid on a narrow page, the pane's surfaces may use the window's whole height (usePaneLayer).
  const stacked = paneBox.width >= viewport.width - 1;
  const top = stacked ? 0 : Math.max(0, paneBox.y);
  const bottom = stacked ? viewport.height : Math.min(viewport.height, paneBox.y + paneBox.height);
  const outside = (value: number) => Math.max(0, Math.round(value));
  return {
    left: outside(paneBox.x - box.x),
    top: outside(top - box.y),
    right: outside(box.x + box.width - (paneBox.x + paneBox.width)),
    bottom: outside(box.y + box.height - bottom),
  };
}

/** Axe's serious and critical violations in the pane and in the page (a third party's focus sentinels excepted). */
export async function seriousViolations(
  page: Page
): Promise<Array<{ id: string; impact: string | null | undefined; nodes: string[] }>> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    // Fluent UI's focus manager (Tabster) puts invisible focus sentinels (<i data-tabster-dummy tabindex=0
    // aria-hidden>) around its focus zones on purpose: they hand the focus on and are never read. axe counts them
    // as aria-hidden-focus; they are a third-party widget's, not the page's.
    const exclude = [["[data-tabster-dummy]"]];
    const pane = document.querySelector("aside") as Element;
    const seen = [];
    for (const context of [{ include: [pane], exclude }, { exclude }]) {
      const result = await axe.run(context, { resultTypes: ["violations"] });
      for (const violation of result.violations) {
        if (violation.impact !== "serious" && violation.impact !== "critical") continue;
        const nodes = violation.nodes.filter((node) => {
          const element = document.querySelector(String(node.target[0]));
          // react-window's scroller inside the grid (and the map's tree) is not focusable itself, but its parent,
          // the focusable role="grid" / role="tree" (aria-activedescendant), scrolls it from the keyboard (arrows,
          // PageDown reveal the active line): a false positive of scrollable-region-focusable for that element.
          const owner = element?.parentElement;
          return !(
            violation.id === "scrollable-region-focusable" &&
            (owner?.getAttribute("role") === "grid" || owner?.getAttribute("role") === "tree") &&
            owner.getAttribute("tabindex") === "0"
          );
        });
        if (nodes.length > 0)
          seen.push({
            id: violation.id,
            impact: violation.impact,
            nodes: nodes.slice(0, 3).map((node) => node.html.slice(0, 160)),
          });
      }
    }
    return seen;
  });
}

/** Waits until every animation on the page has finished (a dialog's or a tooltip's entrance), before a screenshot. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState === "finished" || animation.playState === "idle")
  );
}

/**
 * The pane's badges (severity, counts, a map line's findings) whose text does not fit them or that reach past the
 * pane's edge: each as its text and why.
 */
export async function clippedBadges(page: Page): Promise<string[]> {
  return pane(page).evaluate((element) => {
    const edge = element.getBoundingClientRect();
    return Array.from(element.querySelectorAll(".fui-Badge, .fui-CounterBadge")).flatMap(
      (badge) => {
        const box = badge.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return [];
        const text = badge.textContent ?? "";
        if (badge.scrollWidth > badge.clientWidth + 1)
          return [`${text}: text wider than the badge`];
        if (box.right > edge.right + 0.5 || box.left < edge.left - 0.5)
          return [`${text}: past the pane's edge`];
        return [];
      }
    );
  });
}
