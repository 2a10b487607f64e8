/**
 * The preview's files: an .xlsx opened in place of the workbook, and the workbook saved as one. A workbook opened
 * from a file is saved as that file's package with the preview's edits (fileEdits.ts; every part it did not change
 * stays byte for byte); a new one is made whole by `writeXlsx`. Either way the audit goes through the package
 * writer's audit, the one the command line writes.
 */
import { HyperFormula, SimpleCellAddress } from "hyperformula";
import { cellKey } from "../domain";
import { AuditWrite } from "../workbook/GoalWorkbook";
import { boundsAddress } from "../workbook/operations";
import type { CellContent } from "../xlsx/sheetData";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { eachCell, fromEngine, savedValue, spillBounds } from "./engineCells";
import { applyPreviewEdits, CellNow, frozenMeta, SheetState, WorkbookState } from "./fileEdits";
import { excelSyntax, storedFormula } from "./formulaText";
import { PreviewSheet } from "./previewSheet";
import { SavedCell, WorkbookToSave, writeXlsx } from "./xlsxFile";

/** The file a workbook was opened from: its bytes, and its sheets as they were when it was opened. */
export interface OpenedFile {
  bytes: Uint8Array;
  state: WorkbookState;
  ownAuditSheet: string | null;
}

/** A sheet of the engine with its metadata. */
export interface EngineSheet {
  id: number;
  meta: PreviewSheet;
}

/** Every sheet's cells (formula and value) and metadata, for comparing at save time. */
export function engineState(hf: HyperFormula, sheets: readonly EngineSheet[]): WorkbookState {
  const state: WorkbookState = new Map();
  for (const { id, meta } of sheets) {
    const contents: SheetState["contents"] = new Map();
    eachCell(hf, id, (address) => {
      const formula = hf.getCellFormula(address) ?? null;
      const value = JSON.stringify(fromEngine(hf.getCellValue(address)) ?? null);
      contents.set(cellKey(address.row + 1, address.col), { formula, value });
    });
    state.set(meta.name, { contents, meta: frozenMeta(meta) });
  }
  return state;
}

/** A cell's content as the package writer takes it: its value, and its formula as Excel stores it. */
function cellContent(
  hf: HyperFormula,
  address: SimpleCellAddress,
  formulaKept: boolean
): CellContent {
  const value = savedValue(fromEngine(hf.getCellValue(address)));
  const formula = hf.getCellFormula(address);
  if (formula === undefined) return { value };
  if (formulaKept) return { value, keepFormula: true };
  const spill = spillBounds(hf, address);
  return {
    value,
    formula: storedFormula(excelSyntax(formula).slice(1)),
    ...(spill ? { spill: boundsAddress(spill) } : {}),
  };
}

/** A sheet's non-empty cells as a new file saves them. */
function savedCells(hf: HyperFormula, id: number): SavedCell[] {
  const cells: SavedCell[] = [];
  eachCell(hf, id, (address) => {
    const value = fromEngine(hf.getCellValue(address));
    const saved: SavedCell = {
      row: address.row + 1,
      column: address.col,
      value: savedValue(value),
    };
    const formula = hf.getCellFormula(address);
    if (formula !== undefined) {
      saved.formula = excelSyntax(formula).slice(1);
      const spill = spillBounds(hf, address);
      if (spill) saved.spill = boundsAddress(spill);
    }
    cells.push(saved);
  });
  return cells;
}

/** What saving needs of the workbook. */
export interface SaveInput {
  hf: HyperFormula;
  /** Every sheet, in workbook order. */
  sheets: readonly EngineSheet[];
  activeSheet: string;
  file: OpenedFile | null;
  /** The add-in's audit sheets (now, and in the file opened): never saved as the user's. */
  ownSheets: ReadonlySet<string>;
  /** The audit written since the file was opened, or "cleared". */
  audit: AuditWrite | "cleared" | null;
}

/** The workbook as .xlsx bytes. */
export async function saveWorkbook(input: SaveInput): Promise<ArrayBuffer> {
  const { hf, sheets, file, ownSheets } = input;
  let book: XlsxWorkbook;
  if (file) {
    book = XlsxWorkbook.open(file.bytes);
    const ids = new Map(sheets.map((sheet) => [sheet.meta.name, sheet.id]));
    const now =
      (sheet: string): CellNow =>
      (row, column, formulaKept) =>
        cellContent(
          hf,
          { sheet: ids.get(sheet) as number, row: row - 1, col: column },
          formulaKept
        );
    const changed = applyPreviewEdits(book, file.state, engineState(hf, sheets), now, ownSheets);
    if (changed) book.setFullCalcOnLoad();
  } else {
    const saved: WorkbookToSave["sheets"] = sheets
      .filter(({ meta }) => !ownSheets.has(meta.name))
      .map(({ id, meta }) => ({
        meta: { ...meta, rules: meta.rules.filter((rule) => !rule.ours) },
        cells: savedCells(hf, id),
      }));
    const active = ownSheets.has(input.activeSheet)
      ? (saved[0]?.meta.name ?? "")
      : input.activeSheet;
    book = XlsxWorkbook.open(
      new Uint8Array(await writeXlsx({ activeSheet: active, sheets: saved }))
    );
  }
  if (input.audit === "cleared") await book.clearAudit();
  else if (input.audit !== null) await book.applyAudit(input.audit);
  const bytes = book.toBytes();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
