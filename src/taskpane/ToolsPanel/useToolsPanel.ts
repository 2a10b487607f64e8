import * as React from "react";
import {
  goalAtSelection,
  rangeBounds,
  undoneAt,
  undoWrite,
  WriteUndo,
} from "../../workbook/operations";
import { useWorkbook } from "../context";
import { useToast } from "../Notice/toast";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import { DoneWrite, ToolsPanelProps } from "./ToolsPanel.types";

export interface ToolsPanelState {
  /** Index of the goal the tools work on, in the current audit; null before one is picked. */
  goal: number | null;
  pickSelectedGoal: () => Promise<void>;
  busy: boolean;
  notice: Notice | null;
  dismissNotice: () => void;
  /** The last write of a tool, while it can be undone, with its message. */
  done: DoneWrite | null;
  onWritten: (done: DoneWrite) => void;
  dismissDone: () => void;
  /** Undoes the last write; unless `force`, asks first when its cells changed since (`changedCells`). */
  undo: (force?: boolean) => Promise<void>;
  /** Cells of the last write that changed since, while the pane asks whether to undo anyway. */
  changedCells: string[] | null;
  keepWrite: () => void;
}

/** What the pane says once a write is undone. */
function undoneNotice(undo: WriteUndo): Notice {
  switch (undo.kind) {
    case "cells":
      return textNotice("success", "undo.cellsDone", { count: undo.before.length });
    case "rows":
      return textNotice("success", "undo.rowsDone", {
        count: undo.written.length,
        where: `${undo.table.sheet}!${undo.address}`,
      });
    case "table":
      return textNotice("success", "undo.tableDone", {
        where: `${undo.table.sheet}!${undo.table.address}`,
      });
    case "sheet":
      return textNotice("success", "undo.sheetDone", { sheet: undo.sheet });
  }
}

/** The goal the Allocate and Spread tools work on: the one on the row of the active cell. */
export function useToolsPanel(props: ToolsPanelProps): ToolsPanelState {
  const { run } = props;
  const workbook = useWorkbook();
  const toast = useToast();
  // Kept as a worksheet row, so that the same goal stays picked when the table is audited again.
  const [goalRow, setGoalRow] = React.useState<number | null>(props.goalRow ?? null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);

  // A goal selected in the sheet is the one the tools take (a cell off the goals leaves the pick as it is).
  // Only a move of the selection counts: an audit run again does not take back a goal picked in the pane.
  const { selection } = props;
  const runRef = React.useRef(run);
  runRef.current = run;
  // The selection when the tab opened counts unless the pane named a goal (a finding's "Allocate the gap").
  const opened = React.useRef(true);
  const ownSelection = React.useRef<{ sheet: string; row: number } | null>(null);
  React.useEffect(() => {
    const first = opened.current;
    opened.current = false;
    if (first && props.goalRow !== undefined && props.goalRow !== null) return;
    const own = ownSelection.current;
    if (own && selection && selection.sheet === own.sheet && selection.row === own.row) {
      // The cells the pane's Undo selected to show what it put back: no goal the user picked.
      ownSelection.current = null;
      return;
    }
    const current = runRef.current;
    if (!current || !selection || selection.sheet !== current.source.sheet) return;
    if (current.result.goals.some((candidate) => candidate.row === selection.row))
      setGoalRow(selection.row);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the named goal counts only when the tab opens
  }, [selection]);

  const goal = React.useMemo(() => {
    if (!run || goalRow === null) return null;
    const index = run.result.goals.findIndex((candidate) => candidate.row === goalRow);
    return index >= 0 ? index : null;
  }, [run, goalRow]);

  const pickSelectedGoal = React.useCallback(async () => {
    if (!run) return;
    setBusy(true);
    setNotice(null);
    try {
      const index = await goalAtSelection(workbook, run);
      const picked = index === null ? undefined : run.result.goals[index];
      if (!picked) {
        setGoalRow(null);
        setNotice(textNotice("warning", "goal.notOnGoal", { sheet: run.source.sheet }));
      } else {
        setGoalRow(picked.row);
      }
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }, [run, workbook]);

  // Kept by the pane when it says so (lastWrite), so that the write can still be undone after another tab was shown.
  const [ownDone, setOwnDone] = React.useState<DoneWrite | null>(null);
  const done = props.lastWrite ? props.lastWrite.done : ownDone;
  const setDone = props.lastWrite ? props.lastWrite.setDone : setOwnDone;
  const [changedCells, setChangedCells] = React.useState<string[] | null>(null);
  const onWritten = React.useCallback(
    (write: DoneWrite) => {
      setChangedCells(null);
      setDone(write);
    },
    [setDone]
  );
  const { reaudit } = props;
  const undo = React.useCallback(
    async (force = false) => {
      if (!done) return;
      setBusy(true);
      setNotice(null);
      try {
        const shown = undoneAt(done.undo);
        ownSelection.current = shown
          ? { sheet: shown.sheet, row: rangeBounds(shown.address).firstRow }
          : null;
        const outcome = await undoWrite(workbook, done.undo, force);
        if (!outcome.undone) {
          setChangedCells(outcome.changed);
          return;
        }
        setChangedCells(null);
        setDone(null);
        await reaudit();
        toast(done.undone ?? undoneNotice(done.undo));
      } catch (error) {
        setNotice(errorNotice(error));
      } finally {
        setBusy(false);
      }
    },
    [done, setDone, workbook, reaudit, toast]
  );

  return {
    goal,
    pickSelectedGoal,
    busy,
    notice,
    dismissNotice: () => setNotice(null),
    done,
    onWritten,
    dismissDone: () => {
      setDone(null);
      setChangedCells(null);
    },
    undo,
    changedCells,
    keepWrite: () => setChangedCells(null),
  };
}
