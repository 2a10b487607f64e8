import { CellValue, Field, FIELDS } from "../../src/domain";
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
