import { bilingual, formatNumber } from "./catalogue";
import { buildCascade, Cascade, cycleChain, MISSING_PARENT } from "./cascade";
import { isoFromDay } from "./dates";
import { compareFindings, Finding, FindingCode, SEVERITY } from "./findings";
import { Field, Goal, LEVELS, Period, RollupMethod } from "./model";
import { rollupValues } from "./numbers";
import { AuditOptions, DEFAULT_AUDIT_OPTIONS } from "./auditDefaults";
import { achievabilityProblem } from "./smart";
import { goalStatus, GoalStatus } from "./status";
import { GoalTableRead } from "./table";
import { GoalTexts, SignatureParts, TwinTable } from "./auditIndex";
import { normalizeText } from "./text";
import { TextIds } from "./textIds";

export interface AuditResult {
  goals: Goal[];
  /** Sorted by table, row, then the order of DESIGN §3. */
  findings: Finding[];
  cascade: Cascade;
  /** Status per goal (same order as `goals`), null without actual or target. */
  statuses: (GoalStatus | null)[];
  /**
   * 1 where a goal counts in its parent's roll-up (a target in the parent's KPI and unit), 0 elsewhere: a child in
   * points under a percentage goal is never averaged in. Time splits and people roll up apart (`cascade.timeSplit`).
   */
  rollsUp: Uint8Array;
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
  objective: { en: "Objective", zh: "目标" },
  keyResult: { en: "Key result", zh: "关键结果" },
  initiative: { en: "Initiative", zh: "举措" },
  deliverable: { en: "Deliverable", zh: "交付成果" },
};
/** A key result is executed by its owner: it is never a goal nobody executes (issue 11). */
const KEY_RESULT = LEVELS.indexOf("keyResult");
const OBJECTIVE = LEVELS.indexOf("objective");

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
      rollsUp: new Uint8Array(0),
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
  const add: Add = (goal, code, at, params = {}, variant) => {
    // An objective written beside its key results: a finding on its text points at the cell it is written in.
    const field = at === "goal" && goal.shownIn !== undefined ? goal.shownIn : at;
    // Two literals rather than a spread: a million goals make hundreds of thousands of findings.
    findings.push(
      variant
        ? {
            code,
            severity: SEVERITY[code],
            row: goal.row,
            source: goal.source,
            id: goal.id,
            field,
            variant,
            params,
          }
        : {
            code,
            severity: SEVERITY[code],
            row: goal.row,
            source: goal.source,
            id: goal.id,
            field,
            params,
          }
    );
  };

  const texts = new GoalTexts(goals);
  const rollsUp = new Uint8Array(goals.length);
  checkIdentity(cascade, add);
  checkChildren(cascade, texts, options, add, rollsUp);
  checkSiblings(cascade, texts, add);
  const statuses = checkEachGoal(cascade, texts, options, add);
  checkWeights(goals, add);

  findings.sort(compareFindings);
  return { goals, findings, cascade, statuses, rollsUp };
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

/** DUPLICATE_ID, ORPHAN, CYCLE. */
function checkIdentity(cascade: Cascade, add: Add): void {
  const { goals, firstWithKey, parent, onCycle } = cascade;
  for (let index = 0; index < goals.length; index++) {
    const goal = goals[index] as Goal;
    const first = firstWithKey[index] as number;
    if (first >= 0 && first !== index)
      add(goal, "DUPLICATE_ID", "id", {
        id: goal.id ?? "",
        firstRow: (goals[first] as Goal).row,
      });
    if (parent[index] === MISSING_PARENT)
      add(goal, "ORPHAN", "parent", { parent: goal.parent ?? "" });
    if (onCycle[index]) add(goal, "CYCLE", "parent", { chain: cycleChain(cascade, index) });
  }
}

/** Whether a child's target can be rolled up into its parent's: the same KPI (or none named) and unit. */
function comparable(
  child: number,
  parent: number,
  goals: readonly Goal[],
  texts: GoalTexts
): boolean {
  return (goals[child] as Goal).target !== null && sameMeasure(child, parent, texts);
}

/** True when a child measures what its parent measures: no other KPI, no other unit. */
function sameMeasure(child: number, parent: number, texts: GoalTexts): boolean {
  const { kpi, unit } = texts;
  if (kpi[child] !== null && kpi[parent] !== null && kpi[child] !== kpi[parent]) return false;
  return unit[child] === null || unit[parent] === null || unit[child] === unit[parent];
}

/** NO_EXECUTOR, UNDER_ALLOCATED, OVER_ALLOCATED, CHILD_LESS_AMBITIOUS, and the parent-facing child rules. */
function checkChildren(
  cascade: Cascade,
  texts: GoalTexts,
  options: AuditOptions,
  add: Add,
  rollsUp: Uint8Array
): void {
  const {
    goals,
    firstWithKey,
    childStart,
    childList,
    level,
    lowestLevel,
    timeSplit,
    timeRoot,
    hasExecutor,
  } = cascade;
  const lowest = cascade.levelsGiven ? LEVELS[lowestLevel] : undefined;
  const lowestName = lowest
    ? bilingual(LEVEL_NAMES[lowest])
    : // Without a level column levels are depths: name the depth, never "level 6".
      bilingual({
        en: `${lowestLevel} ${lowestLevel === 1 ? "step" : "steps"} below the top goals`,
        zh: `顶层目标以下第 ${lowestLevel} 层`,
      });
  for (let index = 0; index < goals.length; index++) {
    const goal = goals[index] as Goal;
    const from = childStart[index] as number;
    const to = childStart[index + 1] as number;
    if (from === to) {
      // firstWithKey is -1 for a goal without a key: the goal object is read only for a finding.
      const first = firstWithKey[index] as number;
      const isPrimary = first < 0 || first === index;
      const goalLevel = level[index] as number;
      // A month of a team's year is executed by whoever executes the year.
      const executedThroughTime =
        timeSplit[index] === 1 && hasExecutor[timeRoot[index] as number] === 1;
      if (
        isPrimary &&
        goalLevel >= 0 &&
        goalLevel < lowestLevel &&
        goalLevel !== KEY_RESULT &&
        !executedThroughTime
      )
        add(goal, "NO_EXECUTOR", "id", { lowest$: lowestName });
      continue;
    }
    // Children split in time (year → quarters → months) and children split among people are two separate
    // allocations of the same parent: each must add up on its own.
    const byPeople: number[] = [];
    const byTime: number[] = [];
    for (let k = from; k < to; k++) {
      const c = childList[k] as number;
      checkChildAgainstParent(c, index, goals, texts, add);
      if (sameMeasure(c, index, texts)) rollsUp[c] = 1;
      if (comparable(c, index, goals, texts)) (timeSplit[c] === 1 ? byTime : byPeople).push(c);
    }
    if (goal.target === null || goal.rollup === "none") continue;
    if (byPeople.length > 0) checkAllocation(index, byPeople, goals, texts, options, add);
    if (byTime.length > 0) checkAllocation(index, byTime, goals, texts, options, add);
  }
}

/** How one group of comparable children shares out its parent's target. */
function checkAllocation(
  parent: number,
  childIndices: readonly number[],
  goals: readonly Goal[],
  texts: GoalTexts,
  options: AuditOptions,
  add: Add
): void {
  const goal = goals[parent] as Goal;
  const target = goal.target as number;
  const lower = goal.direction === "lower";
  const targets: number[] = [];
  const weights: (number | null)[] = [];
  for (const c of childIndices) {
    const child = goals[c] as Goal;
    targets.push(child.target as number);
    weights.push(child.weight ?? child.contribution);
  }
  const aggregate = rollupValues(targets, goal.rollup, weights) as number;
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
    if (childIndices.length > 1) {
      for (const c of childIndices) {
        const child = goals[c] as Goal;
        // A goal that is its own parent is a CYCLE, not a copy of itself.
        if (c !== parent && child.target === target && target !== 0 && !texts.isCopy(c, parent)) {
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
  for (const c of childIndices) {
    const child = goals[c] as Goal;
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

/** UNIT_MISMATCH, DUPLICATE_OF_PARENT (text), DEADLINE_AFTER_PARENT for one child. */
function checkChildAgainstParent(
  c: number,
  p: number,
  goals: readonly Goal[],
  texts: GoalTexts,
  add: Add
): void {
  // A goal that is its own parent is reported as a CYCLE only.
  if (c === p) return;
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
  if (texts.isCopy(c, p))
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

/**
 * DUPLICATE_SIBLING: children of one parent (or top goals) with the same goal text, KPI, period and target.
 * Siblings are found group by group: the children of each parent (the cascade lists them together), then the top
 * goals and the orphans of each missing parent. Within a group, goals are looked up by a hash of their signature
 * (goal text, KPI, period, target) in a small table reused from group to group: no text joined per goal, no
 * million-entry Map, and the table a group uses stays in the processor's cache.
 */
function checkSiblings(cascade: Cascade, texts: GoalTexts, add: Add): void {
  const { goals, parent, childStart, childList } = cascade;
  const n = goals.length;
  const parts = new SignatureParts(goals, texts);
  const table = new TwinTable();
  /** Per goal with an earlier twin, that twin; findings then come in goal order, as they always have. */
  const twinOf = new Map<number, number>();
  const find = (index: number, group: number): void => {
    const twin = table.twin(index, parts.hash(index, group), goals, texts);
    if (twin >= 0) twinOf.set(index, twin);
  };

  // The children of each parent. A parent key of "" joins the top goals, as no key does.
  for (let p = 0; p < n; p++) {
    const from = childStart[p] as number;
    const to = childStart[p + 1] as number;
    if (to - from < 2 || (goals[p] as Goal).key === "") continue;
    table.start(to - from);
    for (let k = from; k < to; k++) {
      const c = childList[k] as number;
      if ((goals[c] as Goal).goal !== null) find(c, 0);
    }
  }
  // Top goals and orphans, in one table: the parent key (none, or the missing one) is a part of their signature.
  const orphanGroups = new Map<string, number>();
  let rest = 0;
  for (let i = 0; i < n; i++) if ((parent[i] as number) < 0) rest++;
  table.start(rest);
  for (let i = 0; i < n; i++) {
    const goal = goals[i] as Goal;
    const parentKey = goal.parentKey;
    if (goal.goal === null) continue;
    if (parentKey === null || parentKey === "") find(i, 0);
    else if ((parent[i] as number) < 0) {
      let group = orphanGroups.get(parentKey);
      if (group === undefined) {
        group = orphanGroups.size + 1;
        orphanGroups.set(parentKey, group);
      }
      find(i, group);
    }
  }

  if (twinOf.size === 0) return;
  for (let index = 0; index < n; index++) {
    const twin = twinOf.get(index);
    if (twin !== undefined) addSibling(goals, index, twin, add);
  }
}

function addSibling(goals: readonly Goal[], index: number, twin: number, add: Add): void {
  const other = goals[twin] as Goal;
  add(goals[index] as Goal, "DUPLICATE_SIBLING", "goal", {
    other: other.id ?? "",
    otherRow: other.row,
  });
}

/** SMART letters, owner, and status: the rules that look at one goal alone (plus its place in the cascade). */
function checkEachGoal(
  cascade: Cascade,
  texts: GoalTexts,
  options: AuditOptions,
  add: Add
): (GoalStatus | null)[] {
  const { goals, level, topLevel, levelsGiven, childStart } = cascade;
  const statuses: (GoalStatus | null)[] = new Array(goals.length);
  const asOf = options.asOf === null ? "" : isoFromDay(options.asOf);
  for (let index = 0; index < goals.length; index++) {
    const goal = goals[index] as Goal;
    const specific = texts.specificity(index, options.minGoalLength);
    if (specific && readable(goal, "goal"))
      add(goal, "SMART_S", "goal", { text: goal.goal ?? "" }, specific);

    // An OKR objective is measured by its key results: without a number of its own it is still measurable.
    const measuredByChildren =
      goal.level === OBJECTIVE && (childStart[index + 1] as number) > (childStart[index] as number);
    if (goal.target === null && readable(goal, "target")) {
      if (!measuredByChildren) add(goal, "SMART_M", "target", {}, "noTarget");
    } else if (
      goal.kpi === null &&
      goal.unit === null &&
      readable(goal, "kpi") &&
      readable(goal, "unit")
    ) {
      add(goal, "SMART_M", "kpi", {}, "noMetric");
    }

    if (goal.baseline !== null && goal.target !== null) {
      const problem = achievabilityProblem(
        goal.target,
        goal.baseline,
        goal.direction,
        options.stretch
      );
      const values = {
        target: { amount: goal.target, unit: goal.unit },
        baseline: { amount: goal.baseline, unit: goal.unit },
      };
      if (problem?.kind === "tooLow") add(goal, "SMART_A", "target", values, "tooLow");
      else if (problem?.kind === "tooHigh")
        add(
          goal,
          "SMART_A",
          "target",
          { ...values, stretch: share(problem.stretch), limit: share(options.stretch) },
          "tooHigh"
        );
    }

    // An objective written beside its key results has no cells of its own: no owner, deadline or parent to ask for.
    const ownCells = goal.shownIn === undefined;
    if (
      ownCells &&
      levelsGiven &&
      goal.parentKey === null &&
      readable(goal, "parent") &&
      (level[index] as number) > topLevel
    ) {
      add(goal, "SMART_R", "parent");
    }

    if (
      ownCells &&
      goal.deadline === null &&
      goal.period === null &&
      readable(goal, "deadline") &&
      readable(goal, "period")
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

    if (ownCells && goal.owner === null && readable(goal, "owner"))
      add(goal, "MISSING_OWNER", "owner");

    // A rate's target and actual on two scales (95 % as 0.95, the actual as 64) make no attainment (DESIGN §3).
    const mismatched =
      goal.target !== null &&
      goal.actual !== null &&
      onTwoScales(goal.target, goal.actual, goal.unit);
    if (mismatched)
      add(goal, "SCALE_MISMATCH", "actual", {
        target: String(goal.target),
        actual: String(goal.actual),
      });
    const status = mismatched ? null : goalStatus(goal, options);
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
          asOf,
        },
        status.paced ? "pace" : undefined
      );
    }
  }
  return statuses;
}

/**
 * True when a target and an actual are the same rate on two scales: one a fraction below 1 (0.95, a cell formatted
 * 95 %), the other a percentage figure above 1 and at most 150, at least 20 times the fraction. Only for goals
 * without a unit or with a percent unit: 0.5 hours against 12 tickets is not a rate.
 * @example onTwoScales(0.95, 64, null) // true
 */
function onTwoScales(target: number, actual: number, unit: string | null): boolean {
  if (unit !== null && !PERCENT_UNITS.has(normalizeText(unit))) return false;
  if (target === 0 || actual === 0 || Math.sign(target) !== Math.sign(actual)) return false;
  const small = Math.min(Math.abs(target), Math.abs(actual));
  const large = Math.max(Math.abs(target), Math.abs(actual));
  return small < 1 && large > 1 && large <= 150 && large / small >= 20;
}
const PERCENT_UNITS: ReadonlySet<string> = new Set(["%", "percent", "pct", "百分比", "％"]);

/** Whether a goal's cell for a field could be read (an unreadable one is already a BAD_VALUE finding). */
function readable(goal: Goal, field: Field): boolean {
  return goal.unreadable === null || !goal.unreadable.includes(field);
}

/**
 * WEIGHTS_NOT_100: one owner's non-exempt weights in one period must add to 100 % (or 1).
 * Owners and periods become numbers, and each group's sums live in arrays indexed by group: no object or array
 * per group, since most owners have one goal.
 */
function checkWeights(goals: readonly Goal[], add: Add): void {
  const n = goals.length;
  // Without a weight anywhere, no group can fail.
  if (!goals.some((goal) => goal.weight !== null)) return;
  // Groups (owner, period) are numbered in order of first appearance. Owners get ids period by period (a table
  // names few periods), and each period maps its owners' ids to their groups.
  const periodIds = new Map<string, number>();
  const ownersIn: TextIds[] = [];
  const groupsIn: number[][] = [];
  let lastPeriod: Period | null | undefined;
  let owners = new TextIds();
  let groups: number[] = [];
  /** Group of each goal that counts, -1 for one that does not. */
  const groupOf = new Array<number>(n).fill(-1);
  // Per group (at most one per goal): the sum of its weights, whether it has any, and whether all are shares (at
  // most 1 in size). Full size from the start, as for the first period's owners: growing large arrays step by step
  // costs garbage collections.
  const total = new Array<number>(n).fill(0);
  const weighted = new Array<boolean>(n).fill(false);
  const shares = new Array<boolean>(n).fill(true);
  // Whether a group has a weight cell that could not be read (a BAD_VALUE): its sum leaves that weight out.
  const unreadableIn = new Array<boolean>(n).fill(false);
  let groupCount = 0;
  for (let index = 0; index < n; index++) {
    const goal = goals[index] as Goal;
    if (goal.exempt || goal.owner === null) continue;
    if (goal.period !== lastPeriod) {
      lastPeriod = goal.period;
      // No period is a group of its own ("the plan"), as an empty key.
      const key = goal.period?.key ?? "";
      let id = periodIds.get(key);
      if (id === undefined) {
        id = periodIds.size;
        periodIds.set(key, id);
        // The first period is usually the only one: room for every goal's owner.
        ownersIn.push(new TextIds(id === 0 ? n : undefined));
        groupsIn.push(id === 0 ? new Array<number>(n).fill(0) : []);
      }
      owners = ownersIn[id] as TextIds;
      groups = groupsIn[id] as number[];
    }
    const known = owners.size;
    const owner = owners.id(normalizeText(goal.owner));
    let group: number;
    if (owner === known) {
      group = groupCount++;
      groups[owner] = group;
    } else group = groups[owner] as number;
    groupOf[index] = group;
    const weight = goal.weight;
    if (weight !== null) {
      total[group]! += weight;
      weighted[group] = true;
      if (Math.abs(weight) > 1) shares[group] = false;
    } else if (!readable(goal, "weight")) unreadableIn[group] = true;
  }

  // Findings group by group, in order of each group's first goal, as they have always come.
  const failing = new Array<boolean>(groupCount).fill(false);
  for (let group = 0; group < groupCount; group++) {
    const sum = total[group] as number;
    failing[group] =
      weighted[group] === true && !(Math.abs(sum - 1) < 1e-6 || Math.abs(sum - 100) < 1e-6);
  }
  if (!failing.includes(true)) return;
  const members = membersOf(groupOf, failing);
  failing.forEach((fails, group) => {
    if (!fails) return;
    const sum = total[group] as number;
    const start = members.start[group] as number;
    const end = members.start[group + 1] as number;
    const first = goals[members.list[start] as number] as Goal;
    const shown = shares[group] ? { share: sum } : `${formatNumber(sum)}%`;
    const period$ = first.period
      ? bilingual({ en: first.period.key, zh: first.period.key })
      : bilingual({ en: "the plan", zh: "本计划" });
    const owner = first.owner ?? "";
    // The sum leaves out weights that could not be read: say which rows, so the user fixes them first.
    let rows = "";
    if (unreadableIn[group]) {
      const unread: number[] = [];
      for (let k = start; k < end; k++) {
        const goal = goals[members.list[k] as number] as Goal;
        if (!readable(goal, "weight")) unread.push(goal.row);
      }
      rows = unread.join(", ");
    }
    for (let k = start; k < end; k++) {
      add(
        goals[members.list[k] as number] as Goal,
        "WEIGHTS_NOT_100",
        "weight",
        rows === "" ? { owner, period$, total: shown } : { owner, period$, total: shown, rows },
        rows === "" ? undefined : "unreadable"
      );
    }
  });
}

/**
 * The goals of each selected group, in goal order: the members of group g are list[start[g] .. start[g + 1]).
 * A counting sort, so O(n).
 */
function membersOf(
  groupOf: readonly number[],
  selected: readonly boolean[]
): { start: number[]; list: number[] } {
  const start = new Array<number>(selected.length + 1).fill(0);
  for (const group of groupOf) if (group >= 0 && selected[group]) start[group + 1]! += 1;
  for (let group = 0; group < selected.length; group++) start[group + 1]! += start[group] as number;
  const next = start.slice(0, selected.length);
  const list = new Array<number>(start[selected.length] as number);
  groupOf.forEach((group, index) => {
    if (group >= 0 && selected[group]) list[next[group]!++] = index;
  });
  return { start, list };
}

/** Title of a code in a language (re-exported for callers that only import the audit). */
