/**
 * The check-ins sheet of DESIGN §8 ("Check-ins" / "进度记录"): one row per report of a goal's actual for a period.
 * Rows are only appended; a correction is a later row for the same goal and period, and the latest `Entered at`
 * wins (on a tie, the later row). Pure: the sheet comes in as its cells, header row first.
 */
import { CellValue, Period } from "./model";
import { Lang } from "./catalogue";
import { readPeriod } from "./periods";
import { normalizeText } from "./text";
import { EXCEL_EPOCH_OFFSET } from "./dates";
import { readDate, readNumber, readText, UNREADABLE } from "./values";

/** The sheet's name in each language; either is read, whatever the pane's language. */
export const CHECKIN_SHEET: Record<Lang, string> = { en: "Check-ins", zh: "进度记录" };

/** The fields of a check-in row, in the order of their columns. */
export const CHECKIN_FIELDS = [
  "goalId",
  "period",
  "asOf",
  "actual",
  "note",
  "enteredBy",
  "enteredAt",
] as const;
export type CheckinField = (typeof CHECKIN_FIELDS)[number];

/** The header of each column in each language (DESIGN §8). */
export const CHECKIN_HEADERS: Record<Lang, Record<CheckinField, string>> = {
  en: {
    goalId: "Goal ID",
    period: "Period",
    asOf: "As of",
    actual: "Actual",
    note: "Note",
    enteredBy: "Entered by",
    enteredAt: "Entered at",
  },
  zh: {
    goalId: "目标编号",
    period: "周期",
    asOf: "截至日期",
    actual: "实际值",
    note: "备注",
    enteredBy: "填报人",
    enteredAt: "填报时间",
  },
};

export interface Checkin {
  /** Worksheet row of the check-in (the header is row 1 when the sheet starts at A1). */
  row: number;
  /** The goal's id as written, and normalised as goals' keys are. */
  goalId: string;
  goalKey: string;
  period: Period;
  /** Days since 1970-01-01. */
  asOf: number | null;
  actual: number;
  note: string | null;
  enteredBy: string | null;
  /** Days since 1970-01-01, with the time of day as a fraction; null when not given. */
  enteredAt: number | null;
}

/** A cell of the sheet that could not be read: its row, its field and what it held. */
export interface CheckinProblem {
  row: number;
  field: CheckinField;
  value: string;
}

export interface CheckinSheet {
  checkins: Checkin[];
  problems: CheckinProblem[];
  /** Fields with no column in the header row (goal id, period and actual are needed to read anything). */
  missing: CheckinField[];
}

const HEADER_FIELDS = new Map<string, CheckinField>();
for (const lang of ["en", "zh"] as const)
  for (const field of CHECKIN_FIELDS)
    HEADER_FIELDS.set(normalizeText(CHECKIN_HEADERS[lang][field]), field);

const REQUIRED: readonly CheckinField[] = ["goalId", "period", "actual"];

/** "2026-03-05 14:30" or "2026-03-05T14:30:15": the date and the time of day as a fraction of it. */
const DATE_TIME = /^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** When a row was entered: an Excel date-time serial (time kept), date-time text, or a date. */
function readMoment(value: CellValue): number | null | typeof UNREADABLE {
  if (typeof value === "number") {
    const day = readDate(value);
    return day === null || day === UNREADABLE ? day : value - EXCEL_EPOCH_OFFSET;
  }
  const text = typeof value === "string" ? value.trim() : null;
  const match = text === null ? null : DATE_TIME.exec(text);
  if (match) {
    const day = readDate(match[1] as string);
    if (day === null || day === UNREADABLE) return UNREADABLE;
    const [hours, minutes, seconds] = [match[2], match[3], match[4] ?? "0"].map(Number) as [
      number,
      number,
      number,
    ];
    if (hours > 23 || minutes > 59 || seconds > 59) return UNREADABLE;
    return day + (hours * 3600 + minutes * 60 + seconds) / 86_400;
  }
  return readDate(value);
}

/**
 * The check-ins of the sheet's cells (header row first, `firstRow` its worksheet row): each row with a goal id, a
 * period and an actual; a cell that cannot be read is a problem naming its row and field, and its row is left out.
 * Blank rows are skipped. Headers are matched in English or Chinese, whatever the order of the columns.
 * @example readCheckins([["Goal ID", "Period", "Actual"], ["T1", "2026-01", 48900]]).checkins[0]?.actual // 48900
 */
export function readCheckins(cells: readonly CellValue[][], firstRow = 1): CheckinSheet {
  const header = cells[0] ?? [];
  const columns = new Map<CheckinField, number>();
  header.forEach((cell, column) => {
    const text = readText(cell);
    if (text === null || text === UNREADABLE) return;
    const field = HEADER_FIELDS.get(normalizeText(text));
    if (field && !columns.has(field)) columns.set(field, column);
  });
  const missing = CHECKIN_FIELDS.filter((field) => !columns.has(field));
  if (REQUIRED.some((field) => !columns.has(field))) return { checkins: [], problems: [], missing };
  const checkins: Checkin[] = [];
  const problems: CheckinProblem[] = [];
  for (let r = 1; r < cells.length; r++) {
    const line = cells[r] ?? [];
    const row = firstRow + r;
    const at = (field: CheckinField): CellValue => {
      const column = columns.get(field);
      return column === undefined ? null : (line[column] ?? null);
    };
    if (CHECKIN_FIELDS.every((field) => readText(at(field)) === null)) continue;
    const failed: CheckinProblem[] = [];
    const problem = (field: CheckinField) =>
      failed.push({ row, field, value: String(at(field) ?? "") });
    const id = readText(at("goalId"));
    if (id === null || id === UNREADABLE) problem("goalId");
    const period = readPeriod(at("period"));
    if (period === null || period === UNREADABLE) problem("period");
    const actual = readNumber(at("actual"));
    if (actual === null || actual === UNREADABLE) problem("actual");
    const asOf = readDate(at("asOf"));
    if (asOf === UNREADABLE) problem("asOf");
    const enteredAt = readMoment(at("enteredAt"));
    if (enteredAt === UNREADABLE) problem("enteredAt");
    const note = readText(at("note"));
    const enteredBy = readText(at("enteredBy"));
    if (failed.length > 0) {
      problems.push(...failed);
      continue;
    }
    checkins.push({
      row,
      goalId: id as string,
      goalKey: normalizeText(id as string),
      period: period as Period,
      asOf: asOf as number | null,
      actual: actual as number,
      note: note === UNREADABLE ? null : note,
      enteredBy: enteredBy === UNREADABLE ? null : enteredBy,
      enteredAt: enteredAt as number | null,
    });
  }
  return { checkins, problems, missing };
}

/**
 * The check-in that counts for each goal and period: the latest `Entered at`; on a tie, or without one, the later
 * row (rows are only appended, so a later row corrects an earlier one).
 * @example latestCheckins(sheet.checkins).get("t1")?.get("2026-01")?.actual
 */
export function latestCheckins(checkins: readonly Checkin[]): Map<string, Map<string, Checkin>> {
  const byGoal = new Map<string, Map<string, Checkin>>();
  for (const checkin of checkins) {
    let periods = byGoal.get(checkin.goalKey);
    if (!periods) byGoal.set(checkin.goalKey, (periods = new Map()));
    const held = periods.get(checkin.period.key);
    const later =
      held === undefined ||
      (checkin.enteredAt ?? -Infinity) > (held.enteredAt ?? -Infinity) ||
      ((checkin.enteredAt ?? -Infinity) === (held.enteredAt ?? -Infinity) &&
        checkin.row > held.row);
    if (later) periods.set(checkin.period.key, checkin);
  }
  return byGoal;
}
