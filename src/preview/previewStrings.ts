/**
 * The words of the preview page and its grid, in English and Chinese. The task pane has its own catalogue; these
 * are only what the page around it says.
 */
import { Lang } from "../domain";

const STRINGS = {
  "page.title": { en: "Goal Cascade — preview", zh: "目标分解 — 预览" },
  "page.subtitle": {
    en: "The add-in without Excel: a workbook on the left, the task pane on the right.",
    zh: "无需 Excel 体验本插件：左侧为工作簿，右侧为任务窗格。",
  },
  "page.open": { en: "Open .xlsx or .csv…", zh: "打开 .xlsx 或 .csv…" },
  "page.save": { en: "Save as .xlsx", zh: "另存为 .xlsx" },
  "page.language": { en: "Language", zh: "语言" },
  "page.loading": { en: "Opening the sample cascade…", zh: "正在打开示例目标分解表…" },
  "page.sampleFailed": {
    en: "The sample workbook could not be opened ({detail}). Open an .xlsx file, or type into the empty sheet.",
    zh: "无法打开示例工作簿（{detail}）。请打开一个 .xlsx 文件，或在空白工作表中输入。",
  },
  "page.fileXls": {
    en: "“{name}” is an Excel 97–2003 workbook (.xls) or a password-protected one: save it from Excel as an .xlsx without a password, then open that.",
    zh: "“{name}”是 Excel 97–2003 工作簿（.xls）或受密码保护的工作簿：请在 Excel 中另存为不带密码的 .xlsx 后再打开。",
  },
  "page.fileDamaged": {
    en: "“{name}” is a zip file but not a readable Excel workbook (an .ods, or a damaged .xlsx): save it from your spreadsheet as .xlsx, then open that.",
    zh: "“{name}”是压缩文件，但不是可读取的 Excel 工作簿（可能是 .ods 或已损坏的 .xlsx）：请在电子表格软件中另存为 .xlsx 后再打开。",
  },
  "page.fileNotSpreadsheet": {
    en: "“{name}” is not a spreadsheet the preview opens: open an .xlsx workbook or a .csv file.",
    zh: "“{name}”不是预览可以打开的电子表格：请打开 .xlsx 工作簿或 .csv 文件。",
  },
  "page.fileCsv": {
    en: "“{name}” has a quotation mark that is never closed, so its rows cannot be told apart: fix the quote, then open it again.",
    zh: "“{name}”中有未闭合的引号，无法区分各行：请修正引号后重新打开。",
  },
  "page.saveFailed": {
    en: "The workbook could not be saved ({detail}).",
    zh: "无法保存工作簿（{detail}）。",
  },
  "page.opened": { en: "Opened “{name}”.", zh: "已打开“{name}”。" },
  "page.dismiss": { en: "Dismiss", zh: "关闭" },
  "page.pane": { en: "Task pane", zh: "任务窗格" },
  "grid.label": { en: "Worksheet {sheet}", zh: "工作表 {sheet}" },
  "grid.nameBox": { en: "Name box", zh: "名称框" },
  "grid.formulaBar": { en: "Formula bar", zh: "编辑栏" },
  "grid.sheets": { en: "Sheets", zh: "工作表" },
  "grid.editor": { en: "Edit cell {address}", zh: "编辑单元格 {address}" },
} as const;

export type PreviewStringId = keyof typeof STRINGS;

/**
 * A string of the preview in a language, with its {placeholders} filled.
 * @example previewText("zh", "page.opened", { name: "a.xlsx" }) // "已打开“a.xlsx”。"
 */
export function previewText(
  lang: Lang,
  id: PreviewStringId,
  params: Record<string, string | number> = {}
): string {
  return STRINGS[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}
