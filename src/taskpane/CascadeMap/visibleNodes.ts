import { CascadeMap } from "../../domain";

/** One line of the map as drawn: a node, where it sits in the tree, and whether it is open. */
export interface VisibleNode {
  goal: number;
  depth: number;
  /** Index of the parent's line in the visible list, -1 for a root. */
  parentIndex: number;
  hasChildren: boolean;
  expanded: boolean;
  /** 1-based position among its siblings, and their count (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
}

/**
 * The nodes shown when the goals in `expanded` are open: roots, then the children of every open node, depth
 * first in row order. O(visible): a collapsed branch is never walked.
 * @example visibleNodes(map, new Set()).length // map.roots.length
 */
export function visibleNodes(map: CascadeMap, expanded: ReadonlySet<number>): VisibleNode[] {
  const out: VisibleNode[] = [];
  // An explicit stack rather than recursion: a deep chain of goals must not overflow the call stack.
  const stack: Array<{
    goal: number;
    depth: number;
    parentIndex: number;
    position: number;
    siblings: number;
  }> = [];
  const pushSiblings = (goals: readonly number[], depth: number, parentIndex: number) => {
    const present = goals.filter((goal) => map.nodes.has(goal));
    for (let k = present.length - 1; k >= 0; k--)
      stack.push({
        goal: present[k] as number,
        depth,
        parentIndex,
        position: k + 1,
        siblings: present.length,
      });
  };
  pushSiblings(map.roots, 0, -1);
  while (stack.length > 0) {
    const entry = stack.pop() as (typeof stack)[number];
    const node = map.nodes.get(entry.goal);
    if (!node) continue;
    const hasChildren = node.children.length > 0;
    const isOpen = hasChildren && expanded.has(entry.goal);
    const index = out.length;
    out.push({
      goal: entry.goal,
      depth: entry.depth,
      parentIndex: entry.parentIndex,
      hasChildren,
      expanded: isOpen,
      position: entry.position,
      siblings: entry.siblings,
    });
    if (isOpen) pushSiblings(node.children, entry.depth + 1, index);
  }
  return out;
}

/** Every goal with children: what "Expand all" opens. */
export function branchGoals(map: CascadeMap): Set<number> {
  const out = new Set<number>();
  for (const [goal, node] of map.nodes) if (node.children.length > 0) out.add(goal);
  return out;
}
