import * as React from "react";
import { RangeBounds } from "../../workbook/operations";
import { PreviewWorkbook } from "../PreviewWorkbook";
import { GridLayout } from "./gridLayout";

/** What the rows and the list's inner element read: the sheet's layout, the selection, the editor to show. */
export interface GridView {
  workbook: PreviewWorkbook;
  layout: GridLayout;
  selection: RangeBounds;
  /** Changes each time the pane asks to show a cell, to play the highlight again. */
  flash: number;
  /** The in-cell editor, drawn over its cell. */
  editor: React.ReactNode;
  /** Element ids of cells, for aria-activedescendant. */
  idPrefix: string;
  /** The workbook's revision the view belongs to: rows re-render when it changes. */
  revision: number;
  /**
   * True for the copies of the frozen rows drawn over the scrolled ones: they answer clicks like the rows they copy
   * but carry no ids or addresses (the rows in the list keep those) and are hidden from assistive technology.
   */
  frozenCopy?: boolean;
}

export const GridContext = React.createContext<GridView | null>(null);

/** The grid's view; a part of the grid outside it is a programming mistake. */
export function useGridView(): GridView {
  const view = React.useContext(GridContext);
  if (!view) throw new Error("grid parts need a <GridContext.Provider> above them");
  return view;
}
