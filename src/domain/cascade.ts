import { isFinerWithin } from "./dates";
import { Goal } from "./model";
import { TextIds } from "./textIds";

/**
 * The cascade as index arrays over a goal list: parent of each goal, children of each goal, cycles, levels.
 * Built in O(n) with typed arrays so that a million goals stay cheap.
 */
export interface Cascade {
  goals: readonly Goal[];
  /** Index of the first goal with each key. */
  byKey: Map<string, number>;
  /** Per goal, the index of the first goal with its key (itself when it is the first); -1 without a key. */
  firstWithKey: Int32Array;
  /** Parent index per goal; -1 for a top goal, -2 when the parent id exists nowhere (an orphan). */
  parent: Int32Array;
  /** Children of goal i are childList[childStart[i] .. childStart[i + 1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** 1 for goals on a parent loop. */
  onCycle: Uint8Array;
  /** Level per goal: given, or inferred from the parent (a finer period of the same owner keeps the level). */
  level: Int16Array;
  /** The highest level index present (the lowest level of the cascade), -1 when there are no goals. */
  lowestLevel: number;
  /** The smallest level index present. */
  topLevel: number;
  /** True when at least one goal gave its level explicitly. */
  levelsGiven: boolean;
  /** 1 for a goal that covers a finer period of its parent's (a quarter of a year, for the same owner). */
  timeSplit: Uint8Array;
  /** For a time split, the goal its time chain starts from (the year of a month); else the goal itself. */
  timeRoot: Int32Array;
  /** 1 for a goal with at least one child that is not a time split of it: someone executes it. */
  hasExecutor: Uint8Array;
}

export const NO_PARENT = -1;
export const MISSING_PARENT = -2;
const UNKNOWN_LEVEL = -1;

/**
 * Builds the cascade of a goal list (several tables' goals may be concatenated: ids are matched across them).
 * @example buildCascade(goals).childrenOf(0)
 */
export function buildCascade(goals: readonly Goal[]): Cascade {
  const n = goals.length;
  // Keys as dense ids (see TextIds), with the first goal of each id; parents looked up in the same pass.
  const keys = new TextIds(n);
  const firstOfKey = new Array<number>(n).fill(0);
  const firstWithKey = new Int32Array(n);
  const parent = new Int32Array(n);
  /** Goals whose parent was not (yet) known when they were read: parents are mostly listed first. */
  const unresolved: number[] = [];
  // Children are usually listed together: the parent looked up for the previous goal often serves the next.
  let lastParentKey: string | null = null;
  let lastParent = -1;
  for (let i = 0; i < n; i++) {
    const goal = goals[i] as Goal;
    if (goal.key === null) firstWithKey[i] = -1;
    else {
      const known = keys.size;
      const id = keys.id(goal.key);
      if (id === known) firstOfKey[id] = i;
      firstWithKey[i] = firstOfKey[id] as number;
    }
    const parentKey = goal.parentKey;
    if (parentKey === null) {
      parent[i] = NO_PARENT;
      continue;
    }
    if (parentKey !== lastParentKey) {
      lastParentKey = parentKey;
      const id = keys.find(parentKey);
      lastParent = id < 0 ? MISSING_PARENT : (firstOfKey[id] as number);
    }
    // A key found is final (its first goal is known); one not found may come later.
    if (lastParent >= 0) parent[i] = lastParent;
    else unresolved.push(i);
  }
  for (const i of unresolved) {
    const id = keys.find((goals[i] as Goal).parentKey as string);
    parent[i] = id < 0 ? MISSING_PARENT : (firstOfKey[id] as number);
  }

  // childStart[p + 1] first counts the children of p; running sums then make it where they start.
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p >= 0) childStart[p + 1]! += 1;
  }
  for (let i = 0; i < n; i++) childStart[i + 1]! += childStart[i] as number;
  const childList = new Int32Array(childStart[n] as number);
  // Each child goes to its parent's next free place, childStart[p] serving as the cursor until it reaches where
  // the children of p + 1 start; shifting by one then restores the starts. No array besides the two.
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p >= 0) childList[childStart[p]!++] = i;
  }
  childStart.copyWithin(1, 0, n);
  childStart[0] = 0;

  const { level, levelsGiven, timeSplit, timeRoot, hasExecutor, reached } = inferLevels(
    goals,
    parent,
    childStart,
    childList
  );
  // Goals on a loop are never reached from a top goal: when all are reached, there is none to look for.
  const onCycle = reached === n ? new Uint8Array(n) : findCycles(parent);
  let lowestLevel = -1;
  let topLevel = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < n; i++) {
    const l = level[i] as number;
    if (l === UNKNOWN_LEVEL) continue;
    if (l > lowestLevel) lowestLevel = l;
    if (l < topLevel) topLevel = l;
  }
  if (lowestLevel < 0) topLevel = -1;
  let byKey: Map<string, number> | undefined;
  return {
    goals,
    // Built when asked for: the audit itself needs no Map of a million keys.
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (let id = 0; id < keys.size; id++) byKey.set(keys.text(id), firstOfKey[id] as number);
      }
      return byKey;
    },
    firstWithKey,
    parent,
    childStart,
    childList,
    onCycle,
    level,
    lowestLevel,
    topLevel,
    levelsGiven,
    timeSplit,
    timeRoot,
    hasExecutor,
  };
}

/** The indices of a goal's children. */
export function childrenOf(cascade: Cascade, index: number): Int32Array {
  return cascade.childList.subarray(cascade.childStart[index], cascade.childStart[index + 1]);
}

/**
 * Marks every goal on a loop of parent links. Each goal has one parent, so a walk up from each unvisited goal
 * either ends or meets its own path: O(n) overall.
 */
function findCycles(parent: Int32Array): Uint8Array {
  const n = parent.length;
  const state = new Uint8Array(n); // 0 new, 1 on the current walk, 2 done
  const onCycle = new Uint8Array(n);
  const path: number[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    let node = start;
    while (node >= 0 && state[node] === 0) {
      state[node] = 1;
      path.push(node);
      node = parent[node] as number;
    }
    if (node >= 0 && state[node] === 1) {
      for (let k = path.length - 1; k >= 0; k--) {
        const member = path[k] as number;
        onCycle[member] = 1;
        if (member === node) break;
      }
    }
    for (const member of path) state[member] = 2;
    path.length = 0;
  }
  return onCycle;
}

/**
 * Levels, time splits and executors, top-down from the roots (a parent is always seen before its children); goals
 * not reached from a root (on or below a loop of parents) keep only the level they give and count as their own
 * time root. `reached` counts the goals reached.
 */
function inferLevels(
  goals: readonly Goal[],
  parent: Int32Array,
  childStart: Int32Array,
  childList: Int32Array
): Pick<Cascade, "level" | "levelsGiven" | "timeSplit" | "timeRoot" | "hasExecutor"> & {
  reached: number;
} {
  const n = goals.length;
  const level = new Int16Array(n).fill(UNKNOWN_LEVEL);
  const timeSplit = new Uint8Array(n);
  const timeRoot = new Int32Array(n);
  const hasExecutor = new Uint8Array(n);
  let levelsGiven = false;
  // A plain array, not a typed one: this temporary would count towards the array-buffer growth after which V8
  // collects the whole heap (see TextIds). Full size from the start: growing a large array costs collections.
  const queue = new Array<number>(n).fill(0);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const goal = goals[i] as Goal;
    timeRoot[i] = i;
    if (goal.level !== null) levelsGiven = true;
    const p = parent[i] as number;
    if (p < 0) {
      level[i] = goal.level ?? 0;
      queue[tail++] = i;
    } else if (isTimeSplit(goal, goals[p] as Goal)) timeSplit[i] = 1;
    else hasExecutor[p] = 1;
  }
  // A goal reached from a root is on no loop, and neither are its children: its parent chain ends.
  for (let head = 0; head < tail; head++) {
    const p = queue[head] as number;
    const parentLevel = level[p] as number;
    for (let k = childStart[p] as number; k < (childStart[p + 1] as number); k++) {
      const c = childList[k] as number;
      const split = timeSplit[c] === 1;
      level[c] = (goals[c] as Goal).level ?? (split ? parentLevel : parentLevel + 1);
      if (split) timeRoot[c] = timeRoot[p] as number;
      queue[tail++] = c;
    }
  }
  if (tail < n) {
    for (let i = 0; i < n; i++) {
      if (level[i] === UNKNOWN_LEVEL) level[i] = (goals[i] as Goal).level ?? UNKNOWN_LEVEL;
    }
  }
  return { level, levelsGiven, timeSplit, timeRoot, hasExecutor, reached: tail };
}

/** A child that covers a finer period of its parent's time, for the same owner: year → quarter → month. */
export function isTimeSplit(child: Goal, parent: Goal): boolean {
  if (!child.period || !parent.period || !isFinerWithin(child.period, parent.period)) return false;
  return child.owner === null || parent.owner === null || child.owner === parent.owner;
}

/**
 * Ids around a loop starting at a goal, for messages: "A → B → C → A".
 * @example cycleChain(cascade, 3) // "T1 → T2 → T1"
 */
export function cycleChain(cascade: Cascade, start: number, limit = 8): string {
  const ids: string[] = [];
  let node = start;
  do {
    ids.push((cascade.goals[node] as Goal).id ?? "?");
    node = cascade.parent[node] as number;
  } while (node !== start && node >= 0 && ids.length < limit);
  ids.push(node === start ? ((cascade.goals[start] as Goal).id ?? "?") : "…");
  return ids.join(" → ");
}
