import { MONTHS, monthOfName } from "./dateOrder";
import { dayFromDate, makePeriod } from "./dates";
import { CellValue, Period } from "./model";
import { simplifiedChinese, toNfkc } from "./text";
import { isBlank, Read, readDate, UNREADABLE } from "./values";

/**
 * A period written without its year ("Q1", "Jan", "上半年", "3月"), as a Quarter or Month column holds it: the year
 * comes from the goal's own dates (yearOf).
 */
export interface YearlessPeriod {
  yearless: true;
  kind: Period["kind"];
  index: number;
  /** True for a fiscal form ("FQ1"): its year is the fiscal year. */
  fiscal: boolean;
}

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** A month's number from its English name, its Chinese numeral (三) or its digits; NaN for anything else. */
function monthNumber(text: string): number {
  const named = monthOfName(text);
  if (!Number.isNaN(named)) return named;
  const chinese = CHINESE_MONTHS.indexOf(text);
  return chinese >= 0 ? chinese + 1 : Number(text);
}

/** 1–4 from a digit or 一二三四. */
function ordinal(text: string): number {
  const index = "一二三四".indexOf(text);
  return index >= 0 ? index + 1 : Number(text);
}

/** A four-digit year, or a two-digit one of this century (FY26). */
function yearNumber(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

const YEAR = String.raw`(\d{4})`;
const FISCAL = String.raw`(?:fy|财年|財年)\s*[-']?\s*(\d{4}|\d{2})`;
const MONTH = `(${MONTHS})\\.?`;
const CN_MONTH = String.raw`(\d{1,2}|十[一二]?|[一二三四五六七八九])`;
const SEP = String.raw`\s*[-/ ,.']?\s*`;

type Build = (m: RegExpExecArray, fiscalStart: number) => Period | YearlessPeriod | null;
const calendar =
  (kind: Period["kind"], year: number, index: number): Build =>
  (m) =>
    makePeriod(kind, yearNumber(m[year] as string), index === 0 ? 1 : ordinal(m[index] as string));
const fiscal =
  (kind: Period["kind"], year: number, index: number): Build =>
  (m, fiscalStart) =>
    makePeriod(
      kind,
      yearNumber(m[year] as string),
      index === 0 ? 1 : ordinal(m[index] as string),
      fiscalStart
    );
const month =
  (year: number, name: number): Build =>
  (m) =>
    makePeriod("month", yearNumber(m[year] as string), monthNumber(m[name] as string));
const yearless =
  (kind: Period["kind"], index: number, isFiscal = false): Build =>
  (m) => {
    const value = kind === "month" ? monthNumber(m[index] as string) : ordinal(m[index] as string);
    const count = { year: 1, half: 2, quarter: 4, month: 12 }[kind];
    return Number.isInteger(value) && value >= 1 && value <= count
      ? { yearless: true, kind, index: value, fiscal: isFiscal }
      : null;
  };

/**
 * The period forms a goal table's period column holds (after NFKC, lower case, simplified Chinese), each with how
 * it is built. Forms with FY (or 财年) are fiscal: they follow the fiscal year's first month; the others are
 * calendar periods.
 */
const PERIOD_FORMS: Array<[RegExp, Build]> = [
  // Years: 2026, 2026年, 2026年度, Annual 2026, FY26, FY2026, 2026财年.
  [new RegExp(`^${YEAR}\\s*年?度?$`), calendar("year", 1, 0)],
  [
    new RegExp(`^(?:annual|year|yearly|full[- ]year|calendar year|cy)\\s*${YEAR}$`),
    calendar("year", 1, 0),
  ],
  [new RegExp(`^${YEAR}\\s*(?:annual|full[- ]year)$`), calendar("year", 1, 0)],
  [new RegExp(`^${FISCAL}$`), fiscal("year", 1, 0)],
  [new RegExp(`^${YEAR}\\s*(?:财年|財年|fiscal year)$`), fiscal("year", 1, 0)],
  // Quarters: 2026-Q1, 2026 Q1, Q1 2026, 1Q 2026, 2026年第1季度, 2026年一季度, 2026年Q1, FY26 Q1, Q1 FY26.
  [new RegExp(`^${YEAR}\\s*年?${SEP}q([1-4])$`), calendar("quarter", 1, 2)],
  [new RegExp(`^q([1-4])${SEP}${YEAR}$`), calendar("quarter", 2, 1)],
  [new RegExp(`^([1-4])q${SEP}${YEAR}$`), calendar("quarter", 2, 1)],
  [new RegExp(`^${YEAR}\\s*年\\s*第?\\s*([1-4一二三四])\\s*季度?$`), calendar("quarter", 1, 2)],
  [new RegExp(`^${FISCAL}${SEP}q([1-4])$`), fiscal("quarter", 1, 2)],
  [new RegExp(`^q([1-4])${SEP}${FISCAL}$`), fiscal("quarter", 2, 1)],
  // Halves: 2026-H1, H1 2026, 1H 2026, 2026年上半年, FY26 H1, H1 FY26.
  [new RegExp(`^${YEAR}${SEP}h([12])$`), calendar("half", 1, 2)],
  [new RegExp(`^h([12])${SEP}${YEAR}$`), calendar("half", 2, 1)],
  [new RegExp(`^([12])h${SEP}${YEAR}$`), calendar("half", 2, 1)],
  [
    new RegExp(`^${YEAR}\\s*年?\\s*([上下])半年度?$`),
    (m) => makePeriod("half", Number(m[1]), m[2] === "上" ? 1 : 2),
  ],
  [new RegExp(`^${FISCAL}${SEP}h([12])$`), fiscal("half", 1, 2)],
  [new RegExp(`^h([12])${SEP}${FISCAL}$`), fiscal("half", 2, 1)],
  // Months: 2026-03, 2026/3, 2026年3月, 2026年三月, 03/2026, Jan 2026, January 2026, Jan-26, 2026 Jan.
  [/^(\d{4})\s*[-/.]\s*(\d{1,2})$/, month(1, 2)],
  [/^(\d{1,2})\s*[-/.]\s*(\d{4})$/, month(2, 1)],
  [new RegExp(`^${YEAR}\\s*年\\s*${CN_MONTH}\\s*月份?$`), month(1, 2)],
  [new RegExp(`^${MONTH}${SEP}${YEAR}$`), month(2, 1)],
  [new RegExp(`^${MONTH}\\s*[-' ]\\s*(\\d{2})$`), month(2, 1)],
  [new RegExp(`^${YEAR}${SEP}${MONTH}$`), month(1, 2)],
  // Without a year: Q1, 1Q, 第一季度, 一季度, H1, 上半年, FQ1, Jan, January, 3月, 三月份.
  [/^q([1-4])$/, yearless("quarter", 1)],
  [/^([1-4])q$/, yearless("quarter", 1)],
  [/^第?\s*([1-4一二三四])\s*季度?$/, yearless("quarter", 1)],
  [/^fq([1-4])$/, yearless("quarter", 1, true)],
  [/^h([12])$/, yearless("half", 1)],
  [
    /^([上下])半年$/,
    (m) => ({ yearless: true, kind: "half", index: m[1] === "上" ? 1 : 2, fiscal: false }),
  ],
  [new RegExp(`^${MONTH}$`), yearless("month", 1)],
  [new RegExp(`^${CN_MONTH}\\s*月份?$`), yearless("month", 1)],
];

/** Parsed period texts per fiscal start, shared: a Period is never modified once made. */
const PERIOD_CACHE = new Map<string, Period | YearlessPeriod | typeof UNREADABLE>();
/** The Period of each year (1900–9999) read from a number. */
const YEAR_CACHE = new Map<number, Period>();

/**
 * A planning period as a goal table's period column holds it: years (2026, 2026年度, Annual 2026, FY26), halves
 * (2026-H1, H1 2026, 2026年上半年), quarters (2026-Q1, Q1 2026, 2026年第1季度, FY26 Q1), months (2026-03, 2026年3月,
 * Jan 2026, January 2026) and the same without a year (Q1, 上半年, Jan, 3月: a YearlessPeriod). A date in the cell
 * (Excel turns "2026-03" typed into a cell into 1 March 2026) stands for its month. FY forms follow `fiscalStart`,
 * the fiscal year's first month (1 = January).
 * @example readPeriodCell("FY26 Q1", 7)?.key // "FY2026-Q1" (2025-07-01 … 2025-09-30)
 */
export function readPeriodCell(value: CellValue, fiscalStart = 1): Read<Period | YearlessPeriod> {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1900 && value <= 9999) {
      // A year typed into a cell is a number: one Period per year, like the texts below.
      let year = YEAR_CACHE.get(value);
      if (year === undefined) {
        year = makePeriod("year", value, 1) as Period;
        YEAR_CACHE.set(value, year);
      }
      return year;
    }
    // Any other number is a date serial (Excel turns "2026-03" into 1 March 2026), but a small one is a count or a
    // month number (a Month column of 1, 2, 3), not a day of the 1900s.
    if (value < 10_000) return UNREADABLE;
    const day = readDate(value);
    return typeof day === "number" ? monthOfDay(day) : UNREADABLE;
  }
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return day === null ? UNREADABLE : monthOfDay(day);
  }
  if (typeof value !== "string") return UNREADABLE;
  // A table names few periods, each on many rows: parse each text once.
  const cacheKey = fiscalStart === 1 ? value : `${fiscalStart}\u0000${value}`;
  let period = PERIOD_CACHE.get(cacheKey);
  if (period === undefined) {
    period = parsePeriodText(simplifiedChinese(toNfkc(value).trim().toLowerCase()), fiscalStart);
    if (PERIOD_CACHE.size >= 10_000) PERIOD_CACHE.clear();
    PERIOD_CACHE.set(cacheKey, period);
  }
  return period;
}

/**
 * A period with its year (readPeriodCell without the year-less forms, which read as UNREADABLE).
 * @example readPeriod("2026年第1季度")?.key // "2026-Q1"
 */
export function readPeriod(value: CellValue, fiscalStart = 1): Read<Period> {
  const period = readPeriodCell(value, fiscalStart);
  return period !== null && period !== UNREADABLE && "yearless" in period ? UNREADABLE : period;
}

/**
 * A year-less period placed in the year of a day (the goal's deadline or start): for a fiscal quarter, the fiscal
 * year that day falls in.
 * @example periodInYearOf({ yearless: true, kind: "quarter", index: 1, fiscal: false }, 20543, 1)?.key // "2026-Q1"
 */
export function periodInYearOf(
  period: YearlessPeriod,
  day: number,
  fiscalStart: number
): Period | null {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  if (period.kind === "month") return makePeriod("month", year, period.index);
  const start = period.fiscal ? fiscalStart : 1;
  // A fiscal year that starts in July 2025 is FY2026: from its first month on, a day is in the next year's.
  const fiscalYear = start > 1 && date.getUTCMonth() + 1 >= start ? year + 1 : year;
  return makePeriod(period.kind, fiscalYear, period.index, start);
}

function parsePeriodText(
  text: string,
  fiscalStart: number
): Period | YearlessPeriod | typeof UNREADABLE {
  for (const [pattern, build] of PERIOD_FORMS) {
    const match = pattern.exec(text);
    if (match) return build(match, fiscalStart) ?? UNREADABLE;
  }
  return UNREADABLE;
}

function monthOfDay(day: number): Period | null {
  const date = new Date(day * 86_400_000);
  return makePeriod("month", date.getUTCFullYear(), date.getUTCMonth() + 1);
}
