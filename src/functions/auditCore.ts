/**
 * GOAL.AUDIT's core, apart from the other functions' (core.ts): it carries the whole audit — the table reader, the
 * rules and every finding's words in two languages — which would take the Excel functions bundle past its 80 KB
 * budget. Excel loads it the first time a workbook calls GOAL.AUDIT (functions.ts); the HyperFormula plugin, which
 * computes synchronously, loads it with itself. Either hands it to the registry (provideAuditCore).
 */
import {
  auditTables,
  CellValue,
  ColumnMap,
  DEFAULT_AUDIT_OPTIONS,
  findHeaderRow,
  findingMessage,
  FIT_ROWS,
  issueMessage,
  Lang,
  mapHeaders,
  readDirection,
  readGoalTable,
} from "../domain";
import { errorOf, isEmpty, Output } from "./arguments";

type Matrix = Output[][];

/**
 * A goal-table row as GOAL.AUDIT reads it: Excel on the desktop passes 0 for every empty cell, the web nothing, so a
 * 0 is empty — except a target of 0 on a lower-is-better goal (zero defects, zero complaints), the one place a 0
 * target means something. A row of nothing but blanks and zeros is a blank row.
 */
function blanksOfDesktop(row: readonly CellValue[], columns: ColumnMap): CellValue[] {
  if (row.every((cell) => cell === 0 || isEmpty(cell))) return row.map(() => null);
  const lower =
    columns.direction !== undefined && readDirection(row[columns.direction] ?? null) === "lower";
  return row.map((cell, column) =>
    cell === 0 && !(lower && column === columns.target) ? null : cell
  );
}

/**
 * GOAL.AUDIT: the findings of a goal table (a range with its header row), one row each: worksheet row, id, code,
 * message. Excel on the desktop passes 0 for every empty cell of a range (the web passes nothing): see
 * `blanksOfDesktop` — a table's blanks (no parent, a trailing blank row, no actual reported yet) never become goals
 * "0" or actuals of 0, at the price that an actual of exactly 0 reads as not reported here (the pane reads cells). `firstRow` is the worksheet row of the range's first row; when the host does not say
 * (null), rows count from the header row and a first line says so.
 * @example auditCore([["ID", "Goal", "Target"], ["G1", "Resolve tickets", 100]], "en", 3, null)
 */
export function auditCore(
  table: CellValue[][],
  language: Lang,
  firstRow: number | null,
  asOf: number | null
): Matrix {
  // The header row is read first; below it a 0 is the desktop's blank, except a lower-is-better target of 0.
  const header = findHeaderRow(table) ?? 0;
  const columns = mapHeaders(table[header] ?? [], table.slice(header + 1, header + 1 + FIT_ROWS));
  const grid = table.map((row, r) => (r <= header ? row : blanksOfDesktop(row, columns)));
  const options = { ...DEFAULT_AUDIT_OPTIONS, asOf };
  const result = auditTables([readGoalTable(grid, { firstRow: firstRow ?? 1 })], options);
  const rows: Matrix = result.findings.map((finding) => [
    finding.row,
    finding.id ?? "",
    finding.code,
    findingMessage(finding, language),
  ]);
  if (rows.length === 0)
    rows.push(["", "", "", language === "zh" ? "没有发现问题" : "No findings"]);
  if (firstRow === null) {
    const note = errorOf({ code: "ROWS_FROM_TABLE" }).issue;
    rows.unshift(["", "", note.code, issueMessage(note, language)]);
  }
  return rows;
}
