import * as React from "react";
import { Result, TimeGrain, TimeSplitRow } from "../../domain";
import { existingSplit, planTimeSplit, writeTimeSplit } from "../../workbook/operations";
import { useWorkbook } from "../context";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import { parseProfile, PERIOD_COUNT, ProfileProblem } from "./profile";
import { TimeSplitPanelProps } from "./TimeSplitPanel.types";

export interface TimeSplitPanelState {
  grain: TimeGrain;
  setGrain: (grain: TimeGrain) => void;
  profileText: string;
  setProfileText: (text: string) => void;
  problem: ProfileProblem | null;
  plan: Result<TimeSplitRow[]> | null;
  /** The rows of a spread the goal already has, when it has them all (nothing to add then). */
  existing: string[] | null;
  total: number;
  add: () => Promise<void>;
  busy: boolean;
  notice: Notice | null;
  dismissNotice: () => void;
}

/** State and actions of the Spread-in-time tool. */
export function useTimeSplitPanel(props: TimeSplitPanelProps): TimeSplitPanelState {
  const { run, goal, reaudit, onWritten } = props;
  const workbook = useWorkbook();
  const [grain, setGrain] = React.useState<TimeGrain>("quarter");
  const [profileText, setProfileText] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);

  const profile = React.useMemo(
    () => parseProfile(profileText, PERIOD_COUNT[grain]),
    [profileText, grain]
  );
  const existing = React.useMemo(() => existingSplit(run, goal, grain), [run, goal, grain]);
  const plan = React.useMemo(
    () => (profile.ok && existing === null ? planTimeSplit(run, goal, grain, profile.value) : null),
    [run, goal, grain, profile, existing]
  );
  const total = plan?.ok ? plan.value.reduce((sum, row) => sum + row.target, 0) : 0;

  const add = React.useCallback(async () => {
    if (!plan?.ok) return;
    setBusy(true);
    setNotice(null);
    try {
      const { address, underGoal, undo } = await writeTimeSplit(workbook, run, goal, plan.value);
      await reaudit();
      const parent = run.result.goals[goal];
      onWritten({
        notice: textNotice("success", underGoal ? "split.inserted" : "split.added", {
          count: plan.value.length,
          where: `${run.source.sheet}!${address}`,
          goal: parent?.id ?? `#${parent?.row ?? ""}`,
        }),
        undo,
      });
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }, [plan, workbook, run, goal, reaudit, onWritten]);

  return {
    grain,
    setGrain,
    profileText,
    setProfileText,
    problem: profile.ok ? null : profile.problem,
    plan,
    existing,
    total,
    add,
    busy,
    notice,
    dismissNotice: () => setNotice(null),
  };
}
