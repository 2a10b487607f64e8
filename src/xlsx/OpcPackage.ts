/**
 * An Open Packaging Conventions package (ECMA-376 Part 2) in memory: its parts by name, their content types and
 * relationships. A part is inflated only when read; a part never changed is written back as its original
 * compressed bytes (zip.ts), so whatever the add-in does not own leaves the package exactly as it came.
 */
import { attribute, attributesOf, elements, escapeXml, firstElement, spliceAll } from "./xml";
import { strFromU8, strToU8 } from "fflate";
import { inflateEntry, OutputEntry, readZipDirectory, writeZip, ZipEntry } from "./zip";

export const CONTENT_TYPES = "[Content_Types].xml";

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target as written (relative to the source part's folder, or absolute from the package root). */
  target: string;
  /** The target's part name (no leading slash), for internal targets. */
  part: string | null;
}

export const RELATIONSHIP_TYPES = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  extendedProperties:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

export const RELATIONSHIPS_NAMESPACE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A decoder of our own, never used in streaming mode: Node's TextDecoder then makes a one-byte string of ASCII text
// (1 byte a character), where fflate's shared decoder, once put in streaming mode, makes two-byte ones — a 200 MB
// sheet would take 400 MB. jsdom has no TextDecoder: fflate's own decoder is used there.
const decoder = typeof TextDecoder === "undefined" ? null : new TextDecoder();

function utf8Text(bytes: Uint8Array): string {
  return decoder ? decoder.decode(bytes) : strFromU8(bytes);
}

/** True for a text (not bytes); never `instanceof Uint8Array`, which fails across realms (jsdom). */
function isText(
  content: string | readonly string[] | Uint8Array
): content is string | readonly string[] {
  return typeof content === "string" || Array.isArray(content);
}

/** The folder of a part name ("xl/worksheets/sheet1.xml" → "xl/worksheets/"). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/**
 * The part a relative target names, from a source part.
 * @example resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folderOf(source) + target;
  const out: string[] = [];
  for (const piece of decodeURIComponentSafe(path).split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A target for a part, relative to a source part's folder.
 * @example relativeTarget("xl/workbook.xml", "xl/worksheets/sheet9.xml") // "worksheets/sheet9.xml"
 */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relationshipsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/** The most bytes of a part read as one text (V8's longest string, 2^29 - 24 one-byte characters). */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** A part too big to be read as text in one piece. */
export class PartTooLargeError extends Error {
  override name = "PartTooLargeError";

  constructor(
    readonly part: string,
    readonly bytes: number
  ) {
    super(`${part} is ${bytes} bytes`);
  }
}

export class OpcPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Parts written or read, by name (lower case names map through `names`). */
  private readonly contents = new Map<string, Uint8Array>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** Part names in archive order, new ones at the end. */
  private order: string[] = [];
  /** Texts read, and texts written (as one string, or as pieces never joined unless read again). */
  private readonly textCache = new Map<string, string | readonly string[]>();

  private constructor(private readonly bytes: Uint8Array) {}

  /** A package from the bytes of a zip archive (ZipError when the container cannot be read). */
  static open(bytes: Uint8Array): OpcPackage {
    const opened = new OpcPackage(bytes);
    for (const entry of readZipDirectory(bytes)) {
      if (entry.name.endsWith("/")) continue;
      opened.entries.set(entry.name, entry);
      opened.order.push(entry.name);
    }
    return opened;
  }

  /** An empty package (for a workbook made from a CSV). */
  static empty(): OpcPackage {
    return new OpcPackage(new Uint8Array(0));
  }

  /** The stored name of a part, matched without case (part names compare without case in OPC). */
  find(name: string): string | null {
    if (this.has(name)) return name;
    const lower = name.toLowerCase();
    return this.order.find((part) => part.toLowerCase() === lower && this.has(part)) ?? null;
  }

  has(name: string): boolean {
    return (
      !this.removed.has(name) &&
      (this.entries.has(name) || this.contents.has(name) || this.changed.has(name))
    );
  }

  /** Every part's name, in archive order. */
  parts(): string[] {
    return this.order.filter((name) => this.has(name));
  }

  /** A part's bytes, or null. */
  read(name: string): Uint8Array | null {
    const stored = this.find(name);
    if (stored === null) return null;
    const cached = this.contents.get(stored);
    if (cached) return cached;
    const written = this.changed.has(stored) ? this.textCache.get(stored) : undefined;
    if (written !== undefined)
      return strToU8(typeof written === "string" ? written : written.join(""));
    const entry = this.entries.get(stored) as ZipEntry;
    const content = inflateEntry(this.bytes, entry);
    this.contents.set(stored, content);
    return content;
  }

  /** A part's text (UTF-8; a BOM is dropped), or null. */
  text(name: string): string | null {
    const stored = this.find(name);
    if (stored === null) return null;
    const cached = this.textCache.get(stored);
    if (typeof cached === "string") return cached;
    if (cached !== undefined) {
      const joined = cached.join("");
      this.textCache.set(stored, joined);
      return joined;
    }
    const bytes = this.read(stored) as Uint8Array;
    // A JavaScript string holds at most 2^29 - 24 characters (V8): a bigger part cannot be read as text at all.
    if (bytes.length >= MAX_TEXT_BYTES) throw new PartTooLargeError(stored, bytes.length);
    let text: string;
    try {
      text = utf8Text(bytes);
    } catch (error) {
      if (error instanceof RangeError) throw new PartTooLargeError(stored, bytes.length);
      throw error;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.textCache.set(stored, text);
    // The text is what is kept of a part read as text: its inflated bytes would double the memory a big sheet
    // takes (an unchanged part is written from its compressed bytes anyway).
    if (!this.changed.has(stored)) this.contents.delete(stored);
    return text;
  }

  /** Lets go of a part's text read so far (it is read again if asked for); a written part is kept. */
  forget(name: string): void {
    const stored = this.find(name);
    if (stored !== null && !this.changed.has(stored)) {
      this.textCache.delete(stored);
      this.contents.delete(stored);
    }
  }

  /**
   * Writes a part: bytes, or text (as UTF-8) in one string or in pieces — a big sheet edited in a few places is its
   * old text's slices and the new text between them, never copied whole.
   */
  write(name: string, content: string | readonly string[] | Uint8Array): void {
    const stored = this.find(name) ?? name;
    this.removed.delete(stored);
    if (!this.order.includes(stored)) this.order.push(stored);
    if (isText(content)) {
      // Encoded when the package is written: a big sheet is then held once, as text, until then.
      this.textCache.set(stored, content);
      this.contents.delete(stored);
    } else {
      this.textCache.delete(stored);
      this.contents.set(stored, content);
    }
    this.changed.add(stored);
  }

  remove(name: string): void {
    const stored = this.find(name);
    if (stored === null) return;
    this.removed.add(stored);
    this.contents.delete(stored);
    this.textCache.delete(stored);
    this.changed.delete(stored);
  }

  /** True when a part was written since the package was opened. */
  isChanged(name: string): boolean {
    const stored = this.find(name);
    return stored !== null && this.changed.has(stored);
  }

  /** The package as zip bytes: unchanged parts copied as they were compressed. */
  toBytes(now?: Date): Uint8Array {
    const out: OutputEntry[] = [];
    for (const name of this.parts()) {
      const entry = this.entries.get(name);
      const text = this.changed.has(name) ? this.textCache.get(name) : undefined;
      if (entry && !this.changed.has(name)) out.push({ name, copyOf: entry, from: this.bytes });
      else if (text !== undefined) out.push({ name, text });
      else out.push({ name, content: this.read(name) as Uint8Array });
    }
    return writeZip(out, now);
  }

  // ---- relationships and content types ---------------------------------------------------------------------

  /** The relationships of a part (of the package itself for ""). */
  relationships(source: string): Relationship[] {
    const xml = this.text(source === "" ? "_rels/.rels" : relationshipsPartOf(source));
    if (xml === null) return [];
    return elements(xml, "Relationship").map(({ tag }) => {
      const attrs = attributesOf(tag);
      const target = attrs.Target ?? "";
      const external = attrs.TargetMode === "External";
      return {
        id: attrs.Id ?? "",
        type: attrs.Type ?? "",
        target,
        part: external ? null : resolveTarget(source, target),
      };
    });
  }

  /** Adds a relationship from a part to another; returns its id (the first free rIdN). */
  addRelationship(source: string, type: string, part: string): string {
    const name = source === "" ? "_rels/.rels" : relationshipsPartOf(source);
    const xml =
      this.text(name) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const taken = new Set(this.relationships(source).map((rel) => rel.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = source === "" ? part : relativeTarget(source, part);
    const root = firstElement(xml, "Relationships");
    if (!root) throw new Error(`${name} has no Relationships element`);
    const entry = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
    this.write(name, insertBeforeClose(xml, root, entry));
    return id;
  }

  /** Removes a relationship by id. */
  removeRelationship(source: string, id: string): void {
    const name = source === "" ? "_rels/.rels" : relationshipsPartOf(source);
    const xml = this.text(name);
    if (xml === null) return;
    const edits = elements(xml, "Relationship")
      .filter(({ tag }) => attribute(tag, "Id") === id)
      .map((span) => ({ start: span.start, end: span.end, text: "" }));
    if (edits.length > 0) this.write(name, spliceAll(xml, edits));
  }

  /** The content type of a part: its override, else the default for its extension. */
  contentType(part: string): string | null {
    const xml = this.text(CONTENT_TYPES) ?? "";
    const wanted = `/${part}`.toLowerCase();
    for (const { tag } of elements(xml, "Override"))
      if (attribute(tag, "PartName")?.toLowerCase() === wanted)
        return attribute(tag, "ContentType") ?? null;
    const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const { tag } of elements(xml, "Default"))
      if (attribute(tag, "Extension")?.toLowerCase() === extension)
        return attribute(tag, "ContentType") ?? null;
    return null;
  }

  /** Sets a part's content type override (replacing one there is). */
  setContentType(part: string, type: string): void {
    this.removeContentType(part);
    const xml = this.text(CONTENT_TYPES) as string;
    const root = firstElement(xml, "Types");
    if (!root) throw new Error("[Content_Types].xml has no Types element");
    const entry = `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`;
    this.write(CONTENT_TYPES, insertBeforeClose(xml, root, entry));
  }

  removeContentType(part: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === null) return;
    const wanted = `/${part}`.toLowerCase();
    const edits = elements(xml, "Override")
      .filter(({ tag }) => attribute(tag, "PartName")?.toLowerCase() === wanted)
      .map((span) => ({ start: span.start, end: span.end, text: "" }));
    if (edits.length > 0) this.write(CONTENT_TYPES, spliceAll(xml, edits));
  }
}

/** Inserts text just before an element's end tag (an empty element is opened first). */
export function insertBeforeClose(
  xml: string,
  span: { tag: { kind: string; qname: string; start: number; end: number }; innerEnd: number },
  text: string
): string {
  if (span.tag.kind === "empty") {
    const open = xml.slice(span.tag.start, span.tag.end).replace(/\s*\/>$/, ">");
    return (
      xml.slice(0, span.tag.start) + open + text + `</${span.tag.qname}>` + xml.slice(span.tag.end)
    );
  }
  return xml.slice(0, span.innerEnd) + text + xml.slice(span.innerEnd);
}
