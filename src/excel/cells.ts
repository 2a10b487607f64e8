/**
 * Cell values on their way into and out of Excel, and the size of the requests that carry them. Pure functions:
 * ExcelWorkbook uses them to convert values and to cut large ranges into requests Excel on the web accepts.
 */
import { CellValue, cellErrorOf, EXCEL_EPOCH_OFFSET } from "../domain";

/** What the Excel API takes in `values`: text, numbers and booleans ("" clears a cell, null leaves it alone). */
export type ExcelValue = string | number | boolean | null;

/**
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded). Every request this adapter sends is planned to stay under this budget, which
 * leaves room for estimates that run short and for the protocol's own framing.
 */
export const REQUEST_BUDGET_BYTES = 3_500_000;

/** Most rows one request reads (Microsoft's advice for large ranges: blocks of 5,000–20,000 rows). */
export const MAX_BLOCK_ROWS = 20_000;

/** Bytes a read cell (its value and its value type) is assumed to take before a first block has been measured. */
export const FIRST_READ_BYTES_PER_CELL = 64;

/**
 * Margin over the bytes per row measured so far when sizing the next read: later rows may hold longer text. A block
 * that still comes back too large is read again in halves.
 */
export const READ_SAFETY = 1.25;

/** A block of rows written by one operation is cut into slices of at most this size, so requests pack evenly. */
export const WRITE_SLICE_BYTES = 1_000_000;

/**
 * The rows one request may carry when a row takes `bytesPerRow` bytes: as many as fit the budget, at least one.
 * @example rowsForBudget(350) // 10000
 */
export function rowsForBudget(bytesPerRow: number): number {
  const rows = Math.floor(REQUEST_BUDGET_BYTES / Math.max(1, bytesPerRow));
  return Math.min(MAX_BLOCK_ROWS, Math.max(1, rows));
}

/**
 * Bytes a string takes in a UTF-8 JSON body: quotes, escapes and multi-byte characters counted, without building
 * the JSON.
 * @example jsonStringBytes('目标 "A"') // 14
 */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    // \b \t \n \f \r have two-character escapes; other control characters are written \u00XX.
    else if (code < 0x20) bytes += code >= 0x08 && code <= 0x0d && code !== 0x0b ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // Each half of a surrogate pair: the pair is one four-byte character.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Bytes one value takes in a JSON body, with its separating comma. */
export function jsonValueBytes(value: unknown): number {
  if (typeof value === "string") return jsonStringBytes(value) + 1;
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return (value ? 4 : 5) + 1;
  return 5;
}

/** Bytes one row of values takes in a JSON body (brackets and commas included). */
export function jsonRowBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (const value of row) bytes += jsonValueBytes(value);
  return bytes;
}

/**
 * True when Excel would not keep `text` as typed: it would read a formula (=, +, -, @), drop a leading apostrophe,
 * or turn it into a number, date, time, percentage, boolean or error (anything with a digit, TRUE/FALSE, #…).
 * Boolean words of other display languages (WAHR, VRAI…) are not recognised here.
 * @example needsTextPrefix("=1+1") // true
 * @example needsTextPrefix("Reduce churn") // false
 */
export function needsTextPrefix(text: string): boolean {
  return /^[=+\-@'#]/.test(text) || /\p{Nd}/u.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/**
 * A value as written through `values`. Text that Excel would reinterpret gets Excel's own text marker, a leading
 * apostrophe: it keeps the text exactly (the apostrophe is not part of the value read back), writes it in the same
 * request as the value, and, unlike a "@" number format, does not turn the cell into a text cell for what the user
 * types into it later. Dates become serial numbers, error values their error literal, blanks "".
 * @example toExcelValue("=SUM(A1:A3)") // "'=SUM(A1:A3)"
 * @example toExcelValue(null) // ""
 */
export function toExcelValue(value: CellValue): ExcelValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return needsTextPrefix(value) ? `'${value}` : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to a cell`);
    return value;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new RangeError("cannot write an invalid date to a cell");
    return time / 86_400_000 + EXCEL_EPOCH_OFFSET;
  }
  // An error value is written as its literal, which Excel turns back into the error; anything else (the text of a
  // formula saved without a value) is written as text.
  const literal = cellErrorOf(value.error);
  return literal ?? toExcelValue(value.error);
}

/**
 * Rows of values as written through `values`, every row as wide as the widest: a short row is padded with null,
 * which leaves those cells alone.
 */
export function toExcelRows(rows: readonly (readonly CellValue[])[]): ExcelValue[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => {
    const line: ExcelValue[] = row.map(toExcelValue);
    while (line.length < width) line.push(null);
    return line;
  });
}

/**
 * A cell as read from Excel: error cells (`valueTypes` "Error") as `{ error }`, empty cells as null; numbers (dates
 * included, as serial numbers), text and booleans as they are.
 * @example fromExcelValue("#N/A", "Error") // { error: "#N/A" }
 */
export function fromExcelValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined || type === "Empty") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

/** A slice of a block of rows: where it starts (offset from the block's first row), its rows, its size. */
export interface RowSlice<T> {
  offset: number;
  rows: T[][];
  bytes: number;
}

/**
 * Cuts rows into consecutive slices of at most `maxBytes` JSON bytes each (a single larger row is a slice alone).
 * @example sliceRows([[1], [2], [3]], 10).map((slice) => slice.offset) // [0, 2]
 */
export function sliceRows<T>(rows: readonly T[][], maxBytes: number): RowSlice<T>[] {
  const slices: RowSlice<T>[] = [];
  let current: RowSlice<T> | null = null;
  rows.forEach((row, index) => {
    const bytes = jsonRowBytes(row);
    if (current === null || (current.rows.length > 0 && current.bytes + bytes > maxBytes)) {
      current = { offset: index, rows: [], bytes: 2 };
      slices.push(current);
    }
    current.rows.push(row);
    current.bytes += bytes;
  });
  return slices;
}
