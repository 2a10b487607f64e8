/**
 * What the task pane and the ribbon do, over any GoalWorkbook: find the goal table, audit it and write the
 * highlights and the audit sheet, clear them, insert the template, allocate, spread in time, start improvement
 * plans. The domain decides; the workbook reads and writes in a bounded number of batches.
 */
import {
  allocationPlan,
  AllocationLine,
  AllocationRequest,
  AUDIT_SHEET_NAMES,
  AuditOptions,
  AuditResult,
  dayFromDate,
  auditSheetContent,
  AuditSheetContent,
  auditTables,
  CellValue,
  cellAddress,
  columnIndex,
  depthParents,
  findHeaderRow,
  GoalTableRead,
  goalTemplate,
  highlightRules,
  improvementRows,
  IMPROVEMENT_HEADERS,
  Lang,
  HeaderMapping,
  mapHeaders,
  missingRequired,
  normalizeText,
  readGoalTable,
  readPeriod,
  Result,
  retargetText,
  sheetRef,
  tableBlocks,
  Bilingual,
  explainNoTable,
  noTableWords,
  ColumnMap,
  columnLetters,
  TimeGrain,
  timeSplitIds,
  childPeriods,
  improvementFormats,
  serialFromDay,
  timeSplitPlan,
  TimeSplitRow,
} from "../domain";
import {
  AuditWrite,
  CellBlock,
  CellRecord,
  GoalWorkbook,
  InsertedTable,
  PaneWorkbook,
  TableSource,
} from "./GoalWorkbook";

/** Rows of a candidate range scanned for a goal table's header (as the CLI does). */
export const HEADER_SCAN_ROWS = 20;
/**
 * A used range of at most this many rows is read whole to find every goal table on it (issue 11 §3: a table ends
 * at a blank row before another header, at totals or signatures). A longer one is read from its top only, for
 * speed: its first table is the candidate, and the audit still stops where that table's rows stop being goals.
 */
export const SPLIT_SCAN_ROWS = 20_000;

/** A range address as its first row (1-based), first column (0-based) and size. */
export interface RangeBounds {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * The bounds of an A1 range ("B3:Q40", "Sheet1!B3:Q40", "$B$3", "B3").
 * @example rangeBounds("B3:Q40") // { firstRow: 3, firstColumn: 1, lastRow: 40, lastColumn: 16 }
 */
export function rangeBounds(address: string): RangeBounds {
  const local = address.split("!").pop() ?? address;
  const [from = "A1", to = from] = local.replace(/\$/g, "").split(":");
  const cell = (text: string) => {
    const match = /^([A-Z]+)(\d+)$/i.exec(text.trim());
    if (!match) throw new Error(`not an A1 cell address: “${text}”`);
    return { row: Number(match[2]), column: columnIndex(match[1] as string) };
  };
  const start = cell(from);
  const end = cell(to);
  return {
    firstRow: Math.min(start.row, end.row),
    firstColumn: Math.min(start.column, end.column),
    lastRow: Math.max(start.row, end.row),
    lastColumn: Math.max(start.column, end.column),
  };
}

/** Whether `inner` lies wholly inside `outer`. */
export function boundsWithin(inner: RangeBounds, outer: RangeBounds): boolean {
  return (
    inner.firstRow >= outer.firstRow &&
    inner.lastRow <= outer.lastRow &&
    inner.firstColumn >= outer.firstColumn &&
    inner.lastColumn <= outer.lastColumn
  );
}

/** The A1 address of bounds. */
export function boundsAddress(bounds: RangeBounds): string {
  return `${cellAddress(bounds.firstColumn, bounds.firstRow)}:${cellAddress(bounds.lastColumn, bounds.lastRow)}`;
}

/** A goal table the pane can audit: where it is, and whether every required column is there. */
export interface GoalTableChoice extends TableSource {
  complete: boolean;
}

/**
 * The goal tables on the active sheet: each Excel table, then the used range, whose first 20 rows hold a header
 * row naming goal columns. Complete tables (id, goal and target present) come first.
 */
export async function findGoalTables(
  workbook: GoalWorkbook,
  mapping: HeaderMapping = {}
): Promise<GoalTableChoice[]> {
  const { sheet } = await workbook.activeCell();
  return goalTablesOn(workbook, sheet, mapping);
}

/**
 * Why a sheet holds no goal table, in words (noTableWords): the headers its most header-like row shows, the
 * required field none names, and the mapping that would read it.
 */
export async function explainNoGoalTable(
  workbook: GoalWorkbook,
  sheet: string,
  mapping: HeaderMapping,
  host: "cli" | "pane"
): Promise<Bilingual> {
  const candidates = await workbook.candidates(sheet);
  const used = candidates.find((candidate) => candidate.tableName === null) ?? candidates[0];
  if (!used)
    return noTableWords(sheet, { row: null, headers: [], missing: [], suggestions: [] }, host);
  const bounds = rangeBounds(used.address);
  const rows = await workbook.readValues(
    sheet,
    boundsAddress({ ...bounds, lastRow: Math.min(bounds.lastRow, bounds.firstRow + 70) })
  );
  return noTableWords(
    sheet,
    explainNoTable(rows, mapping, HEADER_SCAN_ROWS),
    host,
    bounds.firstRow
  );
}

/** What the pane's column mapping shows of a sheet: its header row, the columns read for each field, a few rows. */
export interface MappingPreview {
  sheet: string;
  /** Worksheet row of the header row, or null when no row of the sheet looks like one. */
  headerRow: number | null;
  /** The header row's cells: column letter and header text (blank headers left out). */
  headers: Array<{ column: number; letter: string; text: string }>;
  /** The column (0-based, in `headers` terms) each field is read from, with the mapping given. */
  columns: ColumnMap;
  /** The first data rows under the header, as values. */
  rows: CellValue[][];
}

/**
 * The header row of the active sheet and how its columns are read with `mapping` (the pane's mapping step): the
 * first header row naming a field, else the row most like a header (explainNoTable).
 */
export async function mappingPreview(
  workbook: GoalWorkbook,
  mapping: HeaderMapping
): Promise<MappingPreview> {
  const { sheet } = await workbook.activeCell();
  const candidates = await workbook.candidates(sheet);
  const used = candidates.find((candidate) => candidate.tableName === null) ?? candidates[0];
  if (!used) return { sheet, headerRow: null, headers: [], columns: {}, rows: [] };
  const bounds = rangeBounds(used.address);
  const rows = await workbook.readValues(
    sheet,
    boundsAddress({ ...bounds, lastRow: Math.min(bounds.lastRow, bounds.firstRow + 70) })
  );
  const header =
    findHeaderRow(rows, HEADER_SCAN_ROWS, mapping) ?? explainNoTable(rows, mapping).row;
  if (header === null) return { sheet, headerRow: null, headers: [], columns: {}, rows: [] };
  const cells = rows[header] ?? [];
  const headers = cells.flatMap((cell, column) =>
    typeof cell === "string" && cell.trim() !== ""
      ? [
          {
            column,
            letter: columnLetters(bounds.firstColumn + column),
            text: cell.trim(),
          },
        ]
      : []
  );
  return {
    sheet,
    headerRow: bounds.firstRow + header,
    headers,
    columns: mapHeaders(cells, rows.slice(header + 1, header + 201), mapping),
    rows: rows.slice(header + 1, header + 4),
  };
}

/** True when a header row lies in one of the sheet's Excel tables: a used range's table is that table again. */
function insideTable(
  tables: readonly RangeBounds[],
  headerRow: number,
  bounds: RangeBounds
): boolean {
  return tables.some(
    (table) =>
      headerRow >= table.firstRow &&
      headerRow <= table.lastRow &&
      table.firstColumn <= bounds.lastColumn &&
      table.lastColumn >= bounds.firstColumn
  );
}

/**
 * The goal tables on a sheet (see findGoalTables): each candidate whose first 20 rows hold a header row naming goal
 * columns, complete ones first.
 */
export async function goalTablesOn(
  workbook: GoalWorkbook,
  sheet: string,
  mapping: HeaderMapping = {}
): Promise<GoalTableChoice[]> {
  const candidates = await workbook.candidates(sheet);
  const tables = candidates
    .filter((candidate) => candidate.tableName !== null)
    .map((candidate) => rangeBounds(candidate.address));
  const choices: GoalTableChoice[] = [];
  for (const candidate of candidates) {
    const bounds = rangeBounds(candidate.address);
    const rowCount = bounds.lastRow - bounds.firstRow + 1;
    if (candidate.tableName === null && rowCount <= SPLIT_SCAN_ROWS) {
      // A plain range may hold several tables, each its own candidate from its header row to its end.
      const rows = await workbook.readValues(sheet, candidate.address);
      for (const [index, block] of tableBlocks(rows, mapping, HEADER_SCAN_ROWS).entries()) {
        const headerRow = bounds.firstRow + block.header;
        if (insideTable(tables, headerRow, bounds)) continue;
        // The first table keeps the banner above it; the others start at their header.
        const firstRow = index === 0 ? bounds.firstRow : headerRow;
        choices.push({
          ...candidate,
          address: boundsAddress({ ...bounds, firstRow, lastRow: bounds.firstRow + block.end - 1 }),
          complete: missingRequired(mapHeaders(rows[block.header] ?? [], [], mapping)).length === 0,
        });
      }
      continue;
    }
    const top = boundsAddress({
      ...bounds,
      lastRow: Math.min(bounds.lastRow, bounds.firstRow + HEADER_SCAN_ROWS - 1),
    });
    const rows = await workbook.readValues(sheet, top);
    const header = findHeaderRow(rows, HEADER_SCAN_ROWS, mapping);
    if (header === null) continue;
    // A used range whose header row is an Excel table's is that table again, not another goal table.
    if (candidate.tableName === null && insideTable(tables, bounds.firstRow + header, bounds))
      continue;
    choices.push({
      ...candidate,
      complete: missingRequired(mapHeaders(rows[header] ?? [], [], mapping)).length === 0,
    });
  }
  return choices.sort((a, b) => Number(b.complete) - Number(a.complete));
}

/** What to do with the goal tables found on a sheet: nothing to audit, audit one, or ask which. */
export type TableDecision<T> =
  { kind: "none" } | { kind: "audit"; table: T; others: number } | { kind: "ask"; tables: T[] };

/**
 * The one policy for choosing the goal table to audit: a single complete table is audited (other, incomplete ones
 * are not goal tables yet); several complete ones are asked about where someone can answer (the task pane), and
 * where nobody can (the ribbon, the command line) the first is audited and `others` says how many were left. With no
 * complete table, the only one is audited (its MISSING_COLUMN finding says what is missing); several are asked
 * about, or without asking the first is taken.
 * @example decideGoalTable([{ complete: true }, { complete: false }], true) // { kind: "audit", table: { complete: true }, others: 0 }
 */
export function decideGoalTable<T extends { complete: boolean }>(
  choices: readonly T[],
  canAsk: boolean
): TableDecision<T> {
  if (choices.length === 0) return { kind: "none" };
  const complete = choices.filter((choice) => choice.complete);
  if (complete.length === 1) return { kind: "audit", table: complete[0] as T, others: 0 };
  if (complete.length > 1)
    return canAsk
      ? { kind: "ask", tables: [...choices] }
      : { kind: "audit", table: complete[0] as T, others: complete.length - 1 };
  if (choices.length === 1 || !canAsk) return { kind: "audit", table: choices[0] as T, others: 0 };
  return { kind: "ask", tables: [...choices] };
}

/** Where an audit run is, for progress. */
export type AuditStep = "reading" | "checking" | "writing" | "done";

/** One audit of one table: what was read and found, and where the audit sheet went. */
export interface AuditRun {
  source: TableSource;
  bounds: RangeBounds;
  cells: CellValue[][];
  read: GoalTableRead;
  result: AuditResult;
  content: AuditSheetContent | null;
  auditSheet: string | null;
  /**
   * The highlights and audit sheet this audit writes, or would write where it was run without writing (a live
   * audit in Excel): null when the table cannot be audited (no header, a column missing).
   */
  planned: AuditWrite | null;
  lang: Lang;
  /** The day actuals were judged on (null: against the full targets) and the at-risk threshold used. */
  judged: { asOf: number | null; atRisk: number };
}

/**
 * Gives a table's goals the cascade its rows' outline levels or its goal cells' indents show (issue 11 §1), when
 * neither a parent column nor outline numbering gave them one. Changes `read`'s goals and returns `read`.
 */
export async function withRowDepths(
  workbook: GoalWorkbook,
  sheet: string,
  read: GoalTableRead
): Promise<GoalTableRead> {
  const { goals, columns } = read;
  const column = columns.goal;
  if (column === undefined || columns.parent !== undefined || goals.length < 2) return read;
  if (goals.some((goal) => goal.parent !== null)) return read;
  const rows = goals.map((goal) => goal.row);
  const address = `${cellAddress(column, Math.min(...rows))}:${cellAddress(column, Math.max(...rows))}`;
  const depths = await workbook.rowDepths(sheet, address);
  if (depths.size > 0) depthParents(goals, depths);
  return read;
}

/**
 * Audits a goal table: reads it once, runs every rule, then replaces the add-in's highlights and audit sheet
 * with the new ones (nothing is written when a required column is missing: the pane shows that finding).
 */
export async function auditGoalTable(
  workbook: GoalWorkbook,
  source: TableSource,
  options: AuditOptions,
  lang: Lang,
  onStep: (step: AuditStep) => void = () => undefined,
  /**
   * `true` to write the highlights and the audit sheet; an audit sheet's name to read and check only: the run then
   * says what it would write there (`planned`) and the workbook is left as it is.
   */
  write: { auditSheet: string } | true = true
): Promise<AuditRun> {
  onStep("reading");
  const bounds = rangeBounds(source.address);
  const cells = await workbook.readValues(source.sheet, source.address);
  onStep("checking");
  const read = await withRowDepths(
    workbook,
    source.sheet,
    readGoalTable(cells, {
      firstRow: bounds.firstRow,
      firstColumn: bounds.firstColumn,
      fiscalYearStart: options.fiscalYearStart,
      dateOrder: options.dateOrder,
      mapping: options.mapping,
    })
  );
  const result = auditTables([read], options);
  const run: AuditRun = {
    source,
    bounds,
    cells,
    read,
    result,
    content: null,
    auditSheet: null,
    planned: null,
    lang,
    judged: { asOf: options.asOf ?? null, atRisk: options.atRisk },
  };
  if (
    read.headerRow === null ||
    result.findings.some((finding) => finding.code === "MISSING_COLUMN")
  ) {
    onStep("done");
    return run;
  }
  if (write !== true) {
    onStep("done");
    return { ...run, planned: plannedAudit(source, read, result, lang, write.auditSheet) };
  }
  onStep("writing");
  const planned = await writeAudit(workbook, source, read, result, lang);
  onStep("done");
  return { ...run, content: planned.content, auditSheet: planned.auditSheet, planned };
}

/** The highlights and audit sheet of an audit (table 0 of `result`), for an audit sheet named `auditSheet`. */
export function plannedAudit(
  source: TableSource,
  read: GoalTableRead,
  result: AuditResult,
  lang: Lang,
  auditSheet: string
): AuditWrite {
  const bounds = rangeBounds(source.address);
  const content = auditSheetContent(result, read.columns, lang, sheetRef(auditSheet));
  const rules = highlightRules(content, read.columns, {
    firstDataRow: (read.headerRow ?? bounds.firstRow) + 1,
    lastRow: bounds.lastRow,
  });
  return { goalSheet: source.sheet, rules, auditSheet, content };
}

/**
 * Replaces the add-in's highlights and audit sheet with those of an audit already run (table 0 of `result`):
 * the same write for the pane, the ribbon and the command line's copies.
 */
export async function writeAudit(
  workbook: GoalWorkbook,
  source: TableSource,
  read: GoalTableRead,
  result: AuditResult,
  lang: Lang
): Promise<AuditWrite> {
  const auditSheet = await workbook.auditSheetName(AUDIT_SHEET_NAMES[lang]);
  const planned = plannedAudit(source, read, result, lang, auditSheet);
  await workbook.applyAudit(planned);
  return planned;
}

/**
 * Inserts the goal-table template (headers in the user's language) where it overwrites nothing: returns where it
 * went and what undoes it (the sheet it added, or the table on the user's sheet).
 */
export async function insertGoalTemplate(
  workbook: GoalWorkbook,
  lang: Lang,
  year: number
): Promise<{ inserted: InsertedTable; undo: WriteUndo }> {
  const template = goalTemplate(lang, year);
  const inserted = await workbook.insertTable({
    columns: template.columns,
    rows: template.rows,
    sheetName: lang === "zh" ? `${year}目标` : `Goals ${year}`,
  });
  const written = [template.columns.map((column) => column.header), ...template.rows];
  const undo: WriteUndo = inserted.newSheet
    ? { kind: "sheet", sheet: inserted.sheet, written }
    : { kind: "table", table: inserted, written };
  return { inserted, undo };
}

/** The goal (index in the run) on the row of the active cell, or null when the selection is elsewhere. */
export async function goalAtSelection(
  workbook: GoalWorkbook,
  run: AuditRun
): Promise<number | null> {
  const active = await workbook.activeCell();
  if (active.sheet !== run.source.sheet) return null;
  const index = run.result.goals.findIndex((goal) => goal.row === active.row);
  return index >= 0 ? index : null;
}

/** The allocation the pane previews (see the domain's allocationPlan). */
export function planAllocation(
  run: AuditRun,
  parent: number,
  request: AllocationRequest
): Result<AllocationLine[]> {
  return allocationPlan(run.result, parent, request);
}

/** A target cell of a goal row. */
function targetAddress(run: AuditRun, row: number): string {
  return cellAddress(run.read.columns.target as number, row);
}

/**
 * The goal texts an allocation would make state their new targets: for each changing child whose text states its
 * current target ("赵磊全年解决客户工单25万件" for 250,000), the goal cell and its text with the proposed one.
 */
export function allocationTexts(
  run: AuditRun,
  lines: readonly AllocationLine[]
): Array<{ address: string; text: string }> {
  const column = run.read.columns.goal;
  if (column === undefined) return [];
  return lines.flatMap((line) => {
    const text = run.result.goals[line.goal]?.goal ?? null;
    if (line.locked || line.current === null || line.proposed === line.current || text === null)
      return [];
    const changed = retargetText(text, line.current, line.proposed);
    return changed === null ? [] : [{ address: cellAddress(column, line.row), text: changed }];
  });
}

/**
 * What the pane keeps to undo one of its writes, with what it wrote (to tell whether someone changed those cells
 * since): the cells as they were before it wrote them (`cells`); the rows it added under a goal table or a sheet's
 * content (`rows`); a table it inserted on a sheet of the user's (`table`, `written` from its header row); a sheet it
 * added (`sheet`, `written` from A1).
 */
export type WriteUndo =
  | { kind: "cells"; sheet: string; before: CellRecord[]; written: CellBlock[] }
  | {
      kind: "rows";
      table: TableSource;
      address: string;
      written: CellValue[][];
      /** True for rows inserted among the table's (insertRows), false for rows appended under it. */
      inserted: boolean;
    }
  | { kind: "table"; table: TableSource; written: CellValue[][] }
  | { kind: "sheet"; sheet: string; written: CellValue[][] };

/**
 * Writes an allocation into the children's target cells, and with `texts` the amounts their goal texts state
 * (allocationTexts). Target cells that already hold a value are written only when `overwrite` is true; otherwise
 * nothing is written and their addresses come back for the pane to ask about. What the cells held before comes
 * back as `undo`.
 */
export async function writeAllocation(
  workbook: PaneWorkbook,
  run: AuditRun,
  lines: readonly AllocationLine[],
  overwrite: boolean,
  texts = false
): Promise<{
  written: number;
  texts: number;
  needsConfirmation: string[];
  undo: WriteUndo | null;
}> {
  const changing = lines.filter((line) => !line.locked && line.proposed !== line.current);
  const addresses = changing.map((line) => targetAddress(run, line.row));
  if (!overwrite) {
    const occupied = await workbook.nonEmpty(run.source.sheet, addresses);
    if (occupied.length > 0)
      return { written: 0, texts: 0, needsConfirmation: occupied, undo: null };
  }
  const textEdits = texts ? allocationTexts(run, changing) : [];
  const blocks: CellBlock[] = [
    ...changing.map((line) => ({
      address: targetAddress(run, line.row),
      values: [[line.proposed]],
    })),
    ...textEdits.map((edit) => ({ address: edit.address, values: [[edit.text]] })),
  ];
  const before = await workbook.snapshot(
    run.source.sheet,
    blocks.map((block) => block.address)
  );
  await workbook.writeValues(run.source.sheet, blocks);
  return {
    written: changing.length,
    texts: textEdits.length,
    needsConfirmation: [],
    undo: { kind: "cells", sheet: run.source.sheet, before, written: blocks },
  };
}

/** The same cell content, as written and as read back (dates come back as serial numbers, text trimmed alike). */
function sameContent(written: CellValue, read: CellValue): boolean {
  const blank = (value: CellValue) => value === null || value === undefined || value === "";
  if (blank(written) || blank(read)) return blank(written) && blank(read);
  if (written instanceof Date) {
    const day = dayFromDate(written);
    return typeof read === "number" && day !== null && Math.floor(read) === serialFromDay(day);
  }
  if (typeof written === "number" && typeof read === "number")
    return Math.abs(written - read) <= 1e-9 * Math.max(1, Math.abs(written));
  if (typeof written === "string" && typeof read === "string")
    return written.trim() === read.trim();
  return written === read;
}

/** The cells of a write that no longer hold what it wrote (someone edited them since). */
export async function changedSince(workbook: PaneWorkbook, undo: WriteUndo): Promise<string[]> {
  if (undo.kind === "cells") {
    const now = await workbook.snapshot(
      undo.sheet,
      undo.written.map((block) => block.address)
    );
    return undo.written
      .filter(
        (block, index) => !sameContent(block.values[0]?.[0] ?? null, now[index]?.value ?? null)
      )
      .map((block) => block.address);
  }
  if (undo.kind === "sheet") {
    // Anything on the sheet counts, also beyond what was written: deleting it would lose it.
    const now = (await workbook.sheetValues(undo.sheet)) ?? [];
    return changedCells(undo.written, now, { firstRow: 1, firstColumn: 0 }, true);
  }
  const address = undo.kind === "rows" ? undo.address : undo.table.address;
  const now = await workbook.readValues(undo.table.sheet, address);
  return changedCells(undo.written, now, rangeBounds(address), false);
}

/**
 * The addresses of the cells where `now` differs from `written` (both from `at`); with `beyond`, also the cells of
 * `now` outside what was written that are not empty.
 */
function changedCells(
  written: readonly CellValue[][],
  now: readonly CellValue[][],
  at: { firstRow: number; firstColumn: number },
  beyond: boolean
): string[] {
  const changed: string[] = [];
  const rows = beyond ? Math.max(written.length, now.length) : written.length;
  for (let r = 0; r < rows; r++) {
    const width = beyond
      ? Math.max(written[r]?.length ?? 0, now[r]?.length ?? 0)
      : (written[r]?.length ?? 0);
    for (let c = 0; c < width; c++)
      if (!sameContent(written[r]?.[c] ?? null, now[r]?.[c] ?? null))
        changed.push(cellAddress(at.firstColumn + c, at.firstRow + r));
  }
  return changed;
}

/**
 * Undoes a write of the pane: cells back as they were (formulas as formulas), added rows removed. Unless `force`,
 * nothing is undone when someone changed what was written since: those cells come back for the pane to ask about.
 */
export async function undoWrite(
  workbook: PaneWorkbook,
  undo: WriteUndo,
  force = false
): Promise<{ undone: boolean; changed: string[] }> {
  if (!force) {
    const changed = await changedSince(workbook, undo);
    if (changed.length > 0) return { undone: false, changed };
  }
  switch (undo.kind) {
    case "cells":
      await workbook.restore(undo.sheet, undo.before);
      break;
    case "rows":
      await workbook.removeRows(undo.table, undo.address, undo.inserted);
      break;
    case "table":
      await workbook.removeTable(undo.table);
      break;
    case "sheet":
      // A sheet the user deleted meanwhile is already gone.
      if ((await workbook.sheetValues(undo.sheet)) !== null) await workbook.deleteSheet(undo.sheet);
      break;
  }
  const shown = undoneAt(undo);
  if (shown) await workbook.select(shown.sheet, shown.address);
  return { undone: true, changed: [] };
}

/**
 * What undoing a write selects to show what it put back (undoWrite): the first cell restored, the rows removed or
 * the template's place; null for a sheet deleted.
 */
export function undoneAt(undo: WriteUndo): { sheet: string; address: string } | null {
  switch (undo.kind) {
    case "cells":
      return undo.before[0] ? { sheet: undo.sheet, address: undo.before[0].address } : null;
    case "rows":
      return { sheet: undo.table.sheet, address: undo.address };
    case "table":
      return { sheet: undo.table.sheet, address: undo.table.address };
    case "sheet":
      return null;
  }
}

/** The rows a spread in time would add (see the domain's timeSplitPlan). */
export function planTimeSplit(
  run: AuditRun,
  goal: number,
  grain: TimeGrain,
  profile: readonly number[] | null
): Result<TimeSplitRow[]> {
  const row = run.result.goals[goal]?.row ?? 0;
  const sourceRow = run.cells[row - run.bounds.firstRow] ?? [];
  // The table's own quarters or months show how it writes them ("2026年第1季度" beside a year written "2026").
  const column = run.read.columns.period;
  const at = column === undefined ? -1 : column - run.bounds.firstColumn;
  const periodSample =
    at < 0
      ? undefined
      : run.cells.find((cells) => {
          const period = readPeriod(cells[at]);
          return typeof period === "object" && period !== null && period.kind === grain;
        })?.[at];
  return timeSplitPlan(
    run.result,
    goal,
    grain,
    profile,
    {
      columns: run.read.columns,
      firstColumn: run.bounds.firstColumn,
      sourceRow,
      ...(periodSample === undefined ? {} : { periodSample }),
    },
    run.lang
  );
}

/**
 * Puts the planned period rows of a goal right under it, where the host can insert rows (else at the end of the
 * goal table), and selects them: returns where they went, whether under the goal, and what undoes it.
 */
export async function writeTimeSplit(
  workbook: PaneWorkbook,
  run: AuditRun,
  goal: number,
  rows: readonly TimeSplitRow[]
): Promise<{ address: string; underGoal: boolean; undo: WriteUndo }> {
  const bounds = rangeBounds(run.source.address);
  const cells = rows.map((row) => row.cells);
  const parentRow = run.result.goals[goal]?.row;
  const underGoal =
    parentRow !== undefined && (await workbook.insertRows(run.source, parentRow, cells));
  if (!underGoal) await workbook.appendRows(run.source, cells);
  const firstRow = underGoal ? (parentRow as number) + 1 : bounds.lastRow + 1;
  const width = Math.max(
    bounds.lastColumn - bounds.firstColumn + 1,
    ...rows.map((row) => row.cells.length)
  );
  const address = boundsAddress({
    firstRow,
    lastRow: firstRow + rows.length - 1,
    firstColumn: bounds.firstColumn,
    lastColumn: bounds.firstColumn + width - 1,
  });
  await workbook.select(run.source.sheet, address);
  return {
    address,
    underGoal,
    undo: {
      kind: "rows",
      table: run.source,
      address,
      written: rows.map((row) => row.cells),
      inserted: underGoal,
    },
  };
}

/**
 * The rows a goal already has for each period of a spread (`<id>-Q1` … or `<id>-M01` …, or children of its own
 * holding those periods), or null when some period has none: a goal spread once is not spread again.
 */
export function existingSplit(run: AuditRun, goal: number, grain: TimeGrain): string[] | null {
  const ids = timeSplitIds(run.result, goal, grain);
  const keys = new Set(run.result.goals.map((other) => other.key));
  if (ids !== null && ids.every((one) => keys.has(normalizeText(one)))) return ids;
  // Split by hand under other ids (T1-M01 … under the quarter T1-Q1): its children hold every period already.
  return childPeriods(run.result, goal, grain);
}

/** Name of the improvement-plan sheet. */
export const IMPROVEMENT_SHEET: Record<Lang, string> = { en: "Improvement plan", zh: "改善计划" };

/**
 * Adds a row to the improvement-plan sheet for each goal that falls behind and has none yet; what people wrote
 * in the sheet stays. The rows are selected. Returns how many were added, on which sheet, and what undoes it (null
 * when none was).
 */
export async function startImprovementPlans(
  workbook: GoalWorkbook,
  run: AuditRun,
  includeAtRisk: boolean
): Promise<{ count: number; sheet: string; undo: WriteUndo | null }> {
  // A plan started in the other language is the same plan.
  const other: Lang = run.lang === "zh" ? "en" : "zh";
  let sheet = IMPROVEMENT_SHEET[run.lang];
  let existing = await workbook.sheetValues(sheet);
  if (existing === null) {
    existing = await workbook.sheetValues(IMPROVEMENT_SHEET[other]);
    if (existing !== null) sheet = IMPROVEMENT_SHEET[other];
  }
  existing ??= [];
  const ids = new Set(
    existing
      .slice(1)
      .map((row) => row[0])
      .filter((id): id is string | number => typeof id === "string" || typeof id === "number")
      .map(String)
  );
  const rows = improvementRows(run.result, ids, run.lang, includeAtRisk);
  const header =
    sheet === IMPROVEMENT_SHEET[run.lang]
      ? IMPROVEMENT_HEADERS[run.lang]
      : IMPROVEMENT_HEADERS[other];
  if (rows.length === 0) return { count: 0, sheet, undo: null };
  const added = await workbook.appendToSheet(
    sheet,
    header,
    rows,
    improvementFormats(run.result, rows)
  );
  await workbook.select(sheet, added.address);
  // On a sheet that was empty the header was written too.
  const written = rangeBounds(added.address).firstRow === 1 ? [header, ...rows] : rows;
  const undo: WriteUndo = added.newSheet
    ? { kind: "sheet", sheet, written }
    : // Rows under a plain range: undoing empties them and moves nothing.
      {
        kind: "rows",
        table: { sheet, address: added.address, tableName: null },
        address: added.address,
        written,
        inserted: false,
      };
  return { count: rows.length, sheet, undo };
}
