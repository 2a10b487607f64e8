import { bilingual, CODE_TITLES, formatNumber } from "./catalogue";
import { buildCascade, Cascade, childrenOf, cycleChain, MISSING_PARENT } from "./cascade";
import { isoFromDay } from "./dates";
import { compareFindings, Finding, FindingCode, SEVERITY } from "./findings";
import { Field, Goal, LEVELS, RollupMethod } from "./model";
import { rollupValues } from "./numbers";
import { AuditOptions, DEFAULT_AUDIT_OPTIONS } from "./options";
import { specificityOfNormal } from "./smart";
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

  const texts = normalTexts(goals);
  checkIdentity(cascade, add);
  checkChildren(cascade, texts, options, add);
  checkSiblings(cascade, texts, add);
  const statuses = checkEachGoal(cascade, texts, options, add);
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

/** A share for a message, shown as a percentage. */
function share(value: number): { share: number } {
  return { share: value };
}

/** Goal, KPI and unit texts of each goal, normalised once (DESIGN §3): rules compare them many times. */
interface NormalTexts {
  goal: (string | null)[];
  kpi: (string | null)[];
  unit: (string | null)[];
}

function normalTexts(goals: readonly Goal[]): NormalTexts {
  const normal = (text: string | null) => (text === null ? null : normalizeText(text));
  return {
    goal: goals.map((goal) => normal(goal.goal)),
    kpi: goals.map((goal) => normal(goal.kpi)),
    unit: goals.map((goal) => normal(goal.unit)),
  };
}

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
function comparable(
  child: number,
  parent: number,
  goals: readonly Goal[],
  texts: NormalTexts
): boolean {
  if ((goals[child] as Goal).target === null) return false;
  const { kpi, unit } = texts;
  if (kpi[child] !== null && kpi[parent] !== null && kpi[child] !== kpi[parent]) return false;
  return unit[child] === null || unit[parent] === null || unit[child] === unit[parent];
}

/** NO_EXECUTOR, UNDER_ALLOCATED, OVER_ALLOCATED, CHILD_LESS_AMBITIOUS, and the parent-facing child rules. */
function checkChildren(
  cascade: Cascade,
  texts: NormalTexts,
  options: AuditOptions,
  add: Add
): void {
  const { goals, byKey, level, lowestLevel, timeSplit, timeRoot, hasExecutor } = cascade;
  // Children split in time (year → quarters → months) and children split among people are two separate
  // allocations of the same parent: each must add up on its own.
  const byPeople: number[] = [];
  const byTime: number[] = [];
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
      checkChildAgainstParent(c, index, goals, texts, add);
      if (comparable(c, index, goals, texts)) (timeSplit[c] === 1 ? byTime : byPeople).push(c);
    }
    if (goal.target === null || goal.rollup === "none") return;
    if (byPeople.length > 0) checkAllocation(index, byPeople, goals, texts, options, add);
    if (byTime.length > 0) checkAllocation(index, byTime, goals, texts, options, add);
  });
}

/** How one group of comparable children shares out its parent's target. */
function checkAllocation(
  parent: number,
  childIndices: readonly number[],
  goals: readonly Goal[],
  texts: NormalTexts,
  options: AuditOptions,
  add: Add
): void {
  const goal = goals[parent] as Goal;
  const children = childIndices.map((c) => goals[c] as Goal);
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
      children: { amount: aggregate, unit: goal.unit },
      target: { amount: target, unit: goal.unit },
      gap: { amount: shortBy, unit: goal.unit },
    });
  }
  if (goal.rollup === "sum") {
    const excess = lower ? target - aggregate : aggregate - target;
    if (excess > Math.abs(target) * options.overAllocation + tolerance) {
      add(goal, "OVER_ALLOCATED", "target", {
        children: { amount: aggregate, unit: goal.unit },
        target: { amount: target, unit: goal.unit },
        excess: share(target === 0 ? 1 : excess / Math.abs(target)),
        limit: share(options.overAllocation),
      });
    }
    if (children.length > 1) {
      for (const c of childIndices) {
        const child = goals[c] as Goal;
        if (child.target === target && target !== 0 && !isTextCopy(c, parent, texts)) {
          add(
            child,
            "DUPLICATE_OF_PARENT",
            "target",
            { target: { amount: target, unit: goal.unit }, parent: goal.id ?? "" },
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
        target: { amount: childTarget, unit: child.unit ?? goal.unit },
        parentTarget: { amount: target, unit: goal.unit },
        parent: goal.id ?? "",
      });
    }
  }
}

function isTextCopy(child: number, parent: number, texts: NormalTexts): boolean {
  const text = texts.goal[child];
  return text !== null && text === texts.goal[parent];
}

/** UNIT_MISMATCH, DUPLICATE_OF_PARENT (text), DEADLINE_AFTER_PARENT for one child. */
function checkChildAgainstParent(
  c: number,
  p: number,
  goals: readonly Goal[],
  texts: NormalTexts,
  add: Add
): void {
  const child = goals[c] as Goal;
  const parent = goals[p] as Goal;
  const { kpi, unit } = texts;
  if (
    kpi[c] !== null &&
    unit[c] !== null &&
    unit[p] !== null &&
    kpi[c] === kpi[p] &&
    unit[c] !== unit[p]
  ) {
    add(child, "UNIT_MISMATCH", "unit", {
      unit: child.unit ?? "",
      parentUnit: parent.unit ?? "",
      kpi: child.kpi ?? "",
    });
  }
  if (isTextCopy(c, p, texts))
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
function checkSiblings(cascade: Cascade, texts: NormalTexts, add: Add): void {
  const seen = new Map<string, Goal>();
  cascade.goals.forEach((goal, index) => {
    if (goal.goal === null) return;
    const signature = `${goal.parentKey ?? ""}\u0000${texts.goal[index]}\u0000${texts.kpi[index] ?? ""}\u0000${goal.period?.key ?? ""}\u0000${goal.target ?? ""}`;
    const first = seen.get(signature);
    if (first)
      add(goal, "DUPLICATE_SIBLING", "goal", { other: first.id ?? "", otherRow: first.row });
    else seen.set(signature, goal);
  });
}

/** SMART letters, owner, and status: the rules that look at one goal alone (plus its place in the cascade). */
function checkEachGoal(
  cascade: Cascade,
  texts: NormalTexts,
  options: AuditOptions,
  add: Add
): (GoalStatus | null)[] {
  const { goals, level, topLevel, levelsGiven } = cascade;
  const statuses: (GoalStatus | null)[] = new Array(goals.length);
  goals.forEach((goal, index) => {
    const unreadable = goal.unreadable;
    const readable = (field: Field) => unreadable === null || !unreadable.includes(field);

    const specific = specificityOfNormal(texts.goal[index] ?? null, options.minGoalLength);
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
            target: { amount: goal.target, unit: goal.unit },
            baseline: { amount: goal.baseline, unit: goal.unit },
          },
          "tooLow"
        );
      } else if (goal.baseline !== 0 && gain / Math.abs(goal.baseline) > options.stretch + 1e-12) {
        add(
          goal,
          "SMART_A",
          "target",
          {
            target: { amount: goal.target, unit: goal.unit },
            baseline: { amount: goal.baseline, unit: goal.unit },
            stretch: share(gain / Math.abs(goal.baseline)),
            limit: share(options.stretch),
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
          actual: { amount: goal.actual as number, unit: goal.unit },
          target: { amount: goal.target as number, unit: goal.unit },
          expected: { amount: status.expected, unit: goal.unit },
          attainment: share(status.attainment),
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
      ? { share: total }
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
