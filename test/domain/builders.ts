import {
  auditTables,
  AuditOptions,
  AuditResult,
  CellValue,
  Field,
  FIELDS,
  Finding,
  FindingCode,
  readGoalTable,
} from "../../src/domain";
import { AuditOptionsInput, parseAuditOptions } from "../../src/domain/options";
import { HEADERS } from "../../src/domain/headers";

/** A goal row for `table([...])`: field → cell value. */
export type GoalRow = Partial<Record<Field, CellValue>>;

/**
 * A goal-table fixture: the English header row for every field any row uses (plus id, goal, target), then the rows.
 * Row numbers in findings are then 2, 3, … for the rows in order.
 */
export function table(rows: GoalRow[], fields?: Field[]): CellValue[][] {
  const used = new Set<Field>(fields ?? ["id", "goal", "target"]);
  if (!fields)
    for (const row of rows) for (const field of Object.keys(row) as Field[]) used.add(field);
  const columns = FIELDS.filter((field) => used.has(field));
  return [
    columns.map((field) => HEADERS[field].en[0] as string),
    ...rows.map((row) => columns.map((field) => row[field] ?? null)),
  ];
}

/** A complete, clean goal: every rule passes for it alone. Override what a test is about. */
export function goal(overrides: GoalRow = {}): GoalRow {
  return {
    id: "G1",
    owner: "Li Na",
    goal: "Resolve customer tickets within the service level",
    kpi: "Tickets resolved",
    unit: "tickets",
    period: "2026",
    deadline: "2026-12-31",
    target: 1000,
    ...overrides,
  };
}

/** A goal under `parent`, with goal text of its own so that it copies neither its parent nor its siblings. */
export function child(parent: string, overrides: GoalRow & { id: string }): GoalRow {
  return goal({ parent, goal: `Resolve the tickets of ${String(overrides.id)}`, ...overrides });
}

/** A rate goal (customer satisfaction in %): it rolls up by average. */
export function rate(overrides: GoalRow = {}): GoalRow {
  return goal({
    goal: "Keep customer satisfaction high",
    kpi: "CSAT",
    unit: "%",
    target: "95%",
    ...overrides,
  });
}

/** Audit options from what a user types; a fixture with bad options is a mistake in the test. */
export function options(input: AuditOptionsInput = {}): AuditOptions {
  const parsed = parseAuditOptions(input);
  if (!parsed.ok) throw new Error(`bad test options: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/** Reads and audits one table fixture. */
export function audit(cells: CellValue[][], input: AuditOptionsInput = {}): AuditResult {
  return auditTables([readGoalTable(cells)], options(input));
}

/** Findings as "row code field" lines, the shape most rule tests assert on. */
export function lines(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.row} ${finding.code} ${finding.field ?? "-"}`);
}

/** The findings of one code, as "row code field" lines. */
export function linesOf(code: FindingCode, findings: readonly Finding[]): string[] {
  return lines(findings.filter((finding) => finding.code === code));
}
