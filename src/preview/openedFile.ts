/**
 * What the preview's Open… makes of a file: an .xlsx or .xlsm workbook (ExcelJS, xlsxFile.ts), a CSV as Excel opens
 * one (UTF-8 with or without a byte-order mark, else GB18030; each field read as if typed), or the reason it cannot
 * be opened, in words — never a zip library's text.
 */
import Papa from "papaparse";
import { PreviewWorkbook } from "./PreviewWorkbook";
import { SettingsStorage } from "./settingsStore";
import { toTsv } from "./cellInput";

/** Why a file is not opened: the words previewStrings holds for each. */
export type OpenProblem = "fileXls" | "fileNotSpreadsheet" | "fileDamaged" | "fileCsv";

export class OpenError extends Error {
  override name = "OpenError";

  constructor(readonly problem: OpenProblem) {
    super(problem);
  }
}

/** True for a file the preview reads as comma-separated text. */
export function isCsvName(name: string): boolean {
  return /\.(csv|txt)$/i.test(name);
}

/** The text of a CSV's bytes: UTF-8 when they are valid UTF-8 (a BOM is dropped), else GB18030 (Excel's Chinese). */
export function csvText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * A workbook of one sheet (named as Excel names a CSV's: the file's name) holding the CSV's fields, each read as if
 * typed into its cell (numbers, percentages, ISO dates; the rest text).
 */
export function csvWorkbook(
  name: string,
  bytes: ArrayBuffer,
  storage: SettingsStorage | null | undefined
): PreviewWorkbook {
  const parsed = Papa.parse<string[]>(csvText(bytes), { skipEmptyLines: false });
  // A quote never closed swallows the rest of the file: refused rather than opened with rows missing.
  if (parsed.errors.some((error) => error.type === "Quotes")) throw new OpenError("fileCsv");
  const sheet =
    name
      .replace(/\.[^.]+$/, "")
      .replace(/[\\/?*[\]:]/g, "_")
      .slice(0, 31) || "Sheet1";
  const book = new PreviewWorkbook({ [sheet]: [] }, { storage });
  const rows = parsed.data.filter(
    (row, index) => index < parsed.data.length - 1 || row.join("") !== ""
  );
  if (rows.length > 0) book.pasteTsv(sheet, 1, 0, toTsv(rows));
  book.setActiveCell(sheet, 1, 0);
  return book;
}

/** The reason bytes that ExcelJS could not read are no workbook: from what they start with. */
export function openProblemOf(bytes: ArrayBuffer): OpenProblem {
  const head = new Uint8Array(bytes.slice(0, 4));
  // An OLE compound file: an .xls of Excel 97–2003, or an .xlsx encrypted with a password.
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    return "fileXls";
  if (head[0] === 0x50 && head[1] === 0x4b) return "fileDamaged";
  return "fileNotSpreadsheet";
}
