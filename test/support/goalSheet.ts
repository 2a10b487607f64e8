/** The goal-sheet fixture the workbook, Excel, task-pane and preview tests share. */
import { CellValue } from "../../src/domain";
import { child, goal, table } from "../domain/builders";

/**
 * A goal sheet with a title row, a blank row, then the goal table (header in row 3, data in rows 4–10): a company
 * goal under-allocated to two teams, a vague team goal, an orphan team (parent X9), and one person per team.
 */
export function goalSheet(): CellValue[][] {
  return [
    ["Customer service goals 2026"],
    [],
    ...table([
      goal({ id: "C1", level: "Company", target: 1000, actual: 700, owner: "Zhang" }),
      child("C1", { id: "T1", level: "Team", target: 600, actual: 600, owner: "Li" }),
      child("C1", {
        id: "T2",
        level: "Team",
        target: 300,
        actual: 310,
        owner: "Wang",
        goal: "improve",
      }),
      child("X9", { id: "T3", level: "Team", target: 100, actual: 95, owner: "Chen" }),
      child("T1", { id: "P1", level: "Individual", target: 600, actual: 400, owner: "Li" }),
      child("T2", { id: "P2", level: "Individual", target: 300, owner: "Wang" }),
      child("T3", { id: "P3", level: "Individual", target: 100, owner: "Chen" }),
    ]),
  ];
}

/** The column (0-based) of a header of the fixture sheet. */
export function columnOf(header: string): number {
  return (goalSheet()[2] as CellValue[]).indexOf(header);
}
