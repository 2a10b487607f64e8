import * as React from "react";
import { goalAtSelection } from "../../workbook/operations";
import { useWorkbook } from "../context";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import { ToolsPanelProps } from "./ToolsPanel.types";

export interface ToolsPanelState {
  /** Index of the goal the tools work on, in the current audit; null before one is picked. */
  goal: number | null;
  pickSelectedGoal: () => Promise<void>;
  busy: boolean;
  notice: Notice | null;
  dismissNotice: () => void;
}

/** The goal the Allocate and Spread tools work on: the one on the row of the active cell. */
export function useToolsPanel(props: ToolsPanelProps): ToolsPanelState {
  const { run } = props;
  const workbook = useWorkbook();
  // Kept as a worksheet row, so that the same goal stays picked when the table is audited again.
  const [goalRow, setGoalRow] = React.useState<number | null>(props.goalRow ?? null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);

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

  return { goal, pickSelectedGoal, busy, notice, dismissNotice: () => setNotice(null) };
}
