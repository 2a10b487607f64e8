import { CascadeMap as CascadeMapData, GoalFilter } from "../../domain";
import { AuditRun } from "../../workbook/operations";

/** The map's open branches, for the map it drew them on. */
export interface OpenBranches {
  map: CascadeMapData | null;
  goals: ReadonlySet<number>;
}

export interface CascadeMapProps {
  /** The audit the map draws, or null before the first. */
  run: AuditRun | null;
  /** Takes the user to the Audit tab, when there is nothing to draw yet. */
  onGoToAudit: () => void;
  /** Where the open branches are kept while the map is not shown (another tab), so they come back with it. */
  memory?: { current: OpenBranches | null };
  /** The search and filter the Audit and Map tabs share: the map shows the goals kept and the goals above them. */
  goalFilter?: GoalFilter;
  onGoalFilter?: (filter: GoalFilter) => void;
}
