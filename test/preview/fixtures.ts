/**
 * What the preview's tests share: the goal-sheet fixture of the operations tests, a preview workbook over it, the
 * problem sample's bytes, and the fills a window of the grid would show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import { PreviewWorkbook } from "../../src/preview/PreviewWorkbook";
import { auditGoalTable, AuditRun, findGoalTables } from "../../src/workbook/operations";
import { columnOf, goalSheet } from "../support/goalSheet";

export { columnOf, goalSheet };

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
