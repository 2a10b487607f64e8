import * as React from "react";
import {
  AllocationLine,
  AllocationMethod,
  ChildGroup,
  childGroup,
  Issue,
  Result,
} from "../../domain";
import {
  allocationTexts,
  planAllocation,
  writeAllocation,
  WriteUndo,
} from "../../workbook/operations";
import { useWorkbook } from "../context";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import { AllocatePanelProps } from "./AllocatePanel.types";

export interface AllocatePanelState {
  method: AllocationMethod;
  setMethod: (method: AllocationMethod) => void;
  /** The groups of children the goal has (people, periods): a choice only when both exist. */
  groups: ChildGroup[];
  group: ChildGroup;
  setGroup: (group: ChildGroup) => void;
  decimalsText: string;
  setDecimalsText: (text: string) => void;
  /** False when the decimals typed are not a whole number from 0 to 10. */
  decimalsValid: boolean;
  /** Rows of the children whose target stays. */
  lockedRows: ReadonlySet<number>;
  toggleLock: (row: number, locked: boolean) => void;
  plan: Result<AllocationLine[]> | null;
  /**
   * The children as the table shows them: the plan's lines, or when the plan fails (every child locked, say) the
   * children with their current targets and no proposal, so that their locks can still be changed.
   */
  lines: Array<Omit<AllocationLine, "proposed"> & { proposed: number | null }>;
  /** How many of the changing children's goal texts state their current target (and can be changed with it). */
  textsStating: number;
  updateTexts: boolean;
  setUpdateTexts: (update: boolean) => void;
  /** Σ proposed, and whether it equals the parent's target exactly (at the decimals asked). */
  total: { sum: number; exact: boolean } | null;
  changes: number;
  write: () => Promise<void>;
  /** Cells that already hold values, while the user is asked whether to overwrite them. */
  confirming: string[] | null;
  confirm: () => Promise<void>;
  cancel: () => void;
  busy: boolean;
  notice: Notice | null;
  dismissNotice: () => void;
}

/** Decimals typed in the form: a whole number from 0 to 10, else null. */
export function parseDecimals(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 10 ? value : null;
}

/** The parts in whole units of the last decimal: summing those is exact, summing the floats is not. */
function sumAt(values: readonly number[], decimals: number): number {
  const scale = 10 ** decimals;
  return values.reduce((sum, value) => sum + Math.round(value * scale), 0) / scale;
}

/** State and actions of the Allocate tool. */
export function useAllocatePanel(props: AllocatePanelProps): AllocatePanelState {
  const { run, goal, reaudit, onWritten } = props;
  const workbook = useWorkbook();
  const parent = run.result.goals[goal];
  const [method, setMethod] = React.useState<AllocationMethod>("even");
  const [chosenGroup, setGroup] = React.useState<ChildGroup | null>(null);
  const [decimalsText, setDecimalsText] = React.useState("0");
  const [lockedRows, setLockedRows] = React.useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = React.useState<string[] | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [updateTexts, setUpdateTexts] = React.useState(true);
  const [notice, setNotice] = React.useState<Notice | null>(null);

  const groups = React.useMemo(
    () =>
      (["people", "time"] as const).filter(
        (group) => childGroup(run.result, goal, group).length > 0
      ),
    [run, goal]
  );
  const group: ChildGroup =
    chosenGroup && groups.includes(chosenGroup) ? chosenGroup : (groups[0] ?? "people");
  const decimals = parseDecimals(decimalsText);

  const plan = React.useMemo((): Result<AllocationLine[]> | null => {
    if (groups.length === 0 || decimals === null) return null;
    const locked = new Set<number>();
    run.result.goals.forEach((candidate, index) => {
      if (lockedRows.has(candidate.row)) locked.add(index);
    });
    return planAllocation(run, goal, { method, group, locked, decimals });
  }, [run, goal, method, group, decimals, lockedRows, groups.length]);

  const lines = React.useMemo((): AllocatePanelState["lines"] => {
    if (plan?.ok) return plan.value;
    return childGroup(run.result, goal, group).map((index) => {
      const child = run.result.goals[index];
      return {
        goal: index,
        row: child?.row ?? 0,
        id: child?.id ?? null,
        current: child?.target ?? null,
        locked: lockedRows.has(child?.row ?? 0),
        proposed: null,
      };
    });
  }, [plan, run, goal, group, lockedRows]);
  const textsStating = React.useMemo(
    () => (plan?.ok ? allocationTexts(run, plan.value).length : 0),
    [plan, run]
  );

  const total = React.useMemo(() => {
    if (!plan?.ok || decimals === null || parent?.target === null || parent === undefined)
      return null;
    const sum = sumAt(
      plan.value.map((line) => line.proposed),
      decimals
    );
    return { sum, exact: sum === sumAt([parent.target], decimals) };
  }, [plan, decimals, parent]);

  const changes = plan?.ok
    ? plan.value.filter((line) => !line.locked && line.proposed !== line.current).length
    : 0;

  const toggleLock = React.useCallback((row: number, locked: boolean) => {
    setLockedRows((current) => {
      const next = new Set(current);
      if (locked) next.add(row);
      else next.delete(row);
      return next;
    });
  }, []);

  const finish = React.useCallback(
    async (outcome: { written: number; texts: number; undo: WriteUndo | null }) => {
      setConfirming(null);
      await reaudit();
      const notice = textNotice(
        "success",
        outcome.texts > 0
          ? "allocate.writtenTexts"
          : textsStating > 0
            ? "allocate.writtenTextsKept"
            : "allocate.written",
        { count: outcome.written, texts: outcome.texts || textsStating }
      );
      if (outcome.undo) onWritten({ notice, undo: outcome.undo });
      else setNotice(notice);
    },
    [reaudit, textsStating, onWritten]
  );

  const write = React.useCallback(async () => {
    if (!plan?.ok) return;
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await writeAllocation(workbook, run, plan.value, false, updateTexts);
      if (outcome.needsConfirmation.length > 0) setConfirming(outcome.needsConfirmation);
      else if (outcome.written === 0) setNotice(textNotice("info", "allocate.nothing"));
      else await finish(outcome);
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }, [plan, workbook, run, finish, updateTexts]);

  const confirm = React.useCallback(async () => {
    if (!plan?.ok) return;
    setBusy(true);
    try {
      const outcome = await writeAllocation(workbook, run, plan.value, true, updateTexts);
      await finish(outcome);
    } catch (error) {
      setConfirming(null);
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }, [plan, workbook, run, finish, updateTexts]);

  return {
    method,
    setMethod,
    groups,
    group,
    setGroup,
    decimalsText,
    setDecimalsText,
    decimalsValid: decimals !== null,
    lockedRows,
    toggleLock,
    plan,
    lines,
    textsStating,
    updateTexts,
    setUpdateTexts,
    total,
    changes,
    write,
    confirming,
    confirm,
    cancel: () => setConfirming(null),
    busy,
    notice,
    dismissNotice: () => setNotice(null),
  };
}

/** The first issue of a failed plan, for its message. */
export function firstIssue<T>(result: Result<T> | null): Issue | null {
  return result && !result.ok ? (result.issues[0] ?? null) : null;
}
