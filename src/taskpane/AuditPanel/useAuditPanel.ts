import * as React from "react";
import {
  cellAddress,
  Finding,
  FINDING_CODES,
  FindingCode,
  findingColumn,
  Severity,
  SEVERITY,
} from "../../domain";
import { TableSource } from "../../workbook/GoalWorkbook";
import { useWorkbook } from "../context";
import { errorNotice } from "../Notice/Notice.types";
import { AuditPanelProps, SeverityFilter } from "./AuditPanel.types";

/** The findings of one code, for one group of the list. */
export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  findings: Finding[];
}

export interface AuditPanelState {
  filter: SeverityFilter;
  toggleSeverity: (severity: Severity) => void;
  /** Findings per severity in the whole audit (filter or not). */
  counts: Record<Severity, number>;
  /** Groups of the severities shown, in the order of DESIGN §3. */
  groups: FindingGroup[];
  /** The MISSING_COLUMN findings: the audit stopped on them. */
  missing: Finding[];
  selectFinding: (finding: Finding) => void;
  /** The table chosen in the chooser, when the sheet holds several. */
  chosen: string | null;
  setChosen: (key: string | null) => void;
  auditChosen: () => void;
}

/** The key of a table in the chooser. */
export function tableKey(source: TableSource): string {
  return `${source.sheet}!${source.address}!${source.tableName ?? ""}`;
}

/** State and handlers of the Audit tab. */
export function useAuditPanel(props: AuditPanelProps): AuditPanelState {
  const { session } = props;
  const { run, choices } = session;
  const workbook = useWorkbook();
  const [filter, setFilter] = React.useState<SeverityFilter>({
    fatal: true,
    error: true,
    warning: true,
    info: true,
  });
  const [chosen, setChosen] = React.useState<string | null>(null);

  React.useEffect(() => {
    setChosen(choices && choices[0] ? tableKey(choices[0]) : null);
  }, [choices]);

  const toggleSeverity = React.useCallback(
    (severity: Severity) =>
      setFilter((current) => ({ ...current, [severity]: !current[severity] })),
    []
  );

  const { counts, byCode } = React.useMemo(() => {
    const counts: Record<Severity, number> = { fatal: 0, error: 0, warning: 0, info: 0 };
    const byCode = new Map<FindingCode, Finding[]>();
    for (const finding of run?.result.findings ?? []) {
      counts[finding.severity]++;
      const list = byCode.get(finding.code);
      if (list) list.push(finding);
      else byCode.set(finding.code, [finding]);
    }
    return { counts, byCode };
  }, [run]);

  const groups = React.useMemo(
    () =>
      FINDING_CODES.filter((code) => code !== "MISSING_COLUMN" && filter[SEVERITY[code]]).flatMap(
        (code): FindingGroup[] => {
          const findings = byCode.get(code);
          return findings ? [{ code, severity: SEVERITY[code], findings }] : [];
        }
      ),
    [byCode, filter]
  );

  const selectFinding = React.useCallback(
    (finding: Finding) => {
      if (!run) return;
      const column = findingColumn(finding, run.read.columns);
      if (column === null) return;
      workbook
        .select(run.source.sheet, cellAddress(column, finding.row))
        .catch((error: unknown) => session.setNotice(errorNotice(error)));
    },
    [run, workbook, session]
  );

  const auditChosen = React.useCallback(() => {
    const choice = choices?.find((candidate) => tableKey(candidate) === chosen);
    if (choice) void session.auditTable(choice);
  }, [choices, chosen, session]);

  return {
    filter,
    toggleSeverity,
    counts,
    groups,
    missing: byCode.get("MISSING_COLUMN") ?? [],
    selectFinding,
    chosen,
    setChosen,
    auditChosen,
  };
}
