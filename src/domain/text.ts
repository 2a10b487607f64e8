/**
 * Text NFKC leaves as it is: printable ASCII, CJK unified ideographs, and the ideographic comma and full stop.
 * Most goal-table text is in this set, and NFKC is the costly step of normalising.
 */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff\u3001\u3002]*$/;
const WHITESPACE_RUN = /\s+/g;

/**
 * Normalises text for comparison: NFKC, trimmed, case folded, white space collapsed (DESIGN §3).
 * @example normalizeText("  Ｃｕｓｔｏｍer   Satisfaction ") // "customer satisfaction"
 */
export function normalizeText(text: string): string {
  // The audit normalises every goal's texts, so the common cases take one pass over the characters. Text of
  // printable ASCII, Chinese and the ideographic comma and full stop, words apart by single spaces, is stable under
  // NFKC and trimmed: at most its capitals need folding (the only cased characters there).
  let capitals = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 ? c <= 0x9fff : c >= 0x21 && c <= 0x7e) {
      if (c >= 0x41 && c <= 0x5a) capitals = true;
      continue;
    }
    if (c === 0x3001 || c === 0x3002) continue;
    if (c === 0x20 && i > 0 && i + 1 < text.length && !isSpace(text.charCodeAt(i + 1))) continue;
    return rewritten(text);
  }
  return capitals ? text.toLowerCase() : text;
}

/**
 * `normalizeText` of a text that needs more than capitals folded. Where it holds only printable ASCII, Chinese,
 * the ideographic comma and full stop, full-width forms (U+FF01–U+FF5E) and white space, NFKC only turns full-width
 * forms into ASCII and the ideographic space into a space: one pass copies the runs left unchanged as slices. Any
 * other character takes the general way.
 */
function rewritten(text: string): string {
  const length = text.length;
  let out = "";
  /** Start of the run not yet copied to `out`. */
  let from = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 ? c <= 0x9fff : c >= 0x21 && c <= 0x7e && (c < 0x41 || c > 0x5a)) continue;
    if (c === 0x20 || c === 0x3000 || (c >= 0x09 && c <= 0x0d)) {
      // One plain space between two characters stays; any other white space becomes one space, or none at an end.
      if (c === 0x20 && i > 0 && i + 1 < length && !isSpace(text.charCodeAt(i + 1))) continue;
      out += text.slice(from, i);
      let next = i + 1;
      while (next < length && isSpace(text.charCodeAt(next))) next++;
      if (next < length && out.length > 0) out += " ";
      from = next;
      i = next - 1;
      continue;
    }
    let mapped: number;
    if (c >= 0x41 && c <= 0x5a) mapped = c + 32;
    else if (c >= 0xff01 && c <= 0xff5e) {
      mapped = c - 0xfee0;
      if (mapped >= 0x41 && mapped <= 0x5a) mapped += 32;
    } else if (c === 0x3001 || c === 0x3002) continue;
    else return toNfkc(text).trim().replace(WHITESPACE_RUN, " ").toLowerCase();
    out += text.slice(from, i) + String.fromCharCode(mapped);
    from = i + 1;
  }
  return out + text.slice(from);
}

/** White space `normalizeText`'s single pass knows: ASCII white space and the ideographic space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || (c >= 0x09 && c <= 0x0d);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * A hash of a text (FNV-1a over its UTF-16 code units, kept to 30 bits) for hash tables of our own: equal texts,
 * equal hashes. 30 bits make it a small integer, which V8 stores and returns without allocating. It is 0 only for
 * a text holding U+0000, so that a caller learns of that character without a second pass.
 * @example hashText("a") === hashText("a") // true
 */
export function hashText(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 0;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return finalHash(h);
}

/** The 30 low bits of a running hash, never 0. */
function finalHash(h: number): number {
  const small = h & 0x3fffffff;
  return small === 0 ? 1 : small;
}

/**
 * Reads what `normalizeText` would return without building it, in the same single pass over the same characters:
 * the `hashText` of the normal text, how many of its characters are letters (a–z and Chinese ideographs, i.e. not
 * punctuation, symbols, white space or digits) and whether it holds a digit. The audit reads every goal's text so;
 * most texts are unique, and only a few need the normal text itself. One probe serves many reads.
 * @example probe.read("全年（单元1）") && probe.digit // true
 */
export class NormalTextProbe {
  hash = 0;
  letters = 0;
  digit = false;

  /** Reads a text; false (and nothing read) when it holds a character outside the single pass. */
  read(text: string): boolean {
    let h = FNV_OFFSET;
    let letters = 0;
    let digit = false;
    let kept = false;
    let space = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      if (c >= 0x4e00 && c <= 0x9fff) letters++;
      else if (c >= 0x21 && c <= 0x7e) {
        if (c >= 0x41 && c <= 0x5a) c += 32;
        if (c >= 0x61 && c <= 0x7a) letters++;
        else if (c >= 0x30 && c <= 0x39) digit = true;
      } else if (isSpace(c)) {
        // As in normalizeText: white space between characters is one space; at either end, none.
        space = kept;
        continue;
      } else if (c !== 0x3001 && c !== 0x3002) return false;
      if (space) {
        h = Math.imul(h ^ 0x20, FNV_PRIME);
        space = false;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      kept = true;
    }
    this.hash = finalHash(h);
    this.letters = letters;
    this.digit = digit;
    return true;
  }
}

/**
 * NFKC form of a text, skipping the costly general form when the text is plain ASCII and Chinese: there NFKC only
 * turns full-width forms (（，：１) and the ideographic space into their ASCII counterparts.
 * @example toNfkc("９５％") // "95%"
 */
export function toNfkc(text: string): string {
  if (NFKC_STABLE.test(text)) return text;
  if (FULL_WIDTH_ONLY.test(text)) {
    return text.replace(FULL_WIDTH, (char) =>
      char === "\u3000" ? " " : String.fromCharCode(char.charCodeAt(0) - 0xfee0)
    );
  }
  return text.normalize("NFKC");
}

/** NFKC-stable text plus full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space. */
const FULL_WIDTH_ONLY = /^[\x20-\x7e\u4e00-\u9fff\u3001\u3002\uff01-\uff5e\u3000]*$/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/**
 * Turns a 0-based column index into Excel's letters.
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Turns Excel column letters into a 0-based index.
 * @example columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let index = 0; index < letters.length; index++) {
    const code = letters.charCodeAt(index);
    n = n * 26 + (code >= 97 ? code - 96 : code - 64);
  }
  return n - 1;
}

/**
 * An A1 address from a 0-based column and a 1-based row.
 * @example cellAddress(1, 5) // "B5"
 */
export function cellAddress(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Traditional characters of the accepted headers (and of level names), to their simplified forms. */
const TRADITIONAL =
  "標标編编號号級级層层責责負负單单匯汇總总週周開开線线實实際际權权於于關关鍵键結结時时間间執执辦办屬属類类計计劃划況况佔占準准項项稱称績绩據据額额値值達达務务業业戶户區区團团隊队門门個个崗岗預预進进狀状態态礎础選选擇择舉举報报" +
  "獎奖勵励優优產产價价營营銷销與与對对應应專专質质職职員员無无過过內内訴诉錯错誤误長长損损";
const SIMPLIFIED = new Map<string, string>();
for (let index = 0; index + 1 < TRADITIONAL.length; index += 2)
  SIMPLIFIED.set(TRADITIONAL[index] as string, TRADITIONAL[index + 1] as string);
/** Any of the Traditional characters SIMPLIFIED maps. */
const TRADITIONAL_CHARACTER = new RegExp(`[${[...SIMPLIFIED.keys()].join("")}]`, "g");

/**
 * A text with the Traditional characters of the product's vocabulary in their simplified forms (headers, level
 * names, words), so that a Traditional Chinese sheet reads as a Simplified one.
 * @example simplifiedChinese("目標值") // "目标值"
 */
export function simplifiedChinese(text: string): string {
  // Most texts hold none of them: the pattern finds that without building a new text.
  return text.replace(TRADITIONAL_CHARACTER, (character) => SIMPLIFIED.get(character) as string);
}
