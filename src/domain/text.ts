const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const WHITESPACE_RUN = /\s+/g;

/**
 * Normalises text for comparison: NFKC, trimmed, case folded, white space collapsed (DESIGN §3).
 * @example normalizeText("  Ｃｕｓｔｏｍer   Satisfaction ") // "customer satisfaction"
 */
export function normalizeText(text: string): string {
  // NFKC is the costly step; plain ASCII text is already in NFKC form.
  const folded = ASCII_PRINTABLE.test(text) ? text : text.normalize("NFKC");
  return folded.trim().replace(WHITESPACE_RUN, " ").toLowerCase();
}

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
