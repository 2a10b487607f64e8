import * as React from "react";
import {
  HeadlessFlatTree,
  HeadlessFlatTreeItem,
  HeadlessFlatTreeItemProps,
  TreeNavigationData_unstable,
  TreeNavigationEvent_unstable,
  TreeOpenChangeData,
  TreeOpenChangeEvent,
  useHeadlessFlatTree_unstable,
} from "@fluentui/react-components";
import { FixedSizeList } from "react-window";
import {
  CascadeMap as CascadeMapData,
  cascadeMap,
  cellAddress,
  matchingGoals,
  NO_FILTER,
} from "../../domain";
import { useWorkbook } from "../context";
import { errorNotice, Notice } from "../Notice/Notice.types";
import { CascadeMapProps, OpenBranches } from "./CascadeMap.types";
import { MAP_ROW_HEIGHT } from "./useCascadeMapStyles.styles";
import { branchGoals, shownByFilter, VisibleNode, visibleNodes } from "./visibleNodes";

export interface CascadeMapState {
  map: CascadeMapData | null;
  rows: VisibleNode[];
  /** The lines as Fluent's headless flat tree has them (its tree and item props), in the order of `rows`. */
  tree: HeadlessFlatTree<HeadlessFlatTreeItemProps>;
  items: HeadlessFlatTreeItem<HeadlessFlatTreeItemProps>[];
  /** With a search or filter on: how many goals it keeps (the lines above them aside), of all. */
  filtered: { count: number; of: number } | null;
  active: number;
  listRef: React.RefObject<FixedSizeList>;
  height: number;
  notice: Notice | null;
  dismissNotice: () => void;
  expandAll: () => void;
  collapseAll: () => void;
  /** Makes a line the active one and selects its goal's id cell. */
  choose: (index: number) => void;
  /** The line the keyboard's focus moved to becomes the active one (its findings show under the tree). */
  focus: (index: number) => void;
  /** Fluent's navigation, which first scrolls to a line the virtual list has not drawn. */
  onNavigation: (event: TreeNavigationEvent_unstable, data: TreeNavigationData_unstable) => void;
}

/** The height the list takes: the pane's height less what sits above it, never under six lines. */
function useListHeight(): number {
  const measure = () =>
    Math.max(MAP_ROW_HEIGHT * 6, (typeof window === "undefined" ? 600 : window.innerHeight) - 200);
  const [height, setHeight] = React.useState(measure);
  React.useEffect(() => {
    const onResize = () => setHeight(measure());
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return height;
}

/** State and handlers of the cascade map: open branches, the active line, keyboard and selection. */
export function useCascadeMap(props: CascadeMapProps): CascadeMapState {
  const { run } = props;
  const workbook = useWorkbook();
  const map = React.useMemo(() => (run ? cascadeMap(run.result) : null), [run]);
  // Company goals start open, so that the first level under them shows.
  const [open, setOpenState] = React.useState<OpenBranches>(
    () => props.memory?.current ?? { map, goals: new Set(map?.roots) }
  );
  const { memory } = props;
  React.useEffect(() => {
    if (memory) memory.current = open;
  }, [memory, open]);
  const [active, setActive] = React.useState(0);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const listRef = React.useRef<FixedSizeList>(null);
  const height = useListHeight();

  let expanded = open.goals;
  if (open.map !== map) {
    // A new audit (after a tool wrote): the branches that are still branches stay open.
    const kept = new Set<number>(map?.roots);
    if (map)
      for (const goal of open.goals) if (map.nodes.get(goal)?.children.length) kept.add(goal);
    expanded = kept;
    setOpenState({ map, goals: kept });
  }
  const setExpanded = React.useCallback(
    (update: (goals: ReadonlySet<number>) => ReadonlySet<number>) =>
      setOpenState((state) => ({ map: state.map, goals: update(state.goals) })),
    []
  );

  // A search or filter shows the goals it keeps in their branches, every branch down to them open.
  const goalFilter = props.goalFilter ?? NO_FILTER;
  const filtering = React.useMemo(() => {
    const kept = run ? matchingGoals(run.result, goalFilter) : null;
    if (!kept || !map || !run) return null;
    let count = 0;
    for (const one of kept) count += one;
    return { ...shownByFilter(map, run.result.cascade.parent, kept), count, of: kept.length };
  }, [run, map, goalFilter]);
  // A new filter opens the branches down to what it keeps (those the user opened stay open; any can be closed).
  React.useEffect(() => {
    if (filtering)
      setExpanded((goals) => {
        const next = new Set(goals);
        for (const goal of filtering.open) next.add(goal);
        return next;
      });
  }, [filtering, setExpanded]);
  const rows = React.useMemo(() => {
    if (!map) return [];
    if (!filtering) return visibleNodes(map, expanded);
    return visibleNodes(map, expanded, filtering.shown);
  }, [map, expanded, filtering]);
  const current = Math.min(active, Math.max(0, rows.length - 1));

  const setOpen = React.useCallback(
    (goal: number, isOpen: boolean) =>
      setExpanded((goals) => {
        if (goals.has(goal) === isOpen) return goals;
        const next = new Set(goals);
        if (isOpen) next.add(goal);
        else next.delete(goal);
        return next;
      }),
    [setExpanded]
  );

  const expandAll = React.useCallback(() => {
    if (map) setExpanded(() => branchGoals(map));
  }, [map, setExpanded]);
  const collapseAll = React.useCallback(() => {
    setExpanded(() => new Set());
    setActive(0);
    listRef.current?.scrollToItem(0);
  }, [setExpanded]);

  const choose = React.useCallback(
    (index: number) => {
      const row = rows[index];
      if (!run || !row) return;
      setActive(index);
      const goal = run.result.goals[row.goal];
      const idColumn = run.read.columns.id ?? run.read.columns.goal;
      if (!goal || idColumn === undefined) return;
      setNotice(null);
      workbook
        .select(run.source.sheet, cellAddress(idColumn, goal.row))
        .catch((error: unknown) => setNotice(errorNotice(error)));
    },
    [rows, run, workbook]
  );

  // The headless tree takes the lines drawn (visibleNodes walks only the open branches, and keeps to a filter),
  // not all 50,000 goals: each with its parent and whether it is a branch, closed or open.
  const treeItems = React.useMemo(
    () =>
      rows.map((row): HeadlessFlatTreeItemProps => ({
        value: row.goal,
        parentValue: row.parentIndex >= 0 ? rows[row.parentIndex]?.goal : undefined,
        itemType: row.hasChildren ? "branch" : "leaf",
      })),
    [rows]
  );
  const onOpenChange = React.useCallback(
    (_event: TreeOpenChangeEvent, data: TreeOpenChangeData) => {
      // A click on the line (or Enter, which clicks it) chooses the goal; the chevron and the arrows open it.
      if (data.type === "Click" || data.type === "Enter") return;
      setOpen(data.value as number, data.open);
    },
    [setOpen]
  );
  const tree = useHeadlessFlatTree_unstable(treeItems, { openItems: expanded, onOpenChange });
  const items = React.useMemo(() => Array.from(tree.items()), [tree]);

  // Fluent moves the focus among the lines in the page; a line out of the virtual list's window is scrolled to
  // first, then the move is made again (Fluent's Tree "Virtualization" example).
  const onNavigation = React.useCallback(
    (event: TreeNavigationEvent_unstable, data: TreeNavigationData_unstable) => {
      const next = tree.getNextNavigableItem(items, data);
      if (!next || tree.getElementFromItem(next)) return;
      event.preventDefault();
      listRef.current?.scrollToItem(next.index);
      requestAnimationFrame(() => tree.navigate(data));
    },
    [tree, items]
  );

  const focus = React.useCallback((index: number) => setActive(index), []);

  return {
    map,
    rows,
    filtered: filtering ? { count: filtering.count, of: filtering.of } : null,
    active: current,
    listRef,
    height,
    notice,
    dismissNotice: () => setNotice(null),
    expandAll,
    collapseAll,
    choose,
    focus,
    onNavigation,
    tree,
    items,
  };
}
