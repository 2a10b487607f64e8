import { Goal, Status } from "./model";
import { pace, statusOf, variance } from "./numbers";

export interface GoalStatus {
  status: Status;
  attainment: number;
  /** What the actual is measured against: the target, or the pace value on the as-of date. */
  expected: number;
  /** True when `expected` is the pace to date rather than the full target. */
  paced: boolean;
}

/**
 * A goal's status (DESIGN §4), or null without an actual and a target. Given an as-of date and a time window
 * (start/deadline, else the period), the actual is judged against the pace to date: cumulative goals (roll-up sum)
 * pace from zero, rates pace from their baseline (or hold the target all through when there is none).
 * @example goalStatus({ ...goal, actual: 95, target: 100 }, { atRisk: 0.9, asOf: null })?.status // "atRisk"
 */
export function goalStatus(
  goal: Goal,
  options: { atRisk: number; asOf: number | null }
): GoalStatus | null {
  if (goal.actual === null || goal.target === null) return null;
  let expected = goal.target;
  let paced = false;
  if (options.asOf !== null) {
    const start = goal.start ?? goal.period?.startDay ?? null;
    const deadline = goal.deadline ?? goal.period?.endDay ?? null;
    if (start !== null && deadline !== null && deadline >= start && options.asOf < deadline) {
      const from = goal.rollup === "sum" ? 0 : (goal.baseline ?? goal.target);
      const expectedToDate = pace(goal.target, start, deadline, options.asOf, from);
      if (expectedToDate.ok) {
        expected = expectedToDate.value;
        paced = true;
      }
    }
  }
  // attainment(actual, expected, direction), without its Result: the audit asks this of every goal.
  if (expected === 0) return null;
  const attained = 1 + variance(goal.actual, expected, goal.direction) / Math.abs(expected);
  return {
    status: statusOf(attained, options.atRisk),
    attainment: attained,
    expected,
    paced,
  };
}
