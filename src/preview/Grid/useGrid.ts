import * as React from "react";
import { flushSync } from "react-dom";
import { FixedSizeList, ListOnItemsRenderedProps } from "react-window";
import { cellAddress } from "../../domain";
import { RangeBounds, rangeBounds } from "../../workbook/operations";
import { LOOK_BLOCK_ROWS } from "../LookCache";
import { PreviewChange } from "../PreviewWorkbook";
import { GridEdit, GridProps } from "./Grid.types";
import {
  boundsBetween,
  CellPosition,
  gridLayout,
  GridLayout,
  HEADER_HEIGHT,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
} from "./gridLayout";

const DEFAULT_HEIGHT = 480;
/** Rows above and below the screen whose looks are computed while the browser is idle, ready for scrolling. */
const PREFETCH_ROWS = 40;

/** Runs a task when the browser is idle (soon after, where requestIdleCallback is missing); returns its cancel. */
function whenIdle(task: (deadline: { timeRemaining(): number } | null) => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(() => task(null), 50);
  return () => window.clearTimeout(handle);
}

/** The far corner of a selection, on its sheet; the near corner is the workbook's active cell (as in Excel). */
interface Corner extends CellPosition {
  sheet: string;
}

export interface GridState {
  layout: GridLayout;
  sheet: string;
  active: CellPosition;
  selection: RangeBounds;
  edit: GridEdit | null;
  flash: number;
  revision: number;
  size: { width: number | undefined; height: number };
  listRef: React.RefObject<FixedSizeList>;
  outerRef: React.RefObject<HTMLDivElement>;
  gridRef: React.RefObject<HTMLDivElement>;
  bodyRef: React.RefObject<HTMLDivElement>;
  editorRef: React.RefObject<HTMLInputElement>;
  formulaRef: React.RefObject<HTMLInputElement>;
  /** What the formula bar shows: the text being edited, else the active cell's formula or value. */
  formulaText: string;
  onGridKeyDown: (event: React.KeyboardEvent<HTMLElement>) => void;
  onEditorKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: (event: React.FocusEvent<HTMLInputElement>) => void;
  onEditText: (text: string, place: GridEdit["place"]) => void;
  onMouseDown: (event: React.MouseEvent<HTMLElement>) => void;
  onMouseOver: (event: React.MouseEvent<HTMLElement>) => void;
  onDoubleClick: (event: React.MouseEvent<HTMLElement>) => void;
  onClick: (event: React.MouseEvent<HTMLElement>) => void;
  onItemsRendered: (props: ListOnItemsRenderedProps) => void;
  onPaste: (event: React.ClipboardEvent<HTMLElement>) => void;
  onCopy: (event: React.ClipboardEvent<HTMLElement>) => void;
  onCut: (event: React.ClipboardEvent<HTMLElement>) => void;
  selectSheet: (sheet: string) => void;
  goTo: (address: string) => boolean;
}

/** The cell under a mouse event: a cell of the grid, or a column or row header. */
function hitOf(
  target: EventTarget | null
): { kind: "cell" | "column" | "row"; row: number; column: number } | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest("[data-row][data-column]");
  if (cell) {
    return {
      kind: "cell",
      row: Number(cell.getAttribute("data-row")),
      column: Number(cell.getAttribute("data-column")),
    };
  }
  const column = target.closest("[data-column-header]");
  if (column)
    return { kind: "column", row: 1, column: Number(column.getAttribute("data-column-header")) };
  const row = target.closest("[data-row-header]");
  if (row) return { kind: "row", row: Number(row.getAttribute("data-row-header")), column: 0 };
  return null;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/** Ctrl+arrow steps: rows and columns per key. */
const EDGE_STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * Where Ctrl+arrow lands, as in Excel: from a filled cell whose neighbour is filled, the last filled cell of that
 * run; otherwise the next filled cell in that direction, or the sheet's edge when there is none.
 * @example dataEdge({ row: 3, column: 0 }, 1, 0, sheet) // { row: 38, column: 0 } at the end of a column of values
 */
export function dataEdge(
  from: { row: number; column: number },
  rows: number,
  columns: number,
  sheet: { rows: number; columns: number; filled: (row: number, column: number) => boolean }
): { row: number; column: number } {
  const inside = (row: number, column: number) =>
    row >= 1 && row <= sheet.rows && column >= 0 && column < sheet.columns;
  let row = from.row;
  let column = from.column;
  const next = () => ({ row: row + rows, column: column + columns });
  if (!inside(next().row, next().column)) return { row, column };
  if (sheet.filled(row, column) && sheet.filled(next().row, next().column)) {
    while (inside(next().row, next().column) && sheet.filled(next().row, next().column))
      ({ row, column } = next());
    return { row, column };
  }
  ({ row, column } = next());
  while (!sheet.filled(row, column) && inside(next().row, next().column))
    ({ row, column } = next());
  return { row, column };
}

/** State and handlers of the grid: selection, editing, keyboard, mouse, clipboard, scrolling to a cell. */
export function useGrid(props: GridProps): GridState {
  const { workbook } = props;
  const revision = React.useSyncExternalStore(workbook.subscribe, workbook.getRevision);
  const current = workbook.current();
  const sheet = current.sheet;
  const active = React.useMemo<CellPosition>(
    () => ({ row: current.row, column: current.column }),
    [current.row, current.column]
  );
  // The layout follows every change (revision): a write may grow the sheet or change its widths.
  const layout = React.useMemo(() => {
    void revision;
    return gridLayout(workbook, sheet);
  }, [workbook, sheet, revision]);
  const [corner, setCorner] = React.useState<Corner | null>(null);
  const [edit, setEditState] = React.useState<GridEdit | null>(null);
  const [flash, setFlash] = React.useState(0);
  const [measured, setMeasured] = React.useState<{ width: number; height: number } | null>(null);
  const editRef = React.useRef<GridEdit | null>(null);
  const listRef = React.useRef<FixedSizeList>(null);
  const outerRef = React.useRef<HTMLDivElement>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);
  const bodyRef = React.useRef<HTMLDivElement>(null);
  const editorRef = React.useRef<HTMLInputElement>(null);
  const formulaRef = React.useRef<HTMLInputElement>(null);
  const dragging = React.useRef(false);
  const pendingReveal = React.useRef<CellPosition | null>(null);
  const lastCell = React.useRef(new Map<string, CellPosition>());

  const size = {
    width: props.width ?? measured?.width,
    height: props.height ?? (measured && measured.height > 0 ? measured.height : DEFAULT_HEIGHT),
  };
  const far = corner !== null && corner.sheet === sheet ? corner : active;
  const selection = boundsBetween(active, far);

  const setEdit = React.useCallback((next: GridEdit | null) => {
    editRef.current = next;
    setEditState(next);
  }, []);

  // Follow the box the grid is given.
  React.useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() =>
      setMeasured({ width: body.clientWidth, height: body.clientHeight })
    );
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  const reveal = React.useCallback(
    (position: CellPosition) => {
      const outer = outerRef.current;
      if (!outer) return;
      const viewHeight = (outer.clientHeight || size.height) - HEADER_HEIGHT;
      const top = (position.row - 1) * ROW_HEIGHT;
      let scrollTop = outer.scrollTop;
      if (top < scrollTop) scrollTop = top;
      else if (top + ROW_HEIGHT > scrollTop + viewHeight) scrollTop = top + ROW_HEIGHT - viewHeight;
      if (scrollTop !== outer.scrollTop) listRef.current?.scrollTo(Math.max(0, scrollTop));
      const viewWidth = (outer.clientWidth || size.width || 0) - ROW_HEADER_WIDTH;
      const left = layout.lefts[position.column] ?? 0;
      const width = layout.widths[position.column] ?? 0;
      if (viewWidth <= 0) return;
      if (left < outer.scrollLeft) outer.scrollLeft = left;
      else if (left + width > outer.scrollLeft + viewWidth)
        outer.scrollLeft = left + width - viewWidth;
    },
    [layout, size.height, size.width]
  );

  // The pane asked to show a cell (a finding was clicked): select it, scroll to it and make it flash.
  React.useEffect(
    () =>
      workbook.subscribe((change: PreviewChange) => {
        if (change.kind !== "selection" || !change.reveal) return;
        const { sheet: target } = workbook.current();
        editRef.current = null;
        setEditState(null);
        setCorner({ sheet: target, row: change.bounds.lastRow, column: change.bounds.lastColumn });
        pendingReveal.current = { row: change.bounds.firstRow, column: change.bounds.firstColumn };
        setFlash((count) => count + 1);
      }),
    [workbook]
  );

  React.useLayoutEffect(() => {
    const position = pendingReveal.current;
    if (!position) return;
    reveal(position);
    pendingReveal.current = null;
    // On a narrow page the pane sits under the grid and the page scrolls: the cell comes into the page's view
    // too, at its nearest edge (nothing moves where it is in view already, as beside the pane).
    const frame = requestAnimationFrame(() => {
      const address = cellAddress(position.column, position.row);
      outerRef.current
        ?.querySelector(`[role="gridcell"][data-address="${address}"]`)
        ?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    });
    return () => cancelAnimationFrame(frame);
  }, [flash, reveal]);

  // Another sheet shows where its active cell is. Only a change of sheet scrolls here; moves within a sheet reveal
  // their cell themselves.
  const shownSheet = React.useRef<string | null>(null);
  React.useLayoutEffect(() => {
    if (shownSheet.current === sheet) return;
    shownSheet.current = sheet;
    const position = workbook.current();
    if (position.row === 1 && position.column === 0) {
      listRef.current?.scrollTo(0);
      if (outerRef.current) outerRef.current.scrollLeft = 0;
    } else reveal(position);
  }, [sheet, workbook, reveal]);

  React.useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  const focusGrid = React.useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);

  const select = React.useCallback(
    (position: CellPosition, far: CellPosition | null) => {
      const row = Math.min(Math.max(position.row, 1), layout.rowCount);
      const column = Math.min(Math.max(position.column, 0), layout.columnCount - 1);
      setCorner(far ? { sheet, ...far } : null);
      lastCell.current.set(sheet, { row, column });
      workbook.setActiveCell(sheet, row, column);
      reveal(far ?? { row, column });
    },
    [layout, reveal, sheet, workbook]
  );

  /** The next visible column in a direction (hidden columns are stepped over). */
  const stepColumn = React.useCallback(
    (column: number, step: number) => {
      let next = column + step;
      while (next > 0 && next < layout.columnCount - 1 && (layout.widths[next] ?? 0) === 0)
        next += step;
      return Math.min(Math.max(next, 0), layout.columnCount - 1);
    },
    [layout]
  );

  const move = React.useCallback(
    (rows: number, columns: number, extend: boolean) => {
      if (extend) {
        const from = corner !== null && corner.sheet === sheet ? corner : active;
        const target = {
          row: Math.min(Math.max(from.row + rows, 1), layout.rowCount),
          column: columns === 0 ? from.column : stepColumn(from.column, Math.sign(columns)),
        };
        setCorner({ sheet, ...target });
        reveal(target);
        return;
      }
      select(
        {
          row: active.row + rows,
          column: columns === 0 ? active.column : stepColumn(active.column, Math.sign(columns)),
        },
        null
      );
    },
    [active, corner, layout.rowCount, reveal, select, sheet, stepColumn]
  );

  const startEdit = React.useCallback(
    (mode: GridEdit["mode"], text: string, original: string, place: GridEdit["place"] = "cell") =>
      setEdit({ sheet, row: active.row, column: active.column, text, original, mode, place }),
    [active.column, active.row, setEdit, sheet]
  );

  const commit = React.useCallback(
    (then?: { rows: number; columns: number }) => {
      const current = editRef.current;
      if (!current) return;
      setEdit(null);
      // An entry left as it was is not written again: a spilled cell would lose its spill.
      if (current.text !== current.original)
        workbook.setCellInput(current.sheet, current.row, current.column, current.text);
      if (then) move(then.rows, then.columns, false);
      focusGrid();
    },
    [focusGrid, move, setEdit, workbook]
  );

  const cancel = React.useCallback(() => {
    setEdit(null);
    focusGrid();
  }, [focusGrid, setEdit]);

  const visibleRows = Math.max(1, Math.floor((size.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onGridKeyDown = React.useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      if (isEditable(event.target) || editRef.current) return;
      const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
      const command = ctrlKey || metaKey;
      const moves: Record<string, [number, number, boolean]> = {
        ArrowUp: [-1, 0, shiftKey],
        ArrowDown: [1, 0, shiftKey],
        ArrowLeft: [0, -1, shiftKey],
        ArrowRight: [0, 1, shiftKey],
        PageUp: [-visibleRows, 0, shiftKey],
        PageDown: [visibleRows, 0, shiftKey],
        Enter: [shiftKey ? -1 : 1, 0, false],
        Tab: [0, shiftKey ? -1 : 1, false],
      };
      if (command && !altKey && key in EDGE_STEPS) {
        // Ctrl+arrow: to the edge of the data, as in Excel.
        event.preventDefault();
        const [rows, columns] = EDGE_STEPS[key] as [number, number];
        const to = dataEdge(active, rows, columns, {
          rows: layout.rowCount,
          columns: layout.columnCount,
          filled: (row, column) => !isBlankValue(workbook.cellValue(sheet, row, column)),
        });
        select(to, null);
        return;
      }
      const step = moves[key];
      if (step) {
        event.preventDefault();
        move(...step);
        return;
      }
      if (command && key === "End") {
        // Ctrl+End: the last cell of the used range.
        event.preventDefault();
        const used = workbook.usedBounds(sheet);
        select(used ? { row: used.lastRow, column: used.lastColumn } : { row: 1, column: 0 }, null);
        return;
      }
      if (command && !altKey && !shiftKey && key.toLowerCase() === "z") {
        // Ctrl+Z: the last edit of the grid taken back, its cells selected.
        event.preventDefault();
        const undone = workbook.undo();
        if (undone && undone.sheet === sheet)
          select(
            { row: undone.bounds.firstRow, column: undone.bounds.firstColumn },
            undone.bounds.lastRow > undone.bounds.firstRow ||
              undone.bounds.lastColumn > undone.bounds.firstColumn
              ? { row: undone.bounds.lastRow, column: undone.bounds.lastColumn }
              : null
          );
        return;
      }
      if (key === "Home") {
        event.preventDefault();
        select({ row: command ? 1 : active.row, column: 0 }, null);
        return;
      }
      if (key === "Escape") {
        setCorner(null);
        return;
      }
      if (key === "Delete") {
        event.preventDefault();
        workbook.clearCells(sheet, selection);
        return;
      }
      if (key === "F2" || key === "Backspace") {
        event.preventDefault();
        const text = workbook.cellInput(sheet, active.row, active.column);
        // F2 edits what the cell holds; Backspace empties the cell and edits it, as in Excel.
        if (key === "F2") startEdit("edit", text, text);
        else startEdit("enter", "", text);
        return;
      }
      if (command && !altKey && key.toLowerCase() === "a") {
        event.preventDefault();
        setCorner({ sheet, row: layout.rowCount, column: layout.columnCount - 1 });
        workbook.setActiveCell(sheet, 1, 0);
        return;
      }
      const original = workbook.cellInput(sheet, active.row, active.column);
      if (key === "Process" || event.nativeEvent.isComposing) {
        // An input method composes the first character: the editor must hold the focus before it does.
        flushSync(() => startEdit("enter", "", original));
        editorRef.current?.focus();
        return;
      }
      if (key.length === 1 && !command && !altKey) {
        event.preventDefault();
        startEdit("enter", key, original);
      }
    },
    [active, layout, move, select, selection, sheet, startEdit, visibleRows, workbook]
  );

  const onEditorKeyDown = React.useCallback(
    (event: React.KeyboardEvent<HTMLInputElement>) => {
      const current = editRef.current;
      if (!current) return;
      const arrows: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      const arrow = arrows[event.key];
      if (event.key === "Enter" && !event.nativeEvent.isComposing) {
        event.preventDefault();
        commit({ rows: event.shiftKey ? -1 : 1, columns: 0 });
      } else if (event.key === "Tab") {
        event.preventDefault();
        commit({ rows: 0, columns: event.shiftKey ? -1 : 1 });
      } else if (event.key === "Escape") {
        event.preventDefault();
        cancel();
      } else if (event.key === "F2" && current.place === "cell") {
        event.preventDefault();
        setEdit({ ...current, mode: current.mode === "enter" ? "edit" : "enter" });
      } else if (arrow && current.mode === "enter" && current.place === "cell") {
        // Typing over a cell (not F2): arrows finish the entry and move, as in Excel.
        event.preventDefault();
        commit({ rows: arrow[0], columns: arrow[1] });
      }
    },
    [cancel, commit, setEdit]
  );

  const onEditorBlur = React.useCallback(
    (event: React.FocusEvent<HTMLInputElement>) => {
      const next = event.relatedTarget;
      // Between the cell and the formula bar the entry goes on; anywhere else it is entered.
      if (next === editorRef.current || next === formulaRef.current) return;
      const current = editRef.current;
      if (!current) return;
      setEdit(null);
      if (current.text !== current.original)
        workbook.setCellInput(current.sheet, current.row, current.column, current.text);
    },
    [setEdit, workbook]
  );

  const onEditText = React.useCallback(
    (text: string, place: GridEdit["place"]) => {
      const current = editRef.current;
      if (current) setEdit({ ...current, text, place: current.place === "cell" ? "cell" : place });
      else {
        const original = workbook.cellInput(sheet, active.row, active.column);
        setEdit({
          sheet,
          row: active.row,
          column: active.column,
          text,
          original,
          mode: "edit",
          place,
        });
      }
    },
    [active, setEdit, sheet, workbook]
  );

  const onMouseDown = React.useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      if (event.button !== 0 || isEditable(event.target)) return;
      const hit = hitOf(event.target);
      if (!hit) return;
      if (editRef.current) commit();
      if (hit.kind === "column") {
        select({ row: 1, column: hit.column }, { row: layout.rowCount, column: hit.column });
        return;
      }
      if (hit.kind === "row") {
        select({ row: hit.row, column: 0 }, { row: hit.row, column: layout.columnCount - 1 });
        return;
      }
      dragging.current = true;
      if (event.shiftKey) {
        setCorner({ sheet, row: hit.row, column: hit.column });
        return;
      }
      select({ row: hit.row, column: hit.column }, null);
    },
    [commit, layout, select, sheet]
  );

  const onMouseOver = React.useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      if (!dragging.current || event.buttons !== 1) return;
      const hit = hitOf(event.target);
      if (hit?.kind === "cell") setCorner({ sheet, row: hit.row, column: hit.column });
    },
    [sheet]
  );

  const onDoubleClick = React.useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      const hit = hitOf(event.target);
      if (hit?.kind !== "cell") return;
      const text = workbook.cellInput(sheet, hit.row, hit.column);
      setEdit({
        sheet,
        row: hit.row,
        column: hit.column,
        text,
        original: text,
        mode: "edit",
        place: "cell",
      });
    },
    [setEdit, sheet, workbook]
  );

  const onClick = React.useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      if (event.shiftKey || event.ctrlKey || event.metaKey || event.detail > 1) return;
      const hit = hitOf(event.target);
      if (hit?.kind !== "cell") return;
      const target = workbook.linkTarget(sheet, hit.row, hit.column);
      if (target) void workbook.select(target.sheet, target.address);
    },
    [sheet, workbook]
  );

  // The looks of the rows next to the screen are computed a block at a time while the browser is idle, so that
  // scrolling finds them ready and no step of the work holds a frame up.
  const cancelPrefetch = React.useRef<() => void>(() => undefined);
  React.useEffect(() => () => cancelPrefetch.current(), []);
  const onItemsRendered = React.useCallback(
    ({ overscanStartIndex, overscanStopIndex }: ListOnItemsRenderedProps) => {
      cancelPrefetch.current();
      const blocks: number[] = [];
      for (
        let row = overscanStopIndex + 2;
        row <= overscanStopIndex + 1 + PREFETCH_ROWS;
        row += LOOK_BLOCK_ROWS
      )
        if (row <= layout.rowCount) blocks.push(row);
      for (
        let row = overscanStartIndex;
        row >= overscanStartIndex + 1 - PREFETCH_ROWS;
        row -= LOOK_BLOCK_ROWS
      )
        if (row >= 1) blocks.push(row);
      const step = (deadline: { timeRemaining(): number } | null) => {
        do {
          const row = blocks.shift();
          if (row === undefined) return;
          workbook.fillsFor(sheet, row, row, 0, layout.columnCount - 1);
        } while (deadline !== null && deadline.timeRemaining() > 10);
        cancelPrefetch.current = whenIdle(step);
      };
      cancelPrefetch.current = whenIdle(step);
    },
    [layout, sheet, workbook]
  );

  const onPaste = React.useCallback(
    (event: React.ClipboardEvent<HTMLElement>) => {
      if (isEditable(event.target)) return;
      const text = event.clipboardData.getData("text/plain");
      if (!text) return;
      event.preventDefault();
      if (editRef.current) commit();
      const block = workbook.pasteTsv(sheet, selection.firstRow, selection.firstColumn, text);
      if (block)
        select(
          { row: block.firstRow, column: block.firstColumn },
          { row: block.lastRow, column: block.lastColumn }
        );
    },
    [commit, select, selection, sheet, workbook]
  );

  const onCopy = React.useCallback(
    (event: React.ClipboardEvent<HTMLElement>) => {
      if (isEditable(event.target)) return;
      event.preventDefault();
      event.clipboardData.setData("text/plain", workbook.tsvOf(sheet, selection));
    },
    [selection, sheet, workbook]
  );

  const onCut = React.useCallback(
    (event: React.ClipboardEvent<HTMLElement>) => {
      if (isEditable(event.target)) return;
      onCopy(event);
      workbook.clearCells(sheet, selection);
    },
    [onCopy, selection, sheet, workbook]
  );

  const selectSheet = React.useCallback(
    (name: string) => {
      if (editRef.current) commit();
      const last = lastCell.current.get(name) ?? { row: 1, column: 0 };
      setCorner(null);
      workbook.setActiveCell(name, last.row, last.column);
    },
    [commit, workbook]
  );

  const goTo = React.useCallback(
    (address: string) => {
      let bounds: RangeBounds;
      try {
        bounds = rangeBounds(address.trim());
      } catch {
        return false;
      }
      select(
        { row: bounds.firstRow, column: bounds.firstColumn },
        bounds.firstRow === bounds.lastRow && bounds.firstColumn === bounds.lastColumn
          ? null
          : { row: bounds.lastRow, column: bounds.lastColumn }
      );
      focusGrid();
      return true;
    },
    [focusGrid, select]
  );

  const formulaText =
    edit && edit.sheet === sheet ? edit.text : workbook.cellInput(sheet, active.row, active.column);

  return {
    layout,
    sheet,
    active,
    selection,
    edit,
    flash,
    revision,
    size,
    listRef,
    outerRef,
    gridRef,
    bodyRef,
    editorRef,
    formulaRef,
    formulaText,
    onGridKeyDown,
    onEditorKeyDown,
    onEditorBlur,
    onEditText,
    onMouseDown,
    onMouseOver,
    onDoubleClick,
    onClick,
    onItemsRendered,
    onPaste,
    onCopy,
    onCut,
    selectSheet,
    goTo,
  };
}
