import { Period } from "./model";

/** Days between 1899-12-30 (Excel's day 0) and 1970-01-01. */
export const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 for a calendar date (UTC), or null when the date does not exist.
 * @example dayFromParts(2026, 3, 31) // 20543
 */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/**
 * Days since 1970-01-01 for an Excel date serial (its time of day dropped).
 * @example dayFromSerial(46112) // 20543, i.e. 2026-03-31
 */
export function dayFromSerial(serial: number): number {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

/**
 * The Excel date serial of a day.
 * @example serialFromDay(20543) // 46112
 */
export function serialFromDay(day: number): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/**
 * Days since 1970-01-01 of a JavaScript Date, read in UTC (as ExcelJS and Office return dates).
 * @example dayFromDate(new Date(Date.UTC(2026, 2, 31))) // 20543
 */
export function dayFromDate(date: Date): number | null {
  const ms = date.getTime();
  return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : null;
}

/**
 * ISO text (YYYY-MM-DD) of a day number.
 * @example isoFromDay(20543) // "2026-03-31"
 */
export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 0) / MS_PER_DAY);
}

/**
 * Builds a period; the index is 1 for a year, 1-2 for a half, 1-4 for a quarter, 1-12 for a month. A fiscal year
 * that starts in month `fiscalStart` (2–12) is named by the calendar year it ends in (FY2026 from July: 2025-07-01
 * to 2026-06-30, Microsoft's convention); its halves and quarters count from its first month. Months are calendar
 * months whatever the fiscal year.
 * @example makePeriod("quarter", 2026, 1).key // "2026-Q1"
 * @example makePeriod("quarter", 2026, 1, 7).key // "FY2026-Q1", 2025-07-01 … 2025-09-30
 */
export function makePeriod(
  kind: Period["kind"],
  year: number,
  index: number,
  fiscalStart = 1
): Period | null {
  const monthsPer = { year: 12, half: 6, quarter: 3, month: 1 }[kind];
  const count = 12 / monthsPer;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return null;
  if (!Number.isInteger(index) || index < 1 || index > count) return null;
  const fiscal = kind !== "month" && fiscalStart !== 1 ? fiscalStart : 1;
  if (!Number.isInteger(fiscal) || fiscal < 1 || fiscal > 12) return null;
  // Months counted from January of year 0, 0-based: a fiscal year from July 2025 starts at 2025 * 12 + 6.
  const first = (fiscal === 1 ? year : year - 1) * 12 + (fiscal - 1) + (index - 1) * monthsPer;
  const last = first + monthsPer - 1;
  const startDay = dayFromParts(Math.floor(first / 12), (first % 12) + 1, 1) as number;
  const endDay = lastDayOfMonth(Math.floor(last / 12), (last % 12) + 1);
  const prefix = fiscal === 1 ? "" : "FY";
  const key =
    kind === "year"
      ? `${prefix}${year}`
      : kind === "half"
        ? `${prefix}${year}-H${index}`
        : kind === "quarter"
          ? `${prefix}${year}-Q${index}`
          : `${year}-${String(index).padStart(2, "0")}`;
  return fiscal === 1
    ? { kind, year, index, startDay, endDay, key }
    : { kind, year, index, startDay, endDay, key, fiscalStart: fiscal };
}

/**
 * The periods of a grain (quarters or months) that lie inside a period, in order: the quarters of a fiscal year
 * are its fiscal quarters, months are calendar months.
 * @example periodsWithin(makePeriod("year", 2026, 1)!, "quarter").map((p) => p.key) // ["2026-Q1", …, "2026-Q4"]
 */
export function periodsWithin(period: Period, grain: "quarter" | "month"): Period[] {
  const out: Period[] = [];
  if (grain === "quarter") {
    for (let index = 1; index <= 4; index++) {
      const part = makePeriod("quarter", period.year, index, period.fiscalStart ?? 1);
      if (part && part.startDay >= period.startDay && part.endDay <= period.endDay) out.push(part);
    }
    return out;
  }
  const start = new Date(period.startDay * MS_PER_DAY);
  let month = start.getUTCFullYear() * 12 + start.getUTCMonth();
  for (;;) {
    const part = makePeriod("month", Math.floor(month / 12), (month % 12) + 1);
    if (!part || part.endDay > period.endDay) return out;
    out.push(part);
    month++;
  }
}

/**
 * True when `inner` lies within `outer` and is shorter (a quarter in its year, a month in its quarter).
 * @example isFinerWithin(makePeriod("month", 2026, 3)!, makePeriod("year", 2026, 1)!) // true
 */
export function isFinerWithin(inner: Period, outer: Period): boolean {
  return (
    inner.startDay >= outer.startDay &&
    inner.endDay <= outer.endDay &&
    inner.endDay - inner.startDay < outer.endDay - outer.startDay
  );
}
