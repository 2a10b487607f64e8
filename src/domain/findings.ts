import { Field } from "./model";

/** Every finding code, in the order DESIGN §3 lists them: findings on one row are sorted by it. */
export const FINDING_CODES = [
  "MISSING_COLUMN",
  "DUPLICATE_COLUMN",
  "BAD_VALUE",
  "DUPLICATE_ID",
  "ORPHAN",
  "CYCLE",
  "NO_EXECUTOR",
  "UNDER_ALLOCATED",
  "OVER_ALLOCATED",
  "CHILD_LESS_AMBITIOUS",
  "UNIT_MISMATCH",
  "DUPLICATE_OF_PARENT",
  "DUPLICATE_SIBLING",
  "DEADLINE_AFTER_PARENT",
  "SMART_S",
  "SMART_M",
  "SMART_A",
  "SMART_R",
  "SMART_T",
  "MISSING_OWNER",
  "WEIGHTS_NOT_100",
  "OFF_TRACK",
  "AT_RISK",
  "SCALE_MISMATCH",
  "DIRECTION_INFERRED",
  "DATE_ORDER_ASSUMED",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = "fatal" | "error" | "warning" | "info";

export const SEVERITY: Record<FindingCode, Severity> = {
  MISSING_COLUMN: "fatal",
  DUPLICATE_COLUMN: "warning",
  BAD_VALUE: "error",
  DUPLICATE_ID: "error",
  ORPHAN: "error",
  CYCLE: "error",
  NO_EXECUTOR: "error",
  UNDER_ALLOCATED: "error",
  OVER_ALLOCATED: "info",
  CHILD_LESS_AMBITIOUS: "warning",
  UNIT_MISMATCH: "warning",
  DUPLICATE_OF_PARENT: "warning",
  DUPLICATE_SIBLING: "warning",
  DEADLINE_AFTER_PARENT: "warning",
  SMART_S: "warning",
  SMART_M: "warning",
  SMART_A: "warning",
  SMART_R: "warning",
  SMART_T: "warning",
  MISSING_OWNER: "warning",
  WEIGHTS_NOT_100: "warning",
  OFF_TRACK: "error",
  AT_RISK: "warning",
  SCALE_MISMATCH: "warning",
  DIRECTION_INFERRED: "info",
  DATE_ORDER_ASSUMED: "info",
};

/** Highlight families of DESIGN §6: one colour each. Status findings colour the actual column. */
export type Family = "structure" | "duplication" | "smart" | "status" | "other";

export const FAMILY: Record<FindingCode, Family> = {
  MISSING_COLUMN: "other",
  DUPLICATE_COLUMN: "other",
  BAD_VALUE: "other",
  DUPLICATE_ID: "structure",
  ORPHAN: "structure",
  CYCLE: "structure",
  NO_EXECUTOR: "structure",
  UNDER_ALLOCATED: "structure",
  OVER_ALLOCATED: "other",
  CHILD_LESS_AMBITIOUS: "other",
  UNIT_MISMATCH: "other",
  DUPLICATE_OF_PARENT: "duplication",
  DUPLICATE_SIBLING: "duplication",
  DEADLINE_AFTER_PARENT: "other",
  SMART_S: "smart",
  SMART_M: "smart",
  SMART_A: "smart",
  SMART_R: "smart",
  SMART_T: "smart",
  MISSING_OWNER: "smart",
  WEIGHTS_NOT_100: "other",
  OFF_TRACK: "status",
  AT_RISK: "status",
  SCALE_MISMATCH: "other",
  DIRECTION_INFERRED: "other",
  DATE_ORDER_ASSUMED: "other",
};

/**
 * A value a message shows: text or a plain number as it is, an amount with its unit, or a share as a percentage.
 * Amounts and shares are formatted when the message is written, not when the audit finds them.
 */
export type ParamValue =
  string | number | { amount: number; unit: string | null } | { share: number };

/** One thing the audit found: data, turned into words by the catalogue. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Worksheet row as Excel numbers it. */
  row: number;
  /** Which table the row belongs to (index into the tables audited). */
  source: number;
  id: string | null;
  field: Field | null;
  /** Which wording of the code's message applies, when it has several. */
  variant?: string;
  params: Record<string, ParamValue>;
}

const CODE_ORDER = new Map<FindingCode, number>(FINDING_CODES.map((code, index) => [code, index]));

/** Orders findings by table, row, then the order of DESIGN §3. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.source - b.source ||
    a.row - b.row ||
    (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0)
  );
}

/** True when a finding should fail a run: severity error or fatal. */
export function isBlocking(finding: Pick<Finding, "severity">): boolean {
  return finding.severity === "error" || finding.severity === "fatal";
}
