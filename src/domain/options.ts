import * as z from "zod/mini";
import { readDate, UNREADABLE } from "./values";
import { DATE_ORDERS } from "./dateOrder";
import { Field, FIELDS } from "./model";
import { Issue, Result } from "./result";
import { AuditOptions, DEFAULT_AUDIT_OPTIONS } from "./auditDefaults";

export type { AuditOptions };
export { DEFAULT_AUDIT_OPTIONS };

// zod's mini build, small in the task pane's bundle; the custom functions use the plain defaults instead.
const share = (fallback: number) => z._default(z.number().check(z.gte(0), z.lte(10)), fallback);

/** Audit thresholds (DESIGN §3), all optional with the documented defaults. */
export const auditOptionsSchema = z.strictObject({
  /** Attainment below 1 but at least this is At risk (default 0.9). */
  atRisk: z._default(z.number().check(z.gte(0), z.lte(1)), DEFAULT_AUDIT_OPTIONS.atRisk),
  /** Children's sum may exceed a `sum` parent by this share before OVER_ALLOCATED (default 20 %). */
  overAllocation: share(DEFAULT_AUDIT_OPTIONS.overAllocation),
  /** A target better than its baseline by more than this share is too high for SMART A (default 50 %). */
  stretch: share(DEFAULT_AUDIT_OPTIONS.stretch),
  /** Goal texts shorter than this many characters are not specific (default 4). */
  minGoalLength: z._default(
    z.int().check(z.gte(1), z.lte(100)),
    DEFAULT_AUDIT_OPTIONS.minGoalLength
  ),
  /** As-of date (ISO text or Excel serial), kept as days since 1970: statuses are judged against pace. */
  asOf: z.pipe(
    z.nullish(z.union([z.string(), z.number()])),
    z.transform((value, context): number | null => {
      if (value === null || value === undefined || value === "") return null;
      const day = readDate(value);
      if (day === null || day === UNREADABLE) {
        context.issues.push({
          code: "custom",
          input: value,
          message: `“${value}” is not a date (use YYYY-MM-DD)`,
        });
        return null;
      }
      return day;
    })
  ),
  /** First month of the fiscal year, 1–12 (default 1): with 7, FY26 is 2025-07-01 … 2026-06-30. */
  fiscalYearStart: z._default(
    z.int().check(z.gte(1), z.lte(12)),
    DEFAULT_AUDIT_OPTIONS.fiscalYearStart
  ),
  /** Columns named by the user: field → header, or null for "no such column". */
  mapping: z._default(
    z.partialRecord(z.enum(FIELDS as unknown as [Field, ...Field[]]), z.nullable(z.string())),
    {}
  ),
  /** How slash dates are read: auto (per column), mdy, dmy, ymd. */
  dateOrder: z._default(
    z.enum(DATE_ORDERS as ["auto", "mdy", "dmy", "ymd"]),
    DEFAULT_AUDIT_OPTIONS.dateOrder
  ),
});

export type AuditOptionsInput = z.input<typeof auditOptionsSchema>;
// The schema's output is the plain options type (a compile-time check that the two stay one).
const sameShape: AuditOptions = {} as z.output<typeof auditOptionsSchema>;
void sameShape;

/**
 * Validates audit options, filling the defaults.
 * @example parseAuditOptions({ asOf: "2026-06-30" }) // { ok: true, value: { atRisk: 0.9, …, asOf: 20634 } }
 */
export function parseAuditOptions(input: unknown = {}): Result<AuditOptions> {
  const parsed = auditOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    code: "BAD_OPTION",
    params: { argument: issue.path.join(".") || "options", value: issue.message },
  }));
  return { ok: false, issues };
}
