import { Lang } from "../../domain";
import { PreviewWorkbook } from "../PreviewWorkbook";

export interface GridProps {
  workbook: PreviewWorkbook;
  /** The language of the grid's labels. */
  lang?: Lang;
  /**
   * Size of the scrolling area in pixels. By default the grid fills its box and follows its size; a test (or a
   * page without layout) gives it.
   */
  height?: number;
  width?: number;
  className?: string;
}

/** A cell being edited: where, the text so far, and whether arrows move the caret ("edit", after F2) or the cell. */
export interface GridEdit {
  sheet: string;
  row: number;
  column: number;
  text: string;
  /** What the cell held when editing began: an entry left unchanged is not written again. */
  original: string;
  mode: "enter" | "edit";
  /** Where the text is typed: in the cell, or in the formula bar. */
  place: "cell" | "bar";
}
