/**
 * How the grid shows a cell of the preview's engine, as Excel shows it: the value with the cell's number format and
 * its alignment, the text editing starts from, and where an in-workbook link points.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from "hyperformula";
import { cellKey } from "../domain";
import { DATE_FORMAT, parseTyped } from "./cellInput";
import { excelSyntax } from "./formulaText";
import { formatNumber, formatText, isDateFormat, isPercentFormat } from "./numberFormat";
import { PreviewSheet } from "./previewSheet";

/** How a cell shows: its formatted text and its alignment (numbers right, text left, the rest centred). */
export interface CellView {
  text: string;
  align: "left" | "right" | "center";
  /** True when the cell is a hyperlink. */
  link: boolean;
  /** The cell's indent level (0–15), when the file gave it one: about 9 px a level, as Excel shows it. */
  indent?: number;
  /** What an error cell's formula says went wrong (a GOAL function's message): its tooltip, as Excel's error hint. */
  error?: string;
}

/** How a cell shows: its value formatted with the cell's number format, and its alignment. */
export function viewOf(hf: HyperFormula, meta: PreviewSheet, address: SimpleCellAddress): CellView {
  const value = hf.getCellValue(address);
  const key = cellKey(address.row + 1, address.col);
  const link = meta.links.has(key);
  if (value === null || value === undefined) return { text: "", align: "left", link };
  if (value instanceof DetailedCellError)
    return {
      text: value.value,
      align: "center",
      link,
      ...(value.message ? { error: value.message } : {}),
    };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", align: "center", link };
  const format = meta.numberFormats.get(key);
  if (typeof value === "string") {
    const indent = meta.indents.get(key);
    const view: CellView = { text: formatText(value, format), align: "left", link };
    return indent === undefined ? view : { ...view, indent };
  }
  // A formula that computes a date (DATE, EDATE…) shows it as one, as Excel formats such cells itself.
  const shown =
    format ?? (hf.getCellValueDetailedType(address) === "NUMBER_DATE" ? DATE_FORMAT : undefined);
  return { text: formatNumber(value, shown), align: "right", link };
}

/** What editing a cell starts from: its formula, or its value as one would type it. */
export function inputOf(hf: HyperFormula, meta: PreviewSheet, address: SimpleCellAddress): string {
  const formula = hf.getCellFormula(address);
  if (formula !== undefined) return excelSyntax(formula);
  const value = hf.getCellValue(address);
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    // Text that typing would read as something else gets Excel's apostrophe.
    return parseTyped(value).kind === "text" && !value.startsWith("'") ? value : `'${value}`;
  }
  const format = meta.numberFormats.get(cellKey(address.row + 1, address.col));
  if (isDateFormat(format))
    return formatNumber(value, Number.isInteger(value) ? DATE_FORMAT : `${DATE_FORMAT} hh:mm:ss`);
  if (isPercentFormat(format)) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/**
 * The sheet and address an in-workbook link ("#'Sheet name'!B3", "#Goals!A1:C4") points at, or null.
 * @example linkLocation("#'Q1 goals'!B3") // { sheet: "Q1 goals", address: "B3" }
 */
export function linkLocation(link: string): { sheet: string; address: string } | null {
  const match = /^#(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(
    link
  );
  if (!match) return null;
  return { sheet: match[1]?.replace(/''/g, "'") ?? match[2] ?? "", address: match[3] as string };
}
