/**
 * An in-memory GoalWorkbook for tests: sheets of values, Excel tables, conditional-format rules (the user's and
 * the add-in's), settings and the active cell. It records every write so that tests can prove what was (not)
 * touched.
 */
import { AUDIT_LAYOUT, CellValue, cellAddress, KEY_MARKER } from "../../src/domain";
import {
  ActiveCell,
  AuditWrite,
  CellBlock,
  CellRecord,
  PaneWorkbook,
  AppendedRows,
  InsertedTable,
  TableInsert,
  TableSource,
  WatchEvents,
} from "../../src/workbook/GoalWorkbook";
import { boundsAddress, boundsWithin, rangeBounds } from "../../src/workbook/operations";
import { movedRows } from "./movedRows";

export interface MemoryRule {
  range: string;
  formula: string;
  fill: string;
  font?: string;
  /** True for rules the add-in made. */
  ours: boolean;
}

export interface MemorySheet {
  name: string;
  /** Rows of values from A1. */
  cells: CellValue[][];
  tables: Array<{ name: string; address: string }>;
  rules: MemoryRule[];
  validations: Array<{ range: string; choices: string[] }>;
  formats: Array<{ range: string; numberFormat: string }>;
}

export class MemoryWorkbook implements PaneWorkbook {
  /** As the preview by default; a test sets it false to behave as Excel (a live audit leaves highlights alone). */
  highlightsKeepUndo = true;
  /** Tests set it to play a host whose own undo takes back the tools' writes. */
  hostUndo = false;
  /** The watchers `watch` started, by sheet: `edit` and `moveTo` report to them. */
  private readonly watchers = new Set<{ sheet: string; events: WatchEvents }>();
  readonly sheets = new Map<string, MemorySheet>();
  readonly settings = new Map<string, unknown>();
  /** Every cell written, as "Sheet!A1". */
  readonly written: string[] = [];
  active: ActiveCell;
  selected: string | null = null;
  /** How many calls each method got, for tests that count batches. */
  readonly calls = new Map<string, number>();
  private ownAuditSheet: string | null = null;

  constructor(sheets: Record<string, CellValue[][]>, active?: Partial<ActiveCell>) {
    for (const [name, cells] of Object.entries(sheets)) this.addSheet(name, cells);
    const first = Object.keys(sheets)[0] ?? "Sheet1";
    this.active = { sheet: first, row: 1, column: 0, ...active };
  }

  addSheet(name: string, cells: CellValue[][] = []): MemorySheet {
    const sheet: MemorySheet = { name, cells, tables: [], rules: [], validations: [], formats: [] };
    this.sheets.set(name, sheet);
    return sheet;
  }

  sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** The value of a cell (1-based row, 0-based column). */
  value(sheet: string, row: number, column: number): CellValue {
    return this.sheet(sheet).cells[row - 1]?.[column] ?? null;
  }

  private count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  private usedBounds(sheet: MemorySheet): string | null {
    let lastRow = 0;
    let lastColumn = -1;
    sheet.cells.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === "") return;
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c);
      })
    );
    if (lastRow === 0) return null;
    return boundsAddress({ firstRow: 1, firstColumn: 0, lastRow, lastColumn });
  }

  private setCell(sheet: MemorySheet, row: number, column: number, value: CellValue): void {
    const line = (sheet.cells[row - 1] ??= []);
    while (line.length < column) line.push(null);
    line[column] = value;
    this.written.push(`${sheet.name}!${cellAddress(column, row)}`);
  }

  async activeCell(): Promise<ActiveCell> {
    this.count("activeCell");
    return { ...this.active };
  }

  async candidates(sheetName: string): Promise<TableSource[]> {
    this.count("candidates");
    const sheet = this.sheet(sheetName);
    const tables = sheet.tables.map((table) => ({
      sheet: sheetName,
      address: table.address,
      tableName: table.name,
    }));
    const used = this.usedBounds(sheet);
    const insideTable =
      sheet.tables.length > 0 && used !== null && sheet.tables.some((t) => t.address === used);
    return used === null || insideTable
      ? tables
      : [...tables, { sheet: sheetName, address: used, tableName: null }];
  }

  async readValues(sheetName: string, address: string): Promise<CellValue[][]> {
    this.count("readValues");
    const sheet = this.sheet(sheetName);
    const bounds = rangeBounds(address);
    const rows: CellValue[][] = [];
    for (let r = bounds.firstRow; r <= bounds.lastRow; r++) {
      const line: CellValue[] = [];
      for (let c = bounds.firstColumn; c <= bounds.lastColumn; c++)
        line.push(sheet.cells[r - 1]?.[c] ?? null);
      rows.push(line);
    }
    return rows;
  }

  /** Outline depths by sheet and worksheet row (what rowDepths reports). */
  readonly depths = new Map<string, Map<number, number>>();

  async rowDepths(sheetName: string, address: string): Promise<Map<number, number>> {
    this.count("rowDepths");
    const bounds = rangeBounds(address);
    const rows = [...(this.depths.get(sheetName) ?? new Map<number, number>())];
    return new Map(rows.filter(([row]) => row >= bounds.firstRow && row <= bounds.lastRow));
  }

  async writeValues(sheetName: string, blocks: CellBlock[]): Promise<void> {
    this.count("writeValues");
    const sheet = this.sheet(sheetName);
    for (const block of blocks) {
      const bounds = rangeBounds(block.address);
      block.values.forEach((line, r) =>
        line.forEach((value, c) =>
          this.setCell(sheet, bounds.firstRow + r, bounds.firstColumn + c, value)
        )
      );
    }
  }

  async nonEmpty(sheetName: string, addresses: string[]): Promise<string[]> {
    this.count("nonEmpty");
    return addresses.filter((address) => {
      const { firstRow, firstColumn } = rangeBounds(address);
      const value = this.value(sheetName, firstRow, firstColumn);
      return value !== null && value !== undefined && value !== "";
    });
  }

  async auditSheetName(preferred: string): Promise<string> {
    this.count("auditSheetName");
    let name = preferred;
    for (let n = 2; this.sheets.has(name) && name !== this.ownAuditSheet; n++)
      name = `${preferred} (${n})`;
    return name;
  }

  async applyAudit(audit: AuditWrite): Promise<void> {
    this.count("applyAudit");
    this.removeOwn();
    const sheet = this.addSheet(audit.auditSheet);
    const { content } = audit;
    sheet.cells.push([...content.header]);
    content.rows.forEach((row) => sheet.cells.push([...row]));
    content.keys.forEach((list, index) => {
      const column = AUDIT_LAYOUT.firstKeyColumn + index;
      const line = (sheet.cells[0] ??= []);
      line[column] = list.header;
      list.values.forEach((value, r) => {
        const target = (sheet.cells[r + 1] ??= []);
        target[column] = value;
      });
    });
    this.ownAuditSheet = audit.auditSheet;
    const goal = this.sheet(audit.goalSheet);
    for (const rule of audit.rules)
      goal.rules.push({
        range: rule.range,
        formula: rule.formula,
        fill: rule.fill,
        font: rule.font,
        ours: true,
      });
  }

  private removeOwn(): { rules: number; sheet: boolean } {
    let rules = 0;
    for (const sheet of this.sheets.values()) {
      const before = sheet.rules.length;
      sheet.rules = sheet.rules.filter((rule) => !rule.ours);
      rules += before - sheet.rules.length;
    }
    const sheet = this.ownAuditSheet !== null && this.sheets.delete(this.ownAuditSheet);
    this.ownAuditSheet = null;
    return { rules, sheet };
  }

  async clearAudit(): Promise<{ rules: number; sheet: boolean }> {
    this.count("clearAudit");
    return this.removeOwn();
  }

  async select(sheet: string, address: string): Promise<void> {
    this.count("select");
    this.selected = `${sheet}!${address}`;
    const { firstRow, lastRow, firstColumn } = rangeBounds(address);
    this.active = { sheet, row: firstRow, column: firstColumn };
    if (this.selectionReported)
      for (const watcher of [...this.watchers])
        watcher.events.selected({ ...this.active }, lastRow - firstRow + 1);
  }

  /** Tests set it to play Excel and the preview, which report the add-in's own selections to the pane too. */
  selectionReported = false;

  async insertTable(table: TableInsert): Promise<InsertedTable> {
    this.count("insertTable");
    const active = this.sheet(this.active.sheet);
    const used = this.usedBounds(active);
    // Below what the active sheet holds, with a blank row between; a new sheet when that would be too far down.
    let sheet = active;
    let firstRow = used === null ? 1 : rangeBounds(used).lastRow + 2;
    const newSheet = firstRow > 1000;
    if (newSheet) {
      sheet = this.addSheet(table.sheetName);
      firstRow = 1;
    }
    this.setRow(
      sheet,
      firstRow,
      table.columns.map((column) => column.header)
    );
    table.rows.forEach((row, r) => this.setRow(sheet, firstRow + 1 + r, row));
    const address = boundsAddress({
      firstRow,
      firstColumn: 0,
      lastRow: firstRow + table.rows.length,
      lastColumn: table.columns.length - 1,
    });
    const name = `GoalTable${sheet.tables.length + 1}`;
    sheet.tables.push({ name, address });
    table.columns.forEach((column, index) => {
      const range = boundsAddress({
        firstRow: firstRow + 1,
        firstColumn: index,
        lastRow: firstRow + table.rows.length,
        lastColumn: index,
      });
      if (column.choices) sheet.validations.push({ range, choices: column.choices });
      if (column.numberFormat) sheet.formats.push({ range, numberFormat: column.numberFormat });
    });
    return { sheet: sheet.name, address, tableName: name, newSheet };
  }

  async removeTable(table: TableSource): Promise<void> {
    this.count("removeTable");
    const sheet = this.sheet(table.sheet);
    const bounds = rangeBounds(table.address);
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++)
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
        this.setCell(sheet, row, column, null);
    const inside = (range: string) => boundsWithin(rangeBounds(range), bounds);
    sheet.tables = sheet.tables.filter((entry) => entry.name !== table.tableName);
    sheet.validations = sheet.validations.filter((entry) => !inside(entry.range));
    sheet.formats = sheet.formats.filter((entry) => !inside(entry.range));
  }

  async deleteSheet(sheetName: string): Promise<void> {
    this.count("deleteSheet");
    this.sheet(sheetName);
    this.sheets.delete(sheetName);
    if (this.active.sheet === sheetName)
      this.active = { sheet: [...this.sheets.keys()][0] ?? "", row: 1, column: 0 };
  }

  private setRow(sheet: MemorySheet, row: number, values: CellValue[]): void {
    values.forEach((value, column) => this.setCell(sheet, row, column, value));
  }

  async appendRows(table: TableSource, rows: CellValue[][]): Promise<void> {
    this.count("appendRows");
    const sheet = this.sheet(table.sheet);
    const bounds = rangeBounds(table.address);
    rows.forEach((row, r) =>
      row.forEach((value, c) =>
        this.setCell(sheet, bounds.lastRow + 1 + r, bounds.firstColumn + c, value)
      )
    );
    const grown = boundsAddress({ ...bounds, lastRow: bounds.lastRow + rows.length });
    const listed = sheet.tables.find((entry) => entry.name === table.tableName);
    if (listed) listed.address = grown;
  }

  /**
   * Inserts whole rows under row `after` (a data row of the table), as Excel's Insert Sheet Rows: the cells below
   * move down, and so do the tables, drop-downs, formats and rules below; those spanning row `after` grow.
   * `canInsert` false makes it behave as the preview (it appends instead).
   */
  async insertRows(table: TableSource, after: number, rows: CellValue[][]): Promise<boolean> {
    this.count("insertRows");
    const bounds = rangeBounds(table.address);
    if (!this.canInsert || after <= bounds.firstRow || after > bounds.lastRow) return false;
    const sheet = this.sheet(table.sheet);
    const count = rows.length;
    while (sheet.cells.length < after) sheet.cells.push([]);
    sheet.cells.splice(after, 0, ...rows.map((row) => [...row]));
    this.moveRanges(sheet, after + 1, count);
    return true;
  }

  /** False to make insertRows refuse, as the preview's does. */
  canInsert = true;

  /**
   * Moves the sheet's tables, drop-downs, formats and rules as rows are inserted at `from` (`delta` > 0) or
   * deleted from it (`delta` < 0): those below move, those spanning it grow or shrink.
   */
  private moveRanges(sheet: MemorySheet, from: number, delta: number): void {
    const moved = (address: string): string =>
      boundsAddress(movedRows(rangeBounds(address), from, delta));
    for (const entry of sheet.tables) entry.address = moved(entry.address);
    for (const entry of sheet.validations) entry.range = moved(entry.range);
    for (const entry of sheet.formats) entry.range = moved(entry.range);
    for (const rule of sheet.rules) rule.range = moved(rule.range);
  }

  async removeRows(table: TableSource, address: string, inserted: boolean): Promise<void> {
    this.count("removeRows");
    const sheet = this.sheet(table.sheet);
    const bounds = rangeBounds(address);
    if (inserted && table.tableName === null) {
      // Whole sheet rows go, and what lies below moves up.
      const count = bounds.lastRow - bounds.firstRow + 1;
      sheet.cells.splice(bounds.firstRow - 1, count);
      this.moveRanges(sheet, bounds.firstRow, -count);
      return;
    }
    if (table.tableName !== null) {
      // The cells beneath shift up, the table shrinks (as Range.delete("Up") in Excel).
      const count = bounds.lastRow - bounds.firstRow + 1;
      for (let row = bounds.firstRow; row <= sheet.cells.length; row++)
        for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
          this.setCell(sheet, row, column, this.value(table.sheet, row + count, column) ?? null);
      const listed = sheet.tables.find((entry) => entry.name === table.tableName);
      if (listed) {
        const range = rangeBounds(listed.address);
        listed.address = boundsAddress({ ...range, lastRow: range.lastRow - count });
      }
      return;
    }
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++)
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
        this.setCell(sheet, row, column, null);
  }

  async snapshot(sheetName: string, addresses: readonly string[]): Promise<CellRecord[]> {
    this.count("snapshot");
    return addresses.map((address) => {
      const { firstRow, firstColumn } = rangeBounds(address);
      return {
        address,
        value: this.value(sheetName, firstRow, firstColumn) ?? null,
        formula: null,
      };
    });
  }

  async restore(sheetName: string, records: readonly CellRecord[]): Promise<void> {
    this.count("restore");
    const sheet = this.sheet(sheetName);
    for (const record of records) {
      const { firstRow, firstColumn } = rangeBounds(record.address);
      this.setCell(sheet, firstRow, firstColumn, record.value);
    }
  }

  async watch(sheet: string, events: WatchEvents): Promise<() => Promise<void>> {
    this.count("watch");
    const watcher = { sheet, events };
    this.watchers.add(watcher);
    return async () => {
      this.watchers.delete(watcher);
    };
  }

  /** How many watchers are on: a test proves the pane stops watching. */
  get watching(): number {
    return this.watchers.size;
  }

  /** A user's edit: sets a cell and reports the change to the sheet's watchers. */
  edit(sheetName: string, address: string, value: CellValue): void {
    const { firstRow, firstColumn } = rangeBounds(address);
    this.setCell(this.sheet(sheetName), firstRow, firstColumn, value);
    for (const watcher of [...this.watchers])
      if (watcher.sheet === sheetName) watcher.events.changed();
  }

  /** A user's selection of a cell or range: moves the active cell to its top-left and reports it. */
  moveTo(sheet: string, address: string): void {
    const { firstRow, lastRow, firstColumn } = rangeBounds(address);
    this.active = { sheet, row: firstRow, column: firstColumn };
    for (const watcher of [...this.watchers])
      watcher.events.selected({ ...this.active }, lastRow - firstRow + 1);
  }

  async sheetValues(sheetName: string): Promise<CellValue[][] | null> {
    this.count("sheetValues");
    const sheet = this.sheets.get(sheetName);
    if (!sheet) return null;
    return sheet.cells.map((row) => [...row]);
  }

  async appendToSheet(
    sheetName: string,
    header: string[],
    rows: CellValue[][],
    formats: readonly (readonly (string | null)[])[] = []
  ): Promise<AppendedRows> {
    this.count("appendToSheet");
    const existing = this.sheets.get(sheetName);
    const sheet = existing ?? this.addSheet(sheetName);
    const empty = this.usedBounds(sheet) === null;
    if (empty) this.setRow(sheet, 1, header);
    const next =
      (this.usedBounds(sheet) ? rangeBounds(this.usedBounds(sheet) as string).lastRow : 0) + 1;
    rows.forEach((row, r) => this.setRow(sheet, next + r, row));
    formats.forEach((line, r) =>
      line.forEach((numberFormat, column) => {
        if (numberFormat !== null)
          sheet.formats.push({ range: cellAddress(column, next + r), numberFormat });
      })
    );
    const width = Math.max(header.length, ...rows.map((row) => row.length), 1);
    return {
      address: boundsAddress({
        firstRow: empty ? 1 : next,
        lastRow: next + rows.length - 1,
        firstColumn: 0,
        lastColumn: width - 1,
      }),
      newSheet: existing === undefined,
    };
  }

  async loadSetting(key: string): Promise<unknown> {
    this.count("loadSetting");
    return this.settings.get(key);
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.count("saveSetting");
    this.settings.set(key, value);
  }

  /** The add-in's key columns on its audit sheet start with this marker (as in Excel and the CLI). */
  static readonly marker = KEY_MARKER;
}
