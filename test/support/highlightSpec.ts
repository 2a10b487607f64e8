/**
 * What the highlights must show, from the audit's findings and statuses alone (DESIGN §6), and what a set of rules
 * shows, evaluated cell by cell in HyperFormula: tests compare the two, so the key lists and formulas in between
 * are checked by their effect, not by their text.
 */
import { RawCellContent } from "hyperformula";
import {
  AuditResult,
  ColumnMap,
  findingColumn,
  HIGHLIGHT_COLORS,
  HighlightFamily,
  highlightFamilyOf,
} from "../../src/domain";
import { ruleCells } from "./ruleCells";

/** Per family, the "row:column" cells it must colour. */
export function expectedHighlights(
  result: AuditResult,
  columns: ColumnMap,
  source = 0
): Partial<Record<HighlightFamily, string[]>> {
  const cells = new Map<HighlightFamily, Set<string>>();
  const add = (family: HighlightFamily, row: number, column: number) => {
    const set = cells.get(family) ?? new Set<string>();
    set.add(`${row}:${column}`);
    cells.set(family, set);
  };
  for (const finding of result.findings) {
    const family = highlightFamilyOf(finding.code);
    const column = findingColumn(finding, columns);
    if (finding.source === source && family !== null && column !== null)
      add(family, finding.row, column);
  }
  result.statuses.forEach((status, index) => {
    const goal = result.goals[index];
    if (status && goal && goal.source === source && columns.actual !== undefined)
      add(status.status, goal.row, columns.actual);
  });
  return Object.fromEntries([...cells].map(([family, set]) => [family, [...set].sort()]));
}

/** The family of a rule, by its fill (hex RGB, with or without "#" or an alpha prefix). */
export function familyOfFill(fill: string): HighlightFamily {
  const rgb = fill.replace(/^#/, "").slice(-6).toUpperCase();
  const found = (Object.keys(HIGHLIGHT_COLORS) as HighlightFamily[]).find(
    (family) => HIGHLIGHT_COLORS[family].fill === rgb
  );
  if (!found) throw new Error(`no highlight family has the fill ${fill}`);
  return found;
}

/** Per family, the cells its rules colour on `sheet`, the formulas evaluated in HyperFormula. */
export function shownHighlights(
  rules: ReadonlyArray<{ range: string; formula: string; fill: string }>,
  sheets: Record<string, RawCellContent[][]>,
  sheet: string
): Partial<Record<HighlightFamily, string[]>> {
  const cells = new Map<HighlightFamily, Set<string>>();
  for (const rule of rules) {
    const family = familyOfFill(rule.fill);
    const set = cells.get(family) ?? new Set<string>();
    for (const cell of ruleCells(rule.range, rule.formula.replace(/^=/, ""), sheets, sheet))
      set.add(cell);
    cells.set(family, set);
  }
  return Object.fromEntries(
    [...cells].filter(([, set]) => set.size > 0).map(([family, set]) => [family, [...set].sort()])
  );
}
