import { AuditRun } from "../../workbook/operations";

export interface CascadeMapProps {
  /** The audit the map draws, or null before the first. */
  run: AuditRun | null;
  /** Takes the user to the Audit tab, when there is nothing to draw yet. */
  onGoToAudit: () => void;
}
