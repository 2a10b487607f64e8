/**
 * The workbook of the browser preview: a GoalWorkbook over a HyperFormula engine (GOAL.* registered, Excel's
 * limits), so that the task pane runs unchanged and a grid shows what Excel would show — computed formulas with
 * their spills, number formats, and conditional formats evaluated like Excel evaluates them.
 */
import { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { CellValue, cellKey, findHeaderRow, sheetRef } from "../domain";
import { buildGoalWorkbook } from "../functions/hyperformulaPlugin";
import {
  ActiveCell,
  AppendedRows,
  AuditWrite,
  CellBlock,
  CellRecord,
  InsertedTable,
  PaneWorkbook,
  TableInsert,
  TableSource,
  WatchEvents,
  WorkbookError,
} from "../workbook/GoalWorkbook";
import { auditSheetLayout } from "../workbook/auditLayout";
import {
  boundsAddress,
  boundsWithin,
  HEADER_SCAN_ROWS,
  RangeBounds,
  rangeBounds,
} from "../workbook/operations";
import { DATE_FORMAT, parseTsv, parseTyped, rawFromValue, toTsv, TypedEntry } from "./cellInput";
import { fromEngine, textOfRaw } from "./engineCells";
import { CellView, inputOf, linkLocation, viewOf } from "./gridView";
import { LookCache } from "./LookCache";
import { isDateFormat, isPercentFormat } from "./numberFormat";
import { engineState, OpenedFile, saveWorkbook } from "./previewFile";
import { SettingsStorage, SettingsStore } from "./settingsStore";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import {
  CellLook,
  DEFAULT_COLUMN_WIDTH,
  emptySheet,
  PreviewRule,
  PreviewSheet,
} from "./previewSheet";
import { registerCellIndex } from "./cellIndexPlugin";
import { RuleEvaluator } from "./RuleEvaluator";
import { LoadedWorkbook, readXlsx } from "./xlsxFile";

/** What changed: cells and formats, or only the selection (`reveal` when the pane asked to show a cell). */
export type PreviewChange =
  /** `edited`: the sheet a person edited in the grid (not the add-in's writes). */
  | { kind: "content"; edited?: string }
  | { kind: "selection"; reveal: boolean; bounds: RangeBounds };

export interface PreviewWorkbookOptions {
  active?: Partial<ActiveCell>;
  /** Settings are kept here too (default: localStorage when the page has it). */
  storage?: SettingsStorage | null;
}

/** One edit of the grid, undoable: the cells it touched as they were (their raw content and number format). */
interface UndoStep {
  sheet: string;
  bounds: RangeBounds;
  cells: Array<{
    row: number;
    column: number;
    content: RawCellContent;
    format: string | undefined;
  }>;
}

/** How many of the user's edits Ctrl+Z can take back (Excel keeps 100). */
const UNDO_STEPS = 100;

/** Below this many rows of content an inserted table goes on a new sheet (as in the in-memory workbook). */
const INSERT_ROW_LIMIT = 1000;
/** The table style Excel gives a new table. */
const TABLE_STYLE = "TableStyleMedium2";

function sameBounds(a: RangeBounds, b: RangeBounds): boolean {
  return (
    a.firstRow === b.firstRow &&
    a.lastRow === b.lastRow &&
    a.firstColumn === b.firstColumn &&
    a.lastColumn === b.lastColumn
  );
}

/** The workbook: the engine holds the cells, the sheets' metadata the rest. */
export class PreviewWorkbook implements PaneWorkbook {
  /** The preview's undo (Ctrl+Z in the grid) covers cells only: rewriting the highlights takes no step of it. */
  readonly highlightsKeepUndo = true;
  /** The preview's Ctrl+Z covers the user's cell edits, not the tools' writes: the pane's Undo does. */
  readonly hostUndo = false;

  private hf!: HyperFormula;
  private evaluator!: RuleEvaluator;
  /** Sheet names in workbook order. */
  private order: string[] = [];
  private readonly meta = new Map<string, PreviewSheet>();
  private active: ActiveCell = { sheet: "Sheet1", row: 1, column: 0 };
  private ownAuditSheet: string | null = null;
  /** The file this workbook was opened from: its bytes, and its sheets as they were when it was opened. */
  private file: OpenedFile | null = null;
  /** The audit written since the file was opened (or "cleared"): what a save writes through the audit writer. */
  private auditChange: AuditWrite | "cleared" | null = null;
  private readonly settings: SettingsStore;
  private readonly listeners = new Set<(change: PreviewChange) => void>();
  /** Bumped by every change of cells or formats: the caches below belong to one version. */
  private contentVersion = 0;
  /** Bumped by every change, the selection's too: what the grid re-renders on. */
  private revision = 0;
  private readonly looks = new LookCache();
  /** The user's edits, newest last, each with what its cells held before (Ctrl+Z in the grid). */
  private readonly undoSteps: UndoStep[] = [];
  private readonly usedCache = new Map<string, RangeBounds | null>();

  constructor(
    sheets: Record<string, CellValue[][]> = { Sheet1: [] },
    options: PreviewWorkbookOptions = {}
  ) {
    this.settings = new SettingsStore(options.storage);
    const entries = Object.entries(sheets);
    const loaded: LoadedWorkbook = {
      sheets: (entries.length > 0 ? entries : [["Sheet1", []] as [string, CellValue[][]]]).map(
        ([name, rows]) => {
          const meta = emptySheet(name);
          rows.forEach((row, r) =>
            row.forEach((value, c) => {
              if (value instanceof Date) meta.numberFormats.set(cellKey(r + 1, c), DATE_FORMAT);
            })
          );
          return { meta, cells: rows.map((row) => Array.from(row, rawFromValue)) };
        }
      ),
      activeSheet: null,
      ownAuditSheet: null,
    };
    this.install(loaded);
    this.active = { ...this.active, ...options.active };
  }

  /** Replaces everything with a loaded workbook; the active cell goes to its active sheet. */
  private install(loaded: LoadedWorkbook): void {
    this.forgetEdits();
    const old = this.hf as HyperFormula | undefined;
    registerCellIndex();
    this.hf = buildGoalWorkbook(
      Object.fromEntries(loaded.sheets.map((sheet) => [sheet.meta.name, sheet.cells]))
    );
    old?.destroy();
    this.evaluator = new RuleEvaluator(this.hf);
    this.order = loaded.sheets.map((sheet) => sheet.meta.name);
    this.meta.clear();
    for (const sheet of loaded.sheets) this.meta.set(sheet.meta.name, sheet.meta);
    this.ownAuditSheet = loaded.ownAuditSheet;
    const visible = this.sheetNames();
    const activeSheet =
      loaded.activeSheet !== null && visible.includes(loaded.activeSheet)
        ? loaded.activeSheet
        : (visible[0] ?? this.order[0] ?? "Sheet1");
    this.active = { sheet: activeSheet, row: 1, column: 0 };
  }

  // ---- change notification -------------------------------------------------------------------------------

  /** Calls `listener` after every change; returns the function that stops it. */
  readonly subscribe = (listener: (change: PreviewChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** A number that changes with every change, for React's useSyncExternalStore. */
  readonly getRevision = (): number => this.revision;

  private changed(change: PreviewChange = { kind: "content" }): void {
    if (change.kind === "content") {
      this.contentVersion++;
      this.usedCache.clear();
    }
    this.revision++;
    for (const listener of [...this.listeners]) listener(change);
  }

  // ---- sheets --------------------------------------------------------------------------------------------

  /** The sheet's name as the workbook spells it (names are compared without case, as Excel compares them). */
  private canonical(name: string): string | undefined {
    if (this.meta.has(name)) return name;
    const lower = name.toLowerCase();
    return this.order.find((candidate) => candidate.toLowerCase() === lower);
  }

  private sheet(name: string): { id: number; meta: PreviewSheet } {
    const canonical = this.canonical(name);
    const meta = canonical === undefined ? undefined : this.meta.get(canonical);
    const id = canonical === undefined ? undefined : this.hf.getSheetId(canonical);
    if (!meta || id === undefined) throw new WorkbookError("NOT_FOUND", `no sheet “${name}”`);
    return { id, meta };
  }

  private addSheetNamed(name: string): { id: number; meta: PreviewSheet } {
    try {
      this.hf.addSheet(name);
    } catch (error) {
      throw new WorkbookError(
        "CONFLICT",
        `cannot add a sheet “${name}”: ${(error as Error).message}`
      );
    }
    const meta = emptySheet(name);
    this.meta.set(name, meta);
    this.order.push(name);
    return { id: this.hf.getSheetId(name) as number, meta };
  }

  private removeSheetNamed(name: string): void {
    const { id } = this.sheet(name);
    this.hf.removeSheet(id);
    this.meta.delete(name);
    this.order = this.order.filter((sheet) => sheet !== name);
    if (this.active.sheet === name) {
      this.active = { sheet: this.sheetNames()[0] ?? this.order[0] ?? "", row: 1, column: 0 };
    }
  }

  private freeSheetName(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.canonical(name) !== undefined; n++) name = `${wanted} (${n})`;
    return name;
  }

  /** Names of the sheets a person sees as tabs, in workbook order. */
  sheetNames(): string[] {
    return this.order.filter((name) => !this.meta.get(name)?.hidden);
  }

  /** A sheet's tables, rules (in precedence order), validations, formats and widths, to read. */
  sheetInfo(sheet: string): Readonly<PreviewSheet> {
    return this.sheet(sheet).meta;
  }

  // ---- cells ---------------------------------------------------------------------------------------------

  private address(id: number, row: number, column: number): SimpleCellAddress {
    return { sheet: id, row: row - 1, col: column };
  }

  /** The first and last used rows and columns of a sheet (formulas count, as in Excel), or null when it is empty. */
  usedBounds(sheet: string): RangeBounds | null {
    const { id, meta } = this.sheet(sheet);
    if (this.usedCache.has(meta.name)) return this.usedCache.get(meta.name) ?? null;
    const { width, height } = this.hf.getSheetDimensions(id);
    let firstRow = Infinity;
    let lastRow = 0;
    let firstColumn = Infinity;
    let lastColumn = -1;
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        if (this.hf.isCellEmpty({ sheet: id, row, col })) continue;
        firstRow = Math.min(firstRow, row + 1);
        lastRow = row + 1;
        firstColumn = Math.min(firstColumn, col);
        lastColumn = Math.max(lastColumn, col);
      }
    }
    const bounds = lastRow === 0 ? null : { firstRow, lastRow, firstColumn, lastColumn };
    this.usedCache.set(meta.name, bounds);
    return bounds;
  }

  /**
   * How many rows and columns a sheet spans from A1, at most (cheap: the engine's extent, which may still count
   * cells emptied since); for the grid's scroll size, not for finding tables.
   */
  sheetSize(sheet: string): { rows: number; columns: number } {
    const { width, height } = this.hf.getSheetDimensions(this.sheet(sheet).id);
    return { rows: height, columns: width };
  }

  /** Writes rows of values from a cell: text stays text, dates get a date format when the cell has none. */
  private writeRows(
    target: { id: number; meta: PreviewSheet },
    row: number,
    column: number,
    rows: readonly (readonly CellValue[])[]
  ): void {
    if (rows.length === 0) return;
    this.hf.setCellContents(
      this.address(target.id, row, column),
      rows.map((line) => Array.from(line, rawFromValue))
    );
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const key = cellKey(row + r, column + c);
        if (value instanceof Date && !isDateFormat(target.meta.numberFormats.get(key)))
          target.meta.numberFormats.set(key, DATE_FORMAT);
      })
    );
  }

  private setEntry(
    target: { id: number; meta: PreviewSheet },
    row: number,
    column: number,
    entry: TypedEntry
  ): void {
    this.hf.setCellContents(this.address(target.id, row, column), entry.content);
    if (!entry.impliedFormat) return;
    const key = cellKey(row, column);
    const current = target.meta.numberFormats.get(key);
    // Typing a date or a percentage gives the cell that format unless it has one of that kind already (as Excel).
    const sameKind =
      entry.kind === "date"
        ? isDateFormat(current)
        : entry.kind === "percent"
          ? isPercentFormat(current)
          : current !== undefined;
    if (!sameKind) target.meta.numberFormats.set(key, entry.impliedFormat);
  }

  /** Keeps what the cells of an edit hold now, so that Ctrl+Z can put it back. */
  private record(target: { id: number; meta: PreviewSheet }, bounds: RangeBounds): void {
    const cells: UndoStep["cells"] = [];
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++)
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
        cells.push({
          row,
          column,
          content: this.hf.getCellSerialized(this.address(target.id, row, column)),
          format: target.meta.numberFormats.get(cellKey(row, column)),
        });
    this.undoSteps.push({ sheet: target.meta.name, bounds, cells });
    if (this.undoSteps.length > UNDO_STEPS) this.undoSteps.shift();
  }

  /**
   * Takes back the user's last edit of the grid (typing, pasting, deleting) and returns where it was, or null when
   * there is none. The add-in's own writes of cells start a new history, as an add-in's writes clear Excel's undo
   * stack; its highlights and audit sheet do not touch the user's cells and leave the history alone.
   */
  undo(): { sheet: string; bounds: RangeBounds } | null {
    const step = this.undoSteps.pop();
    if (!step || this.canonical(step.sheet) === undefined) return null;
    const target = this.sheet(step.sheet);
    this.hf.batch(() => {
      for (const cell of step.cells) {
        this.hf.setCellContents(this.address(target.id, cell.row, cell.column), cell.content);
        const key = cellKey(cell.row, cell.column);
        if (cell.format === undefined) target.meta.numberFormats.delete(key);
        else target.meta.numberFormats.set(key, cell.format);
      }
    });
    this.changed({ kind: "content", edited: target.meta.name });
    return { sheet: target.meta.name, bounds: step.bounds };
  }

  /** The add-in wrote cells (or another file was opened): the user's edits before it are no longer undone. */
  private forgetEdits(): void {
    this.undoSteps.length = 0;
  }

  /** True when Ctrl+Z has an edit to take back. */
  canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  /**
   * Sets a cell from what a person typed: "=…" a formula, numbers ("1,200", "95%"), ISO dates, TRUE/FALSE, text.
   * Row 1-based, column 0-based.
   */
  setCellInput(sheet: string, row: number, column: number, text: string): void {
    const target = this.sheet(sheet);
    this.record(target, { firstRow: row, lastRow: row, firstColumn: column, lastColumn: column });
    this.setEntry(target, row, column, parseTyped(text));
    this.changed({ kind: "content", edited: target.meta.name });
  }

  /** Empties the cells of a range (their formats stay, as with Excel's Delete key). */
  clearCells(sheet: string, bounds: RangeBounds): void {
    const target = this.sheet(sheet);
    const { id } = target;
    this.record(target, bounds);
    const rows = bounds.lastRow - bounds.firstRow + 1;
    const columns = bounds.lastColumn - bounds.firstColumn + 1;
    this.hf.setCellContents(
      this.address(id, bounds.firstRow, bounds.firstColumn),
      Array.from({ length: rows }, () => new Array<RawCellContent>(columns).fill(null))
    );
    this.changed({ kind: "content", edited: this.sheet(sheet).meta.name });
  }

  /**
   * Pastes tab-separated text (as Excel copies a block) from a cell, each cell read as if typed; returns the
   * block written, or null when the text holds nothing.
   */
  pasteTsv(sheet: string, row: number, column: number, text: string): RangeBounds | null {
    const target = this.sheet(sheet);
    const rows = parseTsv(text);
    if (rows.length === 0) return null;
    let width = 0;
    for (const line of rows) width = Math.max(width, line.length);
    this.record(target, {
      firstRow: row,
      lastRow: row + rows.length - 1,
      firstColumn: column,
      lastColumn: column + width - 1,
    });
    this.hf.batch(() =>
      rows.forEach((line, r) =>
        line.forEach((cell, c) => this.setEntry(target, row + r, column + c, parseTyped(cell)))
      )
    );
    this.changed({ kind: "content", edited: target.meta.name });
    return {
      firstRow: row,
      lastRow: row + rows.length - 1,
      firstColumn: column,
      lastColumn: column + width - 1,
    };
  }

  /** The computed value of a cell, as the domain reads cells. */
  cellValue(sheet: string, row: number, column: number): CellValue {
    const { id } = this.sheet(sheet);
    return fromEngine(this.hf.getCellValue(this.address(id, row, column)));
  }

  /** How a cell shows: its value formatted with the cell's number format, and its alignment. */
  cellView(sheet: string, row: number, column: number): CellView {
    const { id, meta } = this.sheet(sheet);
    return viewOf(this.hf, meta, this.address(id, row, column));
  }

  /** A cell's text as shown, with its number format ("yyyy-mm-dd", "0%", "#,##0.##"…). */
  cellDisplay(sheet: string, row: number, column: number): string {
    return this.cellView(sheet, row, column).text;
  }

  /** What editing a cell starts from: its formula, or its value as one would type it. */
  cellInput(sheet: string, row: number, column: number): string {
    const { id, meta } = this.sheet(sheet);
    return inputOf(this.hf, meta, this.address(id, row, column));
  }

  /** The sheet and cell an in-workbook hyperlink of a cell points at, or null. */
  linkTarget(
    sheet: string,
    row: number,
    column: number
  ): { sheet: string; address: string } | null {
    const link = this.sheet(sheet).meta.links.get(cellKey(row, column));
    const location = link ? linkLocation(link) : null;
    return location && this.canonical(location.sheet) !== undefined ? location : null;
  }

  /** A range's cells as tab-separated text, as shown (what Excel puts on the clipboard). */
  tsvOf(sheet: string, bounds: RangeBounds): string {
    const rows: string[][] = [];
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++) {
      const line: string[] = [];
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
        line.push(this.cellDisplay(sheet, row, column));
      rows.push(line);
    }
    return toTsv(rows);
  }

  /** A column's width in characters; 0 for a hidden column. */
  columnWidth(sheet: string, column: number): number {
    const { meta } = this.sheet(sheet);
    if (meta.hiddenColumns.has(column)) return 0;
    return meta.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The number format of a cell, if it has one. */
  numberFormat(sheet: string, row: number, column: number): string | undefined {
    return this.sheet(sheet).meta.numberFormats.get(cellKey(row, column));
  }

  // ---- conditional formats -------------------------------------------------------------------------------

  /** The look conditional formats give each cell of a window (LookCache.ts), cached until the next change. */
  fillsFor(
    sheet: string,
    firstRow: number,
    lastRow: number,
    firstColumn: number,
    lastColumn: number
  ): Array<Array<CellLook | null>> {
    return this.looks.looks(this.evaluator, this.sheet(sheet).meta, this.contentVersion, {
      firstRow,
      lastRow,
      firstColumn,
      lastColumn,
    });
  }

  // ---- GoalWorkbook --------------------------------------------------------------------------------------

  async activeCell(): Promise<ActiveCell> {
    return { ...this.active };
  }

  /** The active cell, synchronously (for the grid). */
  current(): ActiveCell {
    return { ...this.active };
  }

  /** Makes a cell active (a click in the grid); the grid that clicked needs no scrolling. */
  setActiveCell(sheet: string, row: number, column: number): void {
    const { meta } = this.sheet(sheet);
    this.active = { sheet: meta.name, row, column };
    this.changed({
      kind: "selection",
      reveal: false,
      bounds: { firstRow: row, lastRow: row, firstColumn: column, lastColumn: column },
    });
  }

  async candidates(sheet: string): Promise<TableSource[]> {
    const { meta } = this.sheet(sheet);
    const tables = meta.tables.map((table) => ({
      sheet: meta.name,
      address: table.address,
      tableName: table.name,
    }));
    const used = this.usedBounds(meta.name);
    if (used === null) return tables;
    const insideTable = meta.tables.some((table) => sameBounds(rangeBounds(table.address), used));
    return insideTable
      ? tables
      : [...tables, { sheet: meta.name, address: boundsAddress(used), tableName: null }];
  }

  async readValues(sheet: string, address: string): Promise<CellValue[][]> {
    const { id } = this.sheet(sheet);
    const bounds = rangeBounds(address);
    return this.hf
      .getRangeValues({
        start: this.address(id, bounds.firstRow, bounds.firstColumn),
        end: this.address(id, bounds.lastRow, bounds.lastColumn),
      })
      .map((row) => row.map(fromEngine));
  }

  async rowDepths(sheetName: string, address: string): Promise<Map<number, number>> {
    const meta = this.sheet(sheetName).meta;
    const bounds = rangeBounds(address);
    const depths = new Map<number, number>();
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++) {
      const level = meta.outlineLevels.get(row);
      if (level !== undefined) depths.set(row, level);
    }
    if (depths.size > 0) return depths;
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++) {
      const indent = meta.indents.get(cellKey(row, bounds.firstColumn));
      if (indent !== undefined) depths.set(row, indent);
    }
    return depths;
  }

  async writeValues(sheet: string, blocks: CellBlock[]): Promise<void> {
    this.forgetEdits();
    const target = this.sheet(sheet);
    this.hf.batch(() => {
      for (const block of blocks) {
        const bounds = rangeBounds(block.address);
        this.writeRows(target, bounds.firstRow, bounds.firstColumn, block.values);
      }
    });
    this.changed();
  }

  async nonEmpty(sheet: string, addresses: string[]): Promise<string[]> {
    const { id } = this.sheet(sheet);
    return addresses.filter((address) => {
      const { firstRow, firstColumn } = rangeBounds(address);
      return !this.hf.isCellEmpty(this.address(id, firstRow, firstColumn));
    });
  }

  async auditSheetName(preferred: string): Promise<string> {
    let name = preferred;
    for (let n = 2; ; n++) {
      const taken = this.canonical(name);
      if (taken === undefined || taken === this.ownAuditSheet) return name;
      name = `${preferred} (${n})`;
    }
  }

  async applyAudit(audit: AuditWrite): Promise<void> {
    const goal = this.sheet(audit.goalSheet);
    const reuse =
      this.ownAuditSheet !== null && this.ownAuditSheet === this.canonical(audit.auditSheet);
    this.removeOwnRules();
    // The same audit sheet is refilled rather than replaced: formulas of the user's that point at it keep working.
    if (!reuse && this.ownAuditSheet !== null) this.removeSheetNamed(this.ownAuditSheet);
    const target = reuse ? this.sheet(audit.auditSheet) : this.addSheetNamed(audit.auditSheet);
    const name = target.meta.name;
    this.meta.set(name, { ...emptySheet(name), hidden: target.meta.hidden });
    const meta = this.meta.get(name) as PreviewSheet;
    this.hf.setSheetContent(target.id, this.auditRows(audit));
    this.styleAuditSheet(meta, audit);
    this.ownAuditSheet = name;
    this.auditChange = audit;
    for (const rule of audit.rules)
      goal.meta.rules.push({
        ranges: [rule.range],
        formula: rule.formula,
        fill: rule.fill,
        font: rule.font,
        ours: true,
      });
    this.changed();
  }

  /** The audit sheet's cells, from its layout (src/workbook/auditLayout.ts); links show their text. */
  private auditRows(audit: AuditWrite): RawCellContent[][] {
    const rows: RawCellContent[][] = [];
    for (const cell of auditSheetLayout(audit.content, audit.goalSheet).cells) {
      if (cell.value === null) continue;
      const line = (rows[cell.row - 1] ??= []);
      while (line.length < cell.column) line.push(null);
      line[cell.column] = rawFromValue(cell.value);
    }
    return Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null));
  }

  private styleAuditSheet(meta: PreviewSheet, audit: AuditWrite): void {
    const layout = auditSheetLayout(audit.content, audit.goalSheet);
    for (const cell of layout.cells) {
      const key = cellKey(cell.row, cell.column);
      if (cell.look === "bold") meta.looks.set(key, { bold: true });
      else if (cell.look === "link") {
        const target = audit.content.targets[cell.row - 2];
        if (target) meta.links.set(key, `#${sheetRef(audit.goalSheet)}!${target}`);
      } else if (cell.look) meta.looks.set(key, { fill: cell.look.fill });
    }
    for (const { column, width } of layout.widths) meta.columnWidths.set(column, width);
    for (let column = layout.hidden.from; column <= layout.hidden.to; column++)
      meta.hiddenColumns.add(column);
    meta.frozenRows = layout.frozenRows;
  }

  private removeOwnRules(): number {
    let removed = 0;
    for (const meta of this.meta.values()) {
      const kept = meta.rules.filter((rule) => !rule.ours);
      removed += meta.rules.length - kept.length;
      meta.rules = kept;
    }
    return removed;
  }

  async clearAudit(): Promise<{ rules: number; sheet: boolean }> {
    const rules = this.removeOwnRules();
    const sheet = this.ownAuditSheet !== null && this.canonical(this.ownAuditSheet) !== undefined;
    if (sheet) this.removeSheetNamed(this.ownAuditSheet as string);
    this.ownAuditSheet = null;
    this.auditChange = "cleared";
    this.changed();
    return { rules, sheet };
  }

  async select(sheet: string, address: string): Promise<void> {
    const { meta } = this.sheet(sheet);
    const bounds = rangeBounds(address);
    this.active = { sheet: meta.name, row: bounds.firstRow, column: bounds.firstColumn };
    this.changed({ kind: "selection", reveal: true, bounds });
  }

  async insertTable(table: TableInsert): Promise<InsertedTable> {
    this.forgetEdits();
    let target = this.sheet(this.active.sheet);
    const used = this.usedBounds(target.meta.name);
    // Below what the active sheet holds, with a blank row between; on a new sheet when that is too far down.
    let firstRow = used === null ? 1 : used.lastRow + 2;
    const newSheet = firstRow > INSERT_ROW_LIMIT;
    if (newSheet) {
      target = this.addSheetNamed(this.freeSheetName(table.sheetName));
      firstRow = 1;
    }
    const { meta } = target;
    this.hf.batch(() =>
      this.writeRows(target, firstRow, 0, [
        table.columns.map((column) => column.header),
        ...table.rows,
      ])
    );
    const lastRow = firstRow + table.rows.length;
    const address = boundsAddress({
      firstRow,
      firstColumn: 0,
      lastRow,
      lastColumn: table.columns.length - 1,
    });
    const name = this.freeTableName();
    meta.tables.push({ name, address, style: TABLE_STYLE });
    table.columns.forEach((column, index) => {
      const range = boundsAddress({
        firstRow: firstRow + 1,
        firstColumn: index,
        lastRow,
        lastColumn: index,
      });
      if (column.choices) meta.validations.push({ range, choices: [...column.choices] });
      if (column.numberFormat)
        for (let row = firstRow + 1; row <= lastRow; row++)
          meta.numberFormats.set(cellKey(row, index), column.numberFormat);
      if (!meta.columnWidths.has(index)) meta.columnWidths.set(index, column.width);
    });
    this.changed();
    return { sheet: meta.name, address, tableName: name, newSheet };
  }

  async removeTable(table: TableSource): Promise<void> {
    this.forgetEdits();
    const target = this.sheet(table.sheet);
    const { meta } = target;
    const bounds = rangeBounds(table.address);
    meta.tables = meta.tables.filter((entry) => entry.name !== table.tableName);
    meta.validations = meta.validations.filter(
      (validation) => !boundsWithin(rangeBounds(validation.range), bounds)
    );
    this.hf.setCellContents(
      this.address(target.id, bounds.firstRow, bounds.firstColumn),
      Array.from({ length: bounds.lastRow - bounds.firstRow + 1 }, () =>
        new Array<RawCellContent>(bounds.lastColumn - bounds.firstColumn + 1).fill(null)
      )
    );
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++)
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
        meta.numberFormats.delete(cellKey(row, column));
        meta.looks.delete(cellKey(row, column));
      }
    this.changed();
  }

  async deleteSheet(sheet: string): Promise<void> {
    this.forgetEdits();
    const canonical = this.canonical(sheet);
    if (canonical === undefined) throw new WorkbookError("NOT_FOUND", `no sheet “${sheet}”`);
    this.removeSheetNamed(canonical);
    this.changed();
  }

  /** A table name no sheet uses yet (table names are unique in a workbook). */
  private freeTableName(): string {
    const taken = new Set(
      [...this.meta.values()].flatMap((meta) =>
        meta.tables.map((table) => table.name.toLowerCase())
      )
    );
    let n = 1;
    while (taken.has(`goaltable${n}`)) n++;
    return `GoalTable${n}`;
  }

  async appendRows(table: TableSource, rows: CellValue[][]): Promise<void> {
    this.forgetEdits();
    const target = this.sheet(table.sheet);
    const { meta } = target;
    const bounds = rangeBounds(table.address);
    this.hf.batch(() => this.writeRows(target, bounds.lastRow + 1, bounds.firstColumn, rows));
    const grown: RangeBounds = { ...bounds, lastRow: bounds.lastRow + rows.length };
    // An Excel table carries its columns' formats into the rows it grows by; under a plain range the Excel host
    // gives the new rows the number formats of the row above (ExcelWorkbook.appendRows): the same here.
    for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
      const format = meta.numberFormats.get(cellKey(bounds.lastRow, column));
      if (format === undefined) continue;
      for (let row = bounds.lastRow + 1; row <= grown.lastRow; row++)
        if (!meta.numberFormats.has(cellKey(row, column)))
          meta.numberFormats.set(cellKey(row, column), format);
    }
    const listed = meta.tables.find((entry) => entry.name === table.tableName);
    if (listed) {
      listed.address = boundsAddress(grown);
      // And its drop-downs.
      meta.validations = meta.validations.map((validation) => {
        const range = rangeBounds(validation.range);
        const inside =
          range.firstColumn >= bounds.firstColumn && range.lastColumn <= bounds.lastColumn;
        return inside && range.lastRow === bounds.lastRow
          ? { ...validation, range: boundsAddress({ ...range, lastRow: grown.lastRow }) }
          : validation;
      });
    }
    this.changed();
  }

  /**
   * The preview appends instead (false): a workbook it opened is saved as the file's own package with the edited
   * cells only (fileEdits.ts), and rows inserted would leave that package's merged cells, rules, links, drawings and
   * other sheets' references where they were. Inserting needs the package writer (src/xlsx) to shift rows first.
   */
  async insertRows(_table: TableSource, _after: number, _rows: CellValue[][]): Promise<boolean> {
    return false;
  }

  /**
   * Undoes appendRows: the cells written are emptied and lose the number formats they were given, and an Excel
   * table ending with them shrinks back (with its drop-downs); nothing else moves.
   */
  async removeRows(table: TableSource, address: string, _inserted: boolean): Promise<void> {
    this.forgetEdits();
    const target = this.sheet(table.sheet);
    const { meta } = target;
    const bounds = rangeBounds(address);
    const rows = bounds.lastRow - bounds.firstRow + 1;
    const columns = bounds.lastColumn - bounds.firstColumn + 1;
    this.hf.setCellContents(
      this.address(target.id, bounds.firstRow, bounds.firstColumn),
      Array.from({ length: rows }, () => new Array<RawCellContent>(columns).fill(null))
    );
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++)
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
        meta.numberFormats.delete(cellKey(row, column));
    const listed = meta.tables.find((entry) => entry.name === table.tableName);
    const range = listed ? rangeBounds(listed.address) : null;
    if (listed && range && range.lastRow === bounds.lastRow) {
      listed.address = boundsAddress({ ...range, lastRow: bounds.firstRow - 1 });
      meta.validations = meta.validations.map((validation) => {
        const checked = rangeBounds(validation.range);
        return checked.lastRow === bounds.lastRow
          ? { ...validation, range: boundsAddress({ ...checked, lastRow: bounds.firstRow - 1 }) }
          : validation;
      });
    }
    this.changed();
  }

  async snapshot(sheet: string, addresses: readonly string[]): Promise<CellRecord[]> {
    const { id, meta } = this.sheet(sheet);
    return addresses.map((address) => {
      const { firstRow, firstColumn } = rangeBounds(address);
      const formula = this.hf.getCellFormula(this.address(id, firstRow, firstColumn));
      return {
        address,
        value: this.cellValue(meta.name, firstRow, firstColumn),
        formula: formula ?? null,
      };
    });
  }

  async restore(sheet: string, records: readonly CellRecord[]): Promise<void> {
    this.forgetEdits();
    const target = this.sheet(sheet);
    this.hf.batch(() => {
      for (const record of records) {
        const { firstRow, firstColumn } = rangeBounds(record.address);
        if (record.formula === null)
          this.writeRows(target, firstRow, firstColumn, [[record.value]]);
        else
          this.hf.setCellContents(this.address(target.id, firstRow, firstColumn), record.formula);
      }
    });
    this.changed();
  }

  /** Reports people's edits of the sheet (the grid's typing, pasting, deleting) and every move of the selection. */
  async watch(sheet: string, events: WatchEvents): Promise<() => Promise<void>> {
    const name = this.sheet(sheet).meta.name;
    const stop = this.subscribe((change) => {
      if (change.kind === "selection")
        events.selected(this.current(), change.bounds.lastRow - change.bounds.firstRow + 1);
      else if (change.edited === name) events.changed();
    });
    return async () => stop();
  }

  async sheetValues(sheet: string): Promise<CellValue[][] | null> {
    const canonical = this.canonical(sheet);
    if (canonical === undefined) return null;
    const used = this.usedBounds(canonical);
    return used === null
      ? []
      : this.readValues(canonical, boundsAddress({ ...used, firstRow: 1, firstColumn: 0 }));
  }

  async appendToSheet(
    sheet: string,
    header: string[],
    rows: CellValue[][],
    formats: readonly (readonly (string | null)[])[] = []
  ): Promise<AppendedRows> {
    this.forgetEdits();
    const existing = this.canonical(sheet);
    const target = existing === undefined ? this.addSheetNamed(sheet) : this.sheet(existing);
    const used = this.usedBounds(target.meta.name);
    const first = used === null ? 1 : used.lastRow + 1;
    this.hf.batch(() => {
      let next = first;
      if (used === null) {
        this.writeRows(target, 1, 0, [header]);
        header.forEach((_, column) => target.meta.looks.set(cellKey(1, column), { bold: true }));
        next = 2;
      }
      this.writeRows(target, next, 0, rows);
      formats.forEach((line, r) =>
        line.forEach((format, column) => {
          if (format !== null) target.meta.numberFormats.set(cellKey(next + r, column), format);
        })
      );
    });
    this.changed();
    const width = Math.max(header.length, ...rows.map((row) => row.length), 1);
    return {
      address: boundsAddress({
        firstRow: first,
        lastRow: (used === null ? 1 : first - 1) + rows.length,
        firstColumn: 0,
        lastColumn: width - 1,
      }),
      newSheet: existing === undefined,
    };
  }

  async loadSetting(key: string): Promise<unknown> {
    return this.settings.load(key);
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.save(key, value);
  }

  // ---- files ---------------------------------------------------------------------------------------------

  /**
   * Loads an .xlsx workbook in place of this one: values, formulas (as Excel saved them), Excel tables, conditional
   * formats, data validations, number formats, the cells' fills and fonts, column widths. The active sheet is the
   * one the file was saved on, else the first whose first rows hold a goal table's header.
   */
  async loadXlsx(bytes: ArrayBuffer): Promise<void> {
    const loaded = await readXlsx(bytes);
    if (loaded.activeSheet === null) {
      loaded.activeSheet =
        loaded.sheets.find(
          (sheet) =>
            !sheet.meta.hidden &&
            findHeaderRow(
              sheet.cells.slice(0, HEADER_SCAN_ROWS).map((row) => row.map(textOfRaw))
            ) !== null
        )?.meta.name ?? null;
    }
    this.install(loaded);
    this.file = {
      bytes: new Uint8Array(bytes.slice(0)),
      state: engineState(this.hf, this.engineSheets()),
      ownAuditSheet: loaded.ownAuditSheet,
    };
    this.auditChange = null;
    this.changed();
  }

  /** The workbook as an .xlsx file (previewFile.ts): an opened file's package with the edits, or a new one. */
  async saveXlsx(): Promise<ArrayBuffer> {
    return saveWorkbook({
      hf: this.hf,
      sheets: this.engineSheets(),
      activeSheet: this.active.sheet,
      file: this.file,
      ownSheets: new Set(
        [this.ownAuditSheet, this.file?.ownAuditSheet].filter((name) => name != null)
      ),
      audit: this.auditChange,
    });
  }

  /** True when the workbook was opened from a macro-enabled file (its copy keeps the VBA project). */
  hasMacros(): boolean {
    return this.file !== null && XlsxWorkbook.open(this.file.bytes).hasMacros();
  }

  /** Every sheet with its engine id, in workbook order. */
  private engineSheets(): Array<{ id: number; meta: PreviewSheet }> {
    return this.order.map((name) => this.sheet(name));
  }

  /** Frees the engine (tests and page reloads). */
  destroy(): void {
    this.hf.destroy();
    this.listeners.clear();
  }

  /**
   * Adds a conditional format of the user's (as Excel's Home > Conditional Formatting > New Rule does), after the
   * sheet's other rules.
   */
  addRule(sheet: string, rule: Omit<PreviewRule, "ours">): void {
    this.sheet(sheet).meta.rules.push({ ...rule, ranges: [...rule.ranges], ours: false });
    this.changed();
  }
}
