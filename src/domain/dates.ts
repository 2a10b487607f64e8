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
 * Builds a period; the index is 1 for a year, 1-2 for a half, 1-4 for a quarter, 1-12 for a month.
 * @example makePeriod("quarter", 2026, 1).key // "2026-Q1"
 */
export function makePeriod(kind: Period["kind"], year: number, index: number): Period | null {
  const monthsPer = { year: 12, half: 6, quarter: 3, month: 1 }[kind];
  const count = 12 / monthsPer;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return null;
  if (!Number.isInteger(index) || index < 1 || index > count) return null;
  const firstMonth = (index - 1) * monthsPer + 1;
  const lastMonth = firstMonth + monthsPer - 1;
  const startDay = dayFromParts(year, firstMonth, 1) as number;
  const endDay = lastDayOfMonth(year, lastMonth);
  const key =
    kind === "year"
      ? `${year}`
      : kind === "half"
        ? `${year}-H${index}`
        : kind === "quarter"
          ? `${year}-Q${index}`
          : `${year}-${String(index).padStart(2, "0")}`;
  return { kind, year, index, startDay, endDay, key };
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
