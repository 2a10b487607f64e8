/**
 * The zip container of an .xlsx package, read and written so that every part the add-in does not change leaves
 * exactly as it came: its compressed bytes are copied, not inflated and deflated again. fflate inflates and deflates
 * the parts that are read or written; it has no way to copy an entry's compressed data, hence this small container
 * layer (PKWARE APPNOTE 6.3.x §4.3: local headers, central directory, end record; no zip64, no encryption — an
 * .xlsx never needs them below the input limits).
 */
import { Deflate, deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

/** Why a zip cannot be used; the caller words it for the user (never this text). */
export class ZipError extends Error {
  override name = "ZipError";
}

/** One entry as the central directory describes it, and where its compressed data sits. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date of the entry. */
  time: number;
  date: number;
  /** Offset of the compressed data in the archive. */
  dataOffset: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries of a zip archive, from its central directory. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  // The end record is in the last 22 + 65535 bytes (its comment is at most 65535 bytes).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (data.getUint32(at, true) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError("no end of central directory");
  const count = data.getUint16(end + 10, true);
  const directorySize = data.getUint32(end + 12, true);
  let at = data.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff || directorySize === 0xffffffff)
    throw new ZipError("zip64 archive");
  if (at + directorySize > bytes.length) throw new ZipError("central directory out of range");
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL)
      throw new ZipError("damaged central directory");
    const flags = data.getUint16(at + 8, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const localOffset = data.getUint32(at + 42, true);
    if (flags & 1) throw new ZipError("encrypted entry");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Code page 437 is the zip default; .xlsx part names are ASCII, so Latin-1 reads them the same.
    const name = strFromU8(nameBytes, !(flags & 0x800));
    if (localOffset + 30 > bytes.length || data.getUint32(localOffset, true) !== LOCAL)
      throw new ZipError(`damaged local header of ${name}`);
    const localName = data.getUint16(localOffset + 26, true);
    const localExtra = data.getUint16(localOffset + 28, true);
    const entry: ZipEntry = {
      name,
      method: data.getUint16(at + 10, true),
      time: data.getUint16(at + 12, true),
      date: data.getUint16(at + 14, true),
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      dataOffset: localOffset + 30 + localName + localExtra,
    };
    if (entry.dataOffset + entry.compressedSize > bytes.length)
      throw new ZipError(`entry ${name} runs past the end of the file`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`entry ${name} uses compression method ${entry.method}`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates raw deflate data that the directory says makes `size` bytes. */
export type RawInflate = (data: Uint8Array, size: number) => Uint8Array;

let rawInflate: RawInflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

/**
 * Replaces the inflater (fflate's, which runs in the browser too): the command line uses Node's native zlib, three
 * to four times faster on a goal sheet.
 */
export function setRawInflate(inflate: RawInflate): void {
  rawInflate = inflate;
}

/** The inflated bytes of one entry. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return raw.slice();
  const out = rawInflate(raw, entry.size);
  if (out.length !== entry.size) throw new ZipError(`entry ${entry.name} inflates to another size`);
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3), as zip entries carry it; `previous` continues the CRC of the bytes before these. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let index = 0; index < bytes.length; index++)
    crc = (table[(crc ^ (bytes[index] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** An entry to write: the compressed data of an entry copied as it is, new content, or new text (as UTF-8). */
export type OutputEntry =
  | { name: string; copyOf: ZipEntry; from: Uint8Array }
  | { name: string; content: Uint8Array }
  | { name: string; text: string | readonly string[] };

/**
 * fflate's level 3: on a 140 MB sheet it deflates in 2.8 s to 16.8 MB where level 6 takes 6.4 s for 15.9 MB (measured
 * here); the parts written are the add-in's own and the sheets it edits, and the user waits for them.
 */
const DEFLATE_LEVEL = 3;

/** Characters encoded and deflated at a time: a big part's text is never held as bytes all at once. */
const TEXT_STEP = 1 << 22;
const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();

/**
 * A text's UTF-8 bytes deflated, its CRC and its size, encoded piece by piece (never splitting a surrogate pair): the
 * text may come as pieces (a big part edited in a few places), which are never joined.
 */
function deflateText(text: string | readonly string[]): {
  data: Uint8Array;
  crc: number;
  size: number;
} {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  let crc = 0;
  let size = 0;
  let carry = "";
  const push = (piece: string) => {
    const bytes = encoder ? encoder.encode(piece) : strToU8(piece);
    crc = crc32(bytes, crc);
    size += bytes.length;
    deflate.push(bytes);
  };
  for (const whole of typeof text === "string" ? [text] : text) {
    for (let start = 0; start < whole.length; start += TEXT_STEP) {
      let piece = carry + whole.slice(start, start + TEXT_STEP);
      carry = "";
      const last = piece.charCodeAt(piece.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        carry = piece.slice(-1);
        piece = piece.slice(0, -1);
      }
      push(piece);
    }
  }
  if (carry) push(carry);
  deflate.push(new Uint8Array(0), true);
  return { data: concat(chunks, length), crc, size };
}

/** Byte arrays one after another, `length` bytes in all. */
export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The DOS time and date of a moment (zip's two-second resolution, local time as zip tools assume). */
function dosTime(moment: Date): { time: number; date: number } {
  return {
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | (moment.getSeconds() >> 1),
    date: ((moment.getFullYear() - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
  };
}

/**
 * Writes a zip archive: copied entries keep their compressed bytes, CRC and time; new content is deflated. Names
 * are written as UTF-8 (flag bit 11) when they are not ASCII.
 */
export function writeZip(entries: readonly OutputEntry[], now = new Date()): Uint8Array {
  const stamp = dosTime(now);
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    // eslint-disable-next-line no-control-regex -- the ASCII range is what the flag is about
    const flags = /^[\x00-\x7f]*$/.test(entry.name) ? 0 : 0x800;
    let method: number;
    let crc: number;
    let size: number;
    let data: Uint8Array;
    let time = stamp.time;
    let date = stamp.date;
    if ("copyOf" in entry) {
      const source = entry.copyOf;
      ({ method, crc, size, time, date } = source);
      data = entry.from.subarray(source.dataOffset, source.dataOffset + source.compressedSize);
    } else if ("text" in entry) {
      method = 8;
      ({ data, crc, size } = deflateText(entry.text));
    } else {
      method = 8;
      crc = crc32(entry.content);
      size = entry.content.length;
      data = deflateSync(entry.content, { level: DEFLATE_LEVEL });
    }
    if (offset + data.length > 0xfffffffe) throw new ZipError("archive over 4 GB");
    const local = new Uint8Array(30 + name.length);
    const l = view(local);
    l.setUint32(0, LOCAL, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, flags, true);
    l.setUint16(8, method, true);
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const c = view(record);
    c.setUint32(0, CENTRAL, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    record.set(name, 46);
    pieces.push(local, data);
    central.push(record);
    offset += local.length + data.length;
  }
  const directorySize = central.reduce((sum, record) => sum + record.length, 0);
  const end = new Uint8Array(22);
  const e = view(end);
  e.setUint32(0, END, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return concat([...pieces, ...central, end], offset + directorySize + 22);
}
