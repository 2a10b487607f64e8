/**
 * The browser preview's speed: how soon a fresh page is interactive on the sample, and how long a one-click audit of
 * a 10,000-goal cascade takes in it. Builds the preview (production) into a temporary folder, serves it on
 * 127.0.0.1 and drives Debian's chromium. Run alone with
 * `node --expose-gc -r ts-node/register/transpile-only bench/preview.ts`.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Browser, Page } from "playwright-core";
import { buildPreview, launchChromium, serveFolder } from "../test/support/browser";
import { generateCascade } from "./cascade";

const RUNS = 3;
const AUDIT_GOALS = 10_000;
export const PREVIEW_BUDGETS = { interactiveMs: 2000, auditMs: 1500, liveMs: 1000 };

/** A page of its own (nothing cached from another run). */
async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/**
 * Milliseconds from the start of the navigation (performance.now() counts from it) until the page is interactive:
 * the sample's goal header on the grid and an enabled "Audit goals" button.
 */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    () => {
      const header = document.querySelector('[role="gridcell"][data-address="A3"]');
      const ready =
        header?.textContent === "目标编号" &&
        Array.from(document.querySelectorAll("aside button")).some(
          (button) =>
            button.textContent === "Audit goals" && !(button as HTMLButtonElement).disabled
        );
      return ready ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 60_000 }
  );
  return (await handle.jsonValue()) as number;
}

/** Writes the generated cascade as an .xlsx (one sheet, header in row 1). */
async function writeCascade(path: string, goals: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Goals");
  sheet.addRows(generateCascade(goals));
  await book.xlsx.writeFile(path);
}

/** Opens `file` through the page's file picker and waits until its first goal is on the grid. */
async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("open-file").setInputFiles(file);
  await page.locator('[role="gridcell"][data-address="A2"]', { hasText: /^G0$/ }).waitFor();
  await page.getByRole("button", { name: "Audit goals" }).waitFor();
}

/**
 * Clicks "Audit goals" in the page and returns the milliseconds until the pane's summary ("… goals read from …") is
 * in the document and painted (the next animation frame after it appeared).
 */
function timeAudit(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const pane = document.querySelector("aside");
        const button = Array.from(document.querySelectorAll("aside button")).find(
          (candidate) => candidate.textContent === "Audit goals"
        ) as HTMLButtonElement | undefined;
        if (!pane || !button || button.disabled) {
          reject(new Error("no enabled Audit goals button"));
          return;
        }
        const shown = () => /\d goals read from /.test(pane.textContent ?? "");
        let started = 0;
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(pane, { subtree: true, childList: true, characterData: true });
        started = performance.now();
        button.click();
      })
  );
}

/**
 * After an audit, types a parent id that does not exist into G1's Parent cell (B3) and returns the milliseconds from
 * the Enter key until a frame shows the pane's severity counts with the new orphan: the live audit's wait
 * (LIVE_AUDIT_DELAY_MS) included, with the highlights rewritten (the preview keeps the user's undo).
 */
async function timeLiveAudit(page: Page): Promise<number> {
  const counts = () =>
    page.evaluate(
      () => /Error ([\d,]+)/.exec(document.querySelector("aside")?.textContent ?? "")?.[1]
    );
  const before = await counts();
  await page.locator('[role="gridcell"][data-address="B3"]').click();
  await page.keyboard.type("NOPE");
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press("Enter");
  const handle = await page.waitForFunction(
    (previous) => {
      const now = /Error ([\d,]+)/.exec(document.querySelector("aside")?.textContent ?? "")?.[1];
      // Polled on animation frames: the frame that first shows the new count.
      return now !== undefined && now !== previous ? performance.now() : false;
    },
    before,
    { polling: "raf", timeout: 30_000 }
  );
  return ((await handle.jsonValue()) as number) - started;
}

/** Builds, serves and measures the preview; prints the figures against their budgets and returns them. */
export async function previewBench(): Promise<{
  interactiveMs: number;
  auditMs: number;
  liveMs: number;
}> {
  console.log("Browser preview (production build, headless chromium) — best of runs");
  const dir = await buildPreview();
  const server = await serveFolder(dir);
  const browser = await launchChromium();
  try {
    let interactiveMs = Infinity;
    for (let run = 0; run < RUNS; run++) {
      const { page, close } = await freshPage(browser);
      interactiveMs = Math.min(interactiveMs, await timeToInteractive(page, `${server.url}/`));
      await close();
    }

    const file = join(dir, `cascade-${AUDIT_GOALS}.xlsx`);
    await writeCascade(file, AUDIT_GOALS);
    let auditMs = Infinity;
    let liveMs = Infinity;
    for (let run = 0; run < RUNS; run++) {
      const { page, close } = await freshPage(browser);
      await timeToInteractive(page, `${server.url}/`);
      await openFile(page, file);
      auditMs = Math.min(auditMs, await timeAudit(page));
      const summary = await page.getByText(/goals read from/).textContent();
      if (!summary?.startsWith(AUDIT_GOALS.toLocaleString("en-US")))
        throw new Error(`the audit read something else: “${summary}”`);
      liveMs = Math.min(liveMs, await timeLiveAudit(page));
      await close();
    }

    const line = (label: string, value: number, limit: number) =>
      console.log(
        `  ${value <= limit ? "PASS" : "OVER"}  ${label}: ${value.toFixed(0)} ms (budget ≤ ${limit} ms, 2-core machine)`
      );
    line("interactive preview (sample)", interactiveMs, PREVIEW_BUDGETS.interactiveMs);
    line(
      `one-click audit of ${AUDIT_GOALS.toLocaleString("en-US")} goals`,
      auditMs,
      PREVIEW_BUDGETS.auditMs
    );
    line(
      `live audit after an edit of ${AUDIT_GOALS.toLocaleString("en-US")} goals`,
      liveMs,
      PREVIEW_BUDGETS.liveMs
    );
    return { interactiveMs, auditMs, liveMs };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  previewBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
