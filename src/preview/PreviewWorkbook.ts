/**
 * The workbook of the browser preview: a GoalWorkbook over a HyperFormula engine (GOAL.* registered, Excel's
 * limits), so that the task pane runs unchanged and a grid shows what Excel would show — computed formulas with
 * their spills, number formats, and conditional formats evaluated like Excel evaluates them.
 */
import {
  CellType,
  CellValue as EngineValue,
  DetailedCellError,
  HyperFormula,
  RawCellContent,
  SimpleCellAddress,
} from "hyperformula";
import { CellValue, cellKey, findHeaderRow, sheetRef } from "../domain";
import { buildGoalWorkbook } from "../functions/hyperformulaPlugin";
import {
  ActiveCell,
  AuditWrite,
  CellBlock,
  GoalWorkbook,
  TableInsert,
  TableSource,
  WorkbookError,
} from "../workbook/GoalWorkbook";
import { auditSheetLayout } from "../workbook/auditLayout";
import { boundsAddress, HEADER_SCAN_ROWS, RangeBounds, rangeBounds } from "../workbook/operations";
import { DATE_FORMAT, parseTsv, parseTyped, rawFromValue, toTsv, TypedEntry } from "./cellInput";
import { excelSyntax, storedFormula } from "./formulaText";
import { applyPreviewEdits, frozenMeta, SheetState, WorkbookState } from "./fileEdits";
import type { CellContent } from "../xlsx/sheetData";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { formatNumber, formatText, isDateFormat, isPercentFormat } from "./numberFormat";
import {
  CellLook,
  DEFAULT_COLUMN_WIDTH,
  emptySheet,
  PreviewRule,
  PreviewSheet,
} from "./previewSheet";
import { registerCellIndex } from "./cellIndexPlugin";
import { RuleEvaluator } from "./RuleEvaluator";
import { LoadedWorkbook, readXlsx, SavedCell, writeXlsx } from "./xlsxFile";

/** What changed: cells and formats, or only the selection (`reveal` when the pane asked to show a cell). */
export type PreviewChange =
  { kind: "content" } | { kind: "selection"; reveal: boolean; bounds: RangeBounds };

/** Where settings outlive the page: the browser's localStorage, or nothing. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface PreviewWorkbookOptions {
  active?: Partial<ActiveCell>;
  /** Settings are kept here too (default: localStorage when the page has it). */
  storage?: SettingsStorage | null;
}

/** How a cell shows: its formatted text and its alignment (numbers right, text left, the rest centred). */
export interface CellView {
  text: string;
  align: "left" | "right" | "center";
  /** True when the cell is a hyperlink. */
  link: boolean;
}

const SETTINGS_PREFIX = "goal-cascade-preview:";
/**
 * Rows of one cached block of conditional-format looks: scrolling a few rows computes a block or two, a screen
 * reuses what it computed before, an edit drops them all.
 */
export const LOOK_BLOCK_ROWS = 5;
const LOOK_CACHE_BLOCKS = 800;
/** Below this many rows of content an inserted table goes on a new sheet (as in the in-memory workbook). */
const INSERT_ROW_LIMIT = 1000;
/** The table style Excel gives a new table. */
const TABLE_STYLE = "TableStyleMedium2";

const ERROR_TEXTS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
]);

/** A value of the engine as the domain reads cells. */
function fromEngine(value: EngineValue): CellValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === null || value === undefined) return null;
  return value;
}

function defaultStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Some browsers throw on access to localStorage when site data is blocked.
    return null;
  }
}

function sameBounds(a: RangeBounds, b: RangeBounds): boolean {
  return (
    a.firstRow === b.firstRow &&
    a.lastRow === b.lastRow &&
    a.firstColumn === b.firstColumn &&
    a.lastColumn === b.lastColumn
  );
}

/** The workbook: the engine holds the cells, the sheets' metadata the rest. */
export class PreviewWorkbook implements GoalWorkbook {
  private hf!: HyperFormula;
  private evaluator!: RuleEvaluator;
  /** Sheet names in workbook order. */
  private order: string[] = [];
  private readonly meta = new Map<string, PreviewSheet>();
  private active: ActiveCell = { sheet: "Sheet1", row: 1, column: 0 };
  private ownAuditSheet: string | null = null;
  /** The file this workbook was opened from: its bytes, and its sheets as they were when it was opened. */
  private file: { bytes: Uint8Array; state: WorkbookState; ownAuditSheet: string | null } | null =
    null;
  /** The audit written since the file was opened (or "cleared"): what a save writes through the audit writer. */
  private auditChange: AuditWrite | "cleared" | null = null;
  private readonly settings = new Map<string, unknown>();
  private readonly storage: SettingsStorage | null;
  private readonly listeners = new Set<(change: PreviewChange) => void>();
  /** Bumped by every change of cells or formats: the caches below belong to one version. */
  private contentVersion = 0;
  /** Bumped by every change, the selection's too: what the grid re-renders on. */
  private revision = 0;
  private cacheVersion = -1;
  private readonly lookCache = new Map<string, Array<Array<CellLook | null>>>();
  private readonly usedCache = new Map<string, RangeBounds | null>();

  constructor(
    sheets: Record<string, CellValue[][]> = { Sheet1: [] },
    options: PreviewWorkbookOptions = {}
  ) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
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

  /**
   * Sets a cell from what a person typed: "=…" a formula, numbers ("1,200", "95%"), ISO dates, TRUE/FALSE, text.
   * Row 1-based, column 0-based.
   */
  setCellInput(sheet: string, row: number, column: number, text: string): void {
    const target = this.sheet(sheet);
    this.setEntry(target, row, column, parseTyped(text));
    this.changed();
  }

  /** Empties the cells of a range (their formats stay, as with Excel's Delete key). */
  clearCells(sheet: string, bounds: RangeBounds): void {
    const { id } = this.sheet(sheet);
    const rows = bounds.lastRow - bounds.firstRow + 1;
    const columns = bounds.lastColumn - bounds.firstColumn + 1;
    this.hf.setCellContents(
      this.address(id, bounds.firstRow, bounds.firstColumn),
      Array.from({ length: rows }, () => new Array<RawCellContent>(columns).fill(null))
    );
    this.changed();
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
    this.hf.batch(() =>
      rows.forEach((line, r) =>
        line.forEach((cell, c) => this.setEntry(target, row + r, column + c, parseTyped(cell)))
      )
    );
    this.changed();
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
    const address = this.address(id, row, column);
    const value = this.hf.getCellValue(address);
    const key = cellKey(row, column);
    const link = meta.links.has(key);
    if (value === null || value === undefined) return { text: "", align: "left", link };
    if (value instanceof DetailedCellError) return { text: value.value, align: "center", link };
    if (typeof value === "boolean")
      return { text: value ? "TRUE" : "FALSE", align: "center", link };
    const format = meta.numberFormats.get(key);
    if (typeof value === "string") return { text: formatText(value, format), align: "left", link };
    // A formula that computes a date (DATE, EDATE…) shows it as one, as Excel formats such cells itself.
    const shown =
      format ??
      (this.hf.getCellValueDetailedType(address) === "NUMBER_DATE" ? DATE_FORMAT : undefined);
    return { text: formatNumber(value, shown), align: "right", link };
  }

  /** A cell's text as shown, with its number format ("yyyy-mm-dd", "0%", "#,##0.##"…). */
  cellDisplay(sheet: string, row: number, column: number): string {
    return this.cellView(sheet, row, column).text;
  }

  /** What editing a cell starts from: its formula, or its value as one would type it. */
  cellInput(sheet: string, row: number, column: number): string {
    const { id, meta } = this.sheet(sheet);
    const address = this.address(id, row, column);
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return excelSyntax(formula);
    const value = this.hf.getCellValue(address);
    if (value === null || value === undefined) return "";
    if (value instanceof DetailedCellError) return value.value;
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (typeof value === "string") {
      // Text that typing would read as something else gets Excel's apostrophe.
      return parseTyped(value).kind === "text" && !value.startsWith("'") ? value : `'${value}`;
    }
    const format = meta.numberFormats.get(cellKey(row, column));
    if (isDateFormat(format))
      return formatNumber(value, Number.isInteger(value) ? DATE_FORMAT : `${DATE_FORMAT} hh:mm:ss`);
    if (isPercentFormat(format)) return `${Number((value * 100).toPrecision(15))}%`;
    return String(Number(value.toPrecision(15)));
  }

  /** The sheet and cell an in-workbook hyperlink of a cell points at, or null. */
  linkTarget(
    sheet: string,
    row: number,
    column: number
  ): { sheet: string; address: string } | null {
    const link = this.sheet(sheet).meta.links.get(cellKey(row, column));
    const match = link
      ? /^#(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(link)
      : null;
    if (!match) return null;
    const target = match[1]?.replace(/''/g, "'") ?? match[2] ?? "";
    return this.canonical(target) === undefined
      ? null
      : { sheet: target, address: match[3] as string };
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

  /**
   * The look of each cell of a window (rows 1-based, columns 0-based): the fill, font colour and boldness the
   * conditional formats give it, over the cell's own. Each rule's formula is evaluated by the engine for the cells
   * of the window only, shifted from its range's top-left cell as Excel shifts it. Rules apply in the sheet's order
   * (a loaded file's in Excel's priority order, then rules added later: the audit's come after the user's rules that
   * were there before); for each of fill, font colour and bold, the first rule that holds and sets it wins, as
   * Excel combines the formats of rules that hold. Results are cached in blocks of rows until the next change.
   */
  fillsFor(
    sheet: string,
    firstRow: number,
    lastRow: number,
    firstColumn: number,
    lastColumn: number
  ): Array<Array<CellLook | null>> {
    const { meta } = this.sheet(sheet);
    if (this.cacheVersion !== this.contentVersion) {
      this.lookCache.clear();
      this.cacheVersion = this.contentVersion;
    }
    const out: Array<Array<CellLook | null>> = [];
    const firstBlock = Math.floor((firstRow - 1) / LOOK_BLOCK_ROWS);
    const lastBlock = Math.floor((lastRow - 1) / LOOK_BLOCK_ROWS);
    for (let block = firstBlock; block <= lastBlock; block++) {
      const key = `${meta.name}\u0000${block}\u0000${firstColumn}\u0000${lastColumn}`;
      let looks = this.lookCache.get(key);
      const blockFirst = block * LOOK_BLOCK_ROWS + 1;
      if (looks) {
        // Least recently used goes first when the cache is full.
        this.lookCache.delete(key);
      } else {
        looks = this.computeLooks(meta, {
          firstRow: blockFirst,
          lastRow: blockFirst + LOOK_BLOCK_ROWS - 1,
          firstColumn,
          lastColumn,
        });
      }
      this.lookCache.set(key, looks);
      if (this.lookCache.size > LOOK_CACHE_BLOCKS) {
        const oldest = this.lookCache.keys().next().value;
        if (oldest !== undefined) this.lookCache.delete(oldest);
      }
      const from = Math.max(firstRow, blockFirst);
      const to = Math.min(lastRow, blockFirst + LOOK_BLOCK_ROWS - 1);
      for (let row = from; row <= to; row++) out.push(looks[row - blockFirst] ?? []);
    }
    return out;
  }

  private computeLooks(meta: PreviewSheet, window: RangeBounds): Array<Array<CellLook | null>> {
    const hits = this.evaluator.evaluate(meta.name, meta.rules, window);
    const headerRows = meta.tables.map((table) => rangeBounds(table.address));
    const looks: Array<Array<CellLook | null>> = [];
    for (let row = window.firstRow; row <= window.lastRow; row++) {
      const line: Array<CellLook | null> = [];
      for (let column = window.firstColumn; column <= window.lastColumn; column++) {
        const look: CellLook = {};
        meta.rules.forEach((rule, index) => {
          if (!hits[index]?.[row - window.firstRow]?.[column - window.firstColumn]) return;
          if (look.fill === undefined && rule.fill) look.fill = rule.fill;
          if (look.font === undefined && rule.font) look.font = rule.font;
          if (look.bold === undefined && rule.bold !== undefined) look.bold = rule.bold;
        });
        const own = meta.looks.get(cellKey(row, column));
        if (own) {
          look.fill ??= own.fill;
          look.font ??= own.font;
          look.bold ??= own.bold;
        }
        // A table's header row shows bold, as Excel's table styles show it.
        if (
          look.bold === undefined &&
          headerRows.some(
            (bounds) =>
              bounds.firstRow === row && column >= bounds.firstColumn && column <= bounds.lastColumn
          )
        )
          look.bold = true;
        for (const property of ["fill", "font", "bold"] as const)
          if (look[property] === undefined) delete look[property];
        line.push(Object.keys(look).length > 0 ? look : null);
      }
      looks.push(line);
    }
    return looks;
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

  async writeValues(sheet: string, blocks: CellBlock[]): Promise<void> {
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

  async insertTable(table: TableInsert): Promise<TableSource> {
    let target = this.sheet(this.active.sheet);
    const used = this.usedBounds(target.meta.name);
    // Below what the active sheet holds, with a blank row between; on a new sheet when that is too far down.
    let firstRow = used === null ? 1 : used.lastRow + 2;
    if (firstRow > INSERT_ROW_LIMIT) {
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
    return { sheet: meta.name, address, tableName: name };
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
    const target = this.sheet(table.sheet);
    const { meta } = target;
    const bounds = rangeBounds(table.address);
    this.hf.batch(() => this.writeRows(target, bounds.lastRow + 1, bounds.firstColumn, rows));
    const grown: RangeBounds = { ...bounds, lastRow: bounds.lastRow + rows.length };
    const listed = meta.tables.find((entry) => entry.name === table.tableName);
    if (listed) {
      listed.address = boundsAddress(grown);
      // An Excel table carries its columns' formats and drop-downs into the rows it grows by.
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
        const format = meta.numberFormats.get(cellKey(bounds.lastRow, column));
        if (format === undefined) continue;
        for (let row = bounds.lastRow + 1; row <= grown.lastRow; row++)
          if (!meta.numberFormats.has(cellKey(row, column)))
            meta.numberFormats.set(cellKey(row, column), format);
      }
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

  async sheetValues(sheet: string): Promise<CellValue[][] | null> {
    const canonical = this.canonical(sheet);
    if (canonical === undefined) return null;
    const used = this.usedBounds(canonical);
    return used === null ? [] : this.readValues(canonical, boundsAddress(used));
  }

  async appendToSheet(sheet: string, header: string[], rows: CellValue[][]): Promise<void> {
    const existing = this.canonical(sheet);
    const target = existing === undefined ? this.addSheetNamed(sheet) : this.sheet(existing);
    const used = this.usedBounds(target.meta.name);
    this.hf.batch(() => {
      let next = used === null ? 1 : used.lastRow + 1;
      if (used === null) {
        this.writeRows(target, 1, 0, [header]);
        header.forEach((_, column) => target.meta.looks.set(cellKey(1, column), { bold: true }));
        next = 2;
      }
      this.writeRows(target, next, 0, rows);
    });
    this.changed();
  }

  async loadSetting(key: string): Promise<unknown> {
    if (this.settings.has(key)) return this.settings.get(key);
    try {
      const stored = this.storage?.getItem(SETTINGS_PREFIX + key);
      return stored === null || stored === undefined ? undefined : (JSON.parse(stored) as unknown);
    } catch {
      // A value another page version wrote in another shape is as good as none.
      return undefined;
    }
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
    try {
      this.storage?.setItem(SETTINGS_PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the setting lives as long as the page, as in a document not yet saved.
    }
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
      state: this.state(),
      ownAuditSheet: loaded.ownAuditSheet,
    };
    this.auditChange = null;
    this.changed();
  }

  /**
   * The workbook as an .xlsx file. A workbook opened from a file is saved as that file's package with the preview's
   * edits (src/xlsx: every part it did not change stays byte for byte); a new one is written whole. The audit goes
   * through the package writer's audit, the one the command line writes.
   */
  async saveXlsx(): Promise<ArrayBuffer> {
    let book: XlsxWorkbook;
    const own = new Set(
      [this.ownAuditSheet, this.file?.ownAuditSheet].filter((name) => name != null)
    );
    if (this.file) {
      book = XlsxWorkbook.open(this.file.bytes);
      const changed = applyPreviewEdits(
        book,
        this.file.state,
        this.state(),
        (sheet) => (row, column, formulaKept) => this.contentOf(sheet, row, column, formulaKept),
        own as Set<string>
      );
      if (changed) book.setFullCalcOnLoad();
    } else {
      const sheets = this.order
        .filter((name) => !own.has(name))
        .map((name) => {
          const meta = this.meta.get(name) as PreviewSheet;
          return {
            meta: { ...meta, rules: meta.rules.filter((rule) => !rule.ours) },
            cells: this.savedCells(name),
          };
        });
      const active = own.has(this.active.sheet) ? (sheets[0]?.meta.name ?? "") : this.active.sheet;
      book = XlsxWorkbook.open(new Uint8Array(await writeXlsx({ activeSheet: active, sheets })));
    }
    if (this.auditChange === "cleared") await book.clearAudit();
    else if (this.auditChange !== null) await book.applyAudit(this.auditChange);
    const bytes = book.toBytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** True when the workbook was opened from a macro-enabled file (its copy keeps the VBA project). */
  hasMacros(): boolean {
    return this.file !== null && XlsxWorkbook.open(this.file.bytes).hasMacros();
  }

  /** Every sheet's cells (formula and value) and metadata, for comparing at save time. */
  private state(): WorkbookState {
    const state: WorkbookState = new Map();
    for (const name of this.order) {
      const { id, meta } = this.sheet(name);
      const { width, height } = this.hf.getSheetDimensions(id);
      const contents: SheetState["contents"] = new Map();
      for (let row = 0; row < height; row++)
        for (let col = 0; col < width; col++) {
          const address = { sheet: id, row, col };
          if (this.hf.isCellEmpty(address)) continue;
          const formula = this.hf.getCellFormula(address) ?? null;
          const value = JSON.stringify(fromEngine(this.hf.getCellValue(address)) ?? null);
          contents.set(cellKey(row + 1, col), { formula, value });
        }
      state.set(name, { contents, meta: frozenMeta(meta) });
    }
    return state;
  }

  /** A cell's content as the package writer takes it: its value, and its formula as Excel stores it. */
  private contentOf(sheet: string, row: number, column: number, formulaKept: boolean): CellContent {
    const { id } = this.sheet(sheet);
    const address = { sheet: id, row: row - 1, col: column };
    const value = savedValue(fromEngine(this.hf.getCellValue(address)));
    const formula = this.hf.getCellFormula(address);
    if (formula === undefined) return { value };
    if (formulaKept) return { value, keepFormula: true };
    const spill = this.spillBounds(address);
    return {
      value,
      formula: storedFormula(excelSyntax(formula).slice(1)),
      ...(spill ? { spill: boundsAddress(spill) } : {}),
    };
  }

  private savedCells(name: string): SavedCell[] {
    const { id } = this.sheet(name);
    const { width, height } = this.hf.getSheetDimensions(id);
    const cells: SavedCell[] = [];
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const address = { sheet: id, row, col };
        if (this.hf.isCellEmpty(address)) continue;
        const value = fromEngine(this.hf.getCellValue(address));
        const saved: SavedCell = { row: row + 1, column: col, value: savedValue(value) };
        const formula = this.hf.getCellFormula(address);
        if (formula !== undefined) {
          saved.formula = excelSyntax(formula).slice(1);
          const spill = this.spillBounds(address);
          if (spill) saved.spill = boundsAddress(spill);
        }
        cells.push(saved);
      }
    }
    return cells;
  }

  /** The range an array formula spilled into, when it is more than its own cell. */
  private spillBounds(anchor: SimpleCellAddress): RangeBounds | null {
    if (this.hf.getCellType(anchor) !== CellType.ARRAYFORMULA) return null;
    const member = (row: number, col: number) =>
      this.hf.getCellType({ sheet: anchor.sheet, row, col }) === CellType.ARRAY;
    let rows = 1;
    while (member(anchor.row + rows, anchor.col)) rows++;
    let columns = 1;
    while (member(anchor.row, anchor.col + columns)) columns++;
    if (rows === 1 && columns === 1) return null;
    return {
      firstRow: anchor.row + 1,
      lastRow: anchor.row + rows,
      firstColumn: anchor.col,
      lastColumn: anchor.col + columns - 1,
    };
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

/** An engine error that Excel has no name for (#ERROR!, #CYCLE!) is saved as #VALUE!, which Excel reads. */
function savedValue(value: CellValue): CellValue {
  if (
    value !== null &&
    typeof value === "object" &&
    !(value instanceof Date) &&
    !ERROR_TEXTS.has(value.error)
  )
    return { error: "#VALUE!" };
  return value;
}

/** A loaded cell as the header search reads it: text without the apostrophe that keeps it text. */
function textOfRaw(cell: RawCellContent): CellValue {
  if (typeof cell === "string") return cell.startsWith("'") ? cell.slice(1) : cell;
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  return null;
}
