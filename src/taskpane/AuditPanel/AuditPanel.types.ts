import { Severity } from "../../domain";
import { AuditSession } from "../App/useAuditSession";

export interface AuditPanelProps {
  session: AuditSession;
}

/** Which severities the findings list shows. */
export type SeverityFilter = Record<Severity, boolean>;

export const SEVERITIES: readonly Severity[] = ["fatal", "error", "warning", "info"];
