import * as React from "react";
import {
  cellAddress,
  Finding,
  FINDING_CODES,
  FindingCode,
  findingColumn,
  matchingGoals,
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
  /** Findings per severity of the goals the search and filter keep (the severity toggles aside). */
  counts: Record<Severity, number>;
  /** Groups of the severities shown, in the order of DESIGN §3, of the goals the search and filter keep. */
  groups: FindingGroup[];
  /** Findings the search and filter keep (every severity), of all: null when nothing is filtered. */
  filtered: { count: number; of: number; goals: number } | null;
  /** Findings by severity in the whole audit, whatever the search and filter keep (the summary's). */
  totals: Record<Severity, number>;
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
/** The order the finding groups are listed in: what blocks first. */
const SEVERITY_ORDER: readonly Severity[] = ["fatal", "error", "warning", "info"];

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

  const { goalFilter } = props;
  const { counts, totals, byCode, filtered } = React.useMemo(() => {
    const counts: Record<Severity, number> = { fatal: 0, error: 0, warning: 0, info: 0 };
    const totals: Record<Severity, number> = { fatal: 0, error: 0, warning: 0, info: 0 };
    for (const finding of run?.result.findings ?? []) totals[finding.severity]++;
    const byCode = new Map<FindingCode, Finding[]>();
    const all = run?.result.findings ?? [];
    // A finding is kept when the goal on its row is; one on no goal's row (a header's) only when nothing is filtered.
    const kept = run ? matchingGoals(run.result, goalFilter) : null;
    const goalAt = new Map<string, number>();
    if (kept && run)
      run.result.goals.forEach((goal, index) => {
        const key = `${goal.source}:${goal.row}`;
        if (!goalAt.has(key)) goalAt.set(key, index);
      });
    let shown = 0;
    for (const finding of all) {
      if (kept && finding.code !== "MISSING_COLUMN") {
        const goal = goalAt.get(`${finding.source}:${finding.row}`);
        if (goal === undefined || kept[goal] !== 1) continue;
      }
      shown++;
      counts[finding.severity]++;
      const list = byCode.get(finding.code);
      if (list) list.push(finding);
      else byCode.set(finding.code, [finding]);
    }
    let goals = 0;
    if (kept) for (const one of kept) goals += one;
    return {
      counts,
      totals,
      byCode,
      filtered: kept ? { count: shown, of: all.length, goals } : null,
    };
  }, [run, goalFilter]);

  const groups = React.useMemo(
    () =>
      // Errors first, then warnings, then notes; within a severity, in the order of DESIGN §3.
      SEVERITY_ORDER.flatMap((severity) =>
        FINDING_CODES.filter(
          (code) => code !== "MISSING_COLUMN" && SEVERITY[code] === severity && filter[severity]
        ).flatMap((code): FindingGroup[] => {
          const findings = byCode.get(code);
          return findings ? [{ code, severity, findings }] : [];
        })
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
    totals,
    groups,
    filtered,
    missing: byCode.get("MISSING_COLUMN") ?? [],
    selectFinding,
    chosen,
    setChosen,
    auditChosen,
  };
}
