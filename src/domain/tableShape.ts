import {
  ColumnMap,
  fieldOfHeader,
  findHeaderRow,
  HeaderMapping,
  mapHeaders,
  missingRequired,
} from "./headers";
import { CellValue } from "./model";
import { normalizeText, simplifiedChinese } from "./text";
import { isBlank, readNumber, UNREADABLE } from "./values";

/**
 * Where a goal table's rows stop being goals, and which rows inside it are not goals (issue 11 §3): forms put
 * banners and section titles between goal rows, repeat the header on every printed page, add a row of units under
 * the header, and end with totals and signature lines; several tables may share a sheet.
 */

/** Rows below the header: the end of the table (exclusive) and the rows inside it that are not goals. */
export interface TableRows {
  /** Index of the first row after the table: a totals or signature line, or the blank row before another header. */
  end: number;
  /** Indices of rows inside the table that are not goals: repeated headers, section titles, a second header row. */
  skip: number[];
}

/** A totals line: the word alone in its cell ("合计", "Total:", "總計（分）"). */
const TOTAL =
  /^(?:合计|总计|小计|共计|总分|得分合计|total|totals|grand total|sub-?total|sum)\s*[:：]?\s*(?:[(（].*[)）])?$/i;
/** A signature or date line of a form: 考核人签字：, 被考核人确认, Signature, Approved by, 日期：. */
const SIGNATURE =
  /(?:签字|签名|签章|盖章)\s*(?:[:：]|$)|(?:审批人|审核人|考核人|确认人)\s*(?:[:：]|$)|^\s*signatures?\s*(?:[:：_]|$)|^\s*(?:signed|approved|reviewed) by\b|^\s*(?:日期|date)\s*[:：]/i;
/** A section title: Part Ⅰ, Section 2, 第一部分, 一、业绩指标, （一）, Ⅱ. 行为. */
const SECTION =
  /^(?:part|section)\s*(?:[ivx]+|\d+|[ⅰ-ⅻⅠ-Ⅻ])\b|^第[一二三四五六七八九十\d]+(?:部分|节|章|项)|^[一二三四五六七八九十]+\s*[、.．]|^[(（][一二三四五六七八九十]+[)）]|^[Ⅰ-Ⅻ]/i;

/** True when a cell is a totals word: short text only, so goal texts cost one length check. */
function isTotal(value: CellValue): boolean {
  return typeof value === "string" && value.length <= 24 && TOTAL.test(shortText(value));
}

/** A cell's text for the patterns above: normalised, simplified, or "" for numbers, dates, blanks and long text. */
function shortText(value: CellValue): string {
  if (typeof value !== "string" || value.length > 200) return "";
  return simplifiedChinese(normalizeText(value));
}

/** True when a cell holds a number (or a date, which the reader holds as one). */
function holdsNumber(value: CellValue): boolean {
  if (typeof value === "number" || value instanceof Date) return true;
  const number = readNumber(value);
  return number !== null && number !== UNREADABLE;
}

/**
 * The rows of the table whose header is at `header` (DESIGN §2, issue 11 §3): it ends at a totals or signature line,
 * or at a blank row followed (within three rows) by another header row; inside it, rows that repeat the header,
 * section titles (a single cell of text, outside the goal column or marked like "Part Ⅱ" / "二、"), and a second
 * header row right under the header (text only, naming units or sub-columns) are skipped.
 * @example tableRows([["Goal", "Target"], ["A", 1], ["合计", 1]], 0, { goal: 0, target: 1 }).end // 2
 */
export function tableRows(
  rows: readonly (readonly CellValue[])[],
  header: number,
  map: ColumnMap,
  mapping: HeaderMapping = {}
): TableRows {
  const skip: number[] = [];
  const goalColumn = map.goal as number;
  const targetColumn = map.target as number;
  let afterBlank = false;
  for (let index = header + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    let filled = 0;
    let only = -1;
    for (let column = 0; column < row.length; column++) {
      if (!isBlank(row[column])) {
        filled++;
        only = column;
      }
    }
    if (filled === 0) {
      afterBlank = true;
      continue;
    }
    const target = row[targetColumn];
    const targetIsNumber = holdsNumber(target);
    // Totals: the word alone, in the goal cell or the row's first filled cell.
    if (isTotal(row[goalColumn]) || isTotal(row[row.findIndex((cell) => !isBlank(cell))]))
      return { end: index, skip };
    if (!targetIsNumber && row.some((cell) => SIGNATURE.test(shortText(cell))))
      return { end: index, skip };
    if (!targetIsNumber && isHeaderRow(row, map, mapping)) {
      // After a blank row a header starts another table; right after goal rows it repeats this one's.
      if (afterBlank) return { end: firstBlankBefore(rows, index), skip };
      skip.push(index);
      continue;
    }
    if (
      filled === 1 &&
      !targetIsNumber &&
      typeof row[only] === "string" &&
      (only !== goalColumn || SECTION.test(shortText(row[only])))
    ) {
      skip.push(index);
      afterBlank = false;
      continue;
    }
    if (index === header + 1 && isSecondHeader(row, map, rows[header] ?? [])) {
      skip.push(index);
      continue;
    }
    if (afterBlank && startsTable(rows, index, mapping))
      return { end: firstBlankBefore(rows, index), skip };
    afterBlank = false;
  }
  return { end: rows.length, skip };
}

/** The index of the first of the blank rows just above `index`. */
function firstBlankBefore(rows: readonly (readonly CellValue[])[], index: number): number {
  let at = index;
  while (at > 0 && (rows[at - 1] ?? []).every(isBlank)) at--;
  return at;
}

/** True when a row names, in the goal and target columns, the goal and target fields again. */
function isHeaderRow(row: readonly CellValue[], map: ColumnMap, mapping: HeaderMapping): boolean {
  const again = mapHeaders(row, [], mapping);
  return again.goal === map.goal && again.target === map.target;
}

/** True when a banner (or nothing) and then a complete header row start within three rows of `index`. */
function startsTable(
  rows: readonly (readonly CellValue[])[],
  index: number,
  mapping: HeaderMapping
): boolean {
  for (let at = index; at < Math.min(rows.length, index + 3); at++) {
    const row = rows[at] ?? [];
    if (row.some((cell) => holdsNumber(cell))) return false;
    if (missingRequired(mapHeaders(row, [], mapping)).length === 0) return true;
  }
  return false;
}

/**
 * A second header row under the header: nothing in it is a number or a date, and its target cell is a label
 * ("(%)", "万元", "Q1") rather than a target someone failed to write as a number — the goal cell is blank or
 * itself a header word.
 */
function isSecondHeader(
  row: readonly CellValue[],
  map: ColumnMap,
  header: readonly CellValue[]
): boolean {
  if (row.some((cell) => holdsNumber(cell))) return false;
  const goal = row[map.goal as number];
  // An objective on a row of its own under an Objective header, beside a blank Key Result, is a goal row.
  if (isBlank(goal))
    return !row.some(
      (cell, column) =>
        column !== map.goal && !isBlank(cell) && fieldOfHeader(header[column]) === "goal"
    );
  return mapHeaders([goal]).goal !== undefined || mapHeaders([goal]).target !== undefined;
}

/** One goal table of a sheet's rows: its header row and the end of its rows (exclusive). */
export interface TableBlock {
  header: number;
  end: number;
}

/**
 * The goal tables in a sheet's rows, top to bottom: the first header within `scan` rows, its rows (tableRows),
 * then the next header within `scan` rows after that table's end, and so on.
 * @example tableBlocks([["Goal", "Target"], ["A", 1], [], ["Goal", "Target"], ["B", 2]]) // [{ header: 0, end: 2 }, { header: 3, end: 5 }]
 */
export function tableBlocks(
  rows: readonly (readonly CellValue[])[],
  mapping: HeaderMapping = {},
  scan = 20
): TableBlock[] {
  const blocks: TableBlock[] = [];
  let from = 0;
  while (from < rows.length) {
    const found = findHeaderRow(rows.slice(from, from + scan), scan, mapping);
    if (found === null) break;
    const header = from + found;
    const map = mapHeaders(rows[header] ?? [], [], mapping);
    if (missingRequired(map).length > 0) {
      // An incomplete header is one candidate to the end (its MISSING_COLUMN says what is wrong).
      blocks.push({ header, end: rows.length });
      break;
    }
    const { end } = tableRows(rows, header, map, mapping);
    blocks.push({ header, end });
    // A footer (totals, signatures) is not the next table's header: look below it.
    from = Math.max(end + 1, header + 1);
  }
  return blocks;
}
