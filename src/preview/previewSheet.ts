/**
 * What the preview keeps for each sheet beside the cells the formula engine holds: Excel tables, conditional
 * formats, data validations, number formats, the cells' own look, links and column widths.
 */

/** Fill and font of a cell: hex RGB colours without "#" (as the domain's highlight colours), and boldness. */
export interface CellLook {
  fill?: string;
  font?: string;
  bold?: boolean;
}

/** A conditional-format rule. */
export interface PreviewRule {
  /** A1 areas the rule applies to; relative references in the formula are relative to the first one's top-left. */
  ranges: string[];
  /** Excel formula without "=", true where the format applies; null for a rule the preview does not evaluate. */
  formula: string | null;
  fill?: string;
  font?: string;
  bold?: boolean;
  /** True for the rules the add-in's audit made. */
  ours: boolean;
  /**
   * The rule as the file held it, written back unchanged: "cell value" and "text contains" rules (shown through an
   * equivalent formula) and the kinds the preview does not show (colour scales, data bars, icon sets…).
   */
  original?: unknown;
}

/** An Excel table (ListObject): its name, its A1 range with the header row, its style. */
export interface PreviewTable {
  name: string;
  address: string;
  style?: string;
}

/** A data validation: a drop-down list of choices, or another kind kept as the file held it. */
export type PreviewValidation =
  { range: string; choices: string[] } | { range: string; original: unknown };

export interface PreviewSheet {
  name: string;
  hidden: boolean;
  tables: PreviewTable[];
  /** In precedence order: the first rule has the highest priority. */
  rules: PreviewRule[];
  validations: PreviewValidation[];
  /** Keyed by the domain's cellKey(row, column). */
  numberFormats: Map<number, string>;
  looks: Map<number, CellLook>;
  /** Hyperlinks: "#'Sheet'!A1" inside the workbook, or an address outside it. */
  links: Map<number, string>;
  /** Widths in characters, as Excel measures them. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Indent levels of cells (cellKey), and outline levels of grouped rows, as the file held them. */
  indents: Map<number, number>;
  outlineLevels: Map<number, number>;
  /** Rows frozen at the top (Excel's Freeze Panes, as the file holds it): they stay in view as the grid scrolls. */
  frozenRows: number;
}

/** An empty sheet's metadata. */
export function emptySheet(name: string): PreviewSheet {
  return {
    name,
    hidden: false,
    tables: [],
    rules: [],
    validations: [],
    numberFormats: new Map(),
    looks: new Map(),
    links: new Map(),
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    indents: new Map(),
    outlineLevels: new Map(),
    frozenRows: 0,
  };
}

/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * A column width in characters as pixels on screen (Excel: seven pixels per character of the default font plus
 * five of padding).
 * @example widthInPixels(8.43) // 64
 */
export function widthInPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}
