import * as React from "react";
import type { AuditCommandOutcome } from "../../commands/commands";
import { AUDIT_SHEET_NAMES, AuditOptions, Bilingual, Lang } from "../../domain";
import { ActiveCell, AuditWrite, TableSource } from "../../workbook/GoalWorkbook";
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
import { useToast } from "../Notice/toast";

/** The audit the whole pane shares: the Audit tab runs it, the map draws it, the tools plan from it. */
export interface AuditSession {
  /** The last audit, or null before the first. */
  run: AuditRun | null;
  /** The step under way, null when idle. */
  step: AuditStep | null;
  busy: boolean;
  /** True when the options changed after the last audit: what the pane shows is the last audit's. */
  stale: boolean;
  /**
   * True when a live audit found the table changed but left the highlights and audit sheet as they were (Excel,
   * where rewriting them would take the user's undo step): one click on Refresh highlights rewrites them.
   */
  highlightsStale: boolean;
  /**
   * The active cell as the host last reported it when the selection was one row (the tools follow it), or null
   * before: a selection of several rows (the rows a tool wrote, a block the user marks) names no single goal.
   */
  selection: ActiveCell | null;
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

/**
 * How long the table must stay unchanged before a live audit runs: a paste, a fill or an undo that the host reports
 * as several changes is one audit, and the findings still follow an edit within a second for 10,000 goals.
 */
export const LIVE_AUDIT_DELAY_MS = 150;

/** What a written audit is compared by: equal texts, equal highlights and audit sheet. */
function fingerprint(planned: AuditWrite | null): string | null {
  return planned === null ? null : JSON.stringify(planned);
}

/**
 * State and actions of the shared audit. With `live`, a change of the audited table's sheet audits it again by
 * itself LIVE_AUDIT_DELAY_MS after the last edit.
 */
export function useAuditSession(options: AuditOptions, lang: Lang, live = true): AuditSession {
  const workbook = useWorkbook();
  const toast = useToast();
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
  const [highlightsStale, setHighlightsStale] = React.useState(false);
  const [selection, setSelection] = React.useState<ActiveCell | null>(null);
  // What the highlights and audit sheet now show (the last audit that wrote them), to tell whether a live audit
  // that wrote nothing leaves them out of date.
  const written = React.useRef<string | null>(null);
  // A live audit under way, and whether the table changed again meanwhile.
  const liveRun = React.useRef({ running: false, again: false });
  const stepRef = React.useRef<AuditStep | null>(null);
  stepRef.current = step;

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
        if (next.auditSheet !== null) {
          written.current = fingerprint(next.planned);
          setHighlightsStale(false);
        }
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
      written.current = null;
      setHighlightsStale(false);
      toast(
        textNotice("success", cleared.sheet ? "audit.clearedWithSheet" : "audit.cleared", {
          rules: cleared.rules,
        })
      );
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }, [workbook, toast]);

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
        if (outcome.run.auditSheet !== null) {
          written.current = fingerprint(outcome.run.planned);
          setHighlightsStale(false);
        }
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

  /**
   * Audits the table again after an edit, without a word or a spinner: the findings, map and tools follow. Where
   * the host's highlights keep the user's undo (the preview) they are rewritten too; elsewhere (Excel) they stay,
   * marked out of date when the audit would now write something else.
   */
  const auditLive = React.useCallback(async (): Promise<void> => {
    const previous = runRef.current;
    if (!previous || stepRef.current !== null) return;
    if (liveRun.current.running) {
      liveRun.current.again = true;
      return;
    }
    liveRun.current.running = true;
    try {
      const candidates = await goalTablesOn(workbook, previous.source.sheet, options.mapping);
      const source = currentSource(candidates, previous.source);
      const writes = workbook.highlightsKeepUndo;
      const next = await auditGoalTable(
        workbook,
        source,
        options,
        lang,
        undefined,
        writes ? true : { auditSheet: previous.auditSheet ?? AUDIT_SHEET_NAMES[lang] }
      );
      // An audit asked for meanwhile (or Clear audit) has the last word.
      if (runRef.current !== previous) return;
      setAuditedWith(optionsKey);
      if (next.auditSheet !== null) {
        written.current = fingerprint(next.planned);
        setHighlightsStale(false);
        setRun(next);
      } else {
        setRun({ ...next, content: previous.content, auditSheet: previous.auditSheet });
        // Out of date too when the sheet shows none yet (the table was fixed after an audit that could not write).
        setHighlightsStale(fingerprint(next.planned) !== written.current);
      }
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      liveRun.current.running = false;
      if (liveRun.current.again) {
        liveRun.current.again = false;
        void auditLiveRef.current();
      }
    }
  }, [workbook, options, optionsKey, lang]);
  const auditLiveRef = React.useRef(auditLive);
  auditLiveRef.current = auditLive;

  // Watches the audited table's sheet while there is an audit: its edits (live audit) and the selection (tools).
  const watchedSheet = run?.source.sheet ?? null;
  React.useEffect(() => {
    if (watchedSheet === null) return undefined;
    let on = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    workbook
      .watch(watchedSheet, {
        changed: () => {
          if (!live) return;
          clearTimeout(timer);
          timer = setTimeout(() => void auditLiveRef.current(), LIVE_AUDIT_DELAY_MS);
        },
        selected: (cell, rows) => {
          if (on && rows === 1) setSelection(cell);
        },
      })
      .then(
        (stopWatching) => {
          if (on) stop = stopWatching;
          else void stopWatching().catch(() => undefined);
        },
        // Without events the pane still works: audits run when asked, the tools take the selection on a click.
        () => undefined
      );
    return () => {
      on = false;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [workbook, watchedSheet, live]);

  return {
    run,
    step,
    busy: step !== null,
    stale: run !== null && auditedWith !== null && auditedWith !== optionsKey,
    highlightsStale: run !== null && highlightsStale,
    selection,
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
