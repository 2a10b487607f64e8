import { dayFromParts } from "./dates";
import { CellValue } from "./model";
import { toNfkc } from "./text";
import { Read, readDate, UNREADABLE } from "./values";

/**
 * How the parts of a date such as 03/04/2026 are ordered: month first (US), day first, year first, or `auto` —
 * per column, decided by its dates (decideDateOrder).
 */
export type DateOrder = "auto" | "mdy" | "dmy" | "ymd";
export const DATE_ORDERS: readonly DateOrder[] = ["auto", "mdy", "dmy", "ymd"];

/** Three numbers with slashes, dots or dashes, and perhaps a time: 12/31/2025, 31.12.2025, 25/12/31 0:00. */
const PART_DATE =
  /^(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?$/i;
/** A Republic of China (民國) date: year 114 is 2025. Without 民國 the year must have three digits. */
const ROC_DATE = /^(民国|民國)?\s*(\d{2,3})\s*([/.\-年])\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/;
/** English month names and their abbreviations, as a pattern's alternatives (periods.ts reads them too). */
export const MONTHS =
  "january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec";
/** Dec 31, 2025 / December 31 2025. */
const MONTH_DAY_YEAR = new RegExp(
  `^(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`,
  "i"
);
/** 31 Dec 2025 / 31-Dec-2025 / 31-Dec-25 (Excel's d-mmm-yy). */
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})[\\s-](${MONTHS})\\.?[\\s-](\\d{4}|\\d{2})$`, "i");
const MONTH_OF: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** A month's number from its English name or abbreviation (its first three letters decide). */
export function monthOfName(name: string): number {
  return MONTH_OF[name.toLowerCase().slice(0, 3)] ?? NaN;
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/**
 * A date in any form a goal table holds, its ambiguous slash dates read in `order`: what readDate reads (serials,
 * ISO, 2026年3月31日), then 12/31/2025 (mdy), 31/12/2025 and 31.12.2025 (dmy), 25/12/31 (ymd), Dec 31, 2025,
 * 31-Dec-25, and ROC dates (民國114/07/09, 114/07/09).
 * @example readDateAs("31.12.2025", "dmy") // 20453
 */
export function readDateAs(value: CellValue, order: Exclude<DateOrder, "auto">): Read<number> {
  const plain = readDate(value);
  if (plain !== UNREADABLE || typeof value !== "string") return plain;
  const text = toNfkc(value).trim();
  const parts = PART_DATE.exec(text);
  // A three-digit first part is an ROC year (114/07/09), read below.
  if (parts && (parts[1] as string).length !== 3) {
    const [a, b, c] = [parts[1], parts[3], parts[4]] as [string, string, string];
    if (order === "ymd")
      return a.length <= 2 || a.length === 4
        ? (dayFromParts(fullYear(a), Number(b), Number(c)) ?? UNREADABLE)
        : UNREADABLE;
    if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return UNREADABLE;
    const [month, day] = order === "mdy" ? [a, b] : [b, a];
    return dayFromParts(fullYear(c), Number(month), Number(day)) ?? UNREADABLE;
  }
  const roc = ROC_DATE.exec(text);
  if (roc && (roc[1] !== undefined || (roc[2] as string).length === 3))
    return dayFromParts(Number(roc[2]) + 1911, Number(roc[4]), Number(roc[5])) ?? UNREADABLE;
  const named = MONTH_DAY_YEAR.exec(text);
  if (named)
    return (
      dayFromParts(Number(named[3]), monthOfName(named[1] as string), Number(named[2])) ??
      UNREADABLE
    );
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst)
    return (
      dayFromParts(
        fullYear(dayFirst[3] as string),
        monthOfName(dayFirst[2] as string),
        Number(dayFirst[1])
      ) ?? UNREADABLE
    );
  return UNREADABLE;
}

/**
 * True when a cell holds a date in some order (for judging whether a column holds dates).
 * @example readsAsDate("31/12/2025") // true
 */
export function readsAsDate(value: CellValue): boolean {
  for (const order of ["mdy", "dmy"] as const) {
    const day = readDateAs(value, order);
    if (day !== null && day !== UNREADABLE) return true;
  }
  return false;
}

/** What one cell says about the order of its date's parts. */
function evidenceOf(value: CellValue): "mdy" | "dmy" | "ambiguous" | null {
  if (typeof value !== "string") return null;
  const parts = PART_DATE.exec(toNfkc(value).trim());
  if (!parts || (parts[1] as string).length > 2) return null;
  const first = Number(parts[1]);
  const second = Number(parts[3]);
  if (first > 12 && second <= 12) return "dmy";
  if (second > 12 && first <= 12) return "mdy";
  // 5/5/2026 is the same date either way.
  return first === second || first > 12 ? null : "ambiguous";
}

/** The order a column's dates are read in, and the first of its cells read by assumption (DATE_ORDER_ASSUMED). */
export interface DateOrderDecision {
  order: Exclude<DateOrder, "auto">;
  /** Index (in the values given) of the first ambiguous date when the order was assumed, else -1. */
  assumedAt: number;
}

/**
 * The order of one column's slash dates (DESIGN §3): the order chosen, or with `auto` the one its dates show (a
 * day above 12 decides; when they disagree, the order most of them show, the others then unreadable); a column
 * whose dates never show it is read month first, and the first such date is where DATE_ORDER_ASSUMED goes.
 * @example decideDateOrder(["03/04/2026", "28/02/2026"], "auto") // { order: "dmy", assumedAt: -1 }
 */
export function decideDateOrder(
  values: readonly CellValue[],
  chosen: DateOrder
): DateOrderDecision {
  if (chosen !== "auto") return { order: chosen, assumedAt: -1 };
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = -1;
  values.forEach((value, index) => {
    const evidence = evidenceOf(value);
    if (evidence === "dmy") dayFirst++;
    else if (evidence === "mdy") monthFirst++;
    else if (evidence === "ambiguous" && ambiguous < 0) ambiguous = index;
  });
  if (dayFirst > monthFirst) return { order: "dmy", assumedAt: -1 };
  if (monthFirst > 0) return { order: "mdy", assumedAt: -1 };
  return { order: "mdy", assumedAt: ambiguous };
}
