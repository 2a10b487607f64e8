import * as React from "react";
import { FixedSizeList } from "react-window";
import { cellAddress } from "../../domain";
import { boundsAddress } from "../../workbook/operations";
import { previewText } from "../previewStrings";
import { FormulaBar } from "./FormulaBar";
import { GridProps } from "./Grid.types";
import { GridContext, GridView } from "./GridContext";
import { GridInner } from "./GridInner";
import { boxOf, ROW_HEIGHT } from "./gridLayout";
import { GridRow } from "./GridRow";
import { SheetTabs } from "./SheetTabs";
import { useGrid } from "./useGrid";
import { useGridStyles } from "./useGridStyles.styles";

/**
 * A worksheet grid over the preview workbook: formula bar, column letters and row numbers, cells with their formats
 * and conditional-format looks, virtualised rows (thousands scroll smoothly), Excel's keys for moving, typing,
 * editing, deleting and pasting, and sheet tabs.
 */
export function Grid(props: GridProps): React.JSX.Element {
  const styles = useGridStyles();
  const lang = props.lang ?? "en";
  const state = useGrid(props);
  const { layout, selection, edit, sheet } = state;
  const idPrefix = React.useId().replace(/:/g, "");

  const { editorRef, onEditText, onEditorKeyDown, onEditorBlur } = state;
  const editorClass = styles.editor;
  const editor = React.useMemo(
    () =>
      edit && edit.sheet === sheet && edit.place === "cell" ? (
        <CellEditor
          key={`${edit.row}:${edit.column}`}
          inputRef={editorRef}
          className={editorClass}
          box={boxOf(layout, {
            firstRow: edit.row,
            lastRow: edit.row,
            firstColumn: edit.column,
            lastColumn: edit.column,
          })}
          label={previewText(lang, "grid.editor", {
            address: cellAddress(edit.column, edit.row),
          })}
          text={edit.text}
          onText={(text) => onEditText(text, "cell")}
          onKeyDown={onEditorKeyDown}
          onBlur={onEditorBlur}
        />
      ) : null,
    [edit, sheet, editorRef, editorClass, layout, lang, onEditText, onEditorKeyDown, onEditorBlur]
  );
  // The selection is compared by what it holds: a new object each render would redraw every row.
  const { firstRow, lastRow, firstColumn, lastColumn } = selection;
  const shownSelection = React.useMemo(
    () => ({ firstRow, lastRow, firstColumn, lastColumn }),
    [firstRow, lastRow, firstColumn, lastColumn]
  );

  const view = React.useMemo<GridView>(
    () => ({
      workbook: props.workbook,
      layout,
      selection: shownSelection,
      flash: state.flash,
      editor,
      idPrefix,
      revision: state.revision,
    }),
    [props.workbook, layout, shownSelection, state.flash, editor, idPrefix, state.revision]
  );

  const single =
    selection.firstRow === selection.lastRow && selection.firstColumn === selection.lastColumn;
  const address = single
    ? cellAddress(selection.firstColumn, selection.firstRow)
    : boundsAddress(selection);

  return (
    <div className={props.className ? `${styles.root} ${props.className}` : styles.root}>
      <FormulaBar
        lang={lang}
        address={address}
        text={state.formulaText}
        inputRef={state.formulaRef}
        onText={(text) => state.onEditText(text, "bar")}
        onKeyDown={state.onEditorKeyDown}
        onBlur={state.onEditorBlur}
        onGoTo={state.goTo}
      />
      <div className={styles.body} ref={state.bodyRef}>
        <GridContext.Provider value={view}>
          <div
            ref={state.gridRef}
            role="grid"
            tabIndex={0}
            aria-label={previewText(lang, "grid.label", { sheet })}
            aria-rowcount={layout.rowCount + 1}
            aria-colcount={layout.columnCount + 1}
            aria-multiselectable
            aria-activedescendant={`${idPrefix}-${state.active.row}-${state.active.column}`}
            className={styles.grid}
            onKeyDown={state.onGridKeyDown}
            onMouseDown={state.onMouseDown}
            onMouseOver={state.onMouseOver}
            onDoubleClick={state.onDoubleClick}
            onClick={state.onClick}
            onPaste={state.onPaste}
            onCopy={state.onCopy}
            onCut={state.onCut}
          >
            <FixedSizeList
              ref={state.listRef}
              outerRef={state.outerRef}
              height={state.size.height}
              width={state.size.width ?? "100%"}
              itemCount={layout.rowCount}
              itemSize={ROW_HEIGHT}
              itemData={view}
              innerElementType={GridInner}
              overscanCount={6}
              onItemsRendered={state.onItemsRendered}
            >
              {GridRow}
            </FixedSizeList>
          </div>
        </GridContext.Provider>
      </div>
      <SheetTabs
        lang={lang}
        sheets={props.workbook.sheetNames()}
        active={sheet}
        onSelect={state.selectSheet}
      />
    </div>
  );
}

interface CellEditorProps {
  inputRef: React.RefObject<HTMLInputElement>;
  className: string;
  box: { top: number; left: number; width: number; height: number };
  label: string;
  text: string;
  onText: (text: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  onBlur: (event: React.FocusEvent<HTMLInputElement>) => void;
}

/** The editor over a cell: it takes the focus with the caret after what was typed. */
function CellEditor(props: CellEditorProps): React.JSX.Element {
  const { inputRef } = props;
  React.useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input || document.activeElement === input) return;
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
  }, [inputRef]);
  return (
    <input
      ref={inputRef}
      className={props.className}
      style={{ top: props.box.top, left: props.box.left, width: Math.max(props.box.width, 120) }}
      aria-label={props.label}
      value={props.text}
      onChange={(event) => props.onText(event.target.value)}
      onKeyDown={props.onKeyDown}
      onBlur={props.onBlur}
      onMouseDown={(event) => event.stopPropagation()}
    />
  );
}
