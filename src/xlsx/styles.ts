/**
 * The styles part (ECMA-376 Part 1 §18.8): the add-in appends the formats it uses — differential formats for its
 * highlight rules, cell formats for its audit sheet — and reuses an identical entry when one is already there, so
 * auditing a workbook again does not grow it. Nothing already in the part is changed or renumbered.
 */
import {
  attribute,
  children,
  ElementSpan,
  escapeXml,
  firstRootTag,
  spanOf,
  spliceAll,
  withAttribute,
} from "./xml";

/** Excel's built-in number formats by code (ECMA-376 Part 1 §18.8.30), the ones a workbook need not list. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "h:mm": 20,
  "h:mm:ss": 21,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "@": 49,
};

/** Children of styleSheet in schema order (CT_Stylesheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** The child list elements and their entry names. */
const ENTRY: Record<string, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** A styles part being added to: entries are found or appended, list by list. */
export class StyleSheet {
  private xml: string;
  private readonly prefix: string;

  constructor(xml: string) {
    this.xml = xml;
    const root = firstRootTag(xml);
    if (!root) throw new Error("styles part has no root");
    this.prefix = root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":") + 1) : "";
  }

  text(): string {
    return this.xml;
  }

  /** Writes an element name with the part's prefix. */
  private p(xml: string): string {
    if (!this.prefix) return xml;
    return xml.replace(/<(\/?)([A-Za-z])/g, `<$1${this.prefix}$2`);
  }

  private root(): ElementSpan {
    const tag = firstRootTag(this.xml);
    if (!tag) throw new Error("styles part has no root");
    return spanOf(this.xml, tag);
  }

  /** The list element (fonts, fills, cellXfs, dxfs…), created in its schema place when missing. */
  private list(name: string): ElementSpan {
    const root = this.root();
    const kids = children(this.xml, root);
    const found = kids.find((kid) => kid.tag.name === name);
    if (found) return found;
    const rank = ORDER.indexOf(name);
    const after = kids.find((kid) => ORDER.indexOf(kid.tag.name) > rank);
    const at = after ? after.start : root.innerEnd;
    this.xml = this.xml.slice(0, at) + this.p(`<${name} count="0"/>`) + this.xml.slice(at);
    return this.list(name);
  }

  /** The indent level of each cell format (`cellXfs`, its `<alignment indent>`, §18.8.1), 0 where it sets none. */
  indentLevels(): number[] {
    return children(this.xml, this.list("cellXfs"))
      .filter((kid) => kid.tag.name === "xf")
      .map((kid) => {
        const xf = this.xml.slice(kid.start, kid.end);
        return Number(/<(?:[\w.-]+:)?alignment\b[^>]*?\sindent="(\d+)"/.exec(xf)?.[1] ?? 0);
      });
  }

  /** The index of an entry equal to `entry` in a list, appending it when there is none. */
  entry(listName: string, entry: string): number {
    const xml = this.p(entry);
    const list = this.list(listName);
    const entryName = ENTRY[listName] as string;
    const entries = children(this.xml, list).filter((kid) => kid.tag.name === entryName);
    const same = entries.findIndex((kid) => this.xml.slice(kid.start, kid.end) === xml);
    if (same >= 0) return same;
    const count = entries.length + 1;
    const open = withAttribute(
      this.xml.slice(list.tag.start, list.tag.end),
      "count",
      String(count)
    );
    if (list.tag.kind === "empty") {
      const opened = open.replace(/\s*\/>$/, ">");
      this.xml = spliceAll(this.xml, [
        { start: list.tag.start, end: list.tag.end, text: `${opened}${xml}</${list.tag.qname}>` },
      ]);
    } else {
      this.xml = spliceAll(this.xml, [
        { start: list.tag.start, end: list.tag.end, text: open },
        { start: list.innerEnd, end: list.innerEnd, text: xml },
      ]);
    }
    return entries.length;
  }

  /** A differential format (for a conditional format) with a solid fill and a font colour. */
  dxf(fill: string, font: string): number {
    return this.entry(
      "dxfs",
      `<dxf><font><color rgb="FF${font}"/></font><fill><patternFill patternType="solid"><fgColor rgb="FF${fill}"/><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`
    );
  }

  /**
   * The workbook's default font (the first, which the Normal style uses) made bold, or made a link (underlined, in
   * Excel's link colour): the audit sheet's header and links then match the rest of the workbook's text.
   */
  derivedFont(kind: "bold" | "link", linkColor = "0563C1"): string {
    const fonts = this.list("fonts");
    const first = children(this.xml, fonts).find((kid) => kid.tag.name === "font");
    const base = first ? this.xml.slice(first.innerStart, first.innerEnd) : "";
    const p = this.prefix.replace(".", "\\.");
    // Properties of CT_Font in schema order: b, i, strike, condense, extend, outline, shadow, u, vertAlign, sz, color…
    const without = (xml: string, names: string[]) =>
      names.reduce(
        (text, name) =>
          text.replace(
            new RegExp(`<${p}${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${name}>)`, "g"),
            ""
          ),
        xml
      );
    if (kind === "bold") return this.unprefixed(`<font><b/>${without(base, ["b"])}</font>`);
    const plain = without(base, ["u", "color"]);
    // <u/> goes after the flags; <color> after <sz>.
    const withU = plain.replace(
      new RegExp(`(<${p}(?:vertAlign|sz|name|family|charset|scheme)\\b)`),
      `<${this.prefix}u/>$1`
    );
    const underlined = withU === plain ? `<${this.prefix}u/>${plain}` : withU;
    const colour = `<${this.prefix}color rgb="FF${linkColor}"/>`;
    const withColour = underlined.replace(new RegExp(`(<${p}sz\\b[^>]*/>)`), `$1${colour}`);
    return this.unprefixed(
      `<font>${withColour === underlined ? colour + underlined : withColour}</font>`
    );
  }

  /** Takes the part's prefix off an entry built from its own XML (entry() puts it back). */
  private unprefixed(xml: string): string {
    if (!this.prefix) return xml;
    return xml.split(`<${this.prefix}`).join("<").split(`</${this.prefix}`).join("</");
  }

  /** The id of a number format: Excel's built-in id for its built-in codes, else the part's own (added if new). */
  numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const list = this.list("numFmts");
    const entries = children(this.xml, list).filter((kid) => kid.tag.name === "numFmt");
    let next = 164;
    for (const kid of entries) {
      const id = Number(attribute(kid.tag, "numFmtId") ?? 0);
      if (attribute(kid.tag, "formatCode") === code) return id;
      next = Math.max(next, id + 1);
    }
    this.entry("numFmts", `<numFmt numFmtId="${next}" formatCode="${escapeXml(code)}"/>`);
    return next;
  }

  /**
   * A cell format like the one at `base` (a cellXfs index; the default for undefined) with another number format
   * and/or bold text: what a cell keeps of its own look when the preview changes its format.
   */
  cellFormatLike(
    base: string | undefined,
    change: { numberFormat?: string; bold?: boolean }
  ): number {
    const list = this.list("cellXfs");
    const entries = children(this.xml, list).filter((kid) => kid.tag.name === "xf");
    const from = entries[Number(base ?? 0)] ?? entries[0];
    let xf = from
      ? this.unprefixed(this.xml.slice(from.start, from.end))
      : '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<xf\b[^>]*?\/?>/.exec(xf)?.[0] ?? "<xf/>";
    let tag = open;
    if (change.numberFormat !== undefined) {
      tag = withAttribute(tag, "numFmtId", String(this.numberFormat(change.numberFormat)));
      tag = withAttribute(tag, "applyNumberFormat", "1");
    }
    if (change.bold) {
      tag = withAttribute(tag, "fontId", String(this.entry("fonts", this.derivedFont("bold"))));
      tag = withAttribute(tag, "applyFont", "1");
    }
    xf = tag + xf.slice(open.length);
    return this.entry("cellXfs", xf);
  }

  /** A cell format from a font and a fill (0 for the defaults), on the workbook's default cell style. */
  cellFormat(font: string | null, fill: string | null): number {
    const fontId = font === null ? 0 : this.entry("fonts", font);
    const fillId = fill === null ? 0 : this.entry("fills", fill);
    const flags = `${font !== null ? ' applyFont="1"' : ""}${fill !== null ? ' applyFill="1"' : ""}`;
    return this.entry(
      "cellXfs",
      `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${flags}/>`
    );
  }
}

/** A solid fill, as a style entry. */
export function solidFill(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
}
