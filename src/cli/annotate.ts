import ExcelJS from "exceljs";
import {
  AUDIT_LAYOUT,
  AUDIT_SHEET_NAMES,
  AuditResult,
  auditSheetContent,
  CellValue,
  ColumnMap,
  HIGHLIGHT_FAMILIES,
  highlightRules,
  KEY_MARKER,
  KEY_ROW_FACTOR,
  Lang,
  sheetRef,
} from "../domain";
import { ensureOutputPath, InputError, LoadedFile } from "./load";
import { writeOutputFile } from "./output";

/**
 * Writes an annotated copy of one input: the highlights as conditional formats over the goal table and an audit
 * sheet listing the findings. The user's values, formats and conditional formats are kept; the add-in's own rules
 * and audit sheet from an earlier run are replaced. Refuses to write over the input.
 */
export async function writeAnnotatedCopy(
  loaded: LoadedFile,
  result: AuditResult,
  columns: ColumnMap,
  out: string,
  lang: Lang
): Promise<void> {
  ensureOutputPath(loaded.file, out);
  const workbook = loaded.workbook ?? workbookFromRows(loaded.table.sheet, loaded.table.cells);
  const goalSheet = workbook.getWorksheet(loaded.table.sheet);
  if (!goalSheet)
    throw new InputError(`${loaded.file}: sheet “${loaded.table.sheet}” vanished while writing`);

  removeOwnAudit(workbook);
  const auditName = freeSheetName(workbook, AUDIT_SHEET_NAMES[lang]);
  const content = auditSheetContent(result, columns, lang, sheetRef(auditName));
  const auditSheet = workbook.addWorksheet(auditName);
  writeAuditSheet(auditSheet, content, goalSheet.name);

  const { table } = loaded;
  const firstDataRow = table.firstRow + table.headerRow + 1;
  const lastRow = Math.max(firstDataRow, table.firstRow + table.cells.length - 1);
  const priorityBase = maxPriority(goalSheet);
  highlightRules(content, columns, { firstDataRow, lastRow }).forEach((rule, index) => {
    goalSheet.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: "expression",
          priority: priorityBase + index + 1,
          formulae: [rule.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${rule.fill}` } },
            font: { color: { argb: `FF${rule.font}` } },
          },
        },
      ],
    });
  });
  await writeOutputFile(out, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** A workbook holding a CSV's rows, numbers as numbers the way Excel opens a CSV, everything else as text. */
function workbookFromRows(name: string, rows: CellValue[][]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value =
        typeof value === "string" &&
        /^-?\d+(\.\d+)?$/.test(value.trim()) &&
        value.trim().length < 16
          ? Number(value)
          : typeof value === "object" && !(value instanceof Date)
            ? value.error
            : value;
    });
  });
  return workbook;
}

/** True for a sheet the add-in wrote: a hidden key column header carries the marker. */
function isOwnAuditSheet(sheet: ExcelJS.Worksheet): boolean {
  const value = sheet.getCell(1, AUDIT_LAYOUT.firstKeyColumn + 1).value;
  return typeof value === "string" && value.startsWith(KEY_MARKER);
}

/** Removes an audit sheet and highlight rules left by an earlier run; nothing of the user's. */
function removeOwnAudit(workbook: ExcelJS.Workbook): void {
  const own = workbook.worksheets.filter(isOwnAuditSheet);
  const ownNames = own.map((sheet) => sheetRef(sheet.name));
  for (const sheet of workbook.worksheets) {
    if (own.includes(sheet)) continue;
    const formats = formatsOf(sheet);
    const kept = formats.filter(
      (format) =>
        !format.rules.some((rule) => {
          const formula =
            "formulae" in rule && Array.isArray(rule.formulae)
              ? String(rule.formulae[0] ?? "")
              : "";
          return (
            formula.includes(`*${KEY_ROW_FACTOR}+COLUMN(`) &&
            ownNames.some((name) => formula.includes(`${name}!`))
          );
        })
    );
    formats.splice(0, formats.length, ...kept);
  }
  for (const sheet of own) workbook.removeWorksheet(sheet.id);
}

function freeSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const name = `${wanted} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** ExcelJS keeps a sheet's conditional formats here; its typings do not declare the property. */
function formatsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  const holder = sheet as unknown as {
    conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  };
  holder.conditionalFormattings ??= [];
  return holder.conditionalFormattings;
}

function maxPriority(sheet: ExcelJS.Worksheet): number {
  let max = 0;
  for (const format of formatsOf(sheet)) {
    for (const rule of format.rules) max = Math.max(max, rule.priority ?? 0);
  }
  return max;
}

function writeAuditSheet(
  sheet: ExcelJS.Worksheet,
  content: ReturnType<typeof auditSheetContent>,
  goalSheet: string
): void {
  sheet.addRow(content.header).font = { bold: true };
  content.rows.forEach((values, index) => {
    const row = sheet.addRow(values);
    const target = content.targets[index];
    if (target) {
      row.getCell(2).value = { text: target, hyperlink: `#${sheetRef(goalSheet)}!${target}` };
      row.getCell(2).font = { color: { argb: "FF0563C1" }, underline: true };
    }
  });
  const widths = [6, 8, 12, 22, 10, 12, 90];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const swatchColumn = AUDIT_LAYOUT.legendSwatch + 1;
  const textColumn = AUDIT_LAYOUT.legendText + 1;
  sheet.getCell(1, textColumn).value = content.legendTitle;
  sheet.getCell(1, textColumn).font = { bold: true };
  content.legend.forEach((line, index) => {
    const swatch = sheet.getCell(index + 2, swatchColumn);
    swatch.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${line.fill}` } };
    sheet.getCell(index + 2, textColumn).value = line.text;
  });
  sheet.getColumn(swatchColumn).width = 4;
  sheet.getColumn(textColumn).width = 60;

  HIGHLIGHT_FAMILIES.forEach((_, index) => {
    const list = content.keys[index];
    if (!list) return;
    const column = AUDIT_LAYOUT.firstKeyColumn + index + 1;
    sheet.getCell(1, column).value = list.header;
    list.values.forEach((key, k) => {
      sheet.getCell(k + 2, column).value = key;
    });
    sheet.getColumn(column).hidden = true;
  });
}
