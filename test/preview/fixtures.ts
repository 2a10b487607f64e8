/**
 * What the preview's tests share: the goal-sheet fixture of the operations tests, a preview workbook over it, the
 * problem sample's bytes, and the fills a window of the grid would show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CellValue, DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import { PreviewWorkbook } from "../../src/preview/PreviewWorkbook";
import { auditGoalTable, AuditRun, findGoalTables } from "../../src/workbook/operations";
import { child, goal, table } from "../domain/builders";

/** A goal sheet with a title row, a blank row, then the goal table (header in row 3, data in rows 4–10). */
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

/** A preview workbook holding the fixture sheet, the active cell in the table, settings in memory only. */
export function previewBook(): PreviewWorkbook {
  return new PreviewWorkbook(
    { Goals: goalSheet() },
    { active: { sheet: "Goals", row: 4, column: 0 }, storage: null }
  );
}

/** Audits the goal table of the active sheet, as the pane's "Audit goals" does. */
export async function audit(book: PreviewWorkbook): Promise<AuditRun> {
  const [source] = await findGoalTables(book);
  if (!source) throw new Error("no goal table found");
  return auditGoalTable(book, source, DEFAULT_AUDIT_OPTIONS, "en");
}

/** The problem sample as the bytes a file picker or fetch gives. */
export function sampleBytes(name = "cascade-problems.xlsx"): ArrayBuffer {
  const bytes = readFileSync(join(__dirname, "..", "..", "samples", name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The fill of every cell of a window that has one, as "row:column" → colour. */
export function fillsOf(
  book: PreviewWorkbook,
  sheet: string,
  lastRow: number,
  lastColumn: number
): Map<string, string> {
  const fills = new Map<string, string>();
  book.fillsFor(sheet, 1, lastRow, 0, lastColumn).forEach((line, r) =>
    line.forEach((look, c) => {
      if (look?.fill) fills.set(`${r + 1}:${c}`, look.fill);
    })
  );
  return fills;
}
