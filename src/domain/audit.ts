import { bilingual, CODE_TITLES, formatNumber, formatPercent } from "./catalogue";
import { buildCascade, Cascade, childrenOf, cycleChain, MISSING_PARENT } from "./cascade";
import { isoFromDay } from "./dates";
import { compareFindings, Finding, FindingCode, SEVERITY } from "./findings";
import { Field, Goal, LEVELS, RollupMethod } from "./model";
import { rollupValues } from "./numbers";
import { AuditOptions, DEFAULT_AUDIT_OPTIONS } from "./options";
import { specificityProblem } from "./smart";
import { goalStatus, GoalStatus } from "./status";
import { GoalTableRead } from "./table";
import { normalizeText } from "./text";

export interface AuditResult {
  goals: Goal[];
  /** Sorted by table, row, then the order of DESIGN §3. */
  findings: Finding[];
  cascade: Cascade;
  /** Status per goal (same order as `goals`), null without actual or target. */
  statuses: (GoalStatus | null)[];
}

const METHOD_NAMES: Record<RollupMethod, { en: string; zh: string }> = {
  sum: { en: "sum", zh: "合计" },
  average: { en: "average", zh: "平均" },
  weighted: { en: "weighted average", zh: "加权平均" },
  min: { en: "minimum", zh: "最小值" },
  max: { en: "maximum", zh: "最大值" },
  none: { en: "none", zh: "不汇总" },
};

const LEVEL_NAMES: Record<(typeof LEVELS)[number], { en: string; zh: string }> = {
  company: { en: "Company", zh: "公司" },
  team: { en: "Team", zh: "团队" },
  region: { en: "Region", zh: "区域" },
  customer: { en: "Customer", zh: "客户" },
  position: { en: "Position", zh: "岗位" },
  individual: { en: "Individual", zh: "个人" },
};

/**
 * Audits one or more goal tables read by `readGoalTable` as one cascade (ids match across them). A table with a
 * missing required column stops the audit with its MISSING_COLUMN findings.
 * @example auditTables([readGoalTable(cells)]).findings.map((f) => f.code) // ["ORPHAN", "SMART_T"]
 */
export function auditTables(
  tables: readonly GoalTableRead[],
  options: AuditOptions = DEFAULT_AUDIT_OPTIONS
): AuditResult {
  const fatal = tables.flatMap((table) =>
    table.findings.filter((finding) => finding.code === "MISSING_COLUMN")
  );
  if (fatal.length > 0) {
    return {
      goals: [],
      findings: fatal.sort(compareFindings),
      cascade: buildCascade([]),
      statuses: [],
    };
  }
  const goals =
    tables.length === 1
      ? (tables[0] as GoalTableRead).goals
      : tables.flatMap((table) => table.goals);
  return auditGoals(
    goals,
    options,
    tables.flatMap((table) => table.findings)
  );
}

/**
 * Applies every rule of DESIGN §3 to a goal list in O(n): hash maps and one pass over the tree.
 * @example auditGoals(goals).findings
 */
export function auditGoals(
  goals: Goal[],
  options: AuditOptions = DEFAULT_AUDIT_OPTIONS,
  readFindings: readonly Finding[] = []
): AuditResult {
  const cascade = buildCascade(goals);
  const findings: Finding[] = [...readFindings];
  const add = (
    goal: Goal,
    code: FindingCode,
    field: Field | null,
    params: Finding["params"] = {},
    variant?: string
  ) => {
    findings.push({
      code,
      severity: SEVERITY[code],
      row: goal.row,
      source: goal.source,
      id: goal.id,
      field,
      ...(variant ? { variant } : {}),
      params,
    });
  };

  checkIdentity(cascade, add);
  checkChildren(cascade, options, add);
  checkSiblings(cascade, add);
  const statuses = checkEachGoal(cascade, options, add);
  checkWeights(goals, add);

  findings.sort(compareFindings);
  return { goals, findings, cascade, statuses };
}

type Add = (
  goal: Goal,
  code: FindingCode,
  field: Field | null,
  params?: Finding["params"],
  variant?: string
) => void;

/** DUPLICATE_ID, ORPHAN, CYCLE. */
function checkIdentity(cascade: Cascade, add: Add): void {
  const { goals, byKey, parent, onCycle } = cascade;
  goals.forEach((goal, index) => {
    if (goal.key !== null) {
      const first = byKey.get(goal.key) as number;
      if (first !== index)
        add(goal, "DUPLICATE_ID", "id", {
          id: goal.id ?? "",
          firstRow: (goals[first] as Goal).row,
        });
    }
    if (parent[index] === MISSING_PARENT)
      add(goal, "ORPHAN", "parent", { parent: goal.parent ?? "" });
    if (onCycle[index]) add(goal, "CYCLE", "parent", { chain: cycleChain(cascade, index) });
  });
}

/** Whether a child's target can be rolled up into its parent's: the same KPI (or none named) and unit. */
function comparable(child: Goal, parent: Goal): boolean {
  if (child.target === null) return false;
  if (
    child.kpi !== null &&
    parent.kpi !== null &&
    normalizeText(child.kpi) !== normalizeText(parent.kpi)
  )
    return false;
  return (
    child.unit === null ||
    parent.unit === null ||
    normalizeText(child.unit) === normalizeText(parent.unit)
  );
}

/** NO_EXECUTOR, UNDER_ALLOCATED, OVER_ALLOCATED, CHILD_LESS_AMBITIOUS, and the parent-facing child rules. */
function checkChildren(cascade: Cascade, options: AuditOptions, add: Add): void {
  const { goals, byKey, level, lowestLevel, timeSplit, timeRoot, hasExecutor } = cascade;
  // Children split in time (year → quarters → months) and children split among people are two separate
  // allocations of the same parent: each must add up on its own.
  const byPeople: Goal[] = [];
  const byTime: Goal[] = [];
  goals.forEach((goal, index) => {
    const children = childrenOf(cascade, index);
    if (children.length === 0) {
      const isPrimary = goal.key === null || byKey.get(goal.key) === index;
      const goalLevel = level[index] as number;
      // A month of a team's year is executed by whoever executes the year.
      const executedThroughTime =
        timeSplit[index] === 1 && hasExecutor[timeRoot[index] as number] === 1;
      if (isPrimary && goalLevel >= 0 && goalLevel < lowestLevel && !executedThroughTime) {
        const lowest = cascade.levelsGiven ? LEVELS[lowestLevel] : undefined;
        add(goal, "NO_EXECUTOR", "id", {
          lowest$: lowest
            ? bilingual(LEVEL_NAMES[lowest])
            : bilingual({ en: `level ${lowestLevel + 1}`, zh: `第 ${lowestLevel + 1} 层` }),
        });
      }
      return;
    }
    byPeople.length = 0;
    byTime.length = 0;
    for (const c of children) {
      const child = goals[c] as Goal;
      checkChildAgainstParent(child, goal, add);
      if (comparable(child, goal)) (timeSplit[c] === 1 ? byTime : byPeople).push(child);
    }
    if (goal.target === null || goal.rollup === "none") return;
    if (byPeople.length > 0) checkAllocation(goal, byPeople, options, add);
    if (byTime.length > 0) checkAllocation(goal, byTime, options, add);
  });
}

/** How one group of comparable children shares out its parent's target. */
function checkAllocation(
  goal: Goal,
  children: readonly Goal[],
  options: AuditOptions,
  add: Add
): void {
  const target = goal.target as number;
  const lower = goal.direction === "lower";
  const aggregate = rollupValues(
    children.map((child) => child.target as number),
    goal.rollup,
    children.map((child) => child.weight)
  ) as number;
  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  const shortBy = lower ? aggregate - target : target - aggregate;
  if (shortBy > tolerance) {
    add(goal, "UNDER_ALLOCATED", "target", {
      method$: bilingual(METHOD_NAMES[goal.rollup]),
      children: formatNumber(aggregate, goal.unit),
      target: formatNumber(target, goal.unit),
      gap: formatNumber(shortBy, goal.unit),
    });
  }
  if (goal.rollup === "sum") {
    const excess = lower ? target - aggregate : aggregate - target;
    if (excess > Math.abs(target) * options.overAllocation + tolerance) {
      add(goal, "OVER_ALLOCATED", "target", {
        children: formatNumber(aggregate, goal.unit),
        target: formatNumber(target, goal.unit),
        excess: formatPercent(target === 0 ? 1 : excess / Math.abs(target)),
        limit: formatPercent(options.overAllocation),
      });
    }
    if (children.length > 1) {
      for (const child of children) {
        if (child.target === target && target !== 0 && !isTextCopy(child, goal)) {
          add(
            child,
            "DUPLICATE_OF_PARENT",
            "target",
            { target: formatNumber(target, goal.unit), parent: goal.id ?? "" },
            "target"
          );
        }
      }
    }
    return;
  }
  for (const child of children) {
    const childTarget = child.target as number;
    if (lower ? childTarget > target + tolerance : childTarget < target - tolerance) {
      add(child, "CHILD_LESS_AMBITIOUS", "target", {
        target: formatNumber(childTarget, child.unit ?? goal.unit),
        parentTarget: formatNumber(target, goal.unit),
        parent: goal.id ?? "",
      });
    }
  }
}

function isTextCopy(child: Goal, parent: Goal): boolean {
  return (
    child.goal !== null &&
    parent.goal !== null &&
    normalizeText(child.goal) === normalizeText(parent.goal)
  );
}

/** UNIT_MISMATCH, DUPLICATE_OF_PARENT (text), DEADLINE_AFTER_PARENT for one child. */
function checkChildAgainstParent(child: Goal, parent: Goal, add: Add): void {
  if (
    child.kpi !== null &&
    parent.kpi !== null &&
    child.unit !== null &&
    parent.unit !== null &&
    normalizeText(child.kpi) === normalizeText(parent.kpi) &&
    normalizeText(child.unit) !== normalizeText(parent.unit)
  ) {
    add(child, "UNIT_MISMATCH", "unit", {
      unit: child.unit,
      parentUnit: parent.unit,
      kpi: child.kpi,
    });
  }
  if (isTextCopy(child, parent))
    add(child, "DUPLICATE_OF_PARENT", "goal", { parent: parent.id ?? "" }, "text");
  const childDeadline = child.deadline ?? child.period?.endDay ?? null;
  const parentDeadline = parent.deadline ?? parent.period?.endDay ?? null;
  if (childDeadline !== null && parentDeadline !== null && childDeadline > parentDeadline) {
    add(child, "DEADLINE_AFTER_PARENT", child.deadline !== null ? "deadline" : "period", {
      deadline: isoFromDay(childDeadline),
      parentDeadline: isoFromDay(parentDeadline),
      parent: parent.id ?? "",
    });
  }
}

/** DUPLICATE_SIBLING: children of one parent (or top goals) with the same goal text, KPI, period and target. */
function checkSiblings(cascade: Cascade, add: Add): void {
  const seen = new Map<string, Goal>();
  for (const goal of cascade.goals) {
    if (goal.goal === null) continue;
    const signature = [
      goal.parentKey ?? "",
      normalizeText(goal.goal),
      goal.kpi === null ? "" : normalizeText(goal.kpi),
      goal.period?.key ?? "",
      goal.target ?? "",
    ].join("\u0000");
    const first = seen.get(signature);
    if (first)
      add(goal, "DUPLICATE_SIBLING", "goal", { other: first.id ?? "", otherRow: first.row });
    else seen.set(signature, goal);
  }
}

/** SMART letters, owner, and status: the rules that look at one goal alone (plus its place in the cascade). */
function checkEachGoal(cascade: Cascade, options: AuditOptions, add: Add): (GoalStatus | null)[] {
  const { goals, level, topLevel, levelsGiven } = cascade;
  const statuses: (GoalStatus | null)[] = new Array(goals.length);
  goals.forEach((goal, index) => {
    const unreadable = goal.unreadable;
    const readable = (field: Field) => unreadable === null || !unreadable.includes(field);

    const specific = specificityProblem(goal.goal, options.minGoalLength);
    if (specific && readable("goal"))
      add(goal, "SMART_S", "goal", { text: goal.goal ?? "" }, specific);

    if (goal.target === null && readable("target")) add(goal, "SMART_M", "target", {}, "noTarget");
    else if (goal.kpi === null && goal.unit === null && readable("kpi") && readable("unit")) {
      add(goal, "SMART_M", "kpi", {}, "noMetric");
    }

    if (goal.baseline !== null && goal.target !== null) {
      const gain =
        goal.direction === "lower" ? goal.baseline - goal.target : goal.target - goal.baseline;
      const tolerance = 1e-9 * Math.max(1, Math.abs(goal.baseline));
      if (gain <= tolerance) {
        add(
          goal,
          "SMART_A",
          "target",
          {
            target: formatNumber(goal.target, goal.unit),
            baseline: formatNumber(goal.baseline, goal.unit),
          },
          "tooLow"
        );
      } else if (goal.baseline !== 0 && gain / Math.abs(goal.baseline) > options.stretch + 1e-12) {
        add(
          goal,
          "SMART_A",
          "target",
          {
            target: formatNumber(goal.target, goal.unit),
            baseline: formatNumber(goal.baseline, goal.unit),
            stretch: formatPercent(gain / Math.abs(goal.baseline)),
            limit: formatPercent(options.stretch),
          },
          "tooHigh"
        );
      }
    }

    if (
      levelsGiven &&
      goal.parentKey === null &&
      readable("parent") &&
      (level[index] as number) > topLevel
    ) {
      add(goal, "SMART_R", "parent");
    }

    if (
      goal.deadline === null &&
      goal.period === null &&
      readable("deadline") &&
      readable("period")
    ) {
      add(goal, "SMART_T", "deadline", {}, "noDeadline");
    } else if (goal.deadline !== null && goal.start !== null && goal.deadline < goal.start) {
      add(
        goal,
        "SMART_T",
        "deadline",
        { deadline: isoFromDay(goal.deadline), start: isoFromDay(goal.start) },
        "beforeStart"
      );
    }

    if (goal.owner === null && readable("owner")) add(goal, "MISSING_OWNER", "owner");

    const status = goalStatus(goal, options);
    statuses[index] = status;
    if (status && !goal.exempt && status.status !== "onTrack") {
      const code = status.status === "offTrack" ? "OFF_TRACK" : "AT_RISK";
      add(
        goal,
        code,
        "actual",
        {
          actual: formatNumber(goal.actual as number, goal.unit),
          target: formatNumber(goal.target as number, goal.unit),
          expected: formatNumber(status.expected, goal.unit),
          attainment: formatPercent(status.attainment),
          asOf: options.asOf === null ? "" : isoFromDay(options.asOf),
        },
        status.paced ? "pace" : undefined
      );
    }
  });
  return statuses;
}

/** WEIGHTS_NOT_100: one owner's non-exempt weights in one period must add to 100 % (or 1). */
function checkWeights(goals: readonly Goal[], add: Add): void {
  const groups = new Map<string, { goals: Goal[]; total: number; weighted: boolean }>();
  for (const goal of goals) {
    if (goal.exempt || goal.owner === null) continue;
    const key = `${normalizeText(goal.owner)}\u0000${goal.period?.key ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { goals: [], total: 0, weighted: false };
      groups.set(key, group);
    }
    group.goals.push(goal);
    if (goal.weight !== null) {
      group.total += goal.weight;
      group.weighted = true;
    }
  }
  for (const group of groups.values()) {
    if (!group.weighted) continue;
    const total = group.total;
    if (Math.abs(total - 1) < 1e-6 || Math.abs(total - 100) < 1e-6) continue;
    const first = group.goals[0] as Goal;
    const shown = group.goals.every((goal) => goal.weight === null || Math.abs(goal.weight) <= 1)
      ? formatPercent(total)
      : `${formatNumber(total)}%`;
    for (const goal of group.goals) {
      add(goal, "WEIGHTS_NOT_100", "weight", {
        owner: first.owner ?? "",
        period$: first.period
          ? bilingual({ en: first.period.key, zh: first.period.key })
          : bilingual({ en: "the plan", zh: "本计划" }),
        total: shown,
      });
    }
  }
}

/** Title of a code in a language (re-exported for callers that only import the audit). */
export { CODE_TITLES };
