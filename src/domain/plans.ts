/**
 * What the task pane's tools propose before anything is written: allocating a parent's target to its children,
 * spreading a goal over quarters or months, improvement-plan rows for goals that fall behind, and the cascade map.
 * Pure: the pane shows a plan, the user confirms, the workbook writes it.
 */
import { AuditResult } from "./audit";
import { childrenOf, isTimeSplit } from "./cascade";
import { bilingual, fieldName, Lang } from "./catalogue";
import { isoFromDay, makePeriod, periodsWithin, serialFromDay } from "./dates";
import { Finding, Severity } from "./findings";
import { ColumnMap } from "./headers";
import { CellValue, Goal, Period, Status } from "./model";
import { allocate, rollupValues, variance } from "./numbers";
import { fail, ok, Result } from "./result";
import { normalizeText } from "./text";

/** How a parent's target is spread over its children (DESIGN §4). */
export type AllocationMethod = "even" | "weights" | "baseline" | "repeat";
export const ALLOCATION_METHODS: readonly AllocationMethod[] = [
  "even",
  "weights",
  "baseline",
  "repeat",
];

/** Which children share a parent's target: the people under it, or its own finer periods. */
export type ChildGroup = "people" | "time";

export interface AllocationLine {
  /** Index of the child among the audited goals. */
  goal: number;
  row: number;
  id: string | null;
  /** The target the child has now (null when its cell is blank). */
  current: number | null;
  locked: boolean;
  proposed: number;
}

export interface AllocationRequest {
  method: AllocationMethod;
  group: ChildGroup;
  /** Goal indices of children that keep their current target. */
  locked?: ReadonlySet<number>;
  decimals?: number;
}

/** The children of a goal in one group, in row order. */
export function childGroup(result: AuditResult, parent: number, group: ChildGroup): number[] {
  const goal = result.goals[parent] as Goal;
  return Array.from(childrenOf(result.cascade, parent)).filter(
    (child) => isTimeSplit(result.goals[child] as Goal, goal) === (group === "time")
  );
}

/**
 * The split of a parent's target over its children: parts that add up exactly to the target (largest remainder)
 * for even, weights (the weight column) and baseline (each child's baseline, else its current target); every
 * child gets the parent's target for repeat (rates). Locked children keep their targets.
 * @example allocationPlan(result, 0, { method: "even", group: "people" }).value.map((line) => line.proposed)
 */
export function allocationPlan(
  result: AuditResult,
  parent: number,
  request: AllocationRequest
): Result<AllocationLine[]> {
  const goal = result.goals[parent];
  if (!goal) return fail("UNKNOWN_ID", { value: String(parent) });
  if (goal.target === null) return fail("NO_TARGET", { value: goal.id ?? `#${goal.row}` });
  const children = childGroup(result, parent, request.group);
  if (children.length === 0) return ok([]);
  const locked = request.locked ?? new Set<number>();
  const lines = children.map((index): AllocationLine => {
    const child = result.goals[index] as Goal;
    const isLocked = locked.has(index) && child.target !== null;
    return {
      goal: index,
      row: child.row,
      id: child.id,
      current: child.target,
      locked: isLocked,
      proposed: isLocked ? (child.target as number) : 0,
    };
  });
  if (request.method === "repeat") {
    return ok(
      lines.map((line) => (line.locked ? line : { ...line, proposed: goal.target as number }))
    );
  }
  const weights = lines.map((line) => {
    const child = result.goals[line.goal] as Goal;
    if (request.method === "weights") return child.weight ?? 0;
    if (request.method === "baseline") return Math.max(0, child.baseline ?? child.target ?? 0);
    return 1;
  });
  const parts = allocate(goal.target, weights, {
    decimals: request.decimals ?? 0,
    locked: lines.map((line) => (line.locked ? line.proposed : null)),
  });
  if (!parts.ok) return parts;
  return ok(lines.map((line, k) => ({ ...line, proposed: parts.value[k] as number })));
}

/** Granularity of a spread in time. */
export type TimeGrain = "quarter" | "month";

export interface TimeSplitRow {
  id: string;
  period: Period;
  target: number;
  /** The row's cells in the goal table's columns (from the table's first column). */
  cells: CellValue[];
}

/** Multipliers a goal's text may write an amount with: "55万件", "1.2M tickets", "5k calls". */
const TEXT_MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, k: 1e3, K: 1e3, M: 1e6 };
const TEXT_AMOUNT = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万|亿|k|K|M)?(?![\d.])/g;

/**
 * A goal's text with the amount it states changed from `from` to `to`, written the way it was ("55万件" → "13.75万件",
 * "1,000,000 tickets" → "250,000 tickets"), or null when the text states no amount equal to `from`: then the
 * text says nothing the new target contradicts.
 * @example retargetText("全年解决55万件工单", 550000, 137500) // "全年解决13.75万件工单"
 */
export function retargetText(text: string, from: number, to: number): string | null {
  let changed = false;
  const out = text.replace(
    TEXT_AMOUNT,
    (whole, digits: string, fraction: string | undefined, suffix: string | undefined) => {
      const multiplier = suffix === undefined ? 1 : (TEXT_MULTIPLIERS[suffix] as number);
      const amount = Number(`${digits.replace(/,/g, "")}${fraction ?? ""}`) * multiplier;
      if (changed || Math.abs(amount - from) > Math.abs(from) * 1e-9) return whole;
      changed = true;
      const scaled = Number((to / multiplier).toFixed(4));
      const written = digits.includes(",")
        ? scaled.toLocaleString("en-US", { maximumFractionDigits: 4 })
        : String(scaled);
      return `${written}${suffix ?? ""}`;
    }
  );
  return changed ? out : null;
}

/**
 * A period written as the sheet writes its periods: in Chinese when `like` (the goal's own period cell) is ("2026年度"
 * → "2026年第1季度", "2026年3月"), as "Q1 2026" / "Mar 2026" when it puts words before the year ("Annual 2026"),
 * else as its key ("2026-Q1", "2026-03"). A fiscal period keeps its key.
 */
export function periodLike(period: Period, like: CellValue): string {
  const text = typeof like === "string" ? like.trim() : "";
  if (period.fiscalStart !== undefined) return period.key;
  if (/[\u4e00-\u9fff]/.test(text))
    return period.kind === "quarter"
      ? `${period.year}年第${period.index}季度`
      : `${period.year}年${period.index}月`;
  if (/^[A-Za-z]+\s+\d{4}$/.test(text) && !/^FY/i.test(text))
    return period.kind === "quarter"
      ? `Q${period.index} ${period.year}`
      : `${SHORT_MONTH.format(Date.UTC(period.year, period.index - 1, 1))} ${period.year}`;
  return period.key;
}

/** "Jan" … "Dec", as English writes months before a year. */
const SHORT_MONTH = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

const PERIOD_LABELS: Record<Lang, (period: Period) => string> = {
  en: (period) => (period.kind === "quarter" ? `Q${period.index}` : period.key),
  zh: (period) =>
    period.kind === "quarter" ? `第${period.index}季度` : `${period.year}年${period.index}月`,
};

/**
 * A goal spread over the quarters or months of its period as child rows: ids `<id>-Q1` / `<id>-M01`, each with
 * its period, dates and a share of the target (split exactly by a seasonality profile, or evenly; a rate goal,
 * which rolls up by average, min or max, repeats its target). The other cells of the goal's row (`sourceRow`,
 * from the table's first column) are copied as the user wrote them; actual, baseline and weight are left blank.
 * @example timeSplitPlan(result, 0, "quarter", null, { columns, firstColumn: 0, sourceRow }, "en").value.map((row) => row.id) // ["C1-Q1", …]
 */
export function timeSplitPlan(
  result: AuditResult,
  index: number,
  grain: TimeGrain,
  profile: readonly number[] | null,
  table: {
    columns: ColumnMap;
    firstColumn: number;
    sourceRow: readonly CellValue[];
    /** A period cell of the table at the grain of the spread ("2026年第1季度"): the style the rows follow. */
    periodSample?: CellValue;
  },
  lang: Lang
): Result<TimeSplitRow[]> {
  const { columns, firstColumn, sourceRow } = table;
  const goal = result.goals[index];
  if (!goal || goal.id === null || goal.target === null)
    return fail("NOT_A_NUMBER", { argument: "target", value: "" });
  // The new rows hang from the goal through the parent column, and carry their period.
  for (const field of ["parent", "period"] as const) {
    if (columns[field] === undefined)
      return fail("NEEDS_COLUMN", {
        column$: bilingual({ en: fieldName(field, "en"), zh: fieldName(field, "zh") }),
      });
  }
  const period = splitPeriod(goal, grain);
  if (!period.ok) return period;
  const parts = periodsWithin(period.value, grain);
  if (profile && profile.length !== parts.length)
    return fail("BAD_PROFILE", { argument: "profile" });
  const targets = splitTarget(goal, parts.length, profile);
  if (!targets.ok) return targets;
  const taken = new Set(result.goals.map((other) => other.key));
  const width = Math.max(
    sourceRow.length,
    Math.max(...(Object.values(columns) as number[])) - firstColumn + 1
  );
  const rows: TimeSplitRow[] = [];
  // Dates as the row writes them: Excel dates stay dates, dates typed as text stay text.
  const dateOf = (field: "start" | "deadline", day: number): CellValue => {
    const column = columns[field];
    const written = column === undefined ? null : sourceRow[column - firstColumn];
    return typeof written === "string" ? isoFromDay(day) : serialFromDay(day);
  };
  const periodCell =
    table.periodSample ?? sourceRow[(columns.period as number) - firstColumn] ?? null;
  for (const [k, part] of parts.entries()) {
    const id = splitId(goal.id, part);
    if (taken.has(normalizeText(id))) return fail("DUPLICATE_GOAL_ID", { value: id });
    const target = targets.value[k] as number;
    const values: Partial<Record<keyof ColumnMap, CellValue>> = {
      id,
      parent: goal.id,
      goal: goal.goal === null ? null : periodText(goal.goal, goal.target, target, part, lang),
      period: periodLike(part, periodCell),
      start: dateOf("start", part.startDay),
      deadline: dateOf("deadline", part.endDay),
      target,
      actual: null,
      baseline: null,
      weight: null,
    };
    const cells = Array.from({ length: width }, (_, k) => sourceRow[k] ?? null);
    for (const [field, value] of Object.entries(values)) {
      const column = columns[field as keyof ColumnMap];
      if (column !== undefined) cells[column - firstColumn] = value ?? null;
    }
    rows.push({ id, period: part, target, cells });
  }
  return ok(rows);
}

/**
 * A goal's text for one period of its spread: the amount it states becomes the period's (a rate's stays), and a
 * Chinese text's 全年 / 年度 becomes the period (第1季度, 3月); any other text gets the period after it.
 * @example periodText("全年解决55万件工单", 550000, 137500, q1, "zh") // "第1季度解决13.75万件工单"
 */
function periodText(text: string, from: number, to: number, part: Period, lang: Lang): string {
  const amount = retargetText(text, from, to) ?? text;
  const chinese = part.kind === "quarter" ? `第${part.index}季度` : `${part.index}月`;
  if (/全年|年度/.test(amount)) return amount.replace(/全年|年度/, chinese);
  return `${amount}（${PERIOD_LABELS[lang](part)}）`;
}

/** The period a goal spreads over: its own, else the year its window lies in; never a month, nor quarters of one. */
function splitPeriod(goal: Goal, grain: TimeGrain): Result<Period> {
  const period = goal.period ?? yearOfWindow(goal);
  if (!period) return fail("SPREAD_NO_PERIOD");
  if (period.kind === "month") return fail("SPREAD_MONTH", { value: period.key });
  if (period.kind === "quarter" && grain === "quarter")
    return fail("SPREAD_QUARTER", { value: period.key });
  return ok(period);
}

/** The id of a goal's row for one period of its spread: `<id>-Q1`, `<id>-M01`. */
function splitId(id: string, part: Period): string {
  return `${id}-${part.kind === "quarter" ? `Q${part.index}` : `M${String(part.index).padStart(2, "0")}`}`;
}

/**
 * The children of a goal that already hold its periods at a grain (months within its quarter, quarters within its
 * year), or null when some period has none: a goal split by hand, under other ids, is spread already.
 */
export function childPeriods(
  result: AuditResult,
  index: number,
  grain: TimeGrain
): string[] | null {
  const goal = result.goals[index];
  if (!goal) return null;
  const period = splitPeriod(goal, grain);
  if (!period.ok) return null;
  const parts = periodsWithin(period.value, grain);
  const children = Array.from(childrenOf(result.cascade, index), (child) => result.goals[child]);
  const ids = parts.map((part) => {
    const child = children.find((one) => one?.period?.key === part.key);
    return child ? (child.id ?? String(child.row)) : null;
  });
  return ids.every((id) => id !== null) ? (ids as string[]) : null;
}

/**
 * The ids the rows of a goal's spread have (timeSplitPlan), or null when the goal cannot be spread at that grain.
 * @example timeSplitIds(result, 0, "quarter") // ["C1-Q1", "C1-Q2", "C1-Q3", "C1-Q4"]
 */
export function timeSplitIds(
  result: AuditResult,
  index: number,
  grain: TimeGrain
): string[] | null {
  const goal = result.goals[index];
  if (!goal || goal.id === null) return null;
  const period = splitPeriod(goal, grain);
  const id = goal.id;
  return period.ok ? periodsWithin(period.value, grain).map((part) => splitId(id, part)) : null;
}

/** The year a goal's start…deadline window lies in, when it has no period of its own. */
function yearOfWindow(goal: Goal): Period | null {
  if (goal.start === null || goal.deadline === null) return null;
  const start = new Date(goal.start * 86_400_000).getUTCFullYear();
  const end = new Date(goal.deadline * 86_400_000).getUTCFullYear();
  return start === end ? makePeriod("year", start, 1) : null;
}

function splitTarget(
  goal: Goal,
  parts: number,
  profile: readonly number[] | null
): Result<number[]> {
  const target = goal.target as number;
  if (goal.rollup !== "sum") return ok(new Array<number>(parts).fill(target));
  const decimals = Number.isInteger(target)
    ? 0
    : Math.min(10, String(target).split(".")[1]?.length ?? 0);
  return allocate(target, profile ? [...profile] : new Array<number>(parts).fill(1), { decimals });
}

/** Headers of the improvement-plan sheet (the seeds' 异常原因分析 / 改善对策 / 改善期限 / 责任人 / 追踪改善成果). */
export const IMPROVEMENT_HEADERS: Record<Lang, string[]> = {
  en: [
    "Goal ID",
    "Goal",
    "Owner",
    "Status",
    "Target",
    "Actual",
    "Gap",
    "Attainment",
    "Cause",
    "Countermeasure",
    "Deadline",
    "Responsible",
    "Follow-up",
  ],
  zh: [
    "目标编号",
    "目标描述",
    "目标责任人",
    "状态",
    "目标值",
    "实际值",
    "差距",
    "达成率",
    "异常原因分析",
    "改善对策",
    "改善期限",
    "责任人",
    "追踪改善成果",
  ],
};

const STATUS_WORDS: Record<Lang, Record<"offTrack" | "atRisk", string>> = {
  en: { offTrack: "Off track", atRisk: "At risk" },
  zh: { offTrack: "落后", atRisk: "预警" },
};
const NOT_STARTED: Record<Lang, string> = { en: "Not started", zh: "未开始" };

/**
 * Improvement-plan rows for the goals that fall behind (off track, and at risk when asked) that have no row yet
 * (`existingIds`, as written in the plan's first column): the facts filled in, cause, countermeasure, deadline and
 * responsible left for people to write, follow-up "Not started".
 * @example improvementRows(result, new Set(["T1"]), "zh", false).map((row) => row[0]) // ["P7"]
 */
export function improvementRows(
  result: AuditResult,
  existingIds: ReadonlySet<string>,
  lang: Lang,
  includeAtRisk: boolean
): CellValue[][] {
  const existing = new Set([...existingIds].map(normalizeText));
  const rows: CellValue[][] = [];
  result.goals.forEach((goal, index) => {
    const status = result.statuses[index];
    if (!status || goal.exempt || goal.id === null || goal.key === null) return;
    if (status.status === "onTrack" || (status.status === "atRisk" && !includeAtRisk)) return;
    if (existing.has(goal.key)) return;
    existing.add(goal.key);
    rows.push([
      goal.id,
      goal.goal,
      goal.owner,
      STATUS_WORDS[lang][status.status],
      status.expected,
      goal.actual,
      variance(goal.actual as number, status.expected, goal.direction),
      status.attainment,
      null,
      null,
      null,
      goal.owner,
      NOT_STARTED[lang],
    ]);
  });
  return rows;
}

/** The columns of an improvement-plan row that hold amounts (target, actual, gap) and its attainment. */
const PLAN_AMOUNTS = [4, 5, 6] as const;
const PLAN_ATTAINMENT = 7;

/**
 * Number formats for improvement-plan rows (improvementRows), cell by cell, null for a cell left General: a rate's
 * amounts and every attainment as percentages to one decimal (95.2%), other amounts with thousands separators
 * (whole numbers, else two decimals at most). The goal of a row is found by its id.
 * @example improvementFormats(result, rows)[0] // [null, null, null, null, "#,##0", "#,##0", "#,##0", "0.0%", …]
 */
export function improvementFormats(
  result: AuditResult,
  rows: readonly CellValue[][]
): (string | null)[][] {
  return rows.map((row) => {
    const id = row[0];
    const index =
      typeof id === "string" || typeof id === "number"
        ? result.cascade.byKey.get(normalizeText(String(id)))
        : undefined;
    const goal = index === undefined ? undefined : result.goals[index];
    const formats: (string | null)[] = row.map(() => null);
    const amounts = PLAN_AMOUNTS.map((column) => row[column]);
    const whole = amounts.every((value) => typeof value !== "number" || Number.isInteger(value));
    const amount = goal?.unit === "%" ? "0.0%" : whole ? "#,##0" : "#,##0.0#";
    for (const column of PLAN_AMOUNTS) formats[column] = amount;
    formats[PLAN_ATTAINMENT] = "0.0%";
    return formats;
  });
}

/** One goal of the cascade map. */
export interface CascadeNode {
  goal: number;
  id: string;
  text: string;
  owner: string | null;
  target: number | null;
  actual: number | null;
  unit: string | null;
  attainment: number | null;
  status: Status | null;
  /** Findings on the goal's row, and the worst of their severities. */
  findings: readonly Finding[];
  worst: Severity | null;
  /**
   * The targets and actuals of the children that share the goal out among people, rolled up by the goal's method
   * (null without such children); children in another KPI or unit are left out.
   */
  childTarget: number | null;
  childActual: number | null;
  /** The same for the children that split it in time (its quarters or months), rolled up apart from the people. */
  periodTarget: number | null;
  periodActual: number | null;
  children: number[];
  depth: number;
}

export interface CascadeMap {
  /** Nodes by goal index; goals without an id or on a loop are left out. */
  nodes: Map<number, CascadeNode>;
  roots: number[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2, fatal: 3 };

/**
 * The cascade as a tree for the map: company goals down to individuals, each node with owner, target, actual,
 * attainment, status and its findings, and a branch's roll-up of its children. Orphans are shown as roots. O(n).
 * @example cascadeMap(result).roots // [0]
 */
export function cascadeMap(result: AuditResult): CascadeMap {
  const { goals, cascade, statuses } = result;
  const byRow = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = `${finding.source}:${finding.row}`;
    const list = byRow.get(key);
    if (list) list.push(finding);
    else byRow.set(key, [finding]);
  }
  const nodes = new Map<number, CascadeNode>();
  const roots: number[] = [];
  // Top-down from the roots, so each node knows its depth; goals on a loop are never reached.
  const queue: Array<[number, number]> = [];
  goals.forEach((_, index) => {
    if ((cascade.parent[index] as number) < 0 && !cascade.onCycle[index]) {
      roots.push(index);
      queue.push([index, 0]);
    }
  });
  for (let head = 0; head < queue.length; head++) {
    const [index, depth] = queue[head] as [number, number];
    const goal = goals[index] as Goal;
    const findings = byRow.get(`${goal.source}:${goal.row}`) ?? [];
    const worst = findings.reduce<Severity | null>(
      (max, finding) =>
        max === null || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[max]
          ? finding.severity
          : max,
      null
    );
    const children = Array.from(childrenOf(cascade, index)).filter(
      (child) => !cascade.onCycle[child]
    );
    const status = statuses[index] ?? null;
    // People and periods are two allocations of the goal: each rolls up on its own, in the goal's measure only.
    const people: Goal[] = [];
    const periods: Goal[] = [];
    for (const child of children)
      if (result.rollsUp[child] === 1)
        (cascade.timeSplit[child] === 1 ? periods : people).push(goals[child] as Goal);
    // A child without a value leaves the roll-up with its weight: values and weights are kept in step.
    const rolled = (group: readonly Goal[], value: (child: Goal) => number | null) => {
      const present: number[] = [];
      const weights: (number | null)[] = [];
      for (const child of group) {
        const one = value(child);
        if (one === null) continue;
        present.push(one);
        weights.push(child.weight);
      }
      return present.length === 0 ? null : rollupValues(present, goal.rollup, weights);
    };
    nodes.set(index, {
      goal: index,
      id: goal.id ?? `#${goal.row}`,
      text: goal.goal ?? "",
      owner: goal.owner,
      target: goal.target,
      actual: goal.actual,
      unit: goal.unit,
      attainment: status?.attainment ?? null,
      status: status?.status ?? null,
      findings,
      worst,
      childTarget: rolled(people, (child) => child.target),
      childActual: rolled(people, (child) => child.actual),
      periodTarget: rolled(periods, (child) => child.target),
      periodActual: rolled(periods, (child) => child.actual),
      children,
      depth,
    });
    for (const child of children) queue.push([child, depth + 1]);
  }
  return { nodes, roots };
}
