/**
 * What a person types into a cell, read the way Excel (English locale) reads it, and what the preview writes for
 * values that come from data rather than from typing.
 */
import { RawCellContent } from "hyperformula";
import { CellValue, dayFromDate, dayFromParts, serialFromDay } from "../domain";
import { engineFormula } from "./formulaText";

/** What a typed entry becomes: the engine's content, and the number format the entry implies, if any. */
export interface TypedEntry {
  content: RawCellContent;
  /** The format Excel gives a cell when this is typed into it ("0%" for "95%", "yyyy-mm-dd" for a date). */
  impliedFormat?: string;
  kind: "empty" | "formula" | "number" | "percent" | "date" | "boolean" | "text";
}

/** The date format the preview gives typed dates and dates written from data. */
export const DATE_FORMAT = "yyyy-mm-dd";

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/**
 * Reads typed text: "=…" is a formula, "'…" text, "1,200" and "95%" numbers, "2026-03-31" a date, TRUE and FALSE
 * booleans, anything else text (kept as text even when the engine would read it otherwise).
 * @example parseTyped("95%") // { content: 0.95, impliedFormat: "0%", kind: "percent" }
 */
export function parseTyped(text: string): TypedEntry {
  const trimmed = text.trim();
  if (trimmed === "") return { content: null, kind: "empty" };
  if (text.startsWith("=") && text.length > 1)
    return { content: engineFormula(text), kind: "formula" };
  // A leading apostrophe is how Excel types text that would otherwise be read as something else.
  if (text.startsWith("'")) return { content: `'${text.slice(1)}`, kind: "text" };
  const percent = trimmed.endsWith("%");
  const digits = percent ? trimmed.slice(0, -1).trim() : trimmed;
  if (digits !== "" && /\d/.test(digits) && NUMBER.test(digits)) {
    const value = Number(digits.replace(/,/g, ""));
    if (Number.isFinite(value)) {
      if (percent) {
        const decimals = /\.(\d+)/.exec(digits)?.[1]?.length ?? 0;
        return {
          content: value / 100,
          impliedFormat: decimals > 0 ? `0.${"0".repeat(Math.min(decimals, 4))}%` : "0%",
          kind: "percent",
        };
      }
      return {
        content: value,
        ...(digits.includes(",") ? { impliedFormat: "#,##0" } : {}),
        kind: "number",
      };
    }
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const day = dayFromParts(Number(date[1]), Number(date[2]), Number(date[3]));
    if (day !== null)
      return { content: serialFromDay(day), impliedFormat: DATE_FORMAT, kind: "date" };
  }
  if (/^(true|false)$/i.test(trimmed)) return { content: /^true$/i.test(trimmed), kind: "boolean" };
  return { content: `'${text}`, kind: "text" };
}

/**
 * A value from data (an audit row, an allocation, a loaded file) as the engine's content: text stays text even
 * when it starts with "=" or looks like a number, dates become serial numbers, errors stay errors.
 * @example rawFromValue("=x") // "'=x"
 */
export function rawFromValue(value: CellValue): RawCellContent {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return `'${value}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const day = dayFromDate(value);
    if (day === null) return null;
    const time = (((value.getTime() % 86_400_000) + 86_400_000) % 86_400_000) / 86_400_000;
    return serialFromDay(day) + time;
  }
  // The engine reads an error's text ("#N/A") as that error.
  return value.uncalculated ? `'${value.error}` : value.error;
}

/**
 * Splits text copied from Excel (tab-separated cells, one line per row, cells holding tabs, line breaks or quotes
 * in double quotes) into rows of cell texts.
 * @example parseTsv("a\tb\r\n1\t2\r\n") // [["a", "b"], ["1", "2"]]
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const char = text.charAt(i);
    if (atCellStart && char === '"') {
      // A quoted cell: up to the quote that is not doubled.
      let j = i + 1;
      let quoted = "";
      while (j < text.length) {
        const c = text.charAt(j);
        if (c === '"' && text.charAt(j + 1) === '"') {
          quoted += '"';
          j += 2;
        } else if (c === '"') break;
        else {
          quoted += c;
          j++;
        }
      }
      const next = text.charAt(j + 1);
      if (j < text.length && (next === "\t" || next === "\n" || next === "\r" || next === "")) {
        cell = quoted;
        i = j + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (char === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
      i++;
    } else if (char === "\n" || char === "\r") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      i += char === "\r" && text.charAt(i + 1) === "\n" ? 2 : 1;
    } else {
      cell += char;
      i++;
    }
  }
  // Excel ends a copied block with a line break; no empty last row comes of it.
  if (!atCellStart || cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Cells as tab-separated text for the clipboard, quoting those that hold tabs, line breaks or quotes. */
export function toTsv(rows: string[][]): string {
  return rows
    .map((row) =>
      row
        .map((cell) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
        .join("\t")
    )
    .join("\r\n");
}
