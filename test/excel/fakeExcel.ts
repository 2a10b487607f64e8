/**
 * A fake of the part of the Excel JavaScript API that ExcelWorkbook uses, for tests. It keeps Excel's batching
 * model: calls only queue operations, `context.sync()` applies them in order (the first failing one rejects the sync
 * and drops the rest), and loaded properties become readable only after that sync.
 *
 * Objects with scalar properties (Range, Worksheet, Table, ConditionalFormat, its rule, Setting, protection) are
 * office-addin-mock OfficeMockObjects behind a JS Proxy: the mock enforces load-then-sync ("property was not
 * loaded", "context.sync() was not called"), the Proxy queues assignments and throws — instead of returning the
 * mock's error text — when code reads what it did not load, or touches a member this fake does not know. The mock
 * cannot model collections whose `items` are loaded through paths ("items/name"), nor write-only format objects:
 * those (worksheets, tables, conditional formats, settings, `format`, `dataValidation`) are small hand-made fakes.
 *
 * Every sync is measured: the JSON bytes of what was queued (values written) and of what came back (values loaded).
 */
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress, columnIndex } from "../../src/domain";
import {
  boundsAddress,
  boundsWithin,
  RangeBounds,
  rangeBounds,
} from "../../src/workbook/operations";
import { movedRows } from "../support/movedRows";
import type { ExcelRunOptions } from "../../src/excel/ExcelWorkbook";

/** A cell as the fake stores it. */
export type FakeCell =
  | string
  | number
  | boolean
  | { error: string }
  | { formula: string; value: string | number | boolean };

export interface FakeRule {
  id: string;
  type: string;
  range: string;
  formula: string;
  fill: string;
  font: string;
  stopIfTrue?: boolean;
  /**
   * Excel on the desktop fails to read some rules the user made (two rules duplicated on one range, several
   * cellValue rules on one table column: office-js #6827, #6835): reading this one's formula fails its request.
   */
  unreadable?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  /** Rows (0-based) of cells (0-based columns); undefined is an empty cell. */
  cells: (FakeCell | undefined)[][];
  tables: { name: string; address: string }[];
  rules: FakeRule[];
  /** Excel fails to list this sheet's conditional formats (office-js #5222): loading the collection fails. */
  rulesUnlistable?: boolean;
  /** Number formats by "row:column" (1-based row, 0-based column). */
  numberFormats: Map<string, string>;
  /** Other formats set, in order: what, where, value. */
  formats: { what: string; address: string; value: unknown }[];
  frozenRows: number;
  /** Indent levels by "row:column" (1-based row, 0-based column): what getCellProperties reports. */
  indents?: Map<string, number>;
}

/** One sync: the bytes queued and loaded, the operations, the suspend calls. */
export interface SyncStats {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  suspendScreen: number;
  suspendCalculation: number;
}

/** One change applied to the workbook, for tests that prove what was (not) touched. */
export interface FakeWrite {
  sheet: string;
  what: string;
  address: string;
}

/** The error Excel rejects a sync with (as OfficeExtension.Error: a code and a message). */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

const WHOLE_SHEET: RangeBounds = {
  firstRow: 1,
  lastRow: 1_048_576,
  firstColumn: 0,
  lastColumn: 16_383,
};
const MOCK_ERRORS = ["Error, property was not loaded", "Error, context.sync() was not called"];

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
}

/** Bounds of "A1", "A1:B2", "L:Q" (whole columns) or "3:5" (whole rows). */
export function parseAddress(address: string): RangeBounds {
  const local = (address.split("!").pop() ?? address).replace(/\$/g, "");
  const columns = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (columns)
    return {
      ...WHOLE_SHEET,
      firstColumn: columnIndex(columns[1] as string),
      lastColumn: columnIndex(columns[2] as string),
    };
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return { ...WHOLE_SHEET, firstRow: Number(rows[1]), lastRow: Number(rows[2]) };
  return rangeBounds(local);
}

/**
 * Whole rows inserted at `from` (`delta` > 0) or deleted from it (`delta` < 0), as Excel does: the cells, number
 * formats, tables and rules below move; a table or rule spanning `from` grows or shrinks.
 */
function moveRows(sheet: FakeSheet, from: number, delta: number): void {
  if (delta > 0) sheet.cells.splice(from - 1, 0, ...Array.from({ length: delta }, () => []));
  else sheet.cells.splice(from - 1, -delta);
  const formats = new Map<string, string>();
  for (const [key, format] of sheet.numberFormats) {
    const [row, column] = key.split(":").map(Number) as [number, number];
    if (delta < 0 && row >= from && row < from - delta) continue;
    formats.set(`${row >= from ? row + delta : row}:${column}`, format);
  }
  sheet.numberFormats = formats;
  const moved = (address: string): string =>
    boundsAddress(movedRows(parseAddress(address), from, delta));
  for (const table of sheet.tables) table.address = moved(table.address);
  for (const rule of sheet.rules) rule.range = moved(rule.range);
}

function intersects(a: RangeBounds, b: RangeBounds): boolean {
  return (
    a.firstRow <= b.lastRow &&
    b.firstRow <= a.lastRow &&
    a.firstColumn <= b.lastColumn &&
    b.firstColumn <= a.lastColumn
  );
}

/** A pattern for references to a sheet in a formula, quoted or bare. */
function sheetReference(name: string, withCells: boolean): RegExp {
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const prefix = `(?:'${escaped(name.replace(/'/g, "''"))}'|${escaped(name)})!`;
  const cells = withCells ? "\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?" : "";
  return new RegExp(`(?<![\\w.'])${prefix}${cells}`, "gi");
}

function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const ERROR_LITERALS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
]);

/**
 * What Excel makes of a value written through `values` or `formulas`, as if typed: undefined leaves the cell
 * alone (null), null clears it (""). A leading apostrophe marks text; "=…" (and "+…", "-…", "@…" that are not
 * numbers) is a formula; numbers, percentages, ISO dates, TRUE/FALSE and error literals are converted.
 */
export function typed(input: unknown, textFormat: boolean): FakeCell | null | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number" || typeof input === "boolean") return input;
  if (typeof input !== "string")
    throw new FakeExcelError("InvalidArgument", `cannot write ${typeof input}`);
  if (input === "") return null;
  if (textFormat) return input;
  if (input.startsWith("'")) return input.slice(1);
  if (/^[+-]?\d+(\.\d+)?$/.test(input.trim())) return Number(input);
  if (/^[+-]?\d+(\.\d+)?%$/.test(input.trim())) return Number(input.trim().slice(0, -1)) / 100;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (date)
    return Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25569;
  if (/^(true|false)$/i.test(input.trim())) return input.trim().toLowerCase() === "true";
  if (ERROR_LITERALS.has(input.trim().toUpperCase())) return { error: input.trim().toUpperCase() };
  if (/^[=+\-@]./.test(input)) {
    const formula = input.startsWith("=") ? input : `=${input}`;
    const link = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(formula);
    return { formula, value: link ? (link[2] as string).replace(/""/g, '"') : "" };
  }
  return input;
}

/** A cell's value as Excel reads it ("" for empty) and its value type. */
function readCell(cell: FakeCell | undefined): { value: string | number | boolean; type: string } {
  if (cell === undefined) return { value: "", type: "Empty" };
  if (typeof cell === "object" && "error" in cell) return { value: cell.error, type: "Error" };
  const value = typeof cell === "object" ? cell.value : cell;
  if (value === "") return { value, type: "Empty" };
  return {
    value,
    type: typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String",
  };
}

/** Turns a test fixture value into a stored cell (strings are stored as they are: they are the cells' text). */
function fixtureCell(value: unknown): FakeCell | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "object" && value !== null && "error" in value)
    return { error: String((value as { error: unknown }).error) };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  throw new Error(`unsupported fixture value ${String(value)}`);
}

interface ProxySpec {
  kind: string;
  /** Loadable properties, read from the model when the load is applied. */
  scalars: Record<string, () => unknown>;
  /** Assignable properties: the assignment is queued and applied in order at sync. */
  writable?: Record<string, (value: unknown) => void>;
  /** Navigation properties and methods. */
  members?: Record<string, unknown>;
}

interface Queued {
  bytes: number;
  apply(): number | void;
}

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the fake stands in for Excel's untyped proxies

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  active = { sheet: "", cell: "A1" };
  readonly syncs: SyncStats[] = [];
  readonly writes: FakeWrite[] = [];
  /** Sync numbers (1-based, counted over the fake's life) that fail before applying anything, with the code. */
  readonly failingSyncs = new Map<number, string>();
  /** Makes an operation fail when applied: return an error code for it, or null. */
  failOperation: ((what: string, sheet: string) => string | null) | null = null;

  private queue: Queued[] = [];
  private current: SyncStats = this.freshStats();
  private toSync = new Set<OfficeMockObject>();
  private afterSync: (() => void)[] = [];
  private readonly internals = new WeakMap<object, { mock: OfficeMockObject; spec: ProxySpec }>();
  private sheetCounter = 0;
  private ruleCounter = 0;
  private tableCounter = 0;

  /** The options of the last `Excel.run(options, batch)` call made through `excelRun`. */
  lastRunOptions: unknown = null;
  /** The options of every batch run through `run(batch, options)` (ExcelWorkbook's runner), in order. */
  readonly runOptions: ExcelRunOptions[] = [];
  /** True while a batch runs with `mergeUndoGroup`: it must call only APIs with undo support. */
  private undoGroup = false;
  /** The selected range when it is more than the active cell (the active cell is its top-left). */
  selection: string | null = null;
  /** Event handlers added (Worksheet.onChanged by sheet name, Workbook.onSelectionChanged), until removed. */
  private readonly changeHandlers = new Map<string, Set<(event: unknown) => Promise<unknown>>>();
  private readonly selectionHandlers = new Set<(event: unknown) => Promise<unknown>>();

  /** Excel reports an edit of a sheet's cells to its onChanged handlers; `triggerSource` as ExcelApi 1.14 says. */
  async fireChanged(
    sheet: string,
    address: string,
    triggerSource: "Unknown" | "ThisLocalAddin" = "Unknown"
  ): Promise<void> {
    for (const handler of [...(this.changeHandlers.get(sheet) ?? [])])
      await handler({ address, changeType: "RangeEdited", source: "Local", triggerSource });
  }

  /** Excel reports a move of the selection (to `active`, with `selection` if a range). */
  async fireSelection(): Promise<void> {
    for (const handler of [...this.selectionHandlers]) await handler({ type: "SelectionChanged" });
  }

  /** How many handlers are on, for tests that prove they were removed. */
  get handlers(): number {
    let count = this.selectionHandlers.size;
    for (const set of this.changeHandlers.values()) count += set.size;
    return count;
  }

  /** An EventHandlers object: `add` registers at the next sync and returns a result whose `remove` queues. */
  private eventHandlers(set: () => Set<(event: unknown) => Promise<unknown>>, context: Any): Any {
    return {
      add: (handler: (event: unknown) => Promise<unknown>) => {
        this.enqueue(60, () => void set().add(handler));
        return {
          context,
          remove: () => this.enqueue(60, () => void set().delete(handler)),
        };
      },
    };
  }

  /**
   * A runner for ExcelWorkbook: each batch gets a fresh request context with an empty queue. It takes the batch
   * alone (as tests pass it to ExcelWorkbook) or after run options, as `Excel.run(options, batch)` does.
   */
  readonly run = async <T>(
    first: ((context: Excel.RequestContext) => Promise<T>) | object,
    second?: ((context: Excel.RequestContext) => Promise<T>) | ExcelRunOptions
  ): Promise<T> => {
    const batch = typeof first === "function" ? first : second;
    if (typeof first !== "function") this.lastRunOptions = first;
    if (typeof batch !== "function") throw new Error("Excel.run needs a batch");
    const options = (typeof first === "function" ? second : first) as ExcelRunOptions | undefined;
    if (typeof first === "function") this.runOptions.push(options ?? {});
    this.undoGroup = options?.mergeUndoGroup === true;
    this.queue = [];
    this.current = this.freshStats();
    try {
      return await batch(this.context() as unknown as Excel.RequestContext);
    } finally {
      // What a failed batch queued after its last sync never reaches Excel.
      this.undoGroup = false;
      this.queue = [];
      this.current = this.freshStats();
    }
  };

  private freshStats(): SyncStats {
    return {
      requestBytes: 0,
      responseBytes: 0,
      operations: 0,
      suspendScreen: 0,
      suspendCalculation: 0,
    };
  }

  // ---- the model --------------------------------------------------------------------------------------------

  addSheet(name: string, rows: unknown[][] = []): FakeSheet {
    const sheet: FakeSheet = {
      id: `{SHEET-${++this.sheetCounter}}`,
      name,
      visibility: "Visible",
      protected: false,
      cells: rows.map((row) => row.map(fixtureCell)),
      tables: [],
      rules: [],
      numberFormats: new Map(),
      formats: [],
      frozenRows: 0,
    };
    this.sheets.push(sheet);
    if (this.active.sheet === "") this.active = { sheet: name, cell: "A1" };
    return sheet;
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    const wanted = nameOrId.toLowerCase();
    return this.sheets.find(
      (sheet) => sheet.id === nameOrId || sheet.name.toLowerCase() === wanted
    );
  }

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Values of a sheet as Excel reads them, from A1 to the last used cell. */
  values(name: string): (string | number | boolean)[][] {
    const sheet = this.sheet(name);
    // Array.from, not map: rows never written are holes, which map would skip.
    const width = Math.max(0, ...Array.from(sheet.cells, (row) => row?.length ?? 0));
    return Array.from(sheet.cells, (row) =>
      Array.from({ length: width }, (_, c) => readCell(row?.[c]).value)
    );
  }

  /** A user rule of any type, as if made in Excel's UI. */
  addUserRule(sheetName: string, rule: Omit<FakeRule, "id">): FakeRule {
    const made = { id: `{CF-${++this.ruleCounter}}`, ...rule };
    this.sheet(sheetName).rules.push(made);
    return made;
  }

  /** Everything a user could see, to compare a workbook before and after an operation. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((sheet) => ({
        ...sheet,
        id: undefined,
        numberFormats: [...sheet.numberFormats],
        cells: this.values(sheet.name),
        rules: sheet.rules.map((rule) => ({ ...rule, id: undefined })),
      })),
      settings: [...this.settings],
    };
  }

  private usedBounds(
    sheet: FakeSheet,
    within: RangeBounds,
    valuesOnly: boolean
  ): RangeBounds | null {
    let found: RangeBounds | null = null;
    const include = (row: number, column: number) => {
      if (row < within.firstRow || row > within.lastRow) return;
      if (column < within.firstColumn || column > within.lastColumn) return;
      found = found
        ? {
            firstRow: Math.min(found.firstRow, row),
            lastRow: Math.max(found.lastRow, row),
            firstColumn: Math.min(found.firstColumn, column),
            lastColumn: Math.max(found.lastColumn, column),
          }
        : { firstRow: row, lastRow: row, firstColumn: column, lastColumn: column };
    };
    const last = Math.min(sheet.cells.length, within.lastRow);
    for (let r = within.firstRow - 1; r < last; r++) {
      const row = sheet.cells[r];
      if (!row) continue;
      const right = Math.min(row.length - 1, within.lastColumn);
      for (let c = within.firstColumn; c <= right; c++)
        if (readCell(row[c]).type !== "Empty") include(r + 1, c);
    }
    if (!valuesOnly) {
      for (const key of sheet.numberFormats.keys()) {
        const [row, column] = key.split(":").map(Number) as [number, number];
        include(row, column);
      }
      for (const table of sheet.tables) {
        const bounds = parseAddress(table.address);
        include(bounds.firstRow, bounds.firstColumn);
        include(bounds.lastRow, bounds.lastColumn);
      }
    }
    return found;
  }

  private writeCells(sheet: FakeSheet, bounds: RangeBounds, input: unknown, what: string): void {
    const rows = input as unknown[][];
    if (!Array.isArray(rows) || rows.length !== bounds.lastRow - bounds.firstRow + 1)
      throw new FakeExcelError(
        "InvalidArgument",
        `${what}: ${rows.length} rows for ${boundsAddress(bounds)}`
      );
    rows.forEach((line, r) => {
      if (!Array.isArray(line) || line.length !== bounds.lastColumn - bounds.firstColumn + 1)
        throw new FakeExcelError("InvalidArgument", `${what}: row ${r} has the wrong width`);
      line.forEach((value, c) => {
        const row = bounds.firstRow + r;
        const column = bounds.firstColumn + c;
        const text = sheet.numberFormats.get(`${row}:${column}`) === "@";
        const cell = typed(value, text);
        if (cell === undefined) return;
        const stored = (sheet.cells[row - 1] ??= []);
        stored[column] = cell ?? undefined;
      });
    });
  }

  /** Refuses, in a batch run with `mergeUndoGroup`, an operation without undo support. */
  private undoable(what: string): void {
    if (this.undoGroup && WITHOUT_UNDO.has(what))
      throw new FakeExcelError("UndoNotSupported", `${what} cannot be part of an undo group`);
  }

  private guard(sheet: FakeSheet, what: string): void {
    this.undoable(what);
    const failure = this.failOperation?.(what, sheet.name);
    if (failure) throw new FakeExcelError(failure, `${what} failed (injected)`);
    if (sheet.protected)
      throw new FakeExcelError("AccessDenied", `The sheet “${sheet.name}” is protected.`);
  }

  private record(sheet: FakeSheet, what: string, address: string): void {
    this.guard(sheet, what);
    this.writes.push({ sheet: sheet.name, what, address });
  }

  // ---- requests -----------------------------------------------------------------------------------------------

  /** Recalculations asked for, with the number of syncs before the one that ran each. */
  readonly recalculations: { type: string; afterSync: number }[] = [];

  private enqueue(bytes: number, apply: () => number | void): void {
    this.current.operations++;
    this.current.requestBytes += bytes;
    this.queue.push({ bytes, apply });
  }

  /** Applies the queued operations in order, like Excel at `context.sync()`. */
  async sync(): Promise<void> {
    const stats = this.current;
    const operations = this.queue;
    this.current = this.freshStats();
    this.queue = [];
    this.syncs.push(stats);
    const injected = this.failingSyncs.get(this.syncs.length);
    if (injected) throw new FakeExcelError(injected, `sync ${this.syncs.length} failed (injected)`);
    try {
      for (const operation of operations) stats.responseBytes += operation.apply() ?? 0;
    } finally {
      const mocks = [...this.toSync];
      const after = this.afterSync;
      this.toSync.clear();
      this.afterSync = [];
      for (const mock of mocks) await mock.sync();
      after.forEach((step) => step());
    }
  }

  // ---- proxies ------------------------------------------------------------------------------------------------

  /** An Office.js proxy object: an OfficeMockObject for load and sync behind a Proxy that queues and checks. */
  private proxy(spec: ProxySpec): Any {
    const names = Object.keys(spec.scalars);
    const mock = new OfficeMockObject(Object.fromEntries(names.map((name) => [name, ""])));
    const raw = mock as unknown as Record<string, unknown>;
    const handle: Any = new Proxy(mock, {
      get: (_target, property) => {
        if (typeof property === "symbol" || property === "then") return undefined;
        if (property === "load")
          return (argument: unknown) => {
            const wanted = this.loadNames(spec, argument);
            mock.load(wanted);
            this.enqueue(60, () => this.fill(handle, wanted));
            return handle;
          };
        if (spec.members && property in spec.members) return spec.members[property];
        if (property in spec.scalars) {
          const value = raw[property];
          if (typeof value === "string" && MOCK_ERRORS.includes(value))
            throw new Error(`${spec.kind}.${property}: ${value}`);
          return value;
        }
        throw new Error(`${spec.kind} has no member “${property}” in this fake`);
      },
      set: (_target, property, value) => {
        const write = typeof property === "string" ? spec.writable?.[property] : undefined;
        if (!write)
          throw new Error(`${spec.kind}.${String(property)} cannot be assigned in this fake`);
        this.enqueue(bytesOf(value) + 60, () => write(value));
        return true;
      },
    });
    this.internals.set(handle, { mock, spec });
    return handle;
  }

  private loadNames(spec: ProxySpec, argument: unknown): string[] {
    const listed =
      typeof argument === "string"
        ? argument.split(",")
        : Array.isArray(argument)
          ? (argument as string[])
          : null;
    if (listed === null)
      throw new Error(`${spec.kind}.load: only names are supported by this fake`);
    const names = listed.map((name) => name.trim()).filter(Boolean);
    for (const name of names)
      if (!(name in spec.scalars)) throw new Error(`${spec.kind}.load: unknown property “${name}”`);
    // Excel sets isNullObject with any load of an *OrNullObject proxy.
    if ("isNullObject" in spec.scalars && !names.includes("isNullObject"))
      names.push("isNullObject");
    return names;
  }

  /** At sync: copies the model's current values into a proxy's mock; returns the response bytes. */
  private fill(handle: object, names: string[]): number {
    const entry = this.internals.get(handle);
    if (!entry) throw new Error("not a proxy of this fake");
    // setValue is the mock's own way to give a property a new value and mark it unloaded; its typings call it
    // private, and the seed of a new mock would turn object values (a setting's) into nested mocks.
    const mock = entry.mock as unknown as { setValue(name: string, value: unknown): void };
    let bytes = 0;
    for (const name of names) {
      const value = (entry.spec.scalars[name] as () => unknown)();
      mock.setValue(name, value);
      bytes += bytesOf(value);
    }
    entry.mock.load(names);
    this.toSync.add(entry.mock);
    return bytes;
  }

  /** A write-only object (format, fill, font, data validation): assignments are queued; reads are navigation. */
  /** An object whose `allowed` paths can be assigned (and nothing read), with `methods` callable on it. */
  private writeOnly(
    path: string,
    allowed: Record<string, (value: unknown) => void>,
    methods: Record<string, (...args: unknown[]) => void> = {}
  ): Any {
    return new Proxy(
      {},
      {
        get: (_target, property) => {
          if (typeof property === "symbol" || property === "then") return undefined;
          const method = methods[property];
          if (method) return method;
          const next = `${path}.${property}`;
          if (!Object.keys(allowed).some((key) => key.startsWith(`${next}.`)))
            throw new Error(`${next} is not readable in this fake`);
          return this.writeOnly(next, allowed);
        },
        set: (_target, property, value) => {
          const key = `${path}.${String(property)}`;
          const write = allowed[key];
          if (!write) throw new Error(`${key} cannot be assigned in this fake`);
          this.enqueue(bytesOf(value) + 60, () => write(value));
          return true;
        },
      }
    );
  }

  private context(): Any {
    const context = new OfficeMockObject({
      sync: () => this.sync(),
      workbook: {
        getActiveCell: () =>
          this.range(
            () => this.sheet(this.active.sheet),
            () => rangeBounds(this.active.cell)
          ),
      },
      application: {
        suspendScreenUpdatingUntilNextSync: () => void this.current.suspendScreen++,
        suspendApiCalculationUntilNextSync: () => void this.current.suspendCalculation++,
        calculate: (type: string) =>
          this.enqueue(60, () => {
            this.recalculations.push({ type, afterSync: this.syncs.length });
          }),
      },
    }) as Any;
    context.workbook.worksheets = this.worksheets(context);
    context.workbook.settings = this.settingCollection();
    context.workbook.onSelectionChanged = this.eventHandlers(() => this.selectionHandlers, context);
    context.workbook.getSelectedRange = () =>
      this.range(
        () => this.sheet(this.active.sheet),
        () => rangeBounds(this.selection ?? this.active.cell)
      );
    return context;
  }

  /** A collection whose `items` are readable after a load of "items/…" and a sync. */
  private collection(kind: string, list: () => Any[], members: Record<string, unknown>): Any {
    let items: Any[] | null = null;
    const target = {
      load: (argument: unknown) => {
        if (
          typeof argument !== "string" ||
          !argument.split(",").every((p) => p.trim().startsWith("items/"))
        )
          throw new Error(`${kind}.load: this fake loads "items/…" paths only`);
        const names = argument.split(",").map((path) => path.trim().slice("items/".length));
        this.enqueue(60, () => {
          const loaded = list();
          let bytes = 0;
          for (const item of loaded) bytes += this.fill(item, names);
          this.afterSync.push(() => {
            items = loaded;
          });
          return bytes;
        });
        return handle;
      },
      ...members,
    };
    const handle = new Proxy(target, {
      get: (object, property) => {
        if (property === "items") {
          if (items === null) throw new Error(`${kind}.items read before load and sync`);
          return items;
        }
        if (typeof property === "symbol" || property === "then") return undefined;
        if (property in object) return (object as Record<string, unknown>)[property];
        throw new Error(`${kind} has no member “${property}” in this fake`);
      },
    });
    return handle;
  }

  private worksheets(context?: Any): Any {
    return this.collection(
      "WorksheetCollection",
      () => this.sheets.map((sheet) => this.worksheet(() => sheet)),
      {
        getItem: (key: string) => this.worksheet(() => this.requireSheet(key), false, context),
        getItemOrNullObject: (key: string) => this.worksheet(() => this.findSheet(key), true),
        getActiveWorksheet: () => this.worksheet(() => this.sheet(this.active.sheet)),
        add: (name: string) => {
          let created: FakeSheet | undefined;
          this.enqueue(60 + bytesOf(name), () => {
            if (this.findSheet(name))
              throw new FakeExcelError("ItemAlreadyExists", `sheet ${name} exists`);
            created = this.addSheet(name);
            this.writes.push({ sheet: name, what: "worksheet.add", address: "" });
          });
          return this.worksheet(() => {
            if (!created) throw new Error("sheet used before it was added");
            return created;
          });
        },
      }
    );
  }

  private requireSheet(key: string): FakeSheet {
    const sheet = this.findSheet(key);
    if (!sheet)
      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${key}`);
    return sheet;
  }

  /** A worksheet proxy; `resolve` runs when an operation is applied (a sheet added in the batch exists by then). */
  private worksheet(resolve: () => FakeSheet | undefined, orNull = false, context?: Any): Any {
    let bound: FakeSheet | undefined;
    const sheet = (): FakeSheet => {
      bound ??= resolve();
      if (!bound) throw new FakeExcelError("InvalidOperation", "operation on a null object");
      if (!this.sheets.includes(bound))
        throw new FakeExcelError("ItemNotFound", "the sheet was deleted");
      return bound;
    };
    const exists = () => (bound ??= resolve()) !== undefined;
    const operation = (what: string, apply: (target: FakeSheet) => void) =>
      this.enqueue(60, () => {
        const target = sheet();
        this.record(target, what, "");
        apply(target);
      });
    return this.proxy({
      kind: "Worksheet",
      scalars: {
        name: () => (exists() ? sheet().name : ""),
        id: () => (exists() ? sheet().id : ""),
        visibility: () => (exists() ? sheet().visibility : ""),
        ...(orNull ? { isNullObject: () => !exists() } : {}),
      },
      writable: {
        name: (value) => {
          const target = sheet();
          const holder = this.findSheet(String(value));
          if (holder && holder !== target)
            throw new FakeExcelError("ItemAlreadyExists", `sheet ${String(value)} exists`);
          this.record(target, "worksheet.name", "");
          // Excel rewrites the references to a renamed sheet in every formula.
          const pattern = sheetReference(target.name, false);
          for (const rule of this.sheets.flatMap((each) => each.rules))
            rule.formula = rule.formula.replace(pattern, `${quoted(String(value))}!`);
          target.name = String(value);
        },
        visibility: (value) => {
          const target = sheet();
          this.record(target, "worksheet.visibility", "");
          target.visibility = String(value);
        },
      },
      members: {
        getRange: (address?: string) =>
          this.range(sheet, () => (address === undefined ? WHOLE_SHEET : parseAddress(address))),
        getUsedRangeOrNullObject: (valuesOnly = false) =>
          this.range(sheet, () => this.usedBounds(sheet(), WHOLE_SHEET, valuesOnly), true),
        protection: this.proxy({
          kind: "WorksheetProtection",
          scalars: { protected: () => sheet().protected },
        }),
        tables: this.tables(sheet),
        onChanged: this.eventHandlers(() => {
          const name = sheet().name;
          let set = this.changeHandlers.get(name);
          if (!set) this.changeHandlers.set(name, (set = new Set()));
          return set;
        }, context),
        freezePanes: {
          freezeRows: (count: number) =>
            operation("freezePanes.freezeRows", (target) => {
              // Excel fails (or activates the sheet) when panes of a hidden sheet are frozen.
              if (target.visibility !== "Visible")
                throw new FakeExcelError(
                  "InvalidOperation",
                  "cannot freeze panes of a hidden sheet"
                );
              target.frozenRows = count;
            }),
        },
        activate: () =>
          operation("worksheet.activate", (target) => {
            this.active = { sheet: target.name, cell: "A1" };
          }),
        delete: () =>
          operation("worksheet.delete", (target) => {
            this.sheets.splice(this.sheets.indexOf(target), 1);
            // References to a deleted sheet become #REF!.
            const pattern = sheetReference(target.name, true);
            for (const rule of this.sheets.flatMap((each) => each.rules))
              rule.formula = rule.formula.replace(pattern, "#REF!");
            if (this.active.sheet === target.name)
              this.active = { sheet: this.sheets[0]?.name ?? "", cell: "A1" };
          }),
      },
    });
  }

  /** A range proxy; `bounds` runs when applied, and null makes it a null object (an empty used range). */
  private range(sheetOf: () => FakeSheet, boundsOf: () => RangeBounds | null, orNull = false): Any {
    let resolved: RangeBounds | null | undefined;
    const bounds = () => (resolved === undefined ? (resolved = boundsOf()) : resolved);
    const existing = (): RangeBounds => {
      const found = bounds();
      if (found === null)
        throw new FakeExcelError("InvalidOperation", "operation on a null object");
      return found;
    };
    const address = () => boundsAddress(existing());
    const cells = (read: (cell: FakeCell | undefined) => unknown) => {
      const b = existing();
      const sheet = sheetOf();
      if ((b.lastRow - b.firstRow + 1) * (b.lastColumn - b.firstColumn + 1) > 5_000_000)
        throw new FakeExcelError("RangeExceedsLimit", "too many cells");
      return Array.from({ length: b.lastRow - b.firstRow + 1 }, (_, r) => {
        const row = sheet.cells[b.firstRow - 1 + r];
        return Array.from({ length: b.lastColumn - b.firstColumn + 1 }, (_, c) =>
          read(row?.[b.firstColumn + c])
        );
      });
    };
    const write =
      (what: string, apply: (sheet: FakeSheet, b: RangeBounds, value: unknown) => void) =>
      (value: unknown) => {
        const sheet = sheetOf();
        this.record(sheet, what, address());
        apply(sheet, existing(), value);
      };
    const format = (what: string) =>
      write(what, (sheet, b, value) =>
        sheet.formats.push({ what, address: boundsAddress(b), value })
      );
    return this.proxy({
      kind: "Range",
      scalars: {
        values: () => cells((cell) => readCell(cell).value),
        valueTypes: () => cells((cell) => readCell(cell).type),
        formulas: () =>
          cells((cell) =>
            typeof cell === "object" && "formula" in cell ? cell.formula : readCell(cell).value
          ),
        numberFormat: () => {
          const b = existing();
          const formats = sheetOf().numberFormats;
          return Array.from({ length: b.lastRow - b.firstRow + 1 }, (_, r) =>
            Array.from(
              { length: b.lastColumn - b.firstColumn + 1 },
              (_, c) => formats.get(`${b.firstRow + r}:${b.firstColumn + c}`) ?? "General"
            )
          );
        },
        address: () => (bounds() === null ? "" : `${quoted(sheetOf().name)}!${address()}`),
        rowIndex: () => (bounds()?.firstRow ?? 1) - 1,
        rowCount: () => {
          const b = bounds();
          return b ? b.lastRow - b.firstRow + 1 : 0;
        },
        ...(orNull ? { isNullObject: () => bounds() === null } : {}),
      },
      writable: {
        values: write("values", (sheet, b, value) => this.writeCells(sheet, b, value, "values")),
        formulas: write("formulas", (sheet, b, value) =>
          this.writeCells(sheet, b, value, "formulas")
        ),
        numberFormat: write("numberFormat", (sheet, b, value) => {
          (value as string[][]).forEach((line, r) =>
            line.forEach((fmt, c) =>
              sheet.numberFormats.set(`${b.firstRow + r}:${b.firstColumn + c}`, fmt)
            )
          );
        }),
        columnHidden: format("columnHidden"),
      },
      members: {
        format: this.writeOnly(
          "format",
          {
            "format.font.bold": format("format.font.bold"),
            "format.font.color": format("format.font.color"),
            "format.font.underline": format("format.font.underline"),
            "format.fill.color": format("format.fill.color"),
            "format.columnWidth": format("format.columnWidth"),
          },
          {
            // Range.format.autofitColumns (ExcelApi 1.2): queued like an assignment.
            autofitColumns: () => this.enqueue(60, () => format("format.autofitColumns")(true)),
          }
        ),
        dataValidation: this.writeOnly(
          "dataValidation",
          { "dataValidation.rule": format("dataValidation.rule") },
          {
            clear: () =>
              this.enqueue(60, () => {
                const sheet = sheetOf();
                const b = existing();
                this.record(sheet, "dataValidation.clear", boundsAddress(b));
                sheet.formats = sheet.formats.filter(
                  (entry) =>
                    entry.what !== "dataValidation.rule" ||
                    !boundsWithin(parseAddress(entry.address), b)
                );
              }),
          }
        ),
        conditionalFormats: this.conditionalFormats(sheetOf, existing),
        getUsedRangeOrNullObject: (valuesOnly = false) =>
          this.range(sheetOf, () => this.usedBounds(sheetOf(), existing(), valuesOnly), true),
        // "All" also clears the formats (number formats, fonts, fills) but not the drop-downs, which the fake
        // keeps until DataValidation.clear.
        clear: write("clear", (sheet, b, applyTo) => {
          if (applyTo !== "Contents" && applyTo !== "All")
            throw new Error("this fake clears contents or all only");
          for (let row = b.firstRow; row <= b.lastRow; row++)
            for (let column = b.firstColumn; column <= b.lastColumn; column++) {
              const stored = sheet.cells[row - 1];
              if (stored) stored[column] = undefined;
              if (applyTo === "All") sheet.numberFormats.delete(`${row}:${column}`);
            }
          if (applyTo === "All")
            sheet.formats = sheet.formats.filter(
              (entry) =>
                entry.what === "dataValidation.rule" ||
                !boundsWithin(parseAddress(entry.address), b)
            );
        }),
        // Whole sheet rows ("5:8"): the rows below, their number formats, tables and rules move down.
        insert: write("insert", (sheet, b, shift) => {
          if (shift !== "Down" || b.firstColumn !== 0 || b.lastColumn !== WHOLE_SHEET.lastColumn)
            throw new Error("this fake inserts whole rows, shifting down, only");
          moveRows(sheet, b.firstRow, b.lastRow - b.firstRow + 1);
        }),
        // Cells beneath shift up; a table whose last rows these are shrinks (Excel deletes table rows so).
        delete: write("delete", (sheet, b, shift) => {
          if (shift !== "Up") throw new Error("this fake deletes with shift up only");
          if (b.firstColumn === 0 && b.lastColumn === WHOLE_SHEET.lastColumn) {
            moveRows(sheet, b.firstRow, -(b.lastRow - b.firstRow + 1));
            return;
          }
          const count = b.lastRow - b.firstRow + 1;
          const last = sheet.cells.length;
          for (let row = b.firstRow; row <= last; row++)
            for (let column = b.firstColumn; column <= b.lastColumn; column++) {
              const stored = (sheet.cells[row - 1] ??= []);
              stored[column] = sheet.cells[row - 1 + count]?.[column];
            }
          for (const table of sheet.tables) {
            const range = rangeBounds(table.address);
            if (range.lastRow >= b.lastRow && range.firstColumn === b.firstColumn)
              table.address = boundsAddress({ ...range, lastRow: range.lastRow - count });
          }
        }),
        // A ClientResult: its value is readable after the sync that ran the request, as in Excel.
        getCellProperties: (spec: { format?: { indentLevel?: boolean } }) => {
          let value: unknown;
          let synced = false;
          this.enqueue(60, () => {
            const b = existing();
            const indents = sheetOf().indents;
            value = Array.from({ length: b.lastRow - b.firstRow + 1 }, (_, r) =>
              Array.from({ length: b.lastColumn - b.firstColumn + 1 }, (_, c) =>
                spec.format?.indentLevel
                  ? {
                      format: {
                        indentLevel: indents?.get(`${b.firstRow + r}:${b.firstColumn + c}`) ?? 0,
                      },
                    }
                  : {}
              )
            );
            synced = true;
            return JSON.stringify(value).length;
          });
          return {
            get value() {
              if (!synced) throw new Error("ClientResult.value read before context.sync()");
              return value;
            },
          };
        },
        select: () =>
          this.enqueue(60, () => {
            this.active = {
              sheet: sheetOf().name,
              cell: cellAddress(existing().firstColumn, existing().firstRow),
            };
          }),
      },
    });
  }

  private conditionalFormats(sheetOf: () => FakeSheet, boundsOf: () => RangeBounds): Any {
    return this.collection(
      "ConditionalFormatCollection",
      () => {
        if (sheetOf().rulesUnlistable)
          throw new FakeExcelError("GeneralException", "the rules cannot be listed");
        return sheetOf()
          .rules.filter((rule) => intersects(parseAddress(rule.range), boundsOf()))
          .map((rule) => this.conditionalFormat(sheetOf, () => rule));
      },
      {
        add: (type: string) => {
          let created: FakeRule | undefined;
          this.enqueue(60, () => {
            const sheet = sheetOf();
            const range = boundsAddress(boundsOf());
            this.record(sheet, "conditionalFormats.add", range);
            created = {
              id: `{CF-${++this.ruleCounter}}`,
              type,
              range,
              formula: "",
              fill: "",
              font: "",
            };
            sheet.rules.unshift(created);
          });
          return this.conditionalFormat(sheetOf, () => {
            if (!created) throw new Error("format used before it was added");
            return created;
          });
        },
      }
    );
  }

  private conditionalFormat(sheetOf: () => FakeSheet, ruleOf: () => FakeRule): Any {
    const live = (): FakeRule => {
      const rule = ruleOf();
      if (!sheetOf().rules.includes(rule))
        throw new FakeExcelError("ItemNotFound", "the format was deleted");
      return rule;
    };
    const set =
      (what: string, apply: (rule: FakeRule, value: string) => void) => (value: unknown) => {
        const rule = live();
        this.record(sheetOf(), what, rule.range);
        apply(rule, String(value));
      };
    const custom = () => {
      if (live().type !== "Custom")
        throw new FakeExcelError("InvalidArgument", "not a custom format");
    };
    return this.proxy({
      kind: "ConditionalFormat",
      // Excel's id is the rule's priority within the collection it was read through (not a stable name): the
      // fake gives the position in the sheet's list, so ids read from one collection match nothing in another.
      scalars: {
        id: () => String(sheetOf().rules.indexOf(live())),
        type: () => live().type,
        priority: () => sheetOf().rules.indexOf(live()),
      },
      writable: {
        priority: (value: unknown) => {
          const rule = live();
          const rules = sheetOf().rules;
          rules.splice(rules.indexOf(rule), 1);
          rules.splice(Math.min(Number(value), rules.length), 0, rule);
          this.record(sheetOf(), "conditionalFormat.priority", rule.range);
        },
        stopIfTrue: (value: unknown) => {
          live().stopIfTrue = Boolean(value);
        },
      },
      members: {
        custom: {
          rule: this.proxy({
            kind: "ConditionalFormatRule",
            scalars: {
              formula: () => {
                custom();
                if (live().unreadable)
                  throw new FakeExcelError("GeneralException", "the rule cannot be read");
                return live().formula;
              },
            },
            writable: {
              formula: set("conditionalFormat.formula", (rule, value) => {
                rule.formula = value;
              }),
            },
          }),
          format: this.writeOnly("format", {
            "format.fill.color": set("conditionalFormat.fill", (rule, value) => {
              rule.fill = value;
            }),
            "format.font.color": set("conditionalFormat.font", (rule, value) => {
              rule.font = value;
            }),
          }),
        },
        delete: () =>
          this.enqueue(60, () => {
            const rule = live();
            const sheet = sheetOf();
            this.record(sheet, "conditionalFormat.delete", rule.range);
            sheet.rules.splice(sheet.rules.indexOf(rule), 1);
          }),
      },
    });
  }

  private tables(sheetOf: () => FakeSheet): Any {
    const table = (find: () => { name: string; address: string }) =>
      this.proxy({
        kind: "Table",
        scalars: { name: () => find().name },
        members: {
          getRange: () => this.range(sheetOf, () => parseAddress(find().address)),
          // The table goes; its cells keep what they hold (Excel's documentation does not say it empties them).
          delete: () =>
            this.enqueue(60, () => {
              const sheet = sheetOf();
              const entry = find();
              this.record(sheet, "table.delete", entry.address);
              sheet.tables.splice(sheet.tables.indexOf(entry), 1);
            }),
          rows: {
            // At the end (index null, undefined or -1), or at a zero-based data row: the table's cells from
            // there shift down within its columns, as Excel inserts table rows.
            add: (index: unknown, values: unknown[][]) =>
              this.enqueue(bytesOf(values) + 60, () => {
                const entry = find();
                const bounds = parseAddress(entry.address);
                const dataRows = bounds.lastRow - bounds.firstRow;
                const at =
                  typeof index === "number" && index >= 0
                    ? bounds.firstRow + 1 + index
                    : bounds.lastRow + 1;
                if (typeof index === "number" && index > dataRows)
                  throw new FakeExcelError(
                    "InvalidArgument",
                    `row index ${index} is past the table`
                  );
                const target = { ...bounds, firstRow: at, lastRow: at + values.length - 1 };
                const sheet = sheetOf();
                this.record(sheet, "table.rows.add", boundsAddress(target));
                for (let row = Math.max(sheet.cells.length, bounds.lastRow); row >= at; row--)
                  for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
                    const stored = (sheet.cells[row - 1 + values.length] ??= []);
                    stored[column] = sheet.cells[row - 1]?.[column];
                  }
                for (let row = at; row <= target.lastRow; row++) {
                  const stored = (sheet.cells[row - 1] ??= []);
                  for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++)
                    stored[column] = undefined;
                }
                this.writeCells(sheet, target, values, "table.rows.add");
                entry.address = boundsAddress({
                  ...bounds,
                  lastRow: bounds.lastRow + values.length,
                });
              }),
          },
        },
      });
    return this.collection(
      "TableCollection",
      () => sheetOf().tables.map((entry) => table(() => entry)),
      {
        getItem: (name: string) =>
          table(() => {
            const found = sheetOf().tables.find((entry) => entry.name === name);
            if (!found) throw new FakeExcelError("ItemNotFound", `no table ${name}`);
            return found;
          }),
        add: (address: string, _hasHeaders: boolean) => {
          let created: { name: string; address: string } | undefined;
          this.enqueue(60, () => {
            const sheet = sheetOf();
            this.record(sheet, "tables.add", address);
            created = {
              name: `Table${++this.tableCounter}`,
              address: boundsAddress(parseAddress(address)),
            };
            sheet.tables.push(created);
          });
          return table(() => {
            if (!created) throw new Error("table used before it was added");
            return created;
          });
        },
      }
    );
  }

  private settingCollection(): Any {
    const setting = (key: string) =>
      this.proxy({
        kind: "Setting",
        scalars: {
          key: () => key,
          value: () => structuredClone(this.settings.get(key)),
          isNullObject: () => !this.settings.has(key),
        },
        members: {
          delete: () =>
            this.enqueue(60, () => {
              this.undoable("setting.delete");
              this.writes.push({ sheet: "", what: "setting.delete", address: key });
              this.settings.delete(key);
            }),
        },
      });
    return {
      add: (key: string, value: unknown) =>
        this.enqueue(bytesOf(value) + 60, () => {
          this.undoable("setting.add");
          this.writes.push({ sheet: "", what: "setting.add", address: key });
          this.settings.set(key, JSON.parse(JSON.stringify(value)));
        }),
      getItemOrNullObject: (key: string) => setting(key),
    };
  }
}

/**
 * Operations of this fake that the undo page lists among the "Unsupported APIs" (or that clear the undo stack,
 * settings: office-js #3141): in a batch run with `mergeUndoGroup`, Excel throws UndoNotSupported
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 */
const WITHOUT_UNDO = new Set([
  "worksheet.delete",
  "worksheet.name",
  "worksheet.visibility",
  "setting.add",
  "setting.delete",
]);

/**
 * The `Office` global for tests, as an OfficeMockObject: requirement sets up to `excelApi` (default 1.20) are
 * supported, and ExcelUndoApiAll 1.0 with `undoApi`; `showAsTaskpane` and `associate` calls are recorded.
 */
export function officeMock(excelApi = "1.20", undoApi = false) {
  const shown: number[] = [];
  /** Dialogs opened with displayDialogAsync: their URL, whether they were closed, and how to answer from them. */
  const dialogs: { url: string; closed: boolean; message(text: string): void }[] = [];
  const associated = new Map<string, (event: { completed(): void }) => unknown>();
  const version = (text: string) =>
    Number(text.split(".")[1] ?? 0) + Number(text.split(".")[0]) * 1000;
  const office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, minimum: string) =>
          (name === "ExcelApi" && version(minimum) <= version(excelApi)) ||
          (name === "ExcelUndoApiAll" && undoApi && minimum === "1.0"),
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (result: { status: string; value: unknown }) => void
        ) => {
          const handlers: ((event: unknown) => void)[] = [];
          const entry = {
            url,
            closed: false,
            message: (text: string) => handlers.forEach((handler) => handler({ message: text })),
          };
          dialogs.push(entry);
          callback({
            status: "succeeded",
            value: {
              close: () => {
                entry.closed = true;
              },
              addEventHandler: (_type: string, handler: (event: unknown) => void) =>
                handlers.push(handler),
            },
          });
        },
      },
    },
    addin: {
      showAsTaskpane: async () => {
        shown.push(Date.now());
      },
    },
    actions: {
      associate: (id: string, handler: (event: { completed(): void }) => unknown) => {
        associated.set(id, handler);
      },
    },
    onReady: async (callback?: () => void) => {
      callback?.();
      return { host: "Excel", platform: "OfficeOnline" };
    },
  }) as Any;
  // The Common API's properties are plain values, not loadable ones: set after construction (see OFFICE-NOTES).
  office.context.displayLanguage = "en-US";
  office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  office.EventType = {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  };
  return { office, shown, associated, dialogs };
}
