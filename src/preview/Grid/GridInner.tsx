import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { columnLetters } from "../../domain";
import { useGridView } from "./GridContext";
import { boxOf, HEADER_HEIGHT, ROW_HEIGHT } from "./gridLayout";
import { GridRow } from "./GridRow";
import { useGridStyles } from "./useGridStyles.styles";

/**
 * The list's scrolled content: the column letters (sticky at the top), the rows react-window places, the selection's
 * frame and the in-cell editor. The rows sit one header's height lower than react-window puts them.
 */
export const GridInner = React.forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(
  function GridInner(props, ref) {
    const { children, style, ...rest } = props;
    const styles = useGridStyles();
    const view = useGridView();
    const { layout, selection, flash, editor } = view;
    const box = boxOf(layout, selection);
    const headers: React.ReactNode[] = [];
    for (let column = 0; column < layout.columnCount; column++) {
      const width = layout.widths[column] ?? 0;
      if (width === 0) continue;
      const selected = column >= selection.firstColumn && column <= selection.lastColumn;
      headers.push(
        <div
          key={column}
          role="columnheader"
          data-column-header={column}
          className={mergeClasses(styles.columnHeader, selected && styles.headerSelected)}
          style={{ width }}
        >
          {columnLetters(column)}
        </div>
      );
    }
    return (
      <div
        ref={ref}
        {...rest}
        style={{
          ...style,
          height: Number(style?.height ?? 0) + HEADER_HEIGHT,
          width: layout.totalWidth,
          minWidth: "100%",
        }}
      >
        <div
          role="row"
          aria-rowindex={1}
          className={styles.columnHeaders}
          style={{ width: layout.totalWidth }}
        >
          <div className={styles.corner} />
          {headers}
        </div>
        {layout.frozenRows > 0 && (
          // The frozen rows stay under the column letters as the rows scroll (Excel's Freeze Panes).
          <div
            aria-hidden="true"
            data-testid="frozen-rows"
            className={styles.frozenRows}
            style={{ width: layout.totalWidth, height: layout.frozenRows * ROW_HEIGHT }}
          >
            {Array.from({ length: layout.frozenRows }, (_, index) => (
              <GridRow
                key={index}
                index={index}
                data={{ ...view, frozenCopy: true }}
                style={{ position: "absolute", left: 0, top: index * ROW_HEIGHT - HEADER_HEIGHT }}
              />
            ))}
          </div>
        )}
        {children}
        <div
          key={flash}
          data-testid="grid-selection"
          className={mergeClasses(styles.selection, flash > 0 && styles.flash)}
          style={box}
        />
        {editor}
      </div>
    );
  }
);
