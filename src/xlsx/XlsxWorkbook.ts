/**
 * A GoalWorkbook over an .xlsx package in memory: the one writer of every file the product makes (the command
 * line's copies, the preview's saves). It owns only what it writes — its highlight rules and the differential
 * formats they use, its audit sheet and the entries registering it, and the cells it is asked to write — and
 * edits those spans of the parts in place: every other part, and every other byte of the parts it edits, leaves
 * the package as it came (pivot tables, charts, drawings, slicers, comments, validation, VBA projects…).
 */
import { AUDIT_LAYOUT, CellValue, columnLetters, KEY_MARKER } from "../domain";
import { auditSheetLayout, AuditSheetLayout, LINK_COLOR } from "../workbook/auditLayout";
import {
  ActiveCell,
  AppendedRows,
  AuditWrite,
  CellBlock,
  GoalWorkbook,
  InsertedTable,
  TableInsert,
  TableSource,
  WorkbookError,
} from "../workbook/GoalWorkbook";
import { freeSheetName, hasKeyMarker, isOwnRule } from "../workbook/ownAudit";
import { boundsAddress, rangeBounds, RangeBounds } from "../workbook/operations";
import {
  CONTENT_TYPES,
  insertBeforeClose,
  OpcPackage,
  PartTooLargeError,
  RELATIONSHIP_TYPES,
  RELATIONSHIPS_NAMESPACE,
  relationshipsPartOf,
} from "./OpcPackage";
import {
  CellContent,
  cellRef,
  cellXml,
  CellEdit,
  editSheetCells,
  newSheetRows,
  readRowFormats,
  readSharedStrings,
  readSheetCells,
  SheetCells,
} from "./sheetData";
import { MINIMAL_STYLES, solidFill, StyleSheet } from "./styles";
import {
  attribute,
  children,
  decodeXml,
  ElementSpan,
  elements,
  escapeXml,
  firstElement,
  firstRootTag,
  prefixOf,
  rootElement,
  spliceAll,
  splicePieces,
  withAttribute,
} from "./xml";

const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
/** The most sheets a workbook may have before it is refused (Excel's own limit is memory). */
export const MAX_SHEETS = 1_000;

/** Children of a worksheet in schema order (CT_Worksheet, ECMA-376 Part 1 §18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Why a package cannot be used as a workbook: the caller words it for the user. */
export type PackageProblem =
  | { kind: "noWorkbook" }
  | { kind: "damaged"; part: string }
  | { kind: "tooManySheets"; count: number }
  | { kind: "outsideGrid"; sheet: string; row: number; column: number }
  | { kind: "partTooLarge"; sheet: string; bytes: number };

export class PackageError extends Error {
  override name = "PackageError";

  constructor(readonly problem: PackageProblem) {
    super(problem.kind);
  }
}

/** A sheet as the workbook part lists it. */
interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
  hidden: boolean;
  /** The `<sheet>` element's span in the workbook part when it was read. */
}

export class XlsxWorkbook implements GoalWorkbook {
  private readonly workbookPart: string;
  private sheets: SheetEntry[] = [];
  private readonly cells = new Map<string, SheetCells>();
  private strings: string[] | null = null;
  private active: ActiveCell;
  private readonly settings = new Map<string, unknown>();

  private constructor(private readonly pkg: OpcPackage) {
    const main = pkg
      .relationships("")
      .find((rel) => rel.type === RELATIONSHIP_TYPES.officeDocument);
    const part = main?.part ?? "xl/workbook.xml";
    if (!pkg.has(part)) throw new PackageError({ kind: "noWorkbook" });
    this.workbookPart = pkg.find(part) as string;
    this.readSheets();
    if (this.sheets.length > MAX_SHEETS)
      throw new PackageError({ kind: "tooManySheets", count: this.sheets.length });
    const xml = this.workbookXml();
    const view = firstElement(xml, "workbookView");
    const tab = Number(view ? (attribute(view.tag, "activeTab") ?? 0) : 0);
    const shown = this.sheets[tab] ?? this.sheets.find((sheet) => !sheet.hidden) ?? this.sheets[0];
    this.active = { sheet: shown?.name ?? "", row: 1, column: 0 };
  }

  /** Opens the bytes of an .xlsx (or .xlsm) package. */
  static open(bytes: Uint8Array): XlsxWorkbook {
    return new XlsxWorkbook(OpcPackage.open(bytes));
  }

  /**
   * A new workbook holding rows on one sheet (a CSV opened as Excel opens it: numbers as numbers, the rest as
   * text).
   */
  static fromRows(sheetName: string, rows: readonly CellValue[][]): XlsxWorkbook {
    const pkg = OpcPackage.empty();
    pkg.write(
      CONTENT_TYPES,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
    );
    pkg.addRelationship("", RELATIONSHIP_TYPES.officeDocument, "xl/workbook.xml");
    pkg.write(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`
    );
    pkg.write("xl/styles.xml", MINIMAL_STYLES);
    pkg.addRelationship("xl/workbook.xml", RELATIONSHIP_TYPES.styles, "xl/styles.xml");
    const workbook = new XlsxWorkbook(pkg);
    const part = workbook.addSheetPart(sheetName, emptyWorksheet());
    const edits: CellEdit[] = [];
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === null || value === undefined || value === "") return;
        edits.push(writeEdit(r + 1, c, { value: csvValue(value) }));
      })
    );
    workbook.pkg.write(part, editSheetCells(workbook.pkg.text(part) as string, edits));
    workbook.active = { sheet: sheetName, row: 1, column: 0 };
    return workbook;
  }

  /** The package as bytes. */
  toBytes(now?: Date): Uint8Array {
    return this.pkg.toBytes(now);
  }

  /** True when the package carries a VBA project (its copy must stay .xlsm). */
  hasMacros(): boolean {
    return this.pkg.parts().some((part) => /(^|\/)vbaProject\.bin$/i.test(part));
  }

  /** Sheet names in workbook order. */
  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The parts of the package, for tests and reports. */
  parts(): string[] {
    return this.pkg.parts();
  }

  /** A part's bytes, for tests. */
  part(name: string): Uint8Array | null {
    return this.pkg.read(name);
  }

  // ---- the workbook part -----------------------------------------------------------------------------------

  private workbookXml(): string {
    const xml = this.pkg.text(this.workbookPart);
    if (xml === null) throw new PackageError({ kind: "noWorkbook" });
    return xml;
  }

  private readSheets(): void {
    const xml = this.workbookXml();
    const rels = this.pkg.relationships(this.workbookPart);
    let list: ElementSpan[];
    try {
      const sheets = firstElement(xml, "sheets");
      list = sheets ? elements(xml, "sheet", sheets.innerStart, sheets.innerEnd) : [];
    } catch {
      throw new PackageError({ kind: "damaged", part: this.workbookPart });
    }
    this.sheets = list.map(({ tag }) => {
      const relId = attribute(tag, "id") ?? "";
      const rel = rels.find((one) => one.id === relId);
      const state = attribute(tag, "state");
      return {
        name: attribute(tag, "name") ?? "",
        sheetId: Number(attribute(tag, "sheetId") ?? 0),
        relId,
        part: (rel?.part && this.pkg.find(rel.part)) || (rel?.part ?? ""),
        hidden: state === "hidden" || state === "veryHidden",
      };
    });
  }

  private entry(name: string): SheetEntry {
    const lower = name.toLowerCase();
    const found = this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
    if (!found) throw new WorkbookError("NOT_FOUND", `sheet “${name}”`);
    return found;
  }

  private sharedStrings(): string[] {
    if (this.strings === null) {
      const rel = this.pkg
        .relationships(this.workbookPart)
        .find((one) => one.type === RELATIONSHIP_TYPES.sharedStrings);
      this.strings = readSharedStrings(rel?.part ? this.pkg.text(rel.part) : null);
      // The strings are what is needed: the part's text (as big as all of them) need not stay.
      if (rel?.part) this.pkg.forget(rel.part);
    }
    return this.strings;
  }

  /** A sheet's part as text, or null when the part is missing. */
  private sheetText(sheet: SheetEntry): string | null {
    try {
      return this.pkg.text(sheet.part);
    } catch (error) {
      if (error instanceof PartTooLargeError)
        throw new PackageError({ kind: "partTooLarge", sheet: sheet.name, bytes: error.bytes });
      throw error;
    }
  }

  private sheetXml(sheet: SheetEntry): string {
    const xml = this.sheetText(sheet);
    if (xml === null) throw new PackageError({ kind: "damaged", part: sheet.part || sheet.name });
    return xml;
  }

  /** A sheet's cells, read once (and again after the add-in writes to it). */
  private sheetCells(sheet: SheetEntry): SheetCells {
    const cached = this.cells.get(sheet.part);
    if (cached) return cached;
    let read: SheetCells;
    try {
      read = readSheetCells(this.sheetXml(sheet), this.sharedStrings());
    } catch (error) {
      const grid = error as { row?: number; column?: number; name?: string };
      if (grid.name === "OutsideGridError")
        throw new PackageError({
          kind: "outsideGrid",
          sheet: sheet.name,
          row: grid.row as number,
          column: grid.column as number,
        });
      if (error instanceof PackageError) throw error;
      throw new PackageError({ kind: "damaged", part: sheet.part });
    }
    this.cells.set(sheet.part, read);
    return read;
  }

  /**
   * Lets go of the cells read so far, and of the text of every sheet but `keep`: a caller that has taken what it
   * needs (the command line, once it has the goal table) does not hold a big workbook twice. What is asked for
   * later is read again.
   */
  release(keep: string | null = null): void {
    this.cells.clear();
    for (const sheet of this.sheets)
      if (sheet.name !== keep && !this.pkg.isChanged(sheet.part)) this.pkg.forget(sheet.part);
  }

  /** The formulas of a sheet's cells, by "row:column" (1-based row, 0-based column). */
  formulas(sheetName: string): Map<string, string> {
    return this.sheetCells(this.entry(sheetName)).formulas;
  }

  /** The bounds of a sheet's non-empty cells, or null. */
  usedBounds(sheetName: string): RangeBounds | null {
    return this.sheetCells(this.entry(sheetName)).bounds;
  }

  // ---- GoalWorkbook ----------------------------------------------------------------------------------------

  async activeCell(): Promise<ActiveCell> {
    return { ...this.active };
  }

  async candidates(sheetName: string): Promise<TableSource[]> {
    const sheet = this.entry(sheetName);
    const found: TableSource[] = [];
    for (const rel of this.pkg.relationships(sheet.part)) {
      if (rel.type !== RELATIONSHIP_TYPES.table || rel.part === null) continue;
      const xml = this.pkg.text(rel.part);
      const root = xml ? firstRootTag(xml) : null;
      const ref = root ? attribute(root, "ref") : undefined;
      if (!root || !ref) continue;
      found.push({
        sheet: sheet.name,
        address: ref.replace(/\$/g, ""),
        tableName: attribute(root, "displayName") ?? attribute(root, "name") ?? null,
      });
    }
    const bounds = this.sheetCells(sheet).bounds;
    if (bounds) {
      const address = boundsAddress(bounds);
      if (!found.some((table) => table.address === address))
        found.push({ sheet: sheet.name, address, tableName: null });
    }
    return found;
  }

  async readValues(sheetName: string, address: string): Promise<CellValue[][]> {
    const { rows } = this.sheetCells(this.entry(sheetName));
    const bounds = rangeBounds(address);
    const width = bounds.lastColumn - bounds.firstColumn + 1;
    const out: CellValue[][] = [];
    for (let row = bounds.firstRow; row <= bounds.lastRow; row++) {
      const line = rows.get(row);
      const values: CellValue[] = new Array<CellValue>(width).fill(null);
      if (line) for (let c = 0; c < width; c++) values[c] = line[bounds.firstColumn + c] ?? null;
      out.push(values);
    }
    return out;
  }

  async rowDepths(sheetName: string, address: string): Promise<Map<number, number>> {
    const bounds = rangeBounds(address);
    const { levels, styles } = readRowFormats(
      this.sheetXml(this.entry(sheetName)),
      bounds.firstColumn,
      bounds.firstRow,
      bounds.lastRow
    );
    if (levels.size > 0) return levels;
    const depths = new Map<number, number>();
    if (styles.size === 0) return depths;
    const indents = this.styleSheet().indentLevels();
    for (const [row, style] of styles) {
      const indent = indents[style] ?? 0;
      if (indent > 0) depths.set(row, indent);
    }
    return depths;
  }

  async writeValues(sheetName: string, blocks: CellBlock[]): Promise<void> {
    this.writeContents(
      sheetName,
      blocks.flatMap((block) => {
        const { firstRow, firstColumn } = rangeBounds(block.address);
        return block.values.flatMap((line, r) =>
          line.map((value, c) => ({
            row: firstRow + r,
            column: firstColumn + c,
            content: { value },
          }))
        );
      })
    );
  }

  /**
   * Writes cells (values, or formulas with their cached results), keeping each cell's style; a cell written with
   * no value keeps its style and loses its content.
   */
  writeContents(
    sheetName: string,
    contents: ReadonlyArray<{
      row: number;
      column: number;
      content: CellContent;
      /** A number format or boldness the cell takes on, the rest of its look kept. */
      format?: { numberFormat?: string; bold?: boolean };
    }>
  ): void {
    const sheet = this.entry(sheetName);
    const formatted = contents.some((one) => one.format !== undefined);
    const styles = formatted ? this.styleSheet() : null;
    const edits = contents.map(({ row, column, content, format }): CellEdit => {
      if (!format || !styles) return writeEdit(row, column, content);
      return {
        row,
        column,
        replace: (existing, prefix) =>
          cellXml(
            cellRef(row, column),
            String(styles.cellFormatLike(existing.style, format)),
            content,
            prefix,
            existing.xml
          ),
      };
    });
    this.pkg.write(sheet.part, editSheetCells(this.sheetXml(sheet), edits));
    if (styles) this.writeStyles(styles);
    this.cells.delete(sheet.part);
    this.widenDimension(sheet, contents);
  }

  /** Widens a sheet's `<dimension>` (a hint readers size the sheet by) to cells written outside it. */
  private widenDimension(
    sheet: SheetEntry,
    cells: ReadonlyArray<{ row: number; column: number }>
  ): void {
    const xml = this.sheetXml(sheet);
    const dimension = /<(?:[\w.-]+:)?dimension\b[^>]*?\bref="([^"]*)"[^>]*?\/?>/.exec(xml);
    if (!dimension || cells.length === 0) return;
    let bounds: RangeBounds;
    try {
      bounds = rangeBounds(dimension[1] as string);
    } catch {
      return;
    }
    const wider = { ...bounds };
    for (const { row, column } of cells) {
      wider.firstRow = Math.min(wider.firstRow, row);
      wider.lastRow = Math.max(wider.lastRow, row);
      wider.firstColumn = Math.min(wider.firstColumn, column);
      wider.lastColumn = Math.max(wider.lastColumn, column);
    }
    const ref = boundsAddress(wider);
    if (ref === boundsAddress(bounds)) return;
    const tag = withAttribute(dimension[0], "ref", ref);
    this.pkg.write(
      sheet.part,
      xml.slice(0, dimension.index) + tag + xml.slice(dimension.index + dimension[0].length)
    );
  }

  /** Adds an empty worksheet at the end. */
  createSheet(name: string): void {
    this.addSheetPart(name, emptyWorksheet());
  }

  /** Column widths (characters) of a sheet that has none set yet; a sheet with its own widths keeps them. */
  setColumnWidths(
    sheetName: string,
    widths: ReadonlyMap<number, number>,
    hidden: ReadonlySet<number> = new Set()
  ): void {
    const sheet = this.entry(sheetName);
    const xml = this.sheetXml(sheet);
    if (widths.size === 0 && hidden.size === 0) return;
    if (/<(?:[\w.-]+:)?cols\b/.test(xml)) return;
    const prefix = prefixOf(xml, MAIN_NAMESPACE) ?? "";
    const columns = [...new Set([...widths.keys(), ...hidden])].sort((a, b) => a - b);
    const cols = columns
      .map((column) => {
        const width = widths.get(column);
        return `<${prefix}col min="${column + 1}" max="${column + 1}" width="${hidden.has(column) ? 0 : columnWidth(width ?? 8.43)}"${hidden.has(column) ? ' hidden="1"' : ""} customWidth="1"/>`;
      })
      .join("");
    this.pkg.write(sheet.part, insertChild(xml, "cols", `<${prefix}cols>${cols}</${prefix}cols>`));
  }

  /** Adds a drop-down list of choices over a range (a list data validation, as Excel's Data > Data Validation). */
  addValidation(sheetName: string, range: string, choices: readonly string[]): void {
    const sheet = this.entry(sheetName);
    const xml = this.sheetXml(sheet);
    const prefix = prefixOf(xml, MAIN_NAMESPACE) ?? "";
    const list = `"${choices.join(",").replace(/"/g, '""')}"`;
    const entry = `<${prefix}dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${escapeXml(range)}"><${prefix}formula1>${escapeXml(list)}</${prefix}formula1></${prefix}dataValidation>`;
    const root = rootElement(xml);
    const existing = children(xml, root, ["sheetData"]).find(
      (kid) => kid.tag.name === "dataValidations"
    );
    if (!existing) {
      this.pkg.write(
        sheet.part,
        insertChild(
          xml,
          "dataValidations",
          `<${prefix}dataValidations count="1">${entry}</${prefix}dataValidations>`
        )
      );
      return;
    }
    const count =
      elements(xml, "dataValidation", existing.innerStart, existing.innerEnd).length + 1;
    const open = withAttribute(
      xml.slice(existing.tag.start, existing.tag.end),
      "count",
      String(count)
    );
    this.pkg.write(
      sheet.part,
      spliceAll(xml, [
        { start: existing.tag.start, end: existing.tag.end, text: open },
        { start: existing.innerEnd, end: existing.innerEnd, text: entry },
      ])
    );
  }

  /**
   * Adds an Excel table (ListObject) over a range whose first row holds its headers: a table part, its
   * registration, and the sheet's reference to it.
   */
  addTable(sheetName: string, address: string, name: string, style = "TableStyleMedium2"): void {
    const sheet = this.entry(sheetName);
    const bounds = rangeBounds(address);
    const header = this.sheetCells(sheet).rows.get(bounds.firstRow) ?? [];
    const used = new Set<string>();
    const columns: string[] = [];
    for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
      const text = header[column];
      let title =
        text === null || text === undefined || text === ""
          ? `Column${column - bounds.firstColumn + 1}`
          : String(text);
      for (let n = 2; used.has(title.toLowerCase()); n++) title = `${String(text)}${n}`;
      used.add(title.toLowerCase());
      columns.push(title);
    }
    let id = 1;
    let n = 1;
    for (const part of this.pkg.parts()) {
      if (!/(^|\/)tables\/table\d+\.xml$/i.test(part)) continue;
      const root = firstRootTag(this.pkg.text(part) ?? "");
      id = Math.max(id, Number(root ? (attribute(root, "id") ?? 0) : 0) + 1);
    }
    const folder = this.workbookPart.slice(0, this.workbookPart.lastIndexOf("/") + 1);
    while (this.pkg.has(`${folder}tables/table${n}.xml`)) n++;
    const part = `${folder}tables/table${n}.xml`;
    const ref = boundsAddress(bounds);
    this.pkg.write(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NAMESPACE}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns
        .map((title, index) => `<tableColumn id="${index + 1}" name="${escapeXml(title)}"/>`)
        .join(
          ""
        )}</tableColumns><tableStyleInfo name="${escapeXml(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
    );
    this.pkg.setContentType(
      part,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
    );
    const relId = this.pkg.addRelationship(sheet.part, RELATIONSHIP_TYPES.table, part);
    const xml = this.sheetXml(sheet);
    const prefix = prefixOf(xml, MAIN_NAMESPACE) ?? "";
    const r = prefixOf(xml, RELATIONSHIPS_NAMESPACE);
    const idAttribute = r
      ? `${r}id="${relId}"`
      : `xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id="${relId}"`;
    const entry = `<${prefix}tablePart ${idAttribute}/>`;
    const root = rootElement(xml);
    const existing = children(xml, root, ["sheetData"]).find(
      (kid) => kid.tag.name === "tableParts"
    );
    if (!existing) {
      this.pkg.write(
        sheet.part,
        insertChild(
          xml,
          "tableParts",
          `<${prefix}tableParts count="1">${entry}</${prefix}tableParts>`
        )
      );
      return;
    }
    const count = elements(xml, "tablePart", existing.innerStart, existing.innerEnd).length + 1;
    const open = withAttribute(
      xml.slice(existing.tag.start, existing.tag.end),
      "count",
      String(count)
    );
    const body =
      existing.tag.kind === "empty"
        ? `${open.replace(/\s*\/>$/, ">")}${entry}</${existing.tag.qname}>`
        : null;
    this.pkg.write(
      sheet.part,
      body !== null
        ? spliceAll(xml, [{ start: existing.start, end: existing.end, text: body }])
        : spliceAll(xml, [
            { start: existing.tag.start, end: existing.tag.end, text: open },
            { start: existing.innerEnd, end: existing.innerEnd, text: entry },
          ])
    );
  }

  /**
   * Replaces formulas by values (the command line's `calc --out`): the cells keep their styles and lose their
   * formulas, their calculation-chain entries go, and the workbook is flagged to recalculate everything on open,
   * so that formulas depending on them show values computed from the new ones.
   */
  replaceFormulas(
    sheetName: string,
    cells: ReadonlyArray<{ row: number; column: number; value: CellValue }>
  ): void {
    const sheet = this.entry(sheetName);
    this.writeContents(
      sheet.name,
      cells.map(({ row, column, value }) => ({ row, column, content: { value } }))
    );
    this.dropFromCalcChain(
      sheet.sheetId,
      new Set(cells.map((cell) => cellRef(cell.row, cell.column)))
    );
    this.setFullCalcOnLoad();
  }

  /** Removes cells from the calculation chain (xl/calcChain.xml); an empty chain goes with its registration. */
  private dropFromCalcChain(sheetId: number, refs: ReadonlySet<string>): void {
    const rel = this.pkg
      .relationships(this.workbookPart)
      .find((one) => one.type === RELATIONSHIP_TYPES.calcChain);
    const part = rel?.part ? this.pkg.find(rel.part) : null;
    const xml = part ? this.pkg.text(part) : null;
    if (!rel || !part || xml === null) return;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    let kept = 0;
    // An entry without `i` belongs to the sheet of the entry before it (ECMA-376 §18.6.1), so entries that follow a
    // removed one are written with their sheet spelled out.
    let current = 0;
    let spell = false;
    for (const span of elements(xml, "c")) {
      const i = attribute(span.tag, "i");
      if (i !== undefined) current = Number(i);
      const ref = (attribute(span.tag, "r") ?? "").replace(/\$/g, "");
      if (current === sheetId && refs.has(ref)) {
        edits.push({ start: span.start, end: span.end, text: "" });
        spell = true;
        continue;
      }
      kept++;
      if (spell && i === undefined)
        edits.push({
          start: span.tag.start,
          end: span.tag.end,
          text: withAttribute(xml.slice(span.tag.start, span.tag.end), "i", String(current)),
        });
      spell = false;
    }
    if (kept > 0) {
      this.pkg.write(part, spliceAll(xml, edits));
      return;
    }
    this.pkg.remove(part);
    this.pkg.removeContentType(part);
    this.pkg.removeRelationship(this.workbookPart, rel.id);
  }

  /** Sets `fullCalcOnLoad` on the workbook's calculation properties (creating them in their schema place). */
  setFullCalcOnLoad(): void {
    const xml = this.workbookXml();
    const calc = firstElement(xml, "calcPr");
    if (calc) {
      const tag = xml.slice(calc.tag.start, calc.tag.end);
      const edited = withAttribute(tag, "fullCalcOnLoad", "1");
      if (edited !== tag)
        this.pkg.write(
          this.workbookPart,
          xml.slice(0, calc.tag.start) + edited + xml.slice(calc.tag.end)
        );
      return;
    }
    const prefix = prefixOf(xml, MAIN_NAMESPACE) ?? "";
    const root = rootElement(xml);
    const before = [
      "oleSize",
      "customWorkbookViews",
      "pivotCaches",
      "smartTagPr",
      "smartTagTypes",
      "webPublishing",
      "fileRecoveryPr",
      "webPublishObjects",
      "extLst",
    ];
    const next = children(xml, root).find((kid) => before.includes(kid.tag.name));
    const at = next ? next.start : root.innerEnd;
    this.pkg.write(
      this.workbookPart,
      `${xml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`
    );
  }

  async nonEmpty(sheetName: string, addresses: string[]): Promise<string[]> {
    const { rows } = this.sheetCells(this.entry(sheetName));
    return addresses.filter((address) => {
      const { firstRow, firstColumn } = rangeBounds(address);
      const value = rows.get(firstRow)?.[firstColumn];
      return value !== null && value !== undefined && value !== "";
    });
  }

  async auditSheetName(preferred: string): Promise<string> {
    const own = new Set(this.ownAuditSheets().map((sheet) => sheet.name));
    return freeSheetName(
      preferred,
      this.sheets.filter((sheet) => !own.has(sheet.name)).map((sheet) => sheet.name)
    );
  }

  /** The add-in's audit sheets: row 1 of their key columns carries the marker. */
  private ownAuditSheets(): SheetEntry[] {
    return this.sheets.filter((sheet) => {
      const xml = this.sheetText(sheet);
      // Cheap test first: the marker is in the sheet (inline) or in the shared strings.
      if (xml === null) return false;
      if (!xml.includes(KEY_MARKER) && !this.sharedStrings().some((s) => s.startsWith(KEY_MARKER)))
        return false;
      const line = this.sheetCells(sheet).rows.get(1) ?? [];
      return hasKeyMarker(line.slice(AUDIT_LAYOUT.firstKeyColumn));
    });
  }

  async applyAudit(audit: AuditWrite): Promise<void> {
    const own = this.ownAuditSheets();
    const ownNames = own.map((sheet) => sheet.name);
    this.removeOwnRules([...ownNames, audit.auditSheet]);
    const styles = this.styleSheet();
    const xml = auditSheetXml(auditSheetLayout(audit.content, audit.goalSheet), styles);
    // The audit sheet is refilled where it was (its part, its place among the sheets), so nothing that counts
    // sheets by position — defined names' localSheetId, the active tab — moves.
    const reused = own[0];
    for (const extra of own.slice(1)) this.removeSheet(extra);
    if (reused) {
      this.pkg.write(reused.part, xml);
      this.cells.delete(reused.part);
      if (reused.name !== audit.auditSheet) this.renameSheet(reused, audit.auditSheet);
    } else {
      this.addSheetPart(audit.auditSheet, xml);
    }
    this.addRules(audit, styles);
    this.writeStyles(styles);
  }

  async clearAudit(): Promise<{ rules: number; sheet: boolean }> {
    const own = this.ownAuditSheets();
    const rules = this.removeOwnRules(own.map((sheet) => sheet.name));
    for (const sheet of own) this.removeSheet(sheet);
    return { rules, sheet: own.length > 0 };
  }

  async select(sheet: string, address: string): Promise<void> {
    const { firstRow, firstColumn } = rangeBounds(address);
    this.active = { sheet: this.entry(sheet).name, row: firstRow, column: firstColumn };
  }

  /** Makes a sheet the active one (what the command line audits when no sheet is named). */
  activate(sheet: string): void {
    this.active = { sheet: this.entry(sheet).name, row: 1, column: 0 };
  }

  /**
   * Inserts the template as an Excel table on a sheet of its own (a file has no active sheet to insert below): its
   * headers, rows, each column's number format, drop-down and width, as the Excel host inserts it.
   */
  async insertTable(table: TableInsert): Promise<InsertedTable> {
    const name = freeSheetName(table.sheetName, this.sheetNames());
    this.addSheetPart(name, emptyWorksheet());
    const header = table.columns.map((column) => column.header);
    const lastRow = table.rows.length + 1;
    this.writeContents(name, [
      ...header.map((value, column) => ({ row: 1, column, content: { value } })),
      ...table.rows.flatMap((line, r) =>
        table.columns.map((spec, column) => ({
          row: r + 2,
          column,
          content: { value: line[column] ?? null },
          ...(spec.numberFormat ? { format: { numberFormat: spec.numberFormat } } : {}),
        }))
      ),
    ]);
    const address = `A1:${columnLetters(header.length - 1)}${lastRow}`;
    const tableName = this.freeTableName();
    this.addTable(name, address, tableName);
    table.columns.forEach((spec, column) => {
      if (spec.choices)
        this.addValidation(
          name,
          `${columnLetters(column)}2:${columnLetters(column)}${lastRow}`,
          spec.choices
        );
    });
    this.setColumnWidths(
      name,
      new Map(table.columns.map((spec, column) => [column, spec.width] as [number, number]))
    );
    return { sheet: name, address, tableName, newSheet: true };
  }

  /** A table name no table of the workbook has (table names are unique in a workbook). */
  private freeTableName(): string {
    const taken = new Set<string>();
    for (const part of this.pkg.parts()) {
      if (!/(^|\/)tables\/table\d+\.xml$/i.test(part)) continue;
      const root = firstRootTag(this.pkg.text(part) ?? "");
      const named = root ? (attribute(root, "displayName") ?? attribute(root, "name")) : undefined;
      if (named) taken.add(named.toLowerCase());
    }
    let n = 1;
    while (taken.has(`goaltable${n}`)) n++;
    return `GoalTable${n}`;
  }

  async appendRows(table: TableSource, rows: CellValue[][]): Promise<void> {
    // Directly under the table, as Excel grows a table and as the other hosts append.
    const bounds = rangeBounds(table.address);
    const start = bounds.lastRow + 1;
    this.writeContents(
      table.sheet,
      rows.flatMap((line, r) =>
        line.map((value, c) => ({
          row: start + r,
          column: bounds.firstColumn + c,
          content: { value },
        }))
      )
    );
    if (table.tableName !== null)
      this.resizeTable(
        table.sheet,
        table.tableName,
        boundsAddress({ ...bounds, lastRow: bounds.lastRow + rows.length })
      );
  }

  /** Moves an Excel table's ref (and its autoFilter's) to a new range, as Excel does when the table grows. */
  resizeTable(sheetName: string, tableName: string, address: string): void {
    const table = { sheet: sheetName, tableName };
    const sheet = this.entry(table.sheet);
    for (const rel of this.pkg.relationships(sheet.part)) {
      if (rel.type !== RELATIONSHIP_TYPES.table || rel.part === null) continue;
      const xml = this.pkg.text(rel.part);
      const root = xml ? firstRootTag(xml) : null;
      if (
        !xml ||
        !root ||
        (attribute(root, "displayName") ?? attribute(root, "name")) !== table.tableName
      )
        continue;
      const ref = boundsAddress(rangeBounds(address));
      let edited =
        xml.slice(0, root.start) +
        withAttribute(xml.slice(root.start, root.end), "ref", ref) +
        xml.slice(root.end);
      const filter = firstElement(edited, "autoFilter");
      if (filter)
        edited =
          edited.slice(0, filter.tag.start) +
          withAttribute(edited.slice(filter.tag.start, filter.tag.end), "ref", ref) +
          edited.slice(filter.tag.end);
      this.pkg.write(rel.part, edited);
    }
  }

  async sheetValues(sheetName: string): Promise<CellValue[][] | null> {
    const lower = sheetName.toLowerCase();
    const sheet = this.sheets.find((one) => one.name.toLowerCase() === lower);
    if (!sheet) return null;
    const bounds = this.sheetCells(sheet).bounds;
    if (!bounds) return [];
    return this.readValues(sheet.name, boundsAddress({ ...bounds, firstRow: 1, firstColumn: 0 }));
  }

  async appendToSheet(
    sheetName: string,
    header: string[],
    rows: CellValue[][],
    formats: readonly (readonly (string | null)[])[] = []
  ): Promise<AppendedRows> {
    const exists = this.sheets.some(
      (sheet) => sheet.name.toLowerCase() === sheetName.toLowerCase()
    );
    if (!exists) this.addSheetPart(sheetName, emptyWorksheet());
    const bounds = this.usedBounds(sheetName);
    const lines = bounds === null ? [header, ...rows] : rows;
    const start = bounds === null ? 1 : bounds.lastRow + 1;
    this.writeContents(
      sheetName,
      lines.flatMap((line, r) =>
        line.map((value, c) => {
          const format = formats[r - (lines.length - rows.length)]?.[c] ?? null;
          return {
            row: start + r,
            column: c,
            content: format === null ? { value } : { value, format: { numberFormat: format } },
          };
        })
      )
    );
    const width = Math.max(1, ...lines.map((line) => line.length));
    return {
      address: boundsAddress({
        firstRow: start,
        lastRow: start + lines.length - 1,
        firstColumn: 0,
        lastColumn: width - 1,
      }),
      newSheet: !exists,
    };
  }

  async loadSetting(key: string): Promise<unknown> {
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
  }

  // ---- sheets ---------------------------------------------------------------------------------------------

  /** Adds a worksheet part and registers it (workbook, relationships, content types, app properties). */
  private addSheetPart(name: string, xml: string | readonly string[]): string {
    let n = this.sheets.length + 1;
    const folder = this.workbookPart.slice(0, this.workbookPart.lastIndexOf("/") + 1);
    while (this.pkg.has(`${folder}worksheets/sheet${n}.xml`)) n++;
    const part = `${folder}worksheets/sheet${n}.xml`;
    this.pkg.write(part, xml);
    this.pkg.setContentType(part, WORKSHEET_TYPE);
    const relId = this.pkg.addRelationship(this.workbookPart, RELATIONSHIP_TYPES.worksheet, part);
    const sheetId = Math.max(0, ...this.sheets.map((sheet) => sheet.sheetId)) + 1;
    const workbook = this.workbookXml();
    const prefix = prefixOf(workbook, MAIN_NAMESPACE) ?? "";
    const r = prefixOf(workbook, RELATIONSHIPS_NAMESPACE);
    const idAttribute = r
      ? `${r}id="${relId}"`
      : `xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id="${relId}"`;
    const entry = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttribute}/>`;
    let sheets = firstElement(workbook, "sheets");
    let text = workbook;
    if (!sheets) {
      const root = rootElement(workbook);
      text = insertBeforeClose(workbook, root, `<${prefix}sheets/>`);
      sheets = firstElement(text, "sheets") as ElementSpan;
    }
    this.pkg.write(this.workbookPart, insertBeforeClose(text, sheets, entry));
    this.sheets.push({ name, sheetId, relId, part, hidden: false });
    this.registerTitle(name);
    return part;
  }

  /** Removes a sheet of the add-in's and what registers it; sheets after it move up, and so do their indexes. */
  private removeSheet(sheet: SheetEntry): void {
    const index = this.sheets.indexOf(sheet);
    const xml = this.workbookXml();
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const sheetsSpan = firstElement(xml, "sheets");
    if (sheetsSpan)
      for (const span of elements(xml, "sheet", sheetsSpan.innerStart, sheetsSpan.innerEnd))
        if (attribute(span.tag, "id") === sheet.relId)
          edits.push({ start: span.start, end: span.end, text: "" });
    // Defined names scoped to sheets count them by position (ECMA-376 §18.2.5 localSheetId).
    const names = firstElement(xml, "definedNames");
    if (names)
      for (const span of elements(xml, "definedName", names.innerStart, names.innerEnd)) {
        const local = attribute(span.tag, "localSheetId");
        if (local === undefined) continue;
        const position = Number(local);
        if (position === index) edits.push({ start: span.start, end: span.end, text: "" });
        else if (position > index)
          edits.push({
            start: span.tag.start,
            end: span.tag.end,
            text: withAttribute(
              xml.slice(span.tag.start, span.tag.end),
              "localSheetId",
              String(position - 1)
            ),
          });
      }
    for (const view of elements(xml, "workbookView")) {
      const tag = xml.slice(view.tag.start, view.tag.end);
      const active = Number(attribute(view.tag, "activeTab") ?? 0);
      const first = Number(attribute(view.tag, "firstSheet") ?? 0);
      let edited = tag;
      if (active >= index && active > 0)
        edited = withAttribute(edited, "activeTab", String(active - 1));
      if (first >= index && first > 0)
        edited = withAttribute(edited, "firstSheet", String(first - 1));
      if (edited !== tag) edits.push({ start: view.tag.start, end: view.tag.end, text: edited });
    }
    this.pkg.write(this.workbookPart, spliceAll(xml, edits));
    this.pkg.removeRelationship(this.workbookPart, sheet.relId);
    this.pkg.remove(sheet.part);
    this.pkg.remove(relationshipsPartOf(sheet.part));
    this.pkg.removeContentType(sheet.part);
    this.cells.delete(sheet.part);
    this.sheets.splice(index, 1);
    this.unregisterTitle(sheet.name);
  }

  private renameSheet(sheet: SheetEntry, name: string): void {
    const xml = this.workbookXml();
    const sheetsSpan = firstElement(xml, "sheets");
    if (!sheetsSpan) return;
    const edits = elements(xml, "sheet", sheetsSpan.innerStart, sheetsSpan.innerEnd)
      .filter((span) => attribute(span.tag, "id") === sheet.relId)
      .map((span) => ({
        start: span.tag.start,
        end: span.tag.end,
        text: withAttribute(xml.slice(span.tag.start, span.tag.end), "name", name),
      }));
    this.pkg.write(this.workbookPart, spliceAll(xml, edits));
    this.unregisterTitle(sheet.name);
    this.registerTitle(name);
    sheet.name = name;
  }

  /** The app properties' list of worksheet titles (docProps/app.xml), kept in step when it is there. */
  private appProperties(): { part: string; xml: string } | null {
    const rel = this.pkg
      .relationships("")
      .find((one) => one.type === RELATIONSHIP_TYPES.extendedProperties);
    const part = rel?.part ? this.pkg.find(rel.part) : null;
    const xml = part ? this.pkg.text(part) : null;
    return part && xml ? { part, xml } : null;
  }

  private registerTitle(name: string): void {
    this.editTitles((titles, count) => ({
      titles: [...titles.slice(0, count), name, ...titles.slice(count)],
      count: count + 1,
    }));
  }

  private unregisterTitle(name: string): void {
    this.editTitles((titles, count) => {
      const at = titles.slice(0, count).indexOf(name);
      if (at < 0) return null;
      return { titles: titles.filter((_, index) => index !== at), count: count - 1 };
    });
  }

  /**
   * Edits the worksheet titles of the app properties: the "Worksheets" heading pair's count and the titles
   * vector (worksheet titles come first). A part laid out otherwise is left as it is.
   */
  private editTitles(
    change: (titles: string[], count: number) => { titles: string[]; count: number } | null
  ): void {
    const app = this.appProperties();
    if (!app) return;
    const { xml } = app;
    const pairs =
      /(<(?:\w+:)?lpstr>(?:Worksheets|工作表)<\/(?:\w+:)?lpstr><\/(?:\w+:)?variant>\s*<(?:\w+:)?variant>\s*<(?:\w+:)?i4>)(\d+)(<\/(?:\w+:)?i4>)/.exec(
        xml
      );
    const vector =
      /(<(?:\w+:)?TitlesOfParts>\s*<(?:\w+:)?vector\b[^>]*>)([\s\S]*?)(<\/(?:\w+:)?vector>)/.exec(
        xml
      );
    if (!pairs || !vector) return;
    const lpstr = /<((?:\w+:)?)lpstr>([\s\S]*?)<\/(?:\w+:)?lpstr>/g;
    const items = [...(vector[2] ?? "").matchAll(lpstr)];
    const prefix = items[0]?.[1] ?? /<(\w+:)?vector/.exec(vector[1] as string)?.[1] ?? "vt:";
    const titles = items.map((item) => decodeXml(item[2] ?? ""));
    const result = change(titles, Number(pairs[2]));
    if (!result) return;
    const body = result.titles
      .map((title) => `<${prefix}lpstr>${escapeXml(title)}</${prefix}lpstr>`)
      .join("");
    const open = withAttribute(vector[1] as string, "size", String(result.titles.length));
    let edited = xml.replace(vector[0], `${open}${body}${vector[3]}`);
    edited = edited.replace(pairs[0], `${pairs[1]}${result.count}${pairs[3]}`);
    this.pkg.write(app.part, edited);
  }

  // ---- rules and styles -----------------------------------------------------------------------------------

  private styleSheet(): StyleSheet {
    const rel = this.pkg
      .relationships(this.workbookPart)
      .find((one) => one.type === RELATIONSHIP_TYPES.styles);
    const xml = rel?.part ? this.pkg.text(rel.part) : null;
    return new StyleSheet(xml && firstElement(xml, "styleSheet") ? xml : MINIMAL_STYLES);
  }

  private writeStyles(styles: StyleSheet): void {
    const rel = this.pkg
      .relationships(this.workbookPart)
      .find((one) => one.type === RELATIONSHIP_TYPES.styles);
    let part = rel?.part ?? null;
    if (part === null) {
      const folder = this.workbookPart.slice(0, this.workbookPart.lastIndexOf("/") + 1);
      part = `${folder}styles.xml`;
      this.pkg.addRelationship(this.workbookPart, RELATIONSHIP_TYPES.styles, part);
      this.pkg.setContentType(
        part,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
      );
    }
    if (this.pkg.text(part) !== styles.text()) this.pkg.write(part, styles.text());
  }

  /**
   * Removes the add-in's highlight rules from every sheet: rules whose formula has the highlight shape and points
   * at one of the add-in's audit sheets (see ownAudit.ts). A conditional format left without rules goes too.
   */
  private removeOwnRules(ownNames: readonly string[]): number {
    let removed = 0;
    for (const sheet of this.sheets) {
      const xml = this.sheetText(sheet);
      if (xml === null || !xml.includes("conditionalFormatting")) continue;
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const root = rootElement(xml);
      for (const format of children(xml, root, ["sheetData"])) {
        if (format.tag.name !== "conditionalFormatting") continue;
        const rules = elements(xml, "cfRule", format.innerStart, format.innerEnd);
        const ours = rules.filter((rule) => {
          const formula = firstElement(xml, "formula", rule.innerStart, rule.innerEnd);
          return (
            formula !== null &&
            isOwnRule(decodeXml(xml.slice(formula.innerStart, formula.innerEnd)), ownNames)
          );
        });
        removed += ours.length;
        if (ours.length === 0) continue;
        if (ours.length === rules.length)
          edits.push({ start: format.start, end: format.end, text: "" });
        else for (const rule of ours) edits.push({ start: rule.start, end: rule.end, text: "" });
      }
      if (edits.length > 0) {
        this.pkg.write(sheet.part, splicePieces(xml, edits));
        this.cells.delete(sheet.part);
      }
    }
    return removed;
  }

  /**
   * Adds the audit's rules to the goal sheet, above the user's own (the user's priorities move down by as many,
   * keeping their order, as Excel's `conditionalFormats.add` does), most severe first, each stopping the ones
   * below it where it applies — the same stack the Excel host builds.
   */
  private addRules(audit: AuditWrite, styles: StyleSheet): void {
    if (audit.rules.length === 0) return;
    const sheet = this.entry(audit.goalSheet);
    let xml = this.sheetXml(sheet);
    const shift = audit.rules.length;
    xml = xml.replace(
      /(<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority=")(\d+)(")/g,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + shift}${b}`
    );
    const prefix = prefixOf(xml, MAIN_NAMESPACE) ?? "";
    const formats = audit.rules
      .map((rule, index) => {
        const dxf = styles.dxf(rule.fill, rule.font);
        return (
          `<${prefix}conditionalFormatting sqref="${rule.range}"><${prefix}cfRule type="expression" dxfId="${dxf}" priority="${index + 1}" stopIfTrue="1">` +
          `<${prefix}formula>${escapeXml(rule.formula)}</${prefix}formula></${prefix}cfRule></${prefix}conditionalFormatting>`
        );
      })
      .join("");
    this.pkg.write(sheet.part, insertChild(xml, "conditionalFormatting", formats));
    this.cells.delete(sheet.part);
  }
}

/** Inserts elements as children of the root in their schema place: after the last child that may precede them. */
function insertChild(xml: string, name: string, text: string): string[] {
  const root = rootElement(xml);
  const rank = WORKSHEET_ORDER.indexOf(name);
  const kids = children(xml, root, ["sheetData"]);
  const after = kids.find((kid) => {
    const position = WORKSHEET_ORDER.indexOf(kid.tag.name);
    return position > rank || position < 0;
  });
  const at = after ? after.start : root.innerEnd;
  // Pieces, not one string: the sheet's text is not copied (OpcPackage.write).
  return [xml.slice(0, at), text, xml.slice(at)];
}

/** A cell edit that writes content and keeps the cell's style. */
function writeEdit(row: number, column: number, content: CellContent): CellEdit {
  return {
    row,
    column,
    replace: (existing, prefix) =>
      cellXml(cellRef(row, column), existing.style, content, prefix, existing.xml),
  };
}

/** A CSV cell as Excel opens it: numbers as numbers, errors as errors, everything else as text. */
function csvValue(value: CellValue): CellValue {
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) && value.trim().length < 16)
    return Number(value);
  return value;
}

function emptyWorksheet(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** Excel's column width for a number of characters of the default font (ECMA-376 §18.3.1.13: padding). */
function columnWidth(characters: number): number {
  return Math.round((characters + 0.71) * 256) / 256;
}

/** The audit sheet's worksheet part, its looks as cell formats of the workbook's styles. */
function auditSheetXml(layout: AuditSheetLayout, styles: StyleSheet): string[] {
  const bold = styles.cellFormat(styles.derivedFont("bold"), null);
  const link = styles.cellFormat(styles.derivedFont("link", LINK_COLOR), null);
  const styleOf = (look: AuditSheetLayout["cells"][number]["look"]): string | undefined => {
    if (look === undefined) return undefined;
    if (look === "bold") return String(bold);
    if (look === "link") return String(link);
    return String(styles.cellFormat(null, solidFill(look.fill)));
  };
  const rows = newSheetRows(layout.cells, (cell) =>
    cellXml(cellRef(cell.row, cell.column), styleOf(cell.look), {
      value: cell.value,
      ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    })
  );
  const widths = [...layout.widths].sort((a, b) => a.column - b.column);
  const cols = [
    ...widths.map(
      ({ column, width }) =>
        `<col min="${column + 1}" max="${column + 1}" width="${columnWidth(width)}" customWidth="1"/>`
    ),
    `<col min="${layout.hidden.from + 1}" max="${layout.hidden.to + 1}" width="0" hidden="1" customWidth="1"/>`,
  ].join("");
  const frozen = layout.frozenRows;
  const view =
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>`;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">` +
      `${view}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
    ...rows,
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  ];
}
