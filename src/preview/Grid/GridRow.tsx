import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { areEqual, ListChildComponentProps } from "react-window";
import { cellAddress } from "../../domain";
import { GridView } from "./GridContext";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./gridLayout";
import { fittedNumber, textRoom, textWidth } from "./textWidth";
import { useGridStyles } from "./useGridStyles.styles";

/** How many empty cells to the right a text may run on over. */
const RUN_ON_COLUMNS = 20;

/**
 * One row of the grid: its number, then its cells with their formatted text and the look conditional formats give
 * them (computed for the rows on screen, in cached blocks).
 */
export const GridRow = React.memo(function GridRow(props: ListChildComponentProps<GridView>) {
  const styles = useGridStyles();
  const { workbook, layout, selection, idPrefix, frozenCopy } = props.data;
  const row = props.index + 1;
  const looks = workbook.fillsFor(layout.sheet, row, row, 0, layout.columnCount - 1)[0] ?? [];
  const rowSelected = row >= selection.firstRow && row <= selection.lastRow;
  const cells: React.ReactNode[] = [];
  for (let column = 0; column < layout.columnCount; column++) {
    const width = layout.widths[column] ?? 0;
    if (width === 0) continue;
    const view = workbook.cellView(layout.sheet, row, column);
    const look = looks[column] ?? null;
    // As Excel: a number or date too wide for its column shows "####"; text runs on over the empty cells after it.
    const shown = view.align === "right" ? fittedNumber(view.text, width) : view.text;
    let runOn = width;
    if (view.align === "left" && view.text !== "" && textWidth(view.text) > textRoom(width)) {
      const needed = textWidth(view.text) + 9;
      for (
        let next = column + 1;
        next < layout.columnCount && runOn < needed && next - column <= RUN_ON_COLUMNS;
        next++
      ) {
        const nextWidth = layout.widths[next] ?? 0;
        if (nextWidth > 0 && workbook.cellView(layout.sheet, row, next).text !== "") break;
        runOn += nextWidth;
      }
    }
    const selected =
      rowSelected && column >= selection.firstColumn && column <= selection.lastColumn;
    cells.push(
      <div
        key={column}
        {...(frozenCopy
          ? {}
          : {
              id: `${idPrefix}-${row}-${column}`,
              role: "gridcell",
              "aria-colindex": column + 2,
              "aria-selected": selected,
              "data-address": cellAddress(column, row),
            })}
        data-row={row}
        data-column={column}
        className={mergeClasses(
          styles.cell,
          look?.fill !== undefined && styles.filled,
          view.link && styles.link,
          runOn > width && styles.runOn
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
        title={view.error ?? (view.text.length > 12 || shown !== view.text ? view.text : undefined)}
      >
        {runOn > width ? (
          <span
            className={styles.runOnText}
            style={{ width: runOn - 9, backgroundColor: look?.fill ? `#${look.fill}` : undefined }}
          >
            {shown}
          </span>
        ) : (
          shown
        )}
      </div>
    );
  }
  return (
    <div
      {...(frozenCopy ? {} : { role: "row", "aria-rowindex": row + 1 })}
      className={styles.row}
      style={{
        ...props.style,
        top: Number(props.style.top ?? 0) + HEADER_HEIGHT,
        height: ROW_HEIGHT,
        width: layout.totalWidth,
      }}
    >
      <div
        {...(frozenCopy ? {} : { role: "rowheader" })}
        data-row-header={row}
        className={mergeClasses(styles.rowHeader, rowSelected && styles.headerSelected)}
      >
        {row}
      </div>
      {cells}
    </div>
  );
}, areEqual);
