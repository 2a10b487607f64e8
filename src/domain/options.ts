import { z } from "zod";
import { readDate, UNREADABLE } from "./values";
import { Issue, Result } from "./result";

const share = (fallback: number) => z.number().finite().min(0).max(10).default(fallback);

/** Audit thresholds (DESIGN §3), all optional with the documented defaults. */
export const auditOptionsSchema = z
  .object({
    /** Attainment below 1 but at least this is At risk (default 0.9). */
    atRisk: z.number().finite().min(0).max(1).default(0.9),
    /** Children's sum may exceed a `sum` parent by this share before OVER_ALLOCATED (default 20 %). */
    overAllocation: share(0.2),
    /** A target better than its baseline by more than this share is too high for SMART A (default 50 %). */
    stretch: share(0.5),
    /** Goal texts shorter than this many characters are not specific (default 4). */
    minGoalLength: z.number().int().min(1).max(100).default(4),
    /** As-of date (ISO text or Excel serial), kept as days since 1970: statuses are judged against pace. */
    asOf: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((value, context) => {
        if (value === null || value === undefined || value === "") return null;
        const day = readDate(value);
        if (day === null || day === UNREADABLE) {
          context.addIssue({
            code: "custom",
            message: `“${value}” is not a date (use YYYY-MM-DD)`,
          });
          return z.NEVER;
        }
        return day;
      }),
  })
  .strict();

export type AuditOptionsInput = z.input<typeof auditOptionsSchema>;
export type AuditOptions = z.output<typeof auditOptionsSchema>;

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

/** The defaults, for callers that take no options. */
export const DEFAULT_AUDIT_OPTIONS: AuditOptions = auditOptionsSchema.parse({});
