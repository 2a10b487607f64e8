/*
 * End-to-end tests of the browser preview: the production build, served on 127.0.0.1 and driven in Debian's
 * chromium, on the sample cascade with deliberate problems (samples/README.md, test/cli/golden/cascade-problems.json).
 */
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { Browser, Page } from "playwright-core";
import { CODE_TITLES, FindingCode } from "../../src/domain";
import { HIGHLIGHT_COLORS, HighlightFamily } from "../../src/domain/highlights";
import { buildPreview, launchChromium, serveFolder, StaticServer } from "../support/browser";
import {
  audit,
  cell,
  gridCells,
  numberOf,
  OpenedPreview,
  openPreview,
  pane,
  rgb,
  clippedBadges,
  outsidePane,
  seriousViolations,
  settled,
  uncovered,
} from "./previewPage";

interface GoldenFinding {
  code: FindingCode;
  row: number;
  id: string | null;
  field: string | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON fixture
const golden = require("../cli/golden/cascade-problems.json") as { findings: GoldenFinding[] };

const SCREENSHOTS = resolve(__dirname, "../../test-output/screenshots");
/** The sample's goal table: header on row 3, these columns (0-based). */
const COLUMN = { id: 0, parent: 1, owner: 3, goal: 4, deadline: 10, target: 12, actual: 13 };
const LETTER: Record<string, string> = {
  id: "A",
  parent: "B",
  owner: "D",
  goal: "E",
  deadline: "K",
  target: "M",
  actual: "N",
};
const ALL_HIGHLIGHTS = Object.values(HIGHLIGHT_COLORS).map((color) => rgb(color.fill));

/** The golden findings of a code (the CLI audits the same sample, so the pane must agree with it). */
function findingsOf(code: FindingCode): GoldenFinding[] {
  const found = golden.findings.filter((finding) => finding.code === code);
  if (found.length === 0) throw new Error(`no ${code} finding in the golden file`);
  return found;
}

/** The cell a golden finding points at. */
function addressOf(finding: GoldenFinding): string {
  const letter = LETTER[finding.field ?? "id"];
  if (!letter) throw new Error(`no column known for field ${finding.field}`);
  return `${letter}${finding.row}`;
}

let dir: string;
let server: StaticServer;
let browser: Browser;
let opened: OpenedPreview[] = [];

beforeAll(async () => {
  dir = await buildPreview();
  server = await serveFolder(dir);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(opened.map((preview) => preview.context.close()));
  opened = [];
});

async function open(): Promise<OpenedPreview> {
  const preview = await openPreview(browser, `${server.url}/`);
  opened.push(preview);
  return preview;
}

async function background(page: Page, address: string): Promise<string> {
  return cell(page, address).evaluate((element) => getComputedStyle(element).backgroundColor);
}

describe("the browser preview", () => {
  it("loads with no console error and requests nothing outside this machine", async () => {
    const { page, errors, requests } = await open();
    await audit(page);
    // The keyboard's focus stayed on the button that ran the audit (not fallen to <body>).
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      "Audit goals"
    );
    expect(errors).toEqual([]);
    const outside = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === "data:" || protocol === "blob:") return false;
      return hostname !== "127.0.0.1" && hostname !== "localhost";
    });
    expect(outside).toEqual([]);
    expect(requests.some((url) => url.endsWith("/samples/cascade-problems.xlsx"))).toBe(true);
  });

  it("highlights the deliberate problems in their family's colour when Audit goals is clicked", async () => {
    const { page } = await open();
    const before = await gridCells(page);
    expect(before.filter((one) => ALL_HIGHLIGHTS.includes(one.background))).toEqual([]);

    await audit(page);
    const expected: [FindingCode, HighlightFamily][] = [
      ["ORPHAN", "structure"],
      ["DUPLICATE_ID", "structure"],
      ["UNDER_ALLOCATED", "structure"],
      ["DUPLICATE_OF_PARENT", "duplication"],
      ["MISSING_OWNER", "smart"],
      ["OFF_TRACK", "offTrack"],
      ["AT_RISK", "atRisk"],
    ];
    for (const [code, family] of expected) {
      for (const finding of findingsOf(code)) {
        const address = addressOf(finding);
        expect([code, address, await background(page, address)]).toEqual([
          code,
          address,
          rgb(HIGHLIGHT_COLORS[family].fill),
        ]);
      }
    }
    // A goal's other cells keep their own (default) look: only the finding's cell is coloured.
    expect(await background(page, "E27")).toBe(await background(page, "E26"));
    expect(ALL_HIGHLIGHTS).not.toContain(await background(page, "E27"));

    // Each group: its title, its count (as the CLI counts on the same sample), its severity.
    for (const [code] of expected) {
      const count = findingsOf(code).length;
      const title = escapeRegExp(CODE_TITLES[code].en);
      await expect(pane(page).locator(`[data-code="${code}"]`).textContent()).resolves.toMatch(
        new RegExp(`^${title}(Error|Warning)${count}$`)
      );
    }
    const codes = new Set(golden.findings.map((finding) => finding.code));
    await expect(pane(page).locator("[data-code]").count()).resolves.toBe(codes.size);
    await page.screenshot({ path: join(SCREENSHOTS, "preview-audit-en.png"), fullPage: true });
  });

  it("selects a finding's cell when the finding is clicked", async () => {
    const { page } = await open();
    await audit(page);
    const [orphan] = findingsOf("ORPHAN");
    const address = addressOf(orphan as GoldenFinding);
    await pane(page).locator('[data-code="ORPHAN"]').click();
    await pane(page)
      .getByRole("button", { name: new RegExp(`^Row ${orphan?.row} · ${orphan?.id} `) })
      .click();
    await expect(page.getByRole("textbox", { name: "Name box" }).inputValue()).resolves.toBe(
      address
    );
    await expect(cell(page, address).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "A1").getAttribute("aria-selected")).resolves.toBe("false");
    // On a narrow page the pane is under the grid: the page scrolls the chosen cell into view.
    await page.setViewportSize({ width: 400, height: 800 });
    const finding = pane(page).getByRole("button", {
      name: new RegExp(`^Row ${orphan?.row} · ${orphan?.id} `),
    });
    await finding.scrollIntoViewIfNeeded();
    await cell(page, "A1").click();
    await finding.scrollIntoViewIfNeeded();
    await finding.click();
    await page.waitForFunction(
      (at) => {
        const found = document.querySelector(`[role="gridcell"][data-address="${at}"]`);
        const box = found?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
      },
      address,
      { timeout: 5_000 }
    );
  });

  it("clears T4's UNDER_ALLOCATED finding by itself once its target is what its children add up to", async () => {
    const { page } = await open();
    await audit(page);
    const t4 = findingsOf("UNDER_ALLOCATED").find((finding) => finding.id === "T4");
    expect(t4).toBeDefined();
    const target = `M${t4?.row}`;
    const structure = rgb(HIGHLIGHT_COLORS.structure.fill);
    expect(await background(page, target)).toBe(structure);
    const findingButton = pane(page).getByRole("button", { name: /^Row 10 · T4 / });
    await pane(page).locator('[data-code="UNDER_ALLOCATED"]').click();
    await findingButton.waitFor();

    const children = (await gridCells(page)).filter(
      (one) => one.column === COLUMN.parent && one.text === "T4"
    );
    expect(children.length).toBeGreaterThan(1);
    const cells = await gridCells(page);
    const sum = children
      .map((child) => cells.find((one) => one.address === `M${child.row}`)?.text ?? "")
      .reduce((total, text) => total + numberOf(text), 0);
    expect(sum).toBe(510_000);

    await cell(page, target).click();
    await page.keyboard.type(String(sum));
    await page.keyboard.press("Enter");
    await expect(cell(page, target).textContent()).resolves.toBe("510,000");
    // No click on Audit goals: the live audit follows the edit, findings and highlights alike.
    await findingButton.waitFor({ state: "detached", timeout: 5_000 });
    // T1 still falls short (the orphan P121 does not count towards it), so the group stays with T1 in it.
    await pane(page)
      .getByRole("button", { name: /^Row 7 · T1 / })
      .waitFor();
    expect(await background(page, target)).not.toBe(structure);
    expect(ALL_HIGHLIGHTS).not.toContain(await background(page, target));
  });

  it("allocates a parent's target evenly into children's targets that add up to it", async () => {
    const { page } = await open();
    await audit(page);
    await cell(page, "A10").click(); // T4
    await pane(page).getByRole("tab", { name: "Tools" }).click();
    await pane(page).getByRole("button", { name: "Use selected goal" }).click();
    await expect(pane(page).getByTestId("selected-goal").textContent()).resolves.toContain(
      "Goal T4 (row 10)"
    );
    await pane(page).getByRole("radio", { name: "Evenly" }).check();
    await expect(pane(page).getByTestId("allocation-total").textContent()).resolves.toMatch(
      /550,000/
    );
    await pane(page).getByRole("button", { name: "Write targets" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Overwrite" }).click();
    await dialog.waitFor({ state: "hidden" });

    const parentTarget = numberOf((await cell(page, "M10").textContent()) ?? "");
    expect(parentTarget).toBe(550_000);
    const children = (await gridCells(page)).filter(
      (one) => one.column === COLUMN.parent && one.text === "T4"
    );
    expect(children.length).toBeGreaterThan(1);
    await page.waitForFunction(
      ({ rows, total }) =>
        rows
          .map((row) =>
            Number(
              document
                .querySelector(`[role="gridcell"][data-address="M${row}"]`)
                ?.textContent?.replace(/,/g, "")
            )
          )
          .reduce((sum, value) => sum + value, 0) === total,
      { rows: children.map((child) => child.row), total: parentTarget }
    );
    const parts = await Promise.all(
      children.map(async (child) =>
        numberOf((await cell(page, `M${child.row}`).textContent()) ?? "")
      )
    );
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(parentTarget);
    // Even: no two parts differ by more than the rounding unit.
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    // Read back as shown: each target with the sheet's separators, each goal text stating that target.
    for (const child of children) {
      const shown = (await cell(page, `M${child.row}`).textContent()) ?? "";
      expect(shown).toMatch(/^\d{1,3}(,\d{3})+$/);
      const text = (await cell(page, `E${child.row}`).textContent()) ?? "";
      expect(text).toContain(`${numberOf(shown) / 10_000}万件`);
    }
  });

  it.each(["en", "zh"] as const)(
    "spreads a goal into quarters written as the sheet writes them, selected, at 350 px and wide (%s)",
    async (lang) => {
      const { page, errors } = await open();
      const words =
        lang === "en"
          ? {
              tools: "Tools",
              use: "Use selected goal",
              add: "Add 4 rows",
              // The preview appends (PreviewWorkbook.insertRows): Excel inserts them under the goal.
              added: /4 rows added at the end of the table/,
            }
          : { tools: "工具", use: "使用所选目标", add: "添加 4 行", added: /添加 4 行（已选中）/ };
      if (lang === "zh") await page.getByRole("radio", { name: "中文" }).check();
      await audit(page, lang);
      await cell(page, "A10").click(); // T4: 在线客服部全年解决客户工单55万件, 550,000, period 2026
      await pane(page).getByRole("tab", { name: words.tools }).click();
      await pane(page).getByRole("button", { name: words.use }).click();
      await pane(page).getByRole("button", { name: words.add }).click();
      await pane(page).getByText(words.added).waitFor();

      // The new rows are selected (and so shown): each is the period's, as the sheet writes its quarters.
      const rows = (await gridCells(page)).filter(
        (one) => one.column === COLUMN.id && /^T4-Q\d$/.test(one.text)
      );
      expect(rows.map((one) => one.text)).toEqual(["T4-Q1", "T4-Q2", "T4-Q3", "T4-Q4"]);
      const first = rows[0]?.row as number;
      await expect(cell(page, `A${first}`).getAttribute("aria-selected")).resolves.toBe("true");
      const text = async (letter: string, row: number) =>
        (await cell(page, `${letter}${row}`).textContent()) ?? "";
      expect(await text("E", first)).toBe("在线客服部第1季度解决客户工单13.75万件");
      expect(await text("I", first)).toBe("2026年第1季度");
      expect(await text("I", first + 3)).toBe("2026年第4季度");
      // Dates show as dates (the row above's format), the target with its separators.
      expect(await text("K", first)).toBe("2026-03-31");
      expect(await text("M", first)).toBe("137,500");
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `preview-spread-wide-${lang}.png`) });
      await page.setViewportSize({ width: 350, height: 1100 });
      await pane(page).screenshot({ path: join(SCREENSHOTS, `preview-spread-350-${lang}.png`) });
      const overflow = await pane(page).evaluate(
        (element) => element.scrollWidth - element.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
  );

  it("opens a CSV as Excel would, and names what a file it cannot open is", async () => {
    const { page, errors } = await open();
    const input = page.locator('input[type="file"]');
    const csv = [
      "ID,Parent,Goal,Owner,Target,Deadline",
      "C1,,Resolve 1000 tickets within 4 hours by December,Ana,1000,2026-12-31",
      "T1,C1,North resolves 600 tickets within 4 hours by December,Ben,600,2026-12-31",
    ].join("\n");
    await input.setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText("Opened “team.csv”.").waitFor();
    await page.getByRole("tab", { name: "team" }).waitFor();
    await audit(page);
    await pane(page).getByText("2 goals read from team!A1:F3").waitFor();

    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await input.setInputFiles({
      name: "old.xls",
      mimeType: "application/vnd.ms-excel",
      buffer: xls,
    });
    await page
      .getByText(/^“old\.xls” is an Excel 97–2003 workbook \(\.xls\) or a password-protected one/)
      .waitFor();
    // The CSV stays open: a file that could not be read replaces nothing.
    await page.getByRole("tab", { name: "team" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("offers Allocate the gap on a cascade gap, at 350 px, and opens the tool on that goal", async () => {
    const { page, errors } = await open();
    await page.setViewportSize({ width: 350, height: 1100 });
    await audit(page);
    await pane(page).locator('[data-code="UNDER_ALLOCATED"]').click();
    const next = pane(page)
      .getByRole("button", { name: /^Allocate the gap of / })
      .first();
    await next.waitFor();
    await pane(page).screenshot({ path: join(SCREENSHOTS, "preview-gap-350-en.png") });
    const overflow = await pane(page).evaluate(
      (element) => element.scrollWidth - element.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const id = ((await next.getAttribute("aria-label")) ?? "").replace("Allocate the gap of ", "");
    await next.click();
    await expect(pane(page).getByTestId("selected-goal").textContent()).resolves.toContain(
      `Goal ${id} (row`
    );
    await pane(page).getByTestId("allocation-total").waitFor();
    expect(errors).toEqual([]);
  });

  for (const lang of ["en", "zh"] as const) {
    it(`searches and filters the findings and the map at 350 px and wide (${lang})`, async () => {
      const { page, errors } = await open();
      const words =
        lang === "en"
          ? { find: "Find goals", team: "Team", map: "Map", shown: /of \d+ goals shown/ }
          : { find: "查找目标", team: "团队", map: "目标树", shown: /显示 \d+ 个目标中的/ };
      if (lang === "zh") await page.getByRole("radio", { name: "中文" }).check();
      await audit(page, lang);
      await page.setViewportSize({ width: 350, height: 1100 });
      const before = await pane(page).locator("[data-code]").count();
      await pane(page).getByRole("searchbox", { name: words.find }).fill("T4");
      await pane(page).getByTestId("filter-summary").waitFor();
      await expect(pane(page).locator("[data-code]").count()).resolves.toBeLessThan(before);
      await pane(page).screenshot({ path: join(SCREENSHOTS, `preview-filter-350-${lang}.png`) });
      const overflow = await pane(page).evaluate(
        (element) => element.scrollWidth - element.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);

      // The map keeps the same search, and the team list narrows it to a branch.
      await pane(page).getByRole("tab", { name: words.map }).click();
      await pane(page).getByText(words.shown).waitFor();
      const team = pane(page).getByRole("combobox", { name: words.team });
      const first = await team.locator("option").nth(1).getAttribute("value");
      await team.selectOption(first ?? "");
      await pane(page).screenshot({
        path: join(SCREENSHOTS, `preview-filter-map-350-${lang}.png`),
      });
      await page.setViewportSize({ width: 1500, height: 1000 });
      await page.screenshot({ path: join(SCREENSHOTS, `preview-filter-map-wide-${lang}.png`) });
      expect((await uncovered(page)).filter((probe) => probe.covered !== null)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it("shows the cascade map and its tooltips without covering the grid or the tabs", async () => {
    const { page, errors } = await open();
    await audit(page);
    await pane(page).getByRole("tab", { name: "Map" }).click();
    const firstText = pane(page).getByTestId("map-text").first();
    await firstText.waitFor();
    expect((await uncovered(page)).filter((probe) => probe.covered !== null)).toEqual([]);
    // Hover a goal's text: its tooltip opens in a portal, which must not become a page-wide layer.
    await firstText.hover();
    await page.getByRole("tooltip").first().waitFor();
    expect((await uncovered(page)).filter((probe) => probe.covered !== null)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "preview-map-tooltip-en.png") });
    // The page still answers: another tab can be chosen and the grid clicked.
    await pane(page).getByRole("tab", { name: "Audit" }).click();
    await cell(page, "A5").click();
    await expect(cell(page, "A5").getAttribute("aria-selected")).resolves.toBe("true");
    expect(errors).toEqual([]);
  });

  it("removes every highlight and changes no value when Clear audit is clicked", async () => {
    const { page } = await open();
    await audit(page);
    const audited = await gridCells(page);
    expect(audited.filter((one) => ALL_HIGHLIGHTS.includes(one.background)).length).toBeGreaterThan(
      10
    );
    await pane(page).getByRole("button", { name: "Clear audit" }).click();
    // Said in a toast (it goes by itself), over the pane's corner, never over the grid.
    const toast = page.locator(".fui-Toast", { hasText: /Audit cleared/ });
    await toast.waitFor();
    await settled(page);
    expect(await outsidePane(page, toast)).toEqual({ left: 0, top: 0, right: 0, bottom: 0 });
    expect((await uncovered(page)).filter((probe) => probe.covered !== null)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "preview-toast-en.png") });
    const cleared = await gridCells(page);
    expect(cleared.filter((one) => ALL_HIGHLIGHTS.includes(one.background))).toEqual([]);
    expect(cleared.map((one) => [one.address, one.text])).toEqual(
      audited.map((one) => [one.address, one.text])
    );
    // The workbook's own fill (the header row) is not the add-in's and stays.
    expect(cleared.find((one) => one.address === "A3")?.background).toBe(
      audited.find((one) => one.address === "A3")?.background
    );
  });

  it("speaks Chinese everywhere once 中文 is chosen", async () => {
    const { page } = await open();
    await page.getByRole("radio", { name: "中文" }).check();
    await pane(page).getByRole("button", { name: "审核目标" }).waitFor();
    await audit(page, "zh");

    await page.getByRole("heading", { name: "目标分解 — 预览" }).waitFor();
    for (const name of ["审核", "目标树", "工具", "选项", "函数"])
      await pane(page).getByRole("tab", { name, exact: true }).waitFor();
    for (const name of ["审核目标", "清除审核", "打开 .xlsx 或 .csv…", "另存为 .xlsx"])
      await page.getByRole("button", { name, exact: true }).waitFor();
    await page.getByRole("radiogroup", { name: "语言" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await pane(page).locator('[data-code="ORPHAN"]', { hasText: "无上级目标" }).waitFor();

    const labels = await page
      .locator("button:visible, [role=tab]:visible")
      .evaluateAll((elements) => elements.map((element) => element.textContent ?? ""));
    expect(labels.length).toBeGreaterThan(15);
    // Allowed Latin: the SMART letters, ids, the file type, and the severity filter's none (words are Chinese).
    const english = labels.filter((label) =>
      (label.match(/[A-Za-z]{2,}/g) ?? []).some((word) => !["SMART", "xlsx", "csv"].includes(word))
    );
    expect(english).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "preview-audit-zh.png"), fullPage: true });
  });

  it.each(["en", "zh"] as const)(
    "shows the column mapping step at 350 px and wide (%s), with the sample's columns recognised",
    async (lang) => {
      const { page } = await open();
      if (lang === "zh") await page.getByRole("radio", { name: "中文" }).check();
      const words =
        lang === "en"
          ? { map: "Map columns", goal: "Goal (required)", more: /Other fields/ }
          : { map: "对应列", goal: "目标（必填）", more: /其他字段/ };
      await pane(page).getByRole("button", { name: words.map }).click();
      const step = pane(page).getByRole("region", { name: words.map });
      await step.getByRole("combobox", { name: words.goal }).waitFor();
      await step
        .getByText(lang === "en" ? /Recognised: E: / : /已识别：E：|已识别：E: /)
        .first()
        .waitFor();
      await step.getByRole("button", { name: words.more }).click();
      await pane(page).screenshot({ path: join(SCREENSHOTS, `preview-mapping-wide-${lang}.png`) });
      await page.setViewportSize({ width: 350, height: 1200 });
      await pane(page).screenshot({ path: join(SCREENSHOTS, `preview-mapping-350-${lang}.png`) });
      // Nothing of the step is wider than the pane.
      const overflow = await pane(page).evaluate(
        (element) => element.scrollWidth - element.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
  );

  const TAB_NAMES = {
    en: ["Audit", "Map", "Tools", "Options", "Functions"],
    zh: ["审核", "目标树", "工具", "选项", "函数"],
  } as const;
  for (const lang of ["en", "zh"] as const) {
    it(`opens every tab at 320, 350 and 1500 px (${lang}): nothing over the page or clipped, focus visible, axe clean`, async () => {
      const { page, errors } = await open();
      if (lang === "zh") await page.getByRole("radio", { name: "中文" }).check();
      await audit(page, lang);
      // 320 px is Excel's narrowest task pane.
      for (const width of [320, 350, 1500]) {
        await page.setViewportSize({ width, height: 1000 });
        for (const [index, name] of TAB_NAMES[lang].entries()) {
          const tab = pane(page).getByRole("tab", { name });
          // From the keyboard, as a keyboard user goes: the focus ring must show on the tab it reaches.
          if (index === 0) await tab.click();
          else await page.keyboard.press("ArrowRight");
          await page.keyboard.press("Enter");
          await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
          await expect(tab.evaluate((element) => element.matches(":focus-visible"))).resolves.toBe(
            true
          );
          const file = `preview-tab-${index + 1}-${width}-${lang}.png`;
          if (width < 900) await pane(page).screenshot({ path: join(SCREENSHOTS, file) });
          else await page.screenshot({ path: join(SCREENSHOTS, file) });
          expect({ tab: name, width, clipped: await clippedBadges(page) }).toEqual({
            tab: name,
            width,
            clipped: [],
          });
          const overflow = await pane(page).evaluate(
            (element) => element.scrollWidth - element.clientWidth
          );
          expect({ tab: name, width, overflow: overflow > 0 }).toEqual({
            tab: name,
            width,
            overflow: false,
          });
          if (width === 350 && index === 3) {
            // Options is longer than the pane: scrolled to its end, the tabs are still at the top.
            const tabs = pane(page).getByRole("tablist");
            const top = async () => (await tabs.boundingBox())?.y ?? -1;
            const before = await top();
            const scrolled = await pane(page).evaluate((element) => {
              const candidates = [
                element,
                ...Array.from(element.querySelectorAll("*")),
                document.scrollingElement,
              ];
              const scroller = candidates.find(
                (one): one is Element =>
                  one !== null &&
                  one.scrollHeight > one.clientHeight + 10 &&
                  (one === document.scrollingElement ||
                    getComputedStyle(one).overflowY !== "visible")
              );
              scroller?.scrollTo(0, scroller.scrollHeight);
              return scroller?.scrollTop ?? 0;
            });
            expect(scrolled).toBeGreaterThan(0);
            // Stuck to the top of what scrolls (0), never scrolled away above it.
            const after = await top();
            expect(after >= 0 && after <= before).toBe(true);
            await expect(
              pane(page)
                .getByRole("button", { name: lang === "en" ? "Save options" : "保存选项" })
                .isVisible()
            ).resolves.toBe(true);
          }
          if (width === 1500 && index === 0) {
            // Every finding group open, the page stays one screen high: what the pane holds is placed within it,
            // never against the page (hidden words once made the page as long as the list).
            const closed = pane(page).locator(".fui-AccordionHeader button[aria-expanded='false']");
            let opened = 0;
            for (; opened < 40 && (await closed.count()) > 0; opened++)
              await closed.first().click();
            expect(opened).toBeGreaterThan(3);
            // Axe reads contrast through a panel's opacity: wait until the last one has faded in.
            await settled(page);
            const beyond = await page.evaluate(
              () => (document.scrollingElement?.scrollHeight ?? 0) - window.innerHeight
            );
            expect({ tab: name, beyond }).toEqual({ tab: name, beyond: 0 });
            // Back on the tab, for the keyboard to reach the next one.
            await tab.focus();
          }
          // The probe needs the grid in view: beside the pane on a wide page.
          if (width === 1500)
            expect((await uncovered(page)).filter((probe) => probe.covered !== null)).toEqual([]);
          // Axe at 350 and 1500 px: at 320 px the pane holds the same elements as at 350.
          if (width !== 320)
            expect({ tab: name, width, violations: await seriousViolations(page) }).toEqual({
              tab: name,
              width,
              violations: [],
            });
        }
      }
      expect(errors).toEqual([]);
    });
  }

  for (const lang of ["en", "zh"] as const) {
    it(`opens the map's tooltip and the allocation dialog at 350 px and 1500 px (${lang}): within the pane, focus kept, axe clean`, async () => {
      const { page, errors } = await open();
      const words =
        lang === "en"
          ? {
              map: "Map",
              tools: "Tools",
              use: "Use selected goal",
              even: "Evenly",
              write: "Write targets",
            }
          : {
              map: "目标树",
              tools: "工具",
              use: "使用所选目标",
              even: "平均分配",
              write: "写入目标值",
            };
      if (lang === "zh") await page.getByRole("radio", { name: "中文" }).check();
      await audit(page, lang);
      const none = { left: 0, top: 0, right: 0, bottom: 0 };
      for (const width of [350, 1500]) {
        await page.setViewportSize({ width, height: 1000 });
        // The map's tooltip: beside its line, inside the pane, over nothing of the grid or the tabs.
        await pane(page).getByRole("tab", { name: words.map }).click();
        const text = pane(page).getByTestId("map-text").nth(1);
        await text.scrollIntoViewIfNeeded();
        await text.hover();
        const tooltip = page.getByRole("tooltip").first();
        await tooltip.waitFor();
        await settled(page);
        await page.screenshot({ path: join(SCREENSHOTS, `preview-tooltip-${width}-${lang}.png`) });
        expect({ width, outside: await outsidePane(page, tooltip) }).toEqual({
          width,
          outside: none,
        });
        if (width === 1500)
          expect((await uncovered(page)).filter((probe) => probe.covered !== null)).toEqual([]);
        await page.mouse.move(0, 0);
        await tooltip.waitFor({ state: "hidden" });

        // The allocation's confirmation: a modal over the pane only, reached and left from the keyboard.
        await cell(page, "A10").click(); // T4
        await pane(page).getByRole("tab", { name: words.tools }).click();
        await pane(page).getByRole("button", { name: words.use }).click();
        await pane(page).getByRole("radio", { name: words.even }).check();
        const write = pane(page).getByRole("button", { name: words.write });
        await write.focus();
        await page.keyboard.press("Enter");
        const dialog = page.getByRole("alertdialog");
        await dialog.waitFor();
        await page.keyboard.press("Tab");
        const focus = await dialog.evaluate((element) => ({
          inside: element.contains(document.activeElement),
          visible: document.activeElement?.matches(":focus-visible") ?? false,
        }));
        expect({ width, focus }).toEqual({ width, focus: { inside: true, visible: true } });
        await settled(page);
        await page.screenshot({ path: join(SCREENSHOTS, `preview-dialog-${width}-${lang}.png`) });
        expect({ width, outside: await outsidePane(page, dialog) }).toEqual({
          width,
          outside: none,
        });
        if (width === 1500)
          expect(
            (await uncovered(page, { tabs: false })).filter((probe) => probe.covered !== null)
          ).toEqual([]);
        expect({ width, violations: await seriousViolations(page) }).toEqual({
          width,
          violations: [],
        });
        // Escape closes it, writes nothing, and gives the focus back to the button that opened it.
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
        await expect(write.evaluate((element) => element === document.activeElement)).resolves.toBe(
          true
        );
      }
      expect(errors).toEqual([]);
    });
  }

  for (const lang of ["en", "zh"] as const) {
    it(`picks the as-of date from a calendar in the pane's language, within the pane (${lang})`, async () => {
      const { page, errors } = await open();
      const words =
        lang === "en"
          ? { options: "Options", asOf: "As-of date" }
          : { options: "选项", asOf: "评估日期（截至）" };
      if (lang === "zh") await page.getByRole("radio", { name: "中文" }).check();
      for (const width of [350, 1500]) {
        await page.setViewportSize({ width, height: 1000 });
        await pane(page).getByRole("tab", { name: words.options }).click();
        const input = pane(page).getByRole("combobox", { name: words.asOf });
        await input.scrollIntoViewIfNeeded();
        await input.focus();
        await page.keyboard.press("Enter");
        const calendar = page.getByRole("dialog");
        await calendar.waitFor();
        await settled(page);
        await page.screenshot({ path: join(SCREENSHOTS, `preview-calendar-${width}-${lang}.png`) });
        expect({ width, outside: await outsidePane(page, calendar) }).toEqual({
          width,
          outside: { left: 0, top: 0, right: 0, bottom: 0 },
        });
        expect({ width, violations: await seriousViolations(page) }).toEqual({
          width,
          violations: [],
        });
        // A day picked: the calendar closes and the field holds it as YYYY-MM-DD.
        await calendar
          .getByRole("button", { name: /^20, |月20日$/ })
          .first()
          .click();
        await calendar.waitFor({ state: "hidden" });
        await expect(input.inputValue()).resolves.toMatch(/^\d{4}-\d{2}-20$/);
        await input.fill("");
        await page.keyboard.press("Tab");
      }
      expect(errors).toEqual([]);
    });
  }

  it("has no serious or critical accessibility violation in the pane or the page", async () => {
    const { page } = await open();
    await audit(page);
    await pane(page).locator('[data-code="ORPHAN"]').click();
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);

    // What makes the grid's scroller exempt: the grid scrolls it from the keyboard.
    await cell(page, "A1").click();
    const scroller = page.locator('[role="grid"] > div').first();
    await expect(scroller.evaluate((element) => element.scrollTop)).resolves.toBe(0);
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await page.waitForFunction(
      () => (document.querySelector('[role="grid"] > div') as HTMLElement).scrollTop > 0
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
