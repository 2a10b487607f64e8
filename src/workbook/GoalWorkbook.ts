/**
 * The one interface through which the task pane and the ribbon commands reach a workbook: Excel (src/excel), the
 * browser preview (src/preview) and the in-memory fake of the tests implement it. Every method is one batch: an
 * implementation does a bounded number of round trips whatever the size of the data.
 */
import { AuditSheetContent, CellValue, HighlightRuleSpec, TemplateColumn } from "../domain";

/** Where a goal table sits: a sheet, its range (header row included) and the Excel table holding it, if any. */
export interface TableSource {
  sheet: string;
  /** A1 range of the table, header row included, e.g. "A3:Q40". */
  address: string;
  /** The Excel table (ListObject) name, or null for a plain range. */
  tableName: string | null;
}

/** Everything one audit writes: its rules on the goal sheet and its audit sheet. */
export interface AuditWrite {
  goalSheet: string;
  rules: HighlightRuleSpec[];
  auditSheet: string;
  content: AuditSheetContent;
}

/** A block of cells to write: values row by row from `address`'s top-left. */
export interface CellBlock {
  address: string;
  values: CellValue[][];
}

/** A formatted table to insert: the template's columns (headers, formats, drop-downs) and its rows. */
/** Where the add-in inserted a table: `newSheet` when it added a sheet for it (nothing of the user's was there). */
export interface InsertedTable extends TableSource {
  newSheet: boolean;
}

/** Where rows were appended to a sheet: their A1 address (the header row too on a new sheet), and whether the sheet is new. */
export interface AppendedRows {
  address: string;
  newSheet: boolean;
}

export interface TableInsert {
  columns: TemplateColumn[];
  rows: CellValue[][];
  /** Preferred sheet name for a new sheet. */
  sheetName: string;
}

export interface ActiveCell {
  sheet: string;
  /** 1-based row and 0-based column, as the domain numbers cells. */
  row: number;
  column: number;
}

/** Why a workbook operation failed, in words for the user: a code the pane translates, and the host's detail. */
export type WorkbookErrorCode =
  | "CELL_EDIT_MODE"
  | "PROTECTED"
  | "TOO_LARGE"
  | "NOT_FOUND"
  | "CONFLICT"
  /** Excel cannot list a sheet's conditional formats (some rules users make: office-js #5222, #6827, #6835). */
  | "RULES_UNREADABLE"
  | "UNKNOWN";

export class WorkbookError extends Error {
  override name = "WorkbookError";

  constructor(
    readonly code: WorkbookErrorCode,
    readonly detail: string
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface GoalWorkbook {
  /** The active sheet and cell. */
  activeCell(): Promise<ActiveCell>;
  /** Goal-table candidates on a sheet: its Excel tables, then its used range (when not inside a table). */
  candidates(sheet: string): Promise<TableSource[]>;
  /** Values of a range row by row; error cells as `{ error }`, dates as serial numbers. */
  readValues(sheet: string, address: string): Promise<CellValue[][]>;
  /**
   * The outline depth each row of a one-column range shows, by worksheet row (rows at depth 0 left out; an empty
   * map when the range shows none): the rows' outline levels (grouped rows) where any row of the range has one —
   * only files tell them, Office.js does not — else the cells' indent levels.
   */
  rowDepths(sheet: string, address: string): Promise<Map<number, number>>;
  /** Writes blocks of values; text is written as text, never as a formula. */
  writeValues(sheet: string, blocks: CellBlock[]): Promise<void>;
  /** Addresses (A1) among `addresses` whose cells are not empty. */
  nonEmpty(sheet: string, addresses: string[]): Promise<string[]>;
  /**
   * The name the audit sheet will have: `preferred` when no sheet of the user's bears it (the add-in's own audit
   * sheet does not count, it is replaced), else `preferred (2)`, `(3)`…
   */
  auditSheetName(preferred: string): Promise<string>;
  /** Replaces the add-in's own audit (its rules on any sheet and its audit sheet) with this one. */
  applyAudit(audit: AuditWrite): Promise<void>;
  /** Removes exactly the add-in's rules and audit sheet; says how many rules and whether a sheet went. */
  clearAudit(): Promise<{ rules: number; sheet: boolean }>;
  /** Selects a cell and shows it. */
  select(sheet: string, address: string): Promise<void>;
  /** Inserts a formatted table where nothing would be overwritten: below the used range, or on a new sheet. */
  insertTable(table: TableInsert): Promise<InsertedTable>;
  /** Adds rows at the end of a goal table (an Excel table grows; a plain range gets the rows below it). */
  appendRows(table: TableSource, rows: CellValue[][]): Promise<void>;
  /** The values of a sheet from A1 to the end of its used range, or null when the sheet does not exist. */
  sheetValues(sheet: string): Promise<CellValue[][] | null>;
  /**
   * Creates a sheet with a bold header row if it does not exist; appends rows under what it holds, each cell with
   * its number format in `formats` where one is given (null: General). Says where they went.
   */
  appendToSheet(
    sheet: string,
    header: string[],
    rows: CellValue[][],
    formats?: readonly (readonly (string | null)[])[]
  ): Promise<AppendedRows>;
  /** Settings saved with the document. */
  loadSetting(key: string): Promise<unknown>;
  saveSetting(key: string, value: unknown): Promise<void>;
}

/** What a host tells the open task pane about the workbook while it watches a sheet. */
export interface WatchEvents {
  /**
   * Cells of the watched sheet changed: the user's edits, a co-author's, a paste, rows inserted or deleted. The
   * add-in's own writes are not reported where the host can tell them apart (Excel from ExcelApi 1.14).
   */
  changed: () => void;
  /** The selection moved (on any sheet): where the active cell is now, and how many rows the selection spans. */
  selected: (cell: ActiveCell, rows: number) => void;
}

/** A cell as it was before the add-in wrote it: its formula where it held one, else its value. */
export interface CellRecord {
  /** A1 address of one cell. */
  address: string;
  value: CellValue;
  /** The formula as typed ("=B2*0.25"), or null for a constant or an empty cell. */
  formula: string | null;
}

/**
 * What the task pane needs of a workbook beyond the audit and its tools: to follow the user's edits and selection,
 * and to undo its own writes. Excel, the browser preview and the tests' in-memory workbook implement it; the
 * command line's files (XlsxWorkbook) need none of it.
 */
export interface PaneWorkbook extends GoalWorkbook {
  /**
   * True when writing the add-in's highlights leaves the user's undo steps as they were (the preview, whose Undo
   * covers cells only). False in Excel: there each add-in write either takes an undo step of its own, ahead of the
   * user's (ExcelApi 1.20), or clears the undo stack (before it), so a live audit does not rewrite highlights there.
   */
  readonly highlightsKeepUndo: boolean;
  /**
   * True when the host's own undo (Ctrl+Z in Excel with ExcelUndoApiAll) takes back each write of a tool
   * (writeValues, insertRows, appendRows, insertTable, appendToSheet) as one step: the pane then points there
   * rather than offering an Undo of its own, which after a Ctrl+Z would undo the write a second time.
   */
  readonly hostUndo: boolean;
  /** Starts reporting changes of `sheet` and the selection; resolves to the function that stops it. */
  watch(sheet: string, events: WatchEvents): Promise<() => Promise<void>>;
  /** The cells at `addresses` (single cells) as they are now, to restore later. */
  snapshot(sheet: string, addresses: readonly string[]): Promise<CellRecord[]>;
  /** Puts cells back as recorded: formulas as formulas, text as text, empty cells emptied. */
  restore(sheet: string, records: readonly CellRecord[]): Promise<void>;
  /**
   * Inserts rows into a goal table under its row `after` (a data row of it): the rows below move down, the new ones
   * take the number formats of row `after`. An Excel table grows by them; under a plain range whole sheet rows are
   * inserted, as Excel's Insert Sheet Rows. Resolves to false, inserting nothing, where the host cannot insert rows
   * without losing something of the workbook (then the caller appends).
   */
  insertRows(table: TableSource, after: number, rows: CellValue[][]): Promise<boolean>;
  /**
   * Removes rows the add-in added to a goal table (`address`: those rows, as wide as written): an Excel table
   * shrinks back; under a plain range, rows `inserted` are deleted as whole sheet rows, rows appended are emptied of
   * what was written, with their number formats reset.
   */
  removeRows(table: TableSource, address: string, inserted: boolean): Promise<void>;
  /** Deletes a sheet the add-in added (the undo of a template or of plans written on a sheet of their own). */
  deleteSheet(sheet: string): Promise<void>;
  /**
   * Removes a table `insertTable` placed on a sheet of the user's, where the cells were empty and unformatted:
   * the table, its values, formats and drop-downs.
   */
  removeTable(table: TableSource): Promise<void>;
}
