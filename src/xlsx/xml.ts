/**
 * Just enough XML for editing package parts in place: a tag scanner that reports where each tag starts and ends, so
 * that an edit replaces a span of the original text and every other byte of the part stays as it was. Namespace
 * prefixes are kept as written (OOXML files from the Open XML SDK use `x:` for the main namespace); elements are
 * matched by local name.
 */

/** One tag of a part: `<name …>`, `</name>` or `<name …/>`, with its span in the text. */
export interface Tag {
  /** Local name, without prefix. */
  name: string;
  /** The name as written (with its prefix, if any). */
  qname: string;
  kind: "open" | "close" | "empty";
  start: number;
  /** Offset just after the tag's `>`. */
  end: number;
  /** The attribute text between the name and the closing `>` or `/>`. */
  attributes: string;
}

/**
 * A tag, or markup to skip (comment, processing instruction, CDATA, doctype). Attribute values may hold `>`, so they
 * are matched as quoted strings.
 */
const MARKUP =
  /<(?:(!--[\s\S]*?--)|(\?[\s\S]*?\?)|(!\[CDATA\[[\s\S]*?\]\])|(![^>]*)|(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?))>/g;

/** The start (or empty) tag a MARKUP match is, or null for an end tag or skipped markup. */
function startTag(match: RegExpExecArray): Tag | null {
  const qname = match[6];
  if (qname === undefined || match[5]) return null;
  return {
    name: qname.slice(qname.indexOf(":") + 1),
    qname,
    kind: match[8] ? "empty" : "open",
    start: match.index,
    end: match.index + match[0].length,
    attributes: match[7] ?? "",
  };
}

/** The tags of `xml` from `from` to `to`, in order. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  const pattern = new RegExp(MARKUP.source, "g");
  pattern.lastIndex = from;
  for (let match = pattern.exec(xml); match && match.index < to; match = pattern.exec(xml)) {
    const qname = match[6];
    if (qname === undefined) continue;
    const colon = qname.indexOf(":");
    yield {
      name: colon >= 0 ? qname.slice(colon + 1) : qname,
      qname,
      kind: match[5] ? "close" : match[8] ? "empty" : "open",
      start: match.index,
      end: match.index + match[0].length,
      attributes: match[7] ?? "",
    };
  }
}

/** An element found in a part: its start tag and the span up to its end tag (or the empty tag). */
export interface ElementSpan {
  tag: Tag;
  start: number;
  /** Offset just after the end tag. */
  end: number;
  /** The content's span (equal for an empty element). */
  innerStart: number;
  innerEnd: number;
}

/** The element whose start tag is `open`, spanned to its matching end tag (the same qualified name, nested). */
export function spanOf(xml: string, open: Tag): ElementSpan {
  if (open.kind === "empty")
    return {
      tag: open,
      start: open.start,
      end: open.end,
      innerStart: open.end,
      innerEnd: open.end,
    };
  let depth = 0;
  for (const tag of tags(xml, open.end)) {
    if (tag.qname !== open.qname) continue;
    if (tag.kind === "open") depth++;
    else if (tag.kind === "close") {
      if (depth === 0)
        return {
          tag: open,
          start: open.start,
          end: tag.end,
          innerStart: open.end,
          innerEnd: tag.start,
        };
      depth--;
    }
  }
  throw new XmlError(`<${open.qname}> is never closed`);
}

/** A part whose XML cannot be followed. */
export class XmlError extends Error {
  override name = "XmlError";
}

/** The first element named `name` (local name) in `xml` from `from`, or null. */
export function firstElement(
  xml: string,
  name: string,
  from = 0,
  to = xml.length
): ElementSpan | null {
  for (const tag of tags(xml, from, to)) {
    if (tag.name === name && tag.kind !== "close") return spanOf(xml, tag);
  }
  return null;
}

/**
 * The elements named `name` in a span, not looking inside them (an element of the same name nested in one is part
 * of it). Elements that may hold huge content (`skip`, e.g. sheetData) are jumped over without scanning.
 */
export function elements(
  xml: string,
  name: string,
  from = 0,
  to = xml.length,
  skip: readonly string[] = []
): ElementSpan[] {
  const found: ElementSpan[] = [];
  const pattern = new RegExp(MARKUP.source, "g");
  pattern.lastIndex = from;
  for (let match = pattern.exec(xml); match && match.index < to; match = pattern.exec(xml)) {
    const tag = startTag(match);
    if (tag === null) continue;
    const { name: local, qname } = tag;
    if (local === name) {
      const span = spanOf(xml, tag);
      found.push(span);
      pattern.lastIndex = span.end;
    } else if (skip.includes(local) && tag.kind === "open") {
      pattern.lastIndex = closingOf(xml, qname, tag.end);
    }
  }
  return found;
}

/** The offset after `</qname>` of an element without nested namesakes (sheetData), found without scanning. */
function closingOf(xml: string, qname: string, from: number): number {
  const at = xml.indexOf(`</${qname}>`, from);
  if (at < 0) throw new XmlError(`<${qname}> is never closed`);
  return at + qname.length + 3;
}

/** The direct children of the element spanning `parent`, with local names; big elements jumped (see `elements`). */
export function children(
  xml: string,
  parent: ElementSpan,
  skip: readonly string[] = []
): ElementSpan[] {
  const found: ElementSpan[] = [];
  const pattern = new RegExp(MARKUP.source, "g");
  pattern.lastIndex = parent.innerStart;
  for (
    let match = pattern.exec(xml);
    match && match.index < parent.innerEnd;
    match = pattern.exec(xml)
  ) {
    const tag = startTag(match);
    if (tag === null) continue;
    const { name: local, qname } = tag;
    if (skip.includes(local) && tag.kind === "open") {
      const end = closingOf(xml, qname, tag.end);
      found.push({
        tag,
        start: tag.start,
        end,
        innerStart: tag.end,
        innerEnd: end - qname.length - 3,
      });
      pattern.lastIndex = end;
      continue;
    }
    const span = spanOf(xml, tag);
    found.push(span);
    pattern.lastIndex = span.end;
  }
  return found;
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag, by name as written (`r:id` keeps its prefix), values decoded. */
export function attributesOf(tag: Pick<Tag, "attributes">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of tag.attributes.matchAll(ATTRIBUTE))
    out[match[1] as string] = decodeXml(match[2] ?? match[3] ?? "");
  return out;
}

/** The value of one attribute by local name (any prefix), or undefined. */
export function attribute(tag: Pick<Tag, "attributes">, name: string): string | undefined {
  for (const match of tag.attributes.matchAll(ATTRIBUTE)) {
    const qname = match[1] as string;
    if (qname === name || qname.slice(qname.indexOf(":") + 1) === name)
      return decodeXml(match[2] ?? match[3] ?? "");
  }
  return undefined;
}

/** Sets (or adds) an attribute in a start tag's text, keeping the others as they were written. */
export function withAttribute(tagText: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  if (pattern.test(tagText)) return tagText.replace(pattern, `$1${quoted}`);
  return tagText.replace(/\s*(\/?)>$/, ` ${name}=${quoted}$1>`);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with XML's entities and character references decoded. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

/** Text escaped for an element's content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"
  );
}

/**
 * Text as OOXML stores it in a string (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): characters XML 1.0 cannot carry are
 * written `_xHHHH_`, and an underscore that would read as such an escape is itself escaped (`_x005F_`).
 */
export function escapeOoxmlText(text: string): string {
  const guarded = text.replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1");
  const clean = guarded.replace(
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are the point
    /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
  return escapeXml(clean);
}

/** A string as read from OOXML: entities, then `_xHHHH_` escapes, decoded. */
export function decodeOoxmlText(text: string): string {
  const decoded = decodeXml(text);
  if (!decoded.includes("_x")) return decoded;
  return decoded.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** The prefix (with its colon, or "") a part uses for a namespace, as declared on its root; null when undeclared. */
export function prefixOf(xml: string, namespace: string): string | null {
  const root = firstRootTag(xml);
  if (!root) return null;
  for (const match of root.attributes.matchAll(ATTRIBUTE)) {
    const qname = match[1] as string;
    if ((match[2] ?? match[3]) !== namespace) continue;
    if (qname === "xmlns") return "";
    if (qname.startsWith("xmlns:")) return `${qname.slice(6)}:`;
  }
  return null;
}

/** The root element's start tag. */
export function firstRootTag(xml: string): Tag | null {
  for (const tag of tags(xml)) if (tag.kind !== "close") return tag;
  return null;
}

/**
 * The document's root element. Its end tag is found from the end of the text (after it come only white space,
 * comments and processing instructions), so a 100 MB sheet is not scanned tag by tag to find where it ends.
 */
export function rootElement(xml: string): ElementSpan {
  const open = firstRootTag(xml);
  if (open === null) throw new XmlError("the part has no root element");
  if (open.kind === "empty") return spanOf(xml, open);
  const close = `</${open.qname}`;
  const at = xml.lastIndexOf(close);
  const end = at < 0 ? -1 : xml.indexOf(">", at);
  const trailing = end < 0 ? "" : xml.slice(end + 1);
  if (
    at > open.start &&
    /^\s*$/.test(xml.slice(at + close.length, end)) &&
    /^(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/.test(trailing)
  )
    return { tag: open, start: open.start, end: end + 1, innerStart: open.end, innerEnd: at };
  return spanOf(xml, open);
}

/** Replaces spans of a text (sorted or not; they must not overlap). */
export function spliceAll(
  text: string,
  edits: ReadonlyArray<{ start: number; end: number; text: string }>
): string {
  return splicePieces(text, edits).join("");
}

/** The pieces of `spliceAll`'s result, not joined: slices of a big text cost nothing until joined. */
export function splicePieces(
  text: string,
  edits: ReadonlyArray<{ start: number; end: number; text: string }>
): string[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new XmlError("overlapping edits");
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts;
}
