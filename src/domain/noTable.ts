import { Bilingual, fieldName } from "./catalogue";
import { HEADERS, HeaderMapping, mapHeaders, missingRequired } from "./headers";
import { CellValue, Field } from "./model";
import { normalizeText, simplifiedChinese } from "./text";
import { isBlank, readNumber, readText, UNREADABLE } from "./values";

/**
 * Why a sheet holds no goal table, for the message that says so (issue 11 §1): the row that looks most like a
 * header, the headers on it, the required fields none of them names, and for each the column that most likely holds
 * it, with the accepted header nearest to that column's.
 */
export interface NoTableReason {
  /** 0-based index of the row most like a header (most text cells among the first rows), or null for none. */
  row: number | null;
  /** The headers on that row, as written (at most 12). */
  headers: string[];
  /** Required fields no header names. */
  missing: Field[];
  /** Per missing field: the header most likely meant, and the accepted header nearest to it. */
  suggestions: Array<{ field: Field; header: string; nearest: string }>;
}

/** Edit distance of two short texts (Levenshtein), for the accepted header nearest to a seen one. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** The accepted header of a field nearest to a seen header, and how far (0..1 of the longer text). */
function nearestAccepted(field: Field, header: string): { accepted: string; far: number } {
  const seen = simplifiedChinese(normalizeText(header));
  let best = { accepted: HEADERS[field].en[0] as string, far: Infinity };
  for (const accepted of [...HEADERS[field].en, ...HEADERS[field].zh]) {
    const key = simplifiedChinese(normalizeText(accepted));
    const far = distance(seen, key) / Math.max(seen.length, key.length, 1);
    if (far < best.far) best = { accepted, far };
  }
  return best;
}

/** Share of a column's cells below the header that hold what a field holds: long text for goal, numbers for target. */
function contentFit(field: Field, rows: readonly (readonly CellValue[])[], column: number): number {
  let fit = 0;
  let filled = 0;
  for (const row of rows.slice(0, 50)) {
    const value = row[column];
    if (isBlank(value)) continue;
    filled++;
    const number = readNumber(value);
    const isNumber = number !== null && number !== UNREADABLE;
    if (field === "target" ? isNumber : !isNumber && String(value).length >= 6) fit++;
  }
  return filled === 0 ? 0 : fit / filled;
}

/**
 * Explains why no goal table was found in a sheet's first rows.
 * @example explainNoTable([["Objective Title", "Quota"], ["Grow", 5]]).suggestions // [{ field: "goal", header: "Objective Title", nearest: "Objective" }, …]
 */
export function explainNoTable(
  rows: readonly (readonly CellValue[])[],
  mapping: HeaderMapping = {},
  scan = 20
): NoTableReason {
  let row: number | null = null;
  let most = 1;
  for (let index = 0; index < Math.min(scan, rows.length); index++) {
    const texts = (rows[index] ?? []).filter((cell) => {
      const text = readText(cell);
      return typeof text === "string" && readNumber(cell) === UNREADABLE;
    }).length;
    if (texts > most) {
      row = index;
      most = texts;
    }
  }
  if (row === null) return { row: null, headers: [], missing: ["goal", "target"], suggestions: [] };
  const cells = rows[row] ?? [];
  const map = mapHeaders(cells, rows.slice(row + 1, row + 201), mapping);
  const taken = new Set(Object.values(map));
  const missing = missingRequired(map);
  const below = rows.slice(row + 1);
  const suggestions: NoTableReason["suggestions"] = [];
  for (const field of missing) {
    let best: { header: string; nearest: string; score: number } | null = null;
    cells.forEach((cell, column) => {
      const header = readText(cell);
      if (typeof header !== "string" || taken.has(column)) return;
      const { accepted, far } = nearestAccepted(field, header);
      // A header close to an accepted one counts most; the column's cells decide between the rest.
      const score = (1 - Math.min(far, 1)) * 2 + contentFit(field, below, column);
      if (best === null || score > best.score) best = { header, nearest: accepted, score };
    });
    if (best !== null) {
      const chosen = best as { header: string; nearest: string };
      taken.add(cells.findIndex((cell) => readText(cell) === chosen.header));
      suggestions.push({ field, header: chosen.header, nearest: chosen.nearest });
    }
  }
  const headers = cells
    .map((cell) => readText(cell))
    .filter((text): text is string => typeof text === "string")
    .slice(0, 12);
  return { row, headers, missing, suggestions };
}

/**
 * The reason in words, for a sheet: the headers seen, the fields missing, and the `--map` (CLI) or the mapping
 * step (pane) that would read them.
 * @example noTableWords("Plan", reason, "cli").en // "sheet “Plan”, row 2: headers “Objective Title”, “Quota”; …"
 */
export function noTableWords(
  sheet: string,
  reason: NoTableReason,
  host: "cli" | "pane",
  firstRow = 1
): Bilingual {
  if (reason.row === null)
    return {
      en: `sheet “${sheet}”: no row in its first 20 looks like a header row`,
      zh: `工作表“${sheet}”：前 20 行中没有像表头的行`,
    };
  const seen = reason.headers.map((header) => `“${header}”`);
  const missingEn = reason.missing.map((field) => fieldName(field, "en")).join(" and ");
  const missingZh = reason.missing.map((field) => fieldName(field, "zh")).join("、");
  const advice = reason.suggestions.map((s) => ({
    en:
      host === "cli"
        ? `--map ${s.field}="${s.header}" (the accepted header nearest to it is “${s.nearest}”)`
        : `map “${s.header}” to ${fieldName(s.field, "en")} (the accepted header nearest to it is “${s.nearest}”)`,
    zh:
      host === "cli"
        ? `--map ${s.field}="${s.header}"（最接近的可用表头是“${s.nearest}”）`
        : `把“${s.header}”对应到“${fieldName(s.field, "zh")}”（最接近的可用表头是“${s.nearest}”）`,
  }));
  const row = firstRow + reason.row;
  return {
    en: `sheet “${sheet}”, row ${row}: headers ${seen.join(", ")}; no header names ${missingEn}${advice.length > 0 ? ` — try ${advice.map((a) => a.en).join(", ")}` : ""}`,
    zh: `工作表“${sheet}”第 ${row} 行：表头 ${seen.join("、")}；没有表头对应“${missingZh}”${advice.length > 0 ? `——可尝试 ${advice.map((a) => a.zh).join("，")}` : ""}`,
  };
}
