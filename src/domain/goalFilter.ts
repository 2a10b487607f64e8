/**
 * Narrowing an audit to the goals a manager is looking at — an owner's, a team's, one period's, one status — and
 * finding goals by words: the same filter for the findings list and the cascade map.
 */
import { AuditResult } from "./audit";
import { isTimeSplit } from "./cascade";
import { isFinerWithin } from "./dates";
import { Goal, LEVELS, Status } from "./model";
import { normalizeText } from "./text";

/** What to show; every part left empty (null, "") shows everything. */
export interface GoalFilter {
  /** Words the goal's id, text, owner or KPI holds (case and full-width characters ignored). */
  text: string;
  owner: string | null;
  /** A team goal (its id as `filterChoices` lists it): that goal and every goal below it. */
  team: string | null;
  /** A period's canonical key (2026, 2026-Q1, 2026-03, FY2026-Q1): its goals and those of the periods within it. */
  period: string | null;
  /** A status, or "none" for goals without one (no actual or no target). */
  status: Status | "none" | null;
}

export const NO_FILTER: GoalFilter = {
  text: "",
  owner: null,
  team: null,
  period: null,
  status: null,
};

/** True when the filter narrows nothing. */
export function isEmptyFilter(filter: GoalFilter): boolean {
  return (
    filter.text.trim() === "" &&
    filter.owner === null &&
    filter.team === null &&
    filter.period === null &&
    filter.status === null
  );
}

/** The values the filter's lists offer: the audit's owners, teams and periods, each once, in table order. */
export interface FilterChoices {
  owners: string[];
  teams: Array<{ goal: number; id: string; owner: string | null }>;
  periods: string[];
}

const TEAM_LEVEL = LEVELS.indexOf("team");

/** How the filter names a goal: its id, or its row for a goal without one. */
function goalLabel(goal: Goal): string {
  return goal.id ?? `#${goal.row}`;
}

/**
 * The team goal each goal belongs to (its index), -1 for none: the goals at the Team level where levels are given,
 * else the goals one step below the top goals — never a time split of its parent (a team's quarters and months
 * belong to the team). O(n): each goal's answer comes from its parent's.
 */
function teamsOf(result: AuditResult): { team: Int32Array; teams: number[] } {
  const { goals, cascade } = result;
  const n = goals.length;
  const byLevel = cascade.levelsGiven && Array.from(cascade.level).some((l) => l === TEAM_LEVEL);
  const isTeam = (index: number): boolean => {
    const parent = cascade.parent[index] as number;
    // A team's quarters and months (T1-Q1 under T1) are the team's goals, not teams of their own.
    if (parent >= 0 && isTimeSplit(goals[index] as Goal, goals[parent] as Goal)) return false;
    if (byLevel) return cascade.level[index] === TEAM_LEVEL;
    return parent >= 0 && (cascade.parent[parent] as number) < 0;
  };
  const team = new Int32Array(n).fill(-2);
  const teams: number[] = [];
  for (let index = 0; index < n; index++) {
    if (isTeam(index)) teams.push(index);
    // Up the parent chain to a goal whose team is known, then down again setting it.
    const chain: number[] = [];
    let at = index;
    while (at >= 0 && team[at] === -2 && !cascade.onCycle[at]) {
      chain.push(at);
      if (isTeam(at)) break;
      at = cascade.parent[at] as number;
    }
    let found = at >= 0 && team[at] !== -2 ? (team[at] as number) : -1;
    for (let k = chain.length - 1; k >= 0; k--) {
      const goal = chain[k] as number;
      if (isTeam(goal)) found = goal;
      team[goal] = found;
    }
  }
  return { team, teams };
}

/** The owners, teams and periods the audit's goals have, for the filter's lists. */
export function filterChoices(result: AuditResult): FilterChoices {
  const owners = new Set<string>();
  const periods = new Set<string>();
  for (const goal of result.goals) {
    if (goal.owner) owners.add(goal.owner);
    if (goal.period) periods.add(goal.period.key);
  }
  const { teams } = teamsOf(result);
  return {
    owners: [...owners],
    teams: teams.map((goal) => {
      const one = result.goals[goal] as Goal;
      return { goal, id: goalLabel(one), owner: one.owner };
    }),
    periods: [...periods],
  };
}

/**
 * Which goals the filter keeps: 1 per goal kept, 0 per goal left out; null when it keeps every goal.
 * @example matchingGoals(result, { ...NO_FILTER, owner: "Li" }) // Uint8Array [0, 1, 0, 0, 1, …]
 */
export function matchingGoals(result: AuditResult, filter: GoalFilter): Uint8Array | null {
  if (isEmptyFilter(filter)) return null;
  const { goals, statuses } = result;
  const words = normalizeText(filter.text).split(/\s+/).filter(Boolean);
  const team = filter.team === null ? null : teamsOf(result).team;
  const teamLabel = (index: number): string | null => {
    const at = team?.[index] ?? -1;
    return at >= 0 ? goalLabel(goals[at] as Goal) : null;
  };
  // A period keeps the goals of that period and of the periods within it (Q1 keeps January to March).
  const chosenPeriod =
    filter.period === null
      ? null
      : (goals.find((goal) => goal.period?.key === filter.period)?.period ?? null);
  const inPeriod = (goal: Goal): boolean =>
    goal.period !== null &&
    (goal.period.key === filter.period ||
      (chosenPeriod !== null && isFinerWithin(goal.period, chosenPeriod)));
  const kept = new Uint8Array(goals.length);
  goals.forEach((goal, index) => {
    if (filter.owner !== null && goal.owner !== filter.owner) return;
    if (filter.period !== null && !inPeriod(goal)) return;
    if (team !== null && teamLabel(index) !== filter.team) return;
    if (filter.status !== null) {
      const status = statuses[index]?.status ?? "none";
      if (status !== filter.status) return;
    }
    if (words.length > 0) {
      const haystack = normalizeText(
        [goal.id, goal.goal, goal.owner, goal.kpi].filter((part) => part !== null).join(" ")
      );
      if (!words.every((word) => haystack.includes(word))) return;
    }
    kept[index] = 1;
  });
  return kept;
}
