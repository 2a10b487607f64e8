import { AuditResult, GoalTableRead, Lang } from "../domain";
import { boundsAddress, writeAudit } from "../workbook/operations";
import { ensureOutputPath, LoadedFile, packageProblem } from "./load";
import { writeOutputFile } from "./output";

/**
 * Writes an annotated copy of one input: the audit's highlights over the goal table and its audit sheet, written by
 * the same operation the task pane and the ribbon run, over the file's package (src/xlsx). Everything of the user's
 * — values, formats, their conditional formats, pivot tables, charts, macros — is kept as it was; the add-in's own
 * rules and audit sheet from an earlier run are replaced. Refuses to write over the input.
 */
export async function writeAnnotatedCopy(
  loaded: LoadedFile,
  result: AuditResult,
  read: GoalTableRead,
  out: string,
  lang: Lang
): Promise<void> {
  const { table, workbook } = loaded;
  ensureOutputPath(loaded.file, out, workbook.hasMacros());
  // A loop, not Math.max(...rows): spreading 400,000 rows overflows the call stack.
  let width = 1;
  for (const row of table.cells) width = Math.max(width, row.length);
  const address = boundsAddress({
    firstRow: table.firstRow,
    firstColumn: table.firstColumn,
    lastRow: table.firstRow + Math.max(0, table.cells.length - 1),
    lastColumn: table.firstColumn + width - 1,
  });
  let bytes: Uint8Array;
  try {
    await writeAudit(
      workbook,
      { sheet: table.sheet, address, tableName: table.tableName ?? null },
      read,
      result,
      lang
    );
    bytes = workbook.toBytes();
  } catch (error) {
    // A part the audit edits (the styles, another sheet's rules) that cannot be followed.
    throw packageProblem(loaded.file, error) ?? error;
  }
  await writeOutputFile(out, bytes);
}
