import { AuditRun } from "../../workbook/operations";

export interface ToolsPanelProps {
  /** The last audit: the tools plan from it. */
  run: AuditRun | null;
  /** Audits the table again after a tool wrote to it. */
  reaudit: () => Promise<AuditRun | null>;
  onGoToAudit: () => void;
  /** The worksheet row of a goal the tools start on (a finding's "Allocate the gap"), if any. */
  goalRow?: number | null;
}

/** What a tool that works on one goal receives. */
export interface GoalToolProps {
  run: AuditRun;
  /** Index of the goal among the audited ones. */
  goal: number;
  reaudit: () => Promise<AuditRun | null>;
}
