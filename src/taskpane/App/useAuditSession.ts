import * as React from "react";
import type { AuditCommandOutcome } from "../../commands/commands";
import { AuditOptions, Bilingual, Lang } from "../../domain";
import { TableSource } from "../../workbook/GoalWorkbook";
import {
  auditGoalTable,
  AuditRun,
  AuditStep,
  decideGoalTable,
  explainNoGoalTable,
  findGoalTables,
  GoalTableChoice,
  goalTablesOn,
  rangeBounds,
} from "../../workbook/operations";
import { useWorkbook } from "../context";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import { withPauses } from "../pauses";

/** The audit the whole pane shares: the Audit tab runs it, the map draws it, the tools plan from it. */
export interface AuditSession {
  /** The last audit, or null before the first. */
  run: AuditRun | null;
  /** The step under way, null when idle. */
  step: AuditStep | null;
  busy: boolean;
  /** True when the options changed after the last audit: what the pane shows is the last audit's. */
  stale: boolean;
  /** Goal tables to choose from, when the sheet holds several. */
  choices: GoalTableChoice[] | null;
  notice: Notice | null;
  /** Finds the goal tables of the active sheet and audits the one there is, or asks which. */
  audit: () => Promise<void>;
  /** Audits the table chosen. */
  auditTable: (source: TableSource) => Promise<AuditRun | null>;
  /** Audits the last table again (its range may have grown), after a tool wrote to it. */
  reaudit: () => Promise<AuditRun | null>;
  /** Removes the add-in's highlights and audit sheet. */
  clear: () => Promise<void>;
  cancelChoice: () => void;
  setNotice: (notice: Notice | null) => void;
  /** Shows what an audit run elsewhere (the ribbon's button) came to. */
  showOutcome: (outcome: AuditCommandOutcome) => void;
}

/**
 * The table of the last audit as the sheet holds it now: the same Excel table, or the plain-range table that starts
 * where it started (it may have grown; the sheet may hold several).
 */
function currentSource(candidates: readonly TableSource[], previous: TableSource): TableSource {
  const start = rangeBounds(previous.address).firstRow;
  const same =
    candidates.find(
      (candidate) => previous.tableName !== null && candidate.tableName === previous.tableName
    ) ??
    candidates.find(
      (candidate) =>
        previous.tableName === null &&
        candidate.tableName === null &&
        rangeBounds(candidate.address).firstRow === start
    );
  return same ?? previous;
}

/** State and actions of the shared audit. */
export function useAuditSession(options: AuditOptions, lang: Lang): AuditSession {
  const workbook = useWorkbook();
  const [run, setRun] = React.useState<AuditRun | null>(null);
  const [step, setStep] = React.useState<AuditStep | null>(null);
  const [choices, setChoices] = React.useState<GoalTableChoice[] | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  // The latest run, for actions created before it changed.
  const runRef = React.useRef<AuditRun | null>(null);
  runRef.current = run;
  // The options the shown audit ran with (as JSON: saving unchanged options makes an equal new object).
  const [auditedWith, setAuditedWith] = React.useState<string | null>(null);
  const optionsKey = React.useMemo(() => JSON.stringify(options), [options]);
  const optionsKeyRef = React.useRef(optionsKey);
  optionsKeyRef.current = optionsKey;

  const auditTable = React.useCallback(
    async (source: TableSource): Promise<AuditRun | null> => {
      setChoices(null);
      setNotice(null);
      setStep("reading");
      try {
        const next = await auditGoalTable(withPauses(workbook), source, options, lang, (current) =>
          setStep(current === "done" ? null : current)
        );
        setRun(next);
        setAuditedWith(optionsKey);
        return next;
      } catch (error) {
        setNotice(errorNotice(error));
        return null;
      } finally {
        setStep(null);
      }
    },
    [workbook, options, optionsKey, lang]
  );

  const audit = React.useCallback(async () => {
    setNotice(null);
    setChoices(null);
    setStep("reading");
    let found: GoalTableChoice[];
    try {
      found = await findGoalTables(workbook, options.mapping);
    } catch (error) {
      setStep(null);
      setNotice(errorNotice(error));
      return;
    }
    const decision = decideGoalTable(found, true);
    if (decision.kind === "none") {
      // Say what the sheet shows: its headers, the field none names, the column that likely holds it.
      let detail: Bilingual | null = null;
      try {
        const { sheet } = await workbook.activeCell();
        detail = await explainNoGoalTable(workbook, sheet, options.mapping, "pane");
      } catch {
        // The explanation is extra: without it the notice still says what a goal table needs.
      }
      setStep(null);
      setNotice(
        detail
          ? { intent: "warning", message: { kind: "noTable", detail } }
          : textNotice("warning", "audit.noTable")
      );
      return;
    }
    if (decision.kind === "ask") {
      setStep(null);
      setChoices(decision.tables);
      return;
    }
    await auditTable(decision.table);
  }, [workbook, auditTable, options.mapping]);

  const reaudit = React.useCallback(async () => {
    const previous = runRef.current;
    if (!previous) return null;
    try {
      const candidates = await goalTablesOn(workbook, previous.source.sheet, options.mapping);
      return await auditTable(currentSource(candidates, previous.source));
    } catch (error) {
      setNotice(errorNotice(error));
      return null;
    }
  }, [workbook, auditTable, options.mapping]);

  const clear = React.useCallback(async () => {
    setNotice(null);
    try {
      const cleared = await workbook.clearAudit();
      // Nothing of the cleared audit stays on show: its findings, map and tools went with its highlights.
      setRun(null);
      setNotice(
        textNotice("success", cleared.sheet ? "audit.clearedWithSheet" : "audit.cleared", {
          rules: cleared.rules,
        })
      );
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }, [workbook]);

  const cancelChoice = React.useCallback(() => setChoices(null), []);

  const showOutcome = React.useCallback((outcome: AuditCommandOutcome) => {
    setStep(null);
    setChoices(null);
    setNotice(null);
    switch (outcome.status) {
      case "audited":
      case "missingColumn":
        setRun(outcome.run);
        setAuditedWith(optionsKeyRef.current);
        return;
      case "chooseTable":
        setChoices(outcome.tables);
        return;
      case "noTable":
        setNotice(textNotice("warning", "audit.noTable"));
        return;
      case "failed":
        setNotice(errorNotice(outcome.error));
    }
  }, []);

  return {
    run,
    step,
    busy: step !== null,
    stale: run !== null && auditedWith !== null && auditedWith !== optionsKey,
    choices,
    notice,
    audit,
    auditTable,
    reaudit,
    clear,
    cancelChoice,
    setNotice,
    showOutcome,
  };
}
