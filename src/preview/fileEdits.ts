/**
 * What the preview changed in a workbook it opened, as edits for the package writer (src/xlsx): the cells whose
 * content or format differs from what the file held, the tables, drop-downs and sheets it added. The file's own
 * package is then saved with those edits only — its pivot tables, charts, macros and every other part stay as the
 * file held them — and the audit goes through the one audit writer.
 */
import { keyCell } from "../domain";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import type { CellContent } from "../xlsx/sheetData";
import { PreviewSheet, PreviewTable } from "./previewSheet";

/** One sheet as the preview holds it: each non-empty cell's content (for comparing) and its metadata. */
export interface SheetState {
  /** By the domain's cellKey: the cell's formula (as the engine holds it) and value, serialised for comparing. */
  contents: Map<number, { formula: string | null; value: string }>;
  meta: PreviewSheet;
}

/** The workbook's sheets, by name. */
export type WorkbookState = Map<string, SheetState>;

/**
 * A cell to write, from what it holds now; `formulaKept` when only its value changed (its formula is written back
 * as the file held it, never re-spelled by the engine).
 */
export type CellNow = (row: number, column: number, formulaKept: boolean) => CellContent;

/** A deep enough copy of a sheet's metadata for comparing later. */
export function frozenMeta(meta: PreviewSheet): PreviewSheet {
  return {
    ...meta,
    tables: meta.tables.map((table) => ({ ...table })),
    rules: [...meta.rules],
    validations: [...meta.validations],
    numberFormats: new Map(meta.numberFormats),
    looks: new Map(meta.looks),
    links: new Map(meta.links),
    columnWidths: new Map(meta.columnWidths),
    hiddenColumns: new Set(meta.hiddenColumns),
  };
}

function validationKey(validation: PreviewSheet["validations"][number]): string {
  return "choices" in validation
    ? `${validation.range}|${JSON.stringify(validation.choices)}`
    : `${validation.range}|original`;
}

/** The keys of a sheet whose cells must be written: content or number format or boldness changed. */
function changedKeys(before: SheetState | undefined, after: SheetState): Set<number> {
  const keys = new Set<number>();
  const old = before?.contents ?? new Map<number, { formula: string | null; value: string }>();
  for (const [key, content] of after.contents) {
    const was = old.get(key);
    if (was?.formula !== content.formula || was.value !== content.value) keys.add(key);
  }
  for (const key of old.keys()) if (!after.contents.has(key)) keys.add(key);
  const formats = before?.meta.numberFormats ?? new Map<number, string>();
  for (const [key, format] of after.meta.numberFormats)
    if (formats.get(key) !== format) keys.add(key);
  const looks = before?.meta.looks ?? new Map();
  for (const [key, look] of after.meta.looks) if (look.bold && !looks.get(key)?.bold) keys.add(key);
  return keys;
}

/**
 * Applies the preview's changes to the package of the file it opened: changed cells (with the number format or
 * boldness they took on), new sheets with their widths, new or grown tables, new drop-downs. The add-in's audit
 * sheet is left out (the audit writer owns it). Returns whether any cell changed (then Excel recalculates on open).
 */
export function applyPreviewEdits(
  file: XlsxWorkbook,
  before: WorkbookState,
  after: WorkbookState,
  now: (sheet: string) => CellNow,
  skip: ReadonlySet<string>
): boolean {
  let cellsChanged = false;
  for (const [name, state] of after) {
    if (skip.has(name)) continue;
    const original = before.get(name);
    if (!original) file.createSheet(name);
    const cellOf = now(name);
    const writes = [...changedKeys(original, state)].map((key) => {
      const { row, column } = keyCell(key);
      const format = state.meta.numberFormats.get(key);
      const bold = state.meta.looks.get(key)?.bold === true;
      const formatChanged =
        format !== undefined && format !== original?.meta.numberFormats.get(key);
      const boldChanged = bold && !original?.meta.looks.get(key)?.bold;
      const was = original?.contents.get(key);
      const formula = state.contents.get(key)?.formula ?? null;
      return {
        row,
        column,
        content: cellOf(row, column, formula !== null && was?.formula === formula),
        ...(formatChanged || boldChanged
          ? {
              format: {
                ...(formatChanged ? { numberFormat: format } : {}),
                ...(boldChanged ? { bold: true } : {}),
              },
            }
          : {}),
      };
    });
    if (writes.length > 0) {
      file.writeContents(name, writes);
      cellsChanged = true;
    }
    if (!original) file.setColumnWidths(name, state.meta.columnWidths, state.meta.hiddenColumns);
    const tables = new Map<string, PreviewTable>(
      (original?.meta.tables ?? []).map((table) => [table.name.toLowerCase(), table])
    );
    for (const table of state.meta.tables) {
      const old = tables.get(table.name.toLowerCase());
      if (!old) file.addTable(name, table.address, table.name, table.style);
      else if (old.address !== table.address) file.resizeTable(name, table.name, table.address);
    }
    const validations = new Set((original?.meta.validations ?? []).map(validationKey));
    for (const validation of state.meta.validations)
      if ("choices" in validation && !validations.has(validationKey(validation)))
        file.addValidation(name, validation.range, validation.choices);
  }
  return cellsChanged;
}
