/**
 * GoalWorkbook over the Excel JavaScript API: the only code of the add-in that calls `Excel.run` and
 * `context.sync`. Every method is one `Excel.run`; it loads only what it needs and syncs once per request. Large
 * ranges travel in requests planned to stay under Excel on the web's 5 MB limit, so the number of syncs grows with
 * the data's size in megabytes, never once per row.
 */
import {
  AuditSheetContent,
  CellValue,
  cellAddress,
  columnLetters,
  HighlightRuleSpec,
} from "../domain";
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
import { auditSheetLayout, LINK_COLOR, lookBlocks, valueBlocks } from "../workbook/auditLayout";
import { boundsAddress, RangeBounds, rangeBounds } from "../workbook/operations";
import {
  ExcelValue,
  FIRST_READ_BYTES_PER_CELL,
  fromExcelValue,
  jsonRowBytes,
  READ_SAFETY,
  REQUEST_BUDGET_BYTES,
  rowsForBudget,
  sliceRows,
  toExcelRows,
  toExcelValue,
  WRITE_SLICE_BYTES,
} from "./cells";
import { DEFAULT_RETRY, RetryPolicy, toWorkbookError } from "./errors";
import { supportsExcelApi, supportsUndoApi } from "./host";
import {
  AUDIT_RECORD_KEY,
  AuditRecord,
  freeSheetName,
  hasKeyMarker,
  isOwnRule,
  MARKER_ADDRESS,
  ownAuditSheets,
  parseAuditRecord,
} from "../workbook/ownAudit";

/** What a batch asks of `Excel.run` beyond the context (Excel.RunOptions). */
export interface ExcelRunOptions {
  /** The batch's changes make one step of the user's undo stack (RunOptions.mergeUndoGroup, ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
}

/** Runs a batch against a request context: `Excel.run`, or a mock's in tests. */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: ExcelRunOptions
) => Promise<T>;

/**
 * `Excel.run` that waits while the user edits a cell instead of failing: "if the user is in cell edit mode the
 * batch request is delayed until the user exits cell edit mode" (Excel.RunOptions.delayForCellEdit,
 * learn.microsoft.com/javascript/api/excel/excel.runoptions). Builds without it fail the batch with
 * InvalidOperationInCellEditMode, which ExcelWorkbook retries after a wait.
 */
export const excelRun: ExcelRun = (batch, options) =>
  Excel.run({ delayForCellEdit: true, ...options }, batch);

export interface ExcelWorkbookOptions {
  /** Waits before retrying while the user edits a cell (default: 250, 500 and 1000 ms). */
  retry?: RetryPolicy;
  /** Whether Excel's own undo takes back the add-in's writes (default: supportsUndoApi(), see `hostUndo`). */
  hostUndo?: boolean;
}

/** Rows in a worksheet. */
const EXCEL_MAX_ROWS = 1_048_576;
/** What an operation adds to its payload besides its values: the address, the action, the framing. */
const OPERATION_BYTES = 200;
/** Rows whose indent one request reads: about 40 bytes a cell, far below Excel on the web's 5 MB. */
const INDENT_ROWS_PER_REQUEST = 50_000;
/** Cells `nonEmpty` checks in one request (each is an operation of its own). */
const CHECKS_PER_REQUEST = 5_000;
/** Prefix of the hidden sheet an audit is written to before it replaces the previous one. */
const STAGING_PREFIX = "~goal-cascade ";

/** Excel measures column widths in points; a character of the default font is about 5.7 points wide. */
function pointsForCharacters(characters: number): number {
  return Math.round(characters * 5.7 * 100) / 100;
}

/** One attempt of a batch: whether a request that changed the workbook has gone through (then it is not retried). */
interface Attempt {
  wrote: boolean;
}

/** One request of a multi-request operation. */
interface Request<T> {
  /** True when the request changes the workbook. */
  writes: boolean;
  /** The proxies the request loads, handed to `done` once they are synced. */
  loaded?: T;
  /** Reads what the request loaded, after its sync. */
  done?(loaded: T): void;
  /** After a failed sync: true to queue the request again (smaller), false to fail. */
  retry?(failure: WorkbookError): boolean;
}

/**
 * Sends the requests `next` queues, one sync each, until it returns null. This is the adapter's only repeated sync:
 * each request carries as much as fits in REQUEST_BUDGET_BYTES, so the count follows the payload's megabytes.
 */
async function sendRequests<T>(
  context: Excel.RequestContext,
  attempt: Attempt,
  next: () => Request<T> | null
): Promise<void> {
  for (let request = next(); request !== null; request = next()) {
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request of up to REQUEST_BUDGET_BYTES (Excel on the web refuses more than 5 MB), not per row
      await context.sync();
    } catch (error) {
      const failure = toWorkbookError(error);
      if (request.retry?.(failure)) continue;
      throw failure;
    }
    if (request.writes) attempt.wrote = true;
    if (request.loaded !== undefined) request.done?.(request.loaded);
  }
}

/** A write queued by `sendWrites`: its payload size and the call that queues it. */
interface WriteOp {
  bytes: number;
  queue(): void;
}

/**
 * Queues the writes in order, as many per request as fit the budget, one sync per request. With `suspend`, the
 * first request suspends screen updating and calculation (once: repeated calls make Excel flicker).
 */
async function sendWrites(
  context: Excel.RequestContext,
  attempt: Attempt,
  ops: readonly WriteOp[],
  suspend: boolean,
  /** False where a later request recalculates anyway (the staged audit sheet, recalculated after the swap). */
  recalc = suspend
): Promise<void> {
  let index = 0;
  await sendRequests<never>(context, attempt, () => {
    let op = ops[index];
    if (op === undefined) return null;
    if (index === 0 && suspend) suspendUpdates(context);
    let bytes = 0;
    do {
      op.queue();
      bytes += op.bytes;
      op = ops[++index];
    } while (op !== undefined && bytes + op.bytes <= REQUEST_BUDGET_BYTES);
    return { writes: true };
  });
  if (recalc && ops.length > 0) {
    recalculate(context);
    await context.sync();
  }
}

/** Suspends screen updating and calculation until the next sync. */
function suspendUpdates(context: Excel.RequestContext): void {
  context.application.suspendScreenUpdatingUntilNextSync();
  context.application.suspendApiCalculationUntilNextSync();
}

/** Writes of rows of values from a top-left cell, cut into slices of at most WRITE_SLICE_BYTES. */
function valueWrites(
  sheet: Excel.Worksheet,
  firstRow: number,
  firstColumn: number,
  rows: ExcelValue[][]
): WriteOp[] {
  return sliceRows(rows, WRITE_SLICE_BYTES).flatMap((slice) => {
    const width = slice.rows[0]?.length ?? 0;
    if (width === 0) return [];
    const address = boundsAddress({
      firstRow: firstRow + slice.offset,
      lastRow: firstRow + slice.offset + slice.rows.length - 1,
      firstColumn,
      lastColumn: firstColumn + width - 1,
    });
    return [
      {
        bytes: slice.bytes + OPERATION_BYTES,
        queue: () => {
          sheet.getRange(address).values = slice.rows;
        },
      },
    ];
  });
}

/** A write that carries no values (a format, a table, a rule): its payload is the operation's own. */
function smallWrite(queue: () => void): WriteOp {
  return { bytes: OPERATION_BYTES, queue };
}

/**
 * Reads a range's values in blocks of rows, one request per block. The first block is sized from an assumed cell
 * size, the next ones from the bytes per row measured so far (with READ_SAFETY); a block Excel refuses as too large
 * is read again in halves.
 */
async function readRows(
  context: Excel.RequestContext,
  attempt: Attempt,
  sheet: Excel.Worksheet,
  bounds: RangeBounds
): Promise<CellValue[][]> {
  const width = bounds.lastColumn - bounds.firstColumn + 1;
  const rows: CellValue[][] = [];
  let nextRow = bounds.firstRow;
  let blockRows = rowsForBudget(width * FIRST_READ_BYTES_PER_CELL);
  await sendRequests(context, attempt, () => {
    if (nextRow > bounds.lastRow) return null;
    const count = Math.min(blockRows, bounds.lastRow - nextRow + 1);
    const range = sheet.getRange(
      boundsAddress({ ...bounds, firstRow: nextRow, lastRow: nextRow + count - 1 })
    );
    range.load(["values", "valueTypes"]);
    return {
      writes: false,
      loaded: range,
      done: (block) => {
        let bytes = 0;
        block.values.forEach((line, r) => {
          const types = block.valueTypes[r] ?? [];
          bytes += jsonRowBytes(line) + jsonRowBytes(types);
          rows.push(line.map((value, c) => fromExcelValue(value, types[c])));
        });
        nextRow += count;
        blockRows = rowsForBudget((bytes / count) * READ_SAFETY);
      },
      retry: (failure) => {
        if (failure.code !== "TOO_LARGE" || count === 1) return false;
        blockRows = Math.ceil(count / 2);
        return true;
      },
    };
  });
  return rows;
}

/** An address without its sheet and without `$`: "Goals!$A$3:$Q$40" → "A3:Q40". */
function localAddress(address: string): string {
  return (address.split("!").pop() ?? address).replace(/\$/g, "");
}

/** A worksheet as the scan found it, with its proxy for the batch that scanned it. */
interface ScannedSheet {
  worksheet: Excel.Worksheet;
  id: string;
  name: string;
  marked: boolean;
}

/** A custom conditional format the scan found, with its formula when Excel could read it. */
interface ScannedRule {
  sheet: ScannedSheet;
  format: Excel.ConditionalFormat;
  /** Its place in its sheet's collection: deleting the lowest first leaves the others' places as loaded. */
  priority: number;
  /** Null when Excel refused to read it (a user's rule of the kinds office-js #6827 and #6835 describe). */
  formula: string | null;
}

/** True when a scanned rule is one of the add-in's, given the audit sheets that count as its own. */
function isOwnScannedRule(rule: ScannedRule, ownSheets: readonly ScannedSheet[]): boolean {
  return (
    rule.formula !== null &&
    isOwnRule(
      rule.formula,
      ownSheets.map((sheet) => sheet.name)
    )
  );
}

/**
 * Queues the deletion of rules, lowest priority first within each sheet: a deletion renumbers only the rules
 * below it, so the others keep the places they were loaded with (Excel's ids and indexes are places, not names).
 */
function deleteRules(rules: readonly ScannedRule[]): void {
  const ordered = [...rules].sort((a, b) =>
    a.sheet.id === b.sheet.id ? b.priority - a.priority : a.sheet.id < b.sheet.id ? -1 : 1
  );
  for (const rule of ordered) rule.format.delete();
}

/**
 * Loads groups of proxies in one request; when Excel refuses it, each group again in a request of its own, so that
 * what one sheet or one rule cannot give (Excel on the desktop fails to read some rules users make: office-js
 * #5222, #6827, #6835) costs only that group. `queue` (re)queues a group's loads. Returns which groups loaded. A
 * refusal because the user is editing a cell fails the whole batch, to be retried as any other.
 */
async function loadIsolated(
  context: Excel.RequestContext,
  count: number,
  queue: (group: number) => void
): Promise<boolean[]> {
  if (count === 0) return [];
  for (let group = 0; group < count; group++) queue(group);
  try {
    await context.sync();
    return new Array<boolean>(count).fill(true);
  } catch (error) {
    if (toWorkbookError(error).code === "CELL_EDIT_MODE") throw error;
  }
  const loaded: boolean[] = [];
  for (let group = 0; group < count; group++) {
    queue(group);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after a refused request: one per group, to find the group Excel cannot read
      await context.sync();
      loaded.push(true);
    } catch (error) {
      if (toWorkbookError(error).code === "CELL_EDIT_MODE") throw error;
      loaded.push(false);
    }
  }
  return loaded;
}

/** The workbook as far as the add-in's own audit is concerned. */
interface AuditScan {
  sheets: ScannedSheet[];
  record: AuditRecord | null;
  /** The setting holding the record, when there is one. */
  recordSetting: Excel.Setting | null;
  /** The add-in's audit sheets, and hidden sheets a run that stopped half-way left behind. */
  own: ScannedSheet[];
  /** Every custom conditional format, with its formula (only when scanned with rules). */
  custom: ScannedRule[];
  /** The add-in's highlight rules among them. */
  ownRules: ScannedRule[];
}

/** The writes that fill the (new, hidden) audit sheet from its layout (src/workbook/auditLayout.ts). */
function auditSheetWrites(
  sheet: Excel.Worksheet,
  goalSheet: string,
  content: AuditSheetContent
): WriteOp[] {
  const layout = auditSheetLayout(content, goalSheet);
  // Finding texts quote the user's cells: they go through toExcelValue like any text. A link cell holds a HYPERLINK
  // formula of the add-in's own making instead.
  const values = valueBlocks(layout).flatMap((block) =>
    valueWrites(
      sheet,
      block.row,
      block.column,
      block.cells.map((line) =>
        line.map((cell) => (cell.formula ? `=${cell.formula}` : toExcelValue(cell.value)))
      )
    )
  );
  const looks = lookBlocks(layout).map(({ look, block }) =>
    smallWrite(() => {
      const range = sheet.getRange(
        boundsAddress({
          firstRow: block.row,
          lastRow: block.row + block.cells.length - 1,
          firstColumn: block.column,
          lastColumn: block.column + (block.cells[0]?.length ?? 1) - 1,
        })
      );
      if (look === "bold") range.format.font.bold = true;
      else if (look === "link") {
        range.format.font.color = `#${LINK_COLOR}`;
        range.format.font.underline = "Single";
      } else range.format.fill.color = `#${look.fill}`;
    })
  );
  const firstHidden = columnLetters(layout.hidden.from);
  const lastHidden = columnLetters(layout.hidden.to);
  return [
    ...values,
    ...looks,
    smallWrite(() => {
      for (const { column, width } of layout.widths) {
        const letters = columnLetters(column);
        sheet.getRange(`${letters}:${letters}`).format.columnWidth = pointsForCharacters(width);
      }
      sheet.getRange(`${firstHidden}:${lastHidden}`).columnHidden = true;
    }),
  ];
}

/**
 * Queues the highlight rules on the goal sheet: custom conditional formats with English formulas. `add` puts each
 * new rule on top of the sheet's rules, so they are added mildest first (the specs come most severe first): the most
 * severe family ends on top, over the user's own rules too, and `stopIfTrue` keeps a milder colour from showing
 * through where several families flag one cell (learn.microsoft.com/javascript/api/excel/excel.conditionalformat).
 */
function addRules(goal: Excel.Worksheet, rules: readonly HighlightRuleSpec[]): void {
  for (const rule of [...rules].reverse()) {
    const format = goal.getRange(rule.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${rule.formula}`;
    format.custom.format.fill.color = `#${rule.fill}`;
    format.custom.format.font.color = `#${rule.font}`;
    format.stopIfTrue = true;
  }
}

/**
 * Recalculates after writes made while calculation was suspended: "it is the developer's responsibility to
 * re-calc the workbook, to ensure that any dependencies are propagated"
 * (learn.microsoft.com/javascript/api/excel/excel.application#suspendApiCalculationUntilNextSync__).
 */
function recalculate(context: Excel.RequestContext): void {
  context.application.calculate("Recalculate");
}

/** Where applyAudit writes the new audit sheet before it replaces the old one. */
interface Staging {
  name: string;
  /** Worksheet id, once the sheet exists. */
  id: string | null;
  /** True once the new audit has replaced the old one: nothing is undone after that. */
  committed: boolean;
}

/**
 * The workbook behind the task pane and the ribbon in Excel. `run` defaults to `Excel.run`; tests pass
 * `(batch) => batch(mockContext)`.
 */
export class ExcelWorkbook implements PaneWorkbook {
  private readonly retry: RetryPolicy;

  /**
   * True where Excel keeps the add-in's writes on the user's undo stack ("Excel add-ins support undo behavior,
   * preserving both actions performed by Excel JavaScript APIs and actions performed by the user";
   * `isSetSupported("ExcelUndoApiAll", "1.0")`, learn.microsoft.com/office/dev/add-ins/excel/
   * excel-add-ins-undo-capabilities). Each tool write is then one Excel.run with `mergeUndoGroup`, one Ctrl+Z,
   * and the pane points there instead of offering an Undo of its own that could undo it a second time. Those
   * batches call none of the page's "Unsupported APIs" (no Worksheet.delete, name, position or visibility, no
   * styles, protection or settings): one that did would throw UndoNotSupported.
   */
  readonly hostUndo: boolean;

  constructor(
    private readonly run: ExcelRun = excelRun,
    options: ExcelWorkbookOptions = {}
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.hostUndo = options.hostUndo ?? supportsUndoApi();
  }

  /**
   * Runs one batch and turns Excel's errors into WorkbookErrors. While the user edits a cell Excel refuses every
   * request: the batch is tried again after a short wait, unless a request that changed the workbook already went
   * through (running it again could write twice). An `undoStep` (a tool's write) is one step of Excel's undo where
   * `hostUndo`.
   */
  private async batch<T>(
    work: (context: Excel.RequestContext, attempt: Attempt) => Promise<T>,
    undoStep = false
  ): Promise<T> {
    const options = undoStep && this.hostUndo ? { mergeUndoGroup: true } : undefined;
    for (let tries = 0; ; tries++) {
      const attempt: Attempt = { wrote: false };
      try {
        return await this.run((context) => work(context, attempt), options);
      } catch (error) {
        const failure = toWorkbookError(error);
        const delay = this.retry.delaysMs[tries];
        if (failure.code !== "CELL_EDIT_MODE" || attempt.wrote || delay === undefined)
          throw failure;
        await this.retry.wait(delay);
      }
    }
  }

  /**
   * Workbook settings (ExcelApi 1.4) live in the file and travel in the same batches as everything else; the Common
   * API's document settings would need a callback-style `saveAsync` of their own. The manifest's SharedRuntime 1.1
   * exists only in builds with ExcelApi 1.10 or later (Windows 2002+, Mac 16.35+, the web), which covers everything
   * else used here unchecked (conditional formats 1.6, the active cell 1.7, suspending updates 1.9); settings and data
   * validation are still checked so that the adapter degrades instead of failing if it is loaded elsewhere.
   */
  private get settingsSupported(): boolean {
    return supportsExcelApi("1.4");
  }

  async activeCell(): Promise<ActiveCell> {
    return await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      const { firstRow, firstColumn } = rangeBounds(cell.address);
      return { sheet: sheet.name, row: firstRow, column: firstColumn };
    });
  }

  async candidates(sheetName: string): Promise<TableSource[]> {
    return await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const tables = sheet.tables.load("items/name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      const ranges = tables.items.map((table) => {
        const range = table.getRange();
        range.load("address");
        return range;
      });
      if (ranges.length > 0) await context.sync();
      const found: TableSource[] = tables.items.map((table, index) => ({
        sheet: sheetName,
        address: localAddress(ranges[index]?.address ?? ""),
        tableName: table.name,
      }));
      if (!used.isNullObject) {
        const address = localAddress(used.address);
        if (!found.some((table) => table.address === address))
          found.push({ sheet: sheetName, address, tableName: null });
      }
      return found;
    });
  }

  async readValues(sheetName: string, address: string): Promise<CellValue[][]> {
    const bounds = rangeBounds(address);
    return await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      return await readRows(context, attempt, sheet, bounds);
    });
  }

  /**
   * The indent level of each cell of a column, in requests of INDENT_ROWS_PER_REQUEST rows: Range.getCellProperties
   * with `format.indentLevel` (ExcelApi 1.9, https://learn.microsoft.com/en-us/javascript/api/excel/excel.cellpropertiesformat).
   * A row's outline level (grouped rows) is not among what Office.js reads of a row (getRowProperties gives its
   * address, index, format and hidden state: https://learn.microsoft.com/en-us/javascript/api/excel/excel.rowproperties),
   * so in Excel only indents show a cascade; a host without ExcelApi 1.9 shows none.
   */
  async rowDepths(sheetName: string, address: string): Promise<Map<number, number>> {
    if (!supportsExcelApi("1.9")) return new Map();
    const bounds = rangeBounds(address);
    return await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const depths = new Map<number, number>();
      let nextRow = bounds.firstRow;
      await sendRequests(context, attempt, () => {
        if (nextRow > bounds.lastRow) return null;
        const first = nextRow;
        const last = Math.min(bounds.lastRow, first + INDENT_ROWS_PER_REQUEST - 1);
        nextRow = last + 1;
        const properties = sheet
          .getRange(boundsAddress({ ...bounds, firstRow: first, lastRow: last }))
          .getCellProperties({ format: { indentLevel: true } });
        return {
          writes: false,
          loaded: properties,
          done: (result) =>
            result.value.forEach((line, r) => {
              const indent = line[0]?.format?.indentLevel ?? 0;
              if (indent > 0) depths.set(first + r, indent);
            }),
        };
      });
      return depths;
    });
  }

  async writeValues(sheetName: string, blocks: CellBlock[]): Promise<void> {
    await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const ops = blocks.flatMap((block) => {
        const { firstRow, firstColumn } = rangeBounds(block.address);
        return valueWrites(sheet, firstRow, firstColumn, toExcelRows(block.values));
      });
      await sendWrites(context, attempt, ops, true);
    }, true);
  }

  async nonEmpty(sheetName: string, addresses: string[]): Promise<string[]> {
    return await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const occupied: string[] = [];
      let next = 0;
      await sendRequests(context, attempt, () => {
        if (next >= addresses.length) return null;
        const chunk = addresses.slice(next, next + CHECKS_PER_REQUEST);
        // The used range of a range holds only its cells with values: a null object means all are empty.
        const used = chunk.map((address) => {
          const range = sheet.getRange(address).getUsedRangeOrNullObject(true);
          range.load("address");
          return range;
        });
        return {
          writes: false,
          loaded: used,
          done: (ranges) => {
            chunk.forEach((address, index) => {
              if (ranges[index]?.isNullObject === false) occupied.push(address);
            });
            next += chunk.length;
          },
        };
      });
      return occupied;
    });
  }

  /**
   * Reads what the add-in needs to know about its own audit: every sheet (name, id, marker), the record, and with
   * `withRules` every custom conditional format, to find the add-in's. Three syncs, whatever the workbook's size.
   */
  private async scan(
    context: Excel.RequestContext,
    withRules: boolean,
    /** False only to undo a failed audit: sheets whose rules cannot be listed are then passed over. */
    strict = true
  ): Promise<AuditScan> {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const setting = this.settingsSupported
      ? context.workbook.settings.getItemOrNullObject(AUDIT_RECORD_KEY)
      : null;
    setting?.load("value");
    await context.sync();
    const recordSetting = setting !== null && !setting.isNullObject ? setting : null;
    const record = recordSetting ? parseAuditRecord(recordSetting.value) : null;

    const markers = worksheets.items.map((worksheet) => {
      const range = worksheet.getRange(MARKER_ADDRESS);
      range.load("values");
      return range;
    });
    await context.sync();
    const sheets: ScannedSheet[] = worksheets.items.map((worksheet, index) => ({
      worksheet,
      id: worksheet.id,
      name: worksheet.name,
      marked: hasKeyMarker(markers[index]?.values[0]),
    }));
    const leftovers = sheets.filter(
      (sheet) => sheet.marked && sheet.name.startsWith(STAGING_PREFIX)
    );
    const own = [...new Set([...ownAuditSheets(sheets, record), ...leftovers])];
    if (!withRules) return { sheets, record, recordSetting, own, custom: [], ownRules: [] };

    // Each sheet's rules, then each custom rule's formula (only custom formats have one; asking another type
    // for its custom part is an error), isolated so that a rule Excel cannot read hides nothing else.
    const collections = sheets.map((sheet) => sheet.worksheet.getRange().conditionalFormats);
    const listed = await loadIsolated(context, sheets.length, (index) => {
      collections[index]?.load("items/type,items/priority");
    });
    // A sheet whose rules cannot be listed might hold the add-in's: going on would leave them behind (or stack new
    // ones on them), so nothing is changed and the user is told where to look.
    const unlisted = sheets.filter((_sheet, index) => !listed[index]);
    if (strict && unlisted.length > 0)
      throw new WorkbookError(
        "RULES_UNREADABLE",
        `Excel cannot list the conditional formats of ${unlisted.map((sheet) => `“${sheet.name}”`).join(", ")}`
      );
    const found = collections.flatMap((formats, index) =>
      listed[index]
        ? formats.items
            .filter((format) => format.type === "Custom")
            .map((format) => ({ sheet: sheets[index] as ScannedSheet, format }))
        : []
    );
    const rules = found.map(({ format }) => format.custom.rule);
    const read = await loadIsolated(context, rules.length, (index) => {
      rules[index]?.load("formula");
    });
    const custom: ScannedRule[] = found.map(({ sheet, format }, index) => ({
      sheet,
      format,
      priority: format.priority,
      formula: read[index] ? (rules[index] as Excel.ConditionalFormatRule).formula : null,
    }));
    const ownRules = custom.filter((rule) => isOwnScannedRule(rule, own));
    return { sheets, record, recordSetting, own, custom, ownRules };
  }

  async auditSheetName(preferred: string): Promise<string> {
    return await this.batch(async (context) => {
      const { sheets, own } = await this.scan(context, false);
      const users = sheets.filter((sheet) => !own.includes(sheet));
      return freeSheetName(
        preferred,
        users.map((sheet) => sheet.name)
      );
    });
  }

  /**
   * Replaces the add-in's audit with this one in three steps. The new audit sheet is first written in full to a
   * hidden sheet of its own: the old audit is still there if that fails. Then one request swaps them (old rules and
   * sheet out, new sheet renamed and shown, new rules in). Then the record is saved. A failure before the swap has
   * gone through removes what this call added and leaves the workbook as it was.
   */
  async applyAudit(audit: AuditWrite): Promise<void> {
    const staging: Staging = {
      name: `${STAGING_PREFIX}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
      id: null,
      committed: false,
    };
    try {
      await this.batch((context, attempt) => this.stageAudit(context, attempt, audit, staging));
      await this.batch((context, attempt) => this.commitAudit(context, attempt, audit, staging));
    } catch (error) {
      const failure = toWorkbookError(error);
      if (staging.committed) throw failure;
      try {
        await this.removeStaged(staging);
      } catch (cleanup) {
        throw new WorkbookError(
          failure.code,
          `${failure.detail}; removing the partial audit failed too: ${toWorkbookError(cleanup).detail}`
        );
      }
      throw failure;
    }
  }

  /** Writes the audit sheet, hidden, under the staging name. */
  private async stageAudit(
    context: Excel.RequestContext,
    attempt: Attempt,
    audit: AuditWrite,
    staging: Staging
  ): Promise<void> {
    const protection = context.workbook.worksheets
      .getItem(audit.goalSheet)
      .protection.load("protected");
    await context.sync();
    if (protection.protected)
      throw new WorkbookError("PROTECTED", `sheet “${audit.goalSheet}” is protected`);
    // Queued before the writes, the new sheet goes in the first request with them.
    const sheet = context.workbook.worksheets.add(staging.name);
    sheet.visibility = "Hidden";
    sheet.load("id");
    await sendWrites(
      context,
      attempt,
      auditSheetWrites(sheet, audit.goalSheet, audit.content),
      true,
      false
    );
    staging.id = sheet.id;
  }

  /** Swaps the staged sheet in for the old audit, adds the rules, then saves the record. */
  private async commitAudit(
    context: Excel.RequestContext,
    attempt: Attempt,
    audit: AuditWrite,
    staging: Staging
  ): Promise<void> {
    const scan = await this.scan(context, true);
    const staged = scan.sheets.find((sheet) => sheet.id === staging.id);
    if (!staged) throw new WorkbookError("NOT_FOUND", "the new audit sheet disappeared");
    const old = scan.own.filter((sheet) => sheet !== staged);
    const holder = scan.sheets.find(
      (sheet) => sheet !== staged && sheet.name.toLowerCase() === audit.auditSheet.toLowerCase()
    );
    if (holder && !old.includes(holder))
      throw new WorkbookError("CONFLICT", `a sheet named “${audit.auditSheet}” already exists`);

    suspendUpdates(context);
    deleteRules(scan.ownRules);
    for (const sheet of old) sheet.worksheet.delete();
    staged.worksheet.name = audit.auditSheet;
    staged.worksheet.visibility = "Visible";
    // Frozen once visible: freezing panes of a hidden sheet fails or activates it.
    staged.worksheet.freezePanes.freezeRows(1);
    const goal = context.workbook.worksheets.getItem(audit.goalSheet);
    addRules(goal, audit.rules);
    await context.sync();
    attempt.wrote = true;
    staging.committed = true;

    // The audit sheet's links were written with calculation suspended.
    recalculate(context);
    if (this.settingsSupported) {
      const record: AuditRecord = { sheetId: staged.id };
      context.workbook.settings.add(AUDIT_RECORD_KEY, record);
    }
    await context.sync();
  }

  /**
   * Deletes what a failed applyAudit added: the staged sheet, and the rules already pointing at it (there are some
   * only when the swap request failed after renaming the sheet).
   */
  private async removeStaged(staging: Staging): Promise<void> {
    await this.batch(async (context, attempt) => {
      const scan = await this.scan(context, true, false);
      const staged = scan.sheets.find((sheet) =>
        staging.id !== null ? sheet.id === staging.id : sheet.name === staging.name
      );
      if (!staged) return;
      deleteRules(scan.custom.filter((rule) => isOwnScannedRule(rule, [staged])));
      staged.worksheet.delete();
      await context.sync();
      attempt.wrote = true;
    });
  }

  async clearAudit(): Promise<{ rules: number; sheet: boolean }> {
    return await this.batch(async (context, attempt) => {
      const scan = await this.scan(context, true);
      if (scan.own.length === 0 && scan.ownRules.length === 0 && scan.recordSetting === null)
        return { rules: 0, sheet: false };
      suspendUpdates(context);
      deleteRules(scan.ownRules);
      for (const sheet of scan.own) sheet.worksheet.delete();
      scan.recordSetting?.delete();
      await context.sync();
      attempt.wrote = true;
      return { rules: scan.ownRules.length, sheet: scan.own.length > 0 };
    });
  }

  async select(sheetName: string, address: string): Promise<void> {
    await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Every add-in write either joins the user's undo stack as a step of its own (ExcelApi 1.20: "Excel add-ins
   * support undo behavior … actions are saved in the undo stack") or, for the APIs without undo support and in
   * builds before it, clears the stack ("If your add-in calls an unsupported API, the user's undo stack is cleared",
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). Saving settings clears it too
   * (office-js #3141). So a live audit never rewrites the highlights by itself here: the user's Ctrl+Z stays theirs.
   */
  readonly highlightsKeepUndo = false;

  /**
   * Worksheet.onChanged (ExcelApi 1.7) for the sheet's cells and Workbook.onSelectionChanged (ExcelApi 1.2) for the
   * selection (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). A change the add-in made itself
   * says so in `triggerSource` ("ThisLocalAddin", ExcelApi 1.14) and is not reported; earlier builds report it, and
   * the pane's live audit then finds nothing new. A handler is removed through the request context it was added in
   * (learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult).
   */
  async watch(sheetName: string, events: WatchEvents): Promise<() => Promise<void>> {
    const handlers = await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const changed = sheet.onChanged.add(async (event) => {
        if (event.triggerSource === "ThisLocalAddin") return;
        events.changed();
      });
      const selected = context.workbook.onSelectionChanged.add(async () => {
        try {
          const { cell, rows } = await this.selection();
          events.selected(cell, rows);
        } catch {
          // The selection moved while Excel was busy (a cell being edited): the next move reports it.
        }
      });
      await context.sync();
      return [changed, selected];
    });
    return async () => {
      for (const handler of handlers) handler.remove();
      // Once, after the loop: the handlers share one context.
      await handlers[0]?.context.sync();
    };
  }

  /** The active cell and the height of the selected range (Workbook.getSelectedRange, ExcelApi 1.1). */
  private async selection(): Promise<{ cell: ActiveCell; rows: number }> {
    return await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      const selected = context.workbook.getSelectedRange();
      selected.load("rowCount");
      await context.sync();
      const { firstRow, firstColumn } = rangeBounds(cell.address);
      return {
        cell: { sheet: sheet.name, row: firstRow, column: firstColumn },
        rows: selected.rowCount,
      };
    });
  }

  async snapshot(sheetName: string, addresses: readonly string[]): Promise<CellRecord[]> {
    return await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const records: CellRecord[] = [];
      let next = 0;
      await sendRequests(context, attempt, () => {
        if (next >= addresses.length) return null;
        const chunk = addresses.slice(next, next + CHECKS_PER_REQUEST);
        const cells = chunk.map((address) =>
          sheet.getRange(address).load(["values", "valueTypes", "formulas"])
        );
        return {
          writes: false,
          loaded: cells,
          done: (ranges) => {
            ranges.forEach((range, index) => {
              const formula = range.formulas[0]?.[0];
              const value = range.values[0]?.[0] ?? "";
              // `formulas` gives a constant's value: text that starts with "=" is a formula only where the
              // cell's value is something else (its result).
              const isFormula =
                typeof formula === "string" && formula.startsWith("=") && formula !== value;
              records.push({
                address: chunk[index] as string,
                value: fromExcelValue(value, range.valueTypes[0]?.[0]),
                formula: isFormula ? formula : null,
              });
            });
            next += chunk.length;
          },
        };
      });
      return records;
    });
  }

  async restore(sheetName: string, records: readonly CellRecord[]): Promise<void> {
    await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const ops = records.map((record) =>
        smallWrite(() => {
          const range = sheet.getRange(record.address);
          if (record.formula !== null) range.formulas = [[record.formula]];
          else if (record.value === null) range.clear("Contents");
          else range.values = [[toExcelValue(record.value)]];
        })
      );
      await sendWrites(context, attempt, ops, true);
    });
  }

  /**
   * An Excel table's added rows are deleted with the cells beneath shifting up (Range.delete, ExcelApi 1.1), which
   * shrinks the table as deleting its rows in Excel does. Under a plain range, inserted rows are deleted as whole
   * sheet rows (what insertRows added); appended rows were empty before (appendRows checks): they are emptied and
   * their number formats reset, and nothing below moves.
   */
  async removeRows(table: TableSource, address: string, inserted: boolean): Promise<void> {
    const bounds = rangeBounds(address);
    const general = Array.from({ length: bounds.lastRow - bounds.firstRow + 1 }, () =>
      Array<string>(bounds.lastColumn - bounds.firstColumn + 1).fill("General")
    );
    await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(table.sheet);
      await sendWrites(
        context,
        attempt,
        [
          smallWrite(() => {
            if (table.tableName !== null) {
              sheet.getRange(address).delete("Up");
              return;
            }
            if (inserted) {
              sheet.getRange(`${bounds.firstRow}:${bounds.lastRow}`).delete("Up");
              return;
            }
            const range = sheet.getRange(address);
            range.clear("Contents");
            range.numberFormat = general;
          }),
        ],
        true
      );
    });
  }

  /**
   * An Excel table takes the rows at their place (TableRowCollection.add with an index, ExcelApi 1.4 for several
   * rows: "Any rows below the inserted row are shifted downwards"); under a plain range whole sheet rows are
   * inserted (Range.insert "Down", 1.1), as Excel's Insert Sheet Rows, so that what lies beside and below the table
   * moves with it and formulas follow. Either way the rows get the number formats of the row they go under.
   */
  async insertRows(table: TableSource, after: number, rows: CellValue[][]): Promise<boolean> {
    const bounds = rangeBounds(table.address);
    if (rows.length === 0) return true;
    if (after <= bounds.firstRow || after > bounds.lastRow) return false;
    const width = Math.max(
      bounds.lastColumn - bounds.firstColumn + 1,
      ...rows.map((row) => row.length)
    );
    const values = toExcelRows(rows).map((row) =>
      row.map((value) => value ?? "").concat(Array<string>(width - row.length).fill(""))
    );
    const target: RangeBounds = {
      firstRow: after + 1,
      lastRow: after + rows.length,
      firstColumn: bounds.firstColumn,
      lastColumn: bounds.firstColumn + width - 1,
    };
    await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(table.sheet);
      const above = sheet.getRange(boundsAddress({ ...target, firstRow: after, lastRow: after }));
      above.load("numberFormat");
      await context.sync();
      const formats = above.numberFormat[0] ?? [];
      const formatting: WriteOp[] = formats.some((format) => format !== "General")
        ? [
            smallWrite(() => {
              sheet.getRange(boundsAddress(target)).numberFormat = values.map(() => formats);
            }),
          ]
        : [];
      // A plain range's rows are made and formatted before the values go in (a text format "@" keeps "001" as
      // typed); a table's rows come with their values.
      const ops: WriteOp[] =
        table.tableName !== null
          ? [
              ...sliceRows(values, WRITE_SLICE_BYTES).map((slice) => {
                const listObject = sheet.tables.getItem(table.tableName as string);
                // Zero-based among the table's data rows: the first data row is under the header.
                const index = after - bounds.firstRow + slice.offset;
                return {
                  bytes: slice.bytes + OPERATION_BYTES,
                  queue: () => void listObject.rows.add(index, slice.rows),
                };
              }),
              ...formatting,
            ]
          : [
              smallWrite(() => {
                sheet.getRange(`${target.firstRow}:${target.lastRow}`).insert("Down");
              }),
              ...formatting,
              ...valueWrites(sheet, target.firstRow, target.firstColumn, values),
            ];
      await sendWrites(context, attempt, ops, true);
    }, true);
    return true;
  }

  /**
   * Worksheet.delete (ExcelApi 1.1): "Deletes the worksheet from the workbook" (it fails on a very hidden sheet,
   * which the add-in never makes).
   */
  async deleteSheet(sheet: string): Promise<void> {
    await this.batch(async (context, attempt) => {
      const target = context.workbook.worksheets.getItem(sheet);
      await sendWrites(context, attempt, [smallWrite(() => target.delete())], true);
    });
  }

  /**
   * Table.delete ("Deletes the table", ExcelApi 1.1; whether it empties the cells is not documented), then the
   * range cleared of everything (Range.clear "All", 1.1) and of its drop-downs (DataValidation.clear, 1.8): the
   * cells were empty and unformatted before the template went there (insertTable places it below the used range,
   * formats included). Column widths set on a sheet that was empty stay as they are.
   */
  async removeTable(table: TableSource): Promise<void> {
    await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(table.sheet);
      const ops = [
        smallWrite(() => {
          if (table.tableName !== null) sheet.tables.getItem(table.tableName).delete();
          const range = sheet.getRange(table.address);
          range.clear("All");
          if (supportsExcelApi("1.8")) range.dataValidation.clear();
        }),
      ];
      await sendWrites(context, attempt, ops, true);
    });
  }

  async insertTable(table: TableInsert): Promise<InsertedTable> {
    return await this.batch(async (context, attempt) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const active = worksheets.getActiveWorksheet();
      active.load("name");
      const protection = active.protection.load("protected");
      // Formats count: a table is never placed over formatted cells either.
      const used = active.getUsedRangeOrNullObject();
      used.load("rowIndex,rowCount");
      await context.sync();

      const height = table.rows.length + 1;
      const below = used.isNullObject ? 1 : used.rowIndex + used.rowCount + 2;
      const fits = !protection.protected && below + height - 1 <= EXCEL_MAX_ROWS;
      const sheetName = fits
        ? active.name
        : freeSheetName(
            table.sheetName,
            worksheets.items.map((item) => item.name)
          );
      const sheet = fits ? active : worksheets.add(sheetName);
      const firstRow = fits ? below : 1;
      const width = table.columns.length;
      const lastRow = firstRow + table.rows.length;
      const address = boundsAddress({ firstRow, lastRow, firstColumn: 0, lastColumn: width - 1 });
      const header = table.columns.map((column) => toExcelValue(column.header));
      const body = toExcelRows(table.rows.map((row) => row.slice(0, width)));

      const created: { table?: Excel.Table } = {};
      const ops = [
        ...valueWrites(sheet, firstRow, 0, [header]),
        ...valueWrites(sheet, firstRow + 1, 0, body),
        smallWrite(() => {
          created.table = sheet.tables.add(address, true);
          created.table.load("name");
        }),
        ...table.columns.flatMap((column, index) =>
          this.columnFormatWrites(sheet, column, index, firstRow + 1, lastRow)
        ),
        smallWrite(() => {
          // Widths only on a sheet that held nothing: the user's columns keep the widths they chose.
          if (!fits || used.isNullObject)
            table.columns.forEach((column, index) => {
              const letters = columnLetters(index);
              sheet.getRange(`${letters}:${letters}`).format.columnWidth = pointsForCharacters(
                column.width
              );
            });
          sheet.activate();
          sheet.getRange(cellAddress(0, firstRow)).select();
        }),
      ];
      await sendWrites(context, attempt, ops, true);
      return {
        sheet: sheetName,
        address,
        tableName: created.table?.name ?? null,
        newSheet: !fits,
      };
    }, true);
  }

  /** A column's number format and drop-down (data validation needs ExcelApi 1.8). */
  private columnFormatWrites(
    sheet: Excel.Worksheet,
    column: TableInsert["columns"][number],
    index: number,
    firstRow: number,
    lastRow: number
  ): WriteOp[] {
    if (lastRow < firstRow) return [];
    const letters = columnLetters(index);
    const address = `${letters}${firstRow}:${letters}${lastRow}`;
    const ops: WriteOp[] = [];
    const format = column.numberFormat;
    if (format !== undefined) {
      const formats = Array.from({ length: lastRow - firstRow + 1 }, () => [format]);
      ops.push({
        bytes: jsonRowBytes(formats) + OPERATION_BYTES,
        queue: () => {
          sheet.getRange(address).numberFormat = formats;
        },
      });
    }
    const choices = column.choices;
    if (choices && choices.length > 0 && supportsExcelApi("1.8"))
      ops.push(
        smallWrite(() => {
          sheet.getRange(address).dataValidation.rule = {
            list: { inCellDropDown: true, source: choices.join(",") },
          };
        })
      );
    return ops;
  }

  async appendRows(table: TableSource, rows: CellValue[][]): Promise<void> {
    if (rows.length === 0) return;
    const bounds = rangeBounds(table.address);
    const tableWidth = bounds.lastColumn - bounds.firstColumn + 1;
    const width = Math.max(tableWidth, ...rows.map((row) => row.length));
    // Padded with blanks: an Excel table takes only rows as wide as itself, and the cells are empty anyway.
    const values = toExcelRows(rows).map((row) =>
      row.map((value) => value ?? "").concat(Array<string>(width - row.length).fill(""))
    );
    await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItem(table.sheet);
      if (table.tableName !== null) {
        const target = sheet.tables.getItem(table.tableName);
        const ops = sliceRows(values, WRITE_SLICE_BYTES).map((slice) => ({
          bytes: slice.bytes + OPERATION_BYTES,
          // An index of undefined travels as null: add at the end.
          queue: () => void target.rows.add(undefined, slice.rows),
        }));
        await sendWrites(context, attempt, ops, true);
        return;
      }
      const target: RangeBounds = {
        firstRow: bounds.lastRow + 1,
        lastRow: bounds.lastRow + rows.length,
        firstColumn: bounds.firstColumn,
        lastColumn: bounds.firstColumn + width - 1,
      };
      if (target.lastRow > EXCEL_MAX_ROWS)
        throw new WorkbookError("TOO_LARGE", "the rows would go past the last row of the sheet");
      const occupied = sheet.getRange(boundsAddress(target)).getUsedRangeOrNullObject(true);
      occupied.load("address");
      // A plain range has no column formats of its own: the new rows take the number formats of the row above
      // them (dates stay dates, amounts keep their separators), as Excel's own fill down would give them.
      const above = sheet.getRange(
        boundsAddress({ ...target, firstRow: bounds.lastRow, lastRow: bounds.lastRow })
      );
      above.load("numberFormat");
      await context.sync();
      if (!occupied.isNullObject)
        throw new WorkbookError(
          "CONFLICT",
          `cells ${localAddress(occupied.address)} under the table are not empty`
        );
      const formats = above.numberFormat[0] ?? [];
      const formatted = formats.some((format) => format !== "General");
      await sendWrites(
        context,
        attempt,
        [
          ...(formatted
            ? [
                smallWrite(() => {
                  sheet.getRange(boundsAddress(target)).numberFormat = values.map(() => formats);
                }),
              ]
            : []),
          ...valueWrites(sheet, target.firstRow, target.firstColumn, values),
        ],
        true
      );
    }, true);
  }

  async sheetValues(sheetName: string): Promise<CellValue[][] | null> {
    return await this.batch(async (context, attempt) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return null;
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      if (used.isNullObject) return [];
      const { lastRow, lastColumn } = rangeBounds(used.address);
      return await readRows(context, attempt, sheet, {
        firstRow: 1,
        firstColumn: 0,
        lastRow,
        lastColumn,
      });
    });
  }

  async appendToSheet(
    sheetName: string,
    header: string[],
    rows: CellValue[][],
    formats: readonly (readonly (string | null)[])[] = []
  ): Promise<AppendedRows> {
    return await this.batch(async (context, attempt) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
      existing.load("name");
      await context.sync();
      let sheet = existing;
      let nextRow = 1;
      if (existing.isNullObject) {
        sheet = context.workbook.worksheets.add(sheetName);
      } else {
        const used = existing.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        await context.sync();
        if (!used.isNullObject) nextRow = used.rowIndex + used.rowCount + 1;
      }
      const withHeader = nextRow === 1;
      const ops = [
        ...(withHeader
          ? [
              ...valueWrites(sheet, 1, 0, [header.map(toExcelValue)]),
              smallWrite(() => {
                sheet.getRange(
                  `A1:${columnLetters(Math.max(0, header.length - 1))}1`
                ).format.font.bold = true;
              }),
            ]
          : []),
        // Formats before values, as for rows under a table: a text format would keep a number as text.
        ...formats.flatMap((line, r) =>
          line.some((format) => format !== null)
            ? [
                smallWrite(() => {
                  const row = (withHeader ? 2 : nextRow) + r;
                  sheet.getRange(
                    `A${row}:${columnLetters(Math.max(0, line.length - 1))}${row}`
                  ).numberFormat = [line.map((format) => format ?? "General")];
                }),
              ]
            : []
        ),
        ...valueWrites(sheet, withHeader ? 2 : nextRow, 0, toExcelRows(rows)),
        // A new sheet's columns fit their header and values (Range.format.autofitColumns, ExcelApi 1.2).
        ...(withHeader
          ? [
              smallWrite(() => {
                sheet
                  .getRange(`A:${columnLetters(Math.max(0, header.length - 1))}`)
                  .format.autofitColumns();
              }),
            ]
          : []),
      ];
      await sendWrites(context, attempt, ops, true);
      const width = Math.max(header.length, ...rows.map((row) => row.length), 1);
      return {
        address: boundsAddress({
          firstRow: nextRow,
          lastRow: (withHeader ? 1 : nextRow - 1) + rows.length,
          firstColumn: 0,
          lastColumn: width - 1,
        }),
        newSheet: existing.isNullObject,
      };
    }, true);
  }

  async loadSetting(key: string): Promise<unknown> {
    if (!this.settingsSupported) return undefined;
    return await this.batch(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? undefined : (setting.value as unknown);
    });
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    if (!this.settingsSupported)
      throw new WorkbookError(
        "UNKNOWN",
        "this Excel cannot keep settings in the workbook (ExcelApi 1.4)"
      );
    await this.batch(async (context, attempt) => {
      if (value !== undefined) {
        context.workbook.settings.add(key, value);
        await context.sync();
        attempt.wrote = true;
        return;
      }
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("key");
      await context.sync();
      if (setting.isNullObject) return;
      setting.delete();
      await context.sync();
      attempt.wrote = true;
    });
  }
}
