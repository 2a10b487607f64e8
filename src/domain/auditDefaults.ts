/**
 * The audit's thresholds and their defaults (DESIGN §3) as plain data, apart from the options schema (options.ts)
 * that validates what users type: the custom functions need the defaults and the audit, not zod, and their bundle
 * has an 80 KB budget.
 */

import type { DateOrder } from "./dateOrder";
import type { Field } from "./model";

/** Audit thresholds (DESIGN §3), and how the goal table's periods and dates are read. */
export interface AuditOptions {
  /** Attainment below 1 but at least this is At risk (default 0.9). */
  atRisk: number;
  /** Children's sum may exceed a `sum` parent by this share before OVER_ALLOCATED (default 20 %). */
  overAllocation: number;
  /** A target better than its baseline by more than this share is too high for SMART A (default 50 %). */
  stretch: number;
  /** Goal texts shorter than this many characters are not specific (default 4). */
  minGoalLength: number;
  /** As-of date as days since 1970, or null: statuses are judged against pace when it is given. */
  asOf: number | null;
  /** First month (1–12) of the fiscal year that FY periods follow (default 1, the calendar year). */
  fiscalYearStart: number;
  /** Order of the parts of slash dates (default `auto`: decided per column). */
  dateOrder: DateOrder;
  /**
   * Columns the user named, field → header (null: no such column), when headers are not recognised or a guess is
   * wrong: the pane's column mapping, saved with the document; the CLI's `--map`.
   */
  mapping: Partial<Record<Field, string | null>>;
}

/** The defaults, for callers that take no options. */
export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  atRisk: 0.9,
  overAllocation: 0.2,
  stretch: 0.5,
  minGoalLength: 4,
  asOf: null,
  fiscalYearStart: 1,
  dateOrder: "auto",
  mapping: {},
};
