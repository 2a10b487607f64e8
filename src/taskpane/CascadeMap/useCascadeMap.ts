import * as React from "react";
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
  /** With a search or filter on: how many goals it keeps (the lines above them aside), of all. */
  filtered: { count: number; of: number } | null;
  active: number;
  listRef: React.RefObject<FixedSizeList>;
  height: number;
  notice: Notice | null;
  dismissNotice: () => void;
  toggle: (goal: number) => void;
  expandAll: () => void;
  collapseAll: () => void;
  /** Makes a line the active one and selects its goal's id cell. */
  choose: (index: number) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLElement>) => void;
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

  const moveTo = React.useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(rows.length - 1, index));
      setActive(next);
      listRef.current?.scrollToItem(next);
    },
    [rows.length]
  );

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

  const toggle = React.useCallback(
    (goal: number) =>
      setExpanded((goals) => {
        const next = new Set(goals);
        if (!next.delete(goal)) next.add(goal);
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

  const onKeyDown = React.useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      const row = rows[current];
      if (!row) return;
      let handled = true;
      switch (event.key) {
        case "ArrowDown":
          moveTo(current + 1);
          break;
        case "ArrowUp":
          moveTo(current - 1);
          break;
        case "Home":
          moveTo(0);
          break;
        case "End":
          moveTo(rows.length - 1);
          break;
        case "ArrowRight":
          if (row.hasChildren && !row.expanded) setOpen(row.goal, true);
          else if (row.expanded) moveTo(current + 1);
          break;
        case "ArrowLeft":
          if (row.expanded) setOpen(row.goal, false);
          else if (row.parentIndex >= 0) moveTo(row.parentIndex);
          break;
        case "Enter":
        case " ":
          choose(current);
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    },
    [rows, current, moveTo, setOpen, choose]
  );

  return {
    map,
    rows,
    filtered: filtering ? { count: filtering.count, of: filtering.of } : null,
    active: current,
    listRef,
    height,
    notice,
    dismissNotice: () => setNotice(null),
    toggle,
    expandAll,
    collapseAll,
    choose,
    onKeyDown,
  };
}
