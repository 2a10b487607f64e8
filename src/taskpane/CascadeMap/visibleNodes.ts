import { CascadeMap } from "../../domain";

/**
 * One line of the map as drawn: a node, its parent's line, and whether it is open. Its level and its place among
 * its siblings are the headless tree's to derive (useCascadeMap).
 */
export interface VisibleNode {
  goal: number;
  /** Index of the parent's line in the visible list, -1 for a root. */
  parentIndex: number;
  hasChildren: boolean;
  expanded: boolean;
}

/**
 * The nodes shown when the goals in `expanded` are open: roots, then the children of every open node, depth
 * first in row order. O(visible): a collapsed branch is never walked.
 * @example visibleNodes(map, new Set()).length // map.roots.length
 */
export function visibleNodes(
  map: CascadeMap,
  expanded: ReadonlySet<number>,
  /** With a filter: 1 for the goals shown (those it keeps and the goals above them); others are left out. */
  shown: Uint8Array | null = null
): VisibleNode[] {
  const out: VisibleNode[] = [];
  // An explicit stack rather than recursion: a deep chain of goals must not overflow the call stack.
  const stack: Array<{ goal: number; parentIndex: number }> = [];
  const pushSiblings = (goals: readonly number[], parentIndex: number) => {
    const present = goals.filter((goal) => map.nodes.has(goal) && (!shown || shown[goal] === 1));
    for (let k = present.length - 1; k >= 0; k--)
      stack.push({ goal: present[k] as number, parentIndex });
  };
  pushSiblings(map.roots, -1);
  while (stack.length > 0) {
    const entry = stack.pop() as (typeof stack)[number];
    const node = map.nodes.get(entry.goal);
    if (!node) continue;
    const hasChildren = shown
      ? node.children.some((child) => shown[child] === 1)
      : node.children.length > 0;
    const isOpen = hasChildren && expanded.has(entry.goal);
    const index = out.length;
    out.push({ goal: entry.goal, parentIndex: entry.parentIndex, hasChildren, expanded: isOpen });
    if (isOpen) pushSiblings(node.children, index);
  }
  return out;
}

/** Every goal with children: what "Expand all" opens. */
export function branchGoals(map: CascadeMap): Set<number> {
  const out = new Set<number>();
  for (const [goal, node] of map.nodes) if (node.children.length > 0) out.add(goal);
  return out;
}

/**
 * The goals a filtered map shows: those the filter keeps (`kept`) and every goal above them, so each kept goal sits
 * in its branch; and the branches to open so that all of them are in view. O(n · depth) at most, each goal once.
 */
export function shownByFilter(
  map: CascadeMap,
  parent: Int32Array,
  kept: Uint8Array
): { shown: Uint8Array; open: Set<number> } {
  const shown = new Uint8Array(kept.length);
  const open = new Set<number>();
  for (let goal = 0; goal < kept.length; goal++) {
    if (kept[goal] !== 1 || !map.nodes.has(goal)) continue;
    // Up to the first goal already shown: its ancestors are shown and open already.
    shown[goal] = 1;
    for (let up = parent[goal] as number; up >= 0 && map.nodes.has(up); up = parent[up] as number) {
      open.add(up);
      if (shown[up] === 1) break;
      shown[up] = 1;
    }
  }
  return { shown, open };
}
