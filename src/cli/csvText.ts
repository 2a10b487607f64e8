/**
 * The text of a CSV file: its encoding found from a byte-order mark, else UTF-8 when the bytes are valid UTF-8,
 * else detected by chardet (statistics over the bytes: GB18030, Big5, Shift_JIS, Latin-1 …) rather than guessed;
 * when the detection is not sure, a warning names the encoding used. Then the rows, with the parse errors that
 * would lose rows (a quote never closed) refused with the line where they start.
 */
import { analyse } from "chardet";
import Papa from "papaparse";
import type { Bilingual, CellValue } from "../domain";
import { InputError } from "./load";

/** Detections at or above this confidence (chardet's 0–100) are used without a warning. */
const SURE = 90;

/** chardet's names → the labels TextDecoder knows (WHATWG encodings). */
const DECODER_LABELS: Record<string, string> = {
  "UTF-8": "utf-8",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
  GB18030: "gb18030",
  Big5: "big5",
  Shift_JIS: "shift_jis",
  "EUC-JP": "euc-jp",
  "EUC-KR": "euc-kr",
  "ISO-2022-JP": "iso-2022-jp",
  "ISO-8859-1": "windows-1252",
  "ISO-8859-2": "iso-8859-2",
  "ISO-8859-5": "iso-8859-5",
  "ISO-8859-6": "iso-8859-6",
  "ISO-8859-7": "iso-8859-7",
  "ISO-8859-8": "iso-8859-8",
  "ISO-8859-9": "windows-1254",
  "windows-1250": "windows-1250",
  "windows-1251": "windows-1251",
  "windows-1252": "windows-1252",
  "windows-1253": "windows-1253",
  "windows-1254": "windows-1254",
  "windows-1255": "windows-1255",
  "windows-1256": "windows-1256",
  "KOI8-R": "koi8-r",
};

export interface DecodedText {
  text: string;
  /** The encoding used, as chardet or the BOM names it. */
  encoding: string;
  /** Set when the encoding was detected without certainty. */
  warning: Bilingual | null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes a CSV file's bytes.
 * @example decodeCsv("a.csv", new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text // "A"
 */
export function decodeCsv(file: string, bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return {
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: "UTF-8",
      warning: null,
    };
  if (startsWith(bytes, [0xff, 0xfe]))
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "UTF-16LE",
      warning: null,
    };
  if (startsWith(bytes, [0xfe, 0xff]))
    return {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "UTF-16BE",
      warning: null,
    };
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "UTF-8",
      warning: null,
    };
  } catch {
    // Not UTF-8: find out what it is.
  }
  const candidate = analyse(bytes).find((match) => DECODER_LABELS[match.name] !== undefined);
  const encoding = candidate?.name ?? "GB18030";
  const text = new TextDecoder(DECODER_LABELS[encoding] ?? "gb18030").decode(bytes);
  const sure = candidate !== undefined && candidate.confidence >= SURE;
  return {
    text,
    encoding,
    warning: sure
      ? null
      : {
          en: `${file}: read as ${encoding} (its encoding is not certain); if the text looks wrong, save the file as "CSV UTF-8" and audit it again`,
          zh: `${file}：已按 ${encoding} 编码读取（无法确定其编码）；如文字显示有误，请另存为“CSV UTF-8”后重新审核`,
        },
  };
}

/** The 1-based line of a character offset in a text. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < index; at = text.indexOf("\n", at + 1))
    line++;
  return line;
}

/**
 * The rows of a CSV text (delimiter detected among comma, semicolon and tab). Line ends may be CRLF, LF or a lone
 * CR (old Mac exports). A quote that is never closed would swallow every row after it: it is refused, naming the
 * line where it starts.
 */
export function csvRows(file: string, text: string): CellValue[][] {
  const normalised = text.replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(normalised, {
    skipEmptyLines: false,
    newline: "\n",
    delimitersToGuess: [",", ";", "\t"],
  });
  const lost = parsed.errors.find((error) => error.type === "Quotes");
  if (lost) {
    const line = lineOf(normalised, lost.index ?? 0);
    throw new InputError({
      en: `${file}: line ${line}: a quoted value is never closed (a " without its closing "), so the rows after it cannot be read; fix the quote and try again`,
      zh: `${file}：第 ${line} 行：带引号的值没有结束（缺少配对的 "），其后的行无法读取；请修正引号后重试`,
    });
  }
  const rows = parsed.data;
  // A final line break leaves one empty record behind.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell === "")) rows.pop();
  return rows.map((row) => row.map((cell) => (cell === "" ? null : cell)));
}
