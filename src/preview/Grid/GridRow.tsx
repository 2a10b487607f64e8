import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { areEqual, ListChildComponentProps } from "react-window";
import { cellAddress } from "../../domain";
import { GridView } from "./GridContext";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./gridLayout";
import { useGridStyles } from "./useGridStyles.styles";

/**
 * One row of the grid: its number, then its cells with their formatted text and the look conditional formats give
 * them (computed for the rows on screen, in cached blocks).
 */
export const GridRow = React.memo(function GridRow(props: ListChildComponentProps<GridView>) {
  const styles = useGridStyles();
  const { workbook, layout, selection, idPrefix } = props.data;
  const row = props.index + 1;
  const looks = workbook.fillsFor(layout.sheet, row, row, 0, layout.columnCount - 1)[0] ?? [];
  const rowSelected = row >= selection.firstRow && row <= selection.lastRow;
  const cells: React.ReactNode[] = [];
  for (let column = 0; column < layout.columnCount; column++) {
    const width = layout.widths[column] ?? 0;
    if (width === 0) continue;
    const view = workbook.cellView(layout.sheet, row, column);
    const look = looks[column] ?? null;
    const selected =
      rowSelected && column >= selection.firstColumn && column <= selection.lastColumn;
    cells.push(
      <div
        key={column}
        id={`${idPrefix}-${row}-${column}`}
        role="gridcell"
        aria-colindex={column + 2}
        aria-selected={selected}
        data-row={row}
        data-column={column}
        data-address={cellAddress(column, row)}
        className={mergeClasses(
          styles.cell,
          look?.fill !== undefined && styles.filled,
          view.link && styles.link
        )}
        style={{
          width,
          textAlign: view.align,
          paddingLeft: view.indent ? `${4 + view.indent * 9}px` : undefined,
          // The workbook's own colours (fills of findings, fonts of rules) are data, not theme.
          backgroundColor: look?.fill ? `#${look.fill}` : undefined,
          color: look?.font ? `#${look.font}` : undefined,
          fontWeight: look?.bold ? 600 : undefined,
        }}
        title={view.error ?? (view.text.length > 12 ? view.text : undefined)}
      >
        {view.text}
      </div>
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={row + 1}
      className={styles.row}
      style={{
        ...props.style,
        top: Number(props.style.top ?? 0) + HEADER_HEIGHT,
        height: ROW_HEIGHT,
        width: layout.totalWidth,
      }}
    >
      <div
        role="rowheader"
        data-row-header={row}
        className={mergeClasses(styles.rowHeader, rowSelected && styles.headerSelected)}
      >
        {row}
      </div>
      {cells}
    </div>
  );
}, areEqual);
