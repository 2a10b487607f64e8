/**
 * Text NFKC leaves as it is: printable ASCII, CJK unified ideographs, and the ideographic comma and full stop.
 * Most goal-table text is in this set, and NFKC is the costly step of normalising.
 */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff\u3001\u3002]*$/;
const WHITESPACE_RUN = /\s+/g;
/** Text `normalizeText` returns unchanged: NFKC-stable, no capitals, words apart by single spaces, trimmed. */
const ALREADY_NORMAL =
  /^[\x21-\x40\x5b-\x7e\u4e00-\u9fff\u3001\u3002]+(?: [\x21-\x40\x5b-\x7e\u4e00-\u9fff\u3001\u3002]+)*$/;

/**
 * Normalises text for comparison: NFKC, trimmed, case folded, white space collapsed (DESIGN §3).
 * @example normalizeText("  Ｃｕｓｔｏｍer   Satisfaction ") // "customer satisfaction"
 */
export function normalizeText(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text;
  return toNfkc(text).trim().replace(WHITESPACE_RUN, " ").toLowerCase();
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
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * An A1 address from a 0-based column and a 1-based row.
 * @example cellAddress(1, 5) // "B5"
 */
export function cellAddress(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
