import { GoalFilter, HeaderMapping, Severity } from "../../domain";
import { AuditSession } from "../App/useAuditSession";

export interface AuditPanelProps {
  session: AuditSession;
  /** The column mapping saved with the workbook, and how to save another (then the audit runs again). */
  mapping: HeaderMapping;
  onSaveMapping: (mapping: HeaderMapping) => Promise<void>;
  /** Opens the Allocate tool on the goal of a worksheet row (a cascade gap's next step). */
  onAllocate?: (row: number) => void;
  /** The search and filter the Audit and Map tabs share. */
  goalFilter: GoalFilter;
  onGoalFilter: (filter: GoalFilter) => void;
}

/** Which severities the findings list shows. */
export type SeverityFilter = Record<Severity, boolean>;

export const SEVERITIES: readonly Severity[] = ["fatal", "error", "warning", "info"];
