/**
 * Excel number formats, as far as goal tables use them: dates ("yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\""),
 * percentages ("0%", "0.0%"), numbers ("#,##0.##", "0.00", "#,##0,"), literal text around them, and sections
 * for negative numbers, zero and text. What a format cannot express here falls back to General.
 */
import { EXCEL_EPOCH_OFFSET } from "../domain";

const DAY_MS = 86_400_000;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A piece of a format section: literal text, or a placeholder run to fill. */
type Piece = { literal: string } | { code: string };

/** Splits a format into its sections at semicolons outside quotes, brackets and escapes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const char = format.charAt(i);
    if (char === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (char === "\\" || char === "_" || char === "*") {
      current += format.slice(i, i + 2);
      i++;
    } else if (char === "[") {
      const end = format.indexOf("]", i);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (char === ";") {
      out.push(current);
      current = "";
    } else current += char;
  }
  out.push(current);
  return out;
}

/** The pieces of one section: quoted text and escaped characters as literals; colours and locales dropped. */
function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  let code = "";
  const flush = () => {
    if (code) out.push({ code });
    code = "";
  };
  for (let i = 0; i < section.length; i++) {
    const char = section.charAt(i);
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      flush();
      out.push({ literal: section.slice(i + 1, stop) });
      i = stop;
    } else if (char === "\\") {
      flush();
      out.push({ literal: section.charAt(i + 1) });
      i++;
    } else if (char === "_") {
      // "_)" reserves the width of ")": a space is as close as text gets.
      flush();
      out.push({ literal: " " });
      i++;
    } else if (char === "*") {
      i++;
    } else if (char === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      // [$¥-804] shows its currency symbol; [Red], [>100] and [$-409] show nothing.
      const currency = /^\$([^-\]]*)/.exec(inner);
      if (currency?.[1]) {
        flush();
        out.push({ literal: currency[1] });
      }
      i = end < 0 ? section.length : end;
    } else code += char;
  }
  flush();
  return out;
}

const DATE_CODE = /[ydhs]|m(?!\w*[#0?])/i;

/** True when a format shows dates or times. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const first = pieces(sections(format)[0] ?? "")
    .map((piece) => ("code" in piece ? piece.code : ""))
    .join("");
  return !/general/i.test(first) && !/[#0?]/.test(first) && DATE_CODE.test(first);
}

/** True when a format shows a percentage. */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return pieces(sections(format)[0] ?? "").some(
    (piece) => "code" in piece && piece.code.includes("%")
  );
}

/**
 * A number as Excel's General format shows it: up to 11 characters, integers whole, others with at most ten
 * significant digits and no trailing zeros, very large or small ones in scientific notation.
 * @example generalNumber(0.1 + 0.2) // "0.3"
 */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e11 || magnitude < 1e-9) {
    const [mantissa = "", exponent = "0"] = value.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const power = Number(exponent);
    return `${trimmed}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  if (Number.isInteger(value)) return String(value);
  const digits = Math.max(0, 10 - Math.max(0, Math.floor(Math.log10(magnitude)) + 1));
  return value.toFixed(digits).replace(/\.?0+$/, "");
}

/** Groups the digits of an integer's text in thousands. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Fills a numeric placeholder run ("#,##0.00", "0%", "#,##0,") with a non-negative number. */
function fillNumber(code: string, value: number): string {
  const percents = (code.match(/%/g) ?? []).length;
  const digitsPart = code.replace(/%/g, "");
  const match = /[#0?][#0?,]*(?:\.[#0?]*)?|\.[#0?]+/.exec(digitsPart);
  if (!match) return digitsPart + "%".repeat(percents);
  const placeholder = match[0];
  const before = digitsPart.slice(0, match.index);
  const after = digitsPart.slice(match.index + placeholder.length);
  const [integerCode = "", decimalCode] = placeholder.split(".");
  // Commas after the last digit placeholder divide by a thousand each; a comma between them groups thousands.
  const trailingCommas = /,+$/.exec(integerCode)?.[0].length ?? 0;
  const integerDigits = integerCode.slice(0, integerCode.length - trailingCommas);
  const grouping = integerDigits.includes(",");
  const minInteger = (integerDigits.match(/0/g) ?? []).length;
  const minDecimals = (decimalCode?.match(/0/g) ?? []).length;
  const maxDecimals = (decimalCode?.match(/[#0?]/g) ?? []).length;
  const scaled = (value * 100 ** percents) / 1000 ** trailingCommas;
  let [whole = "0", fraction = ""] = scaled.toFixed(maxDecimals).split(".");
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  if (whole === "0" && minInteger === 0) whole = "";
  whole = whole.padStart(minInteger, "0");
  if (grouping) whole = grouped(whole);
  // Excel shows "1,200." for "#,##0.##"; the preview leaves out a point with no digit after it.
  const number = fraction ? `${whole}.${fraction}` : whole || "0";
  return `${before}${number}${after}${"%".repeat(percents)}`;
}

/** The calendar parts of a serial date-time (Excel's 1900 system, days since 1899-12-30). */
function dateParts(serial: number) {
  const ms = Math.round((serial - EXCEL_EPOCH_OFFSET) * DAY_MS);
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hours: date.getUTCHours(),
    minutes: date.getUTCMinutes(),
    seconds: date.getUTCSeconds(),
  };
}

/** Fills date and time codes (yyyy, m, mmm, d, dddd, h, mm, ss, AM/PM) of a section with a serial date. */
function fillDate(section: Piece[], serial: number): string {
  const parts = dateParts(serial);
  const twelveHour = section.some((piece) => "code" in piece && /AM\/PM|A\/P/i.test(piece.code));
  const tokens: Array<{ token: string } | { literal: string }> = [];
  for (const piece of section) {
    if ("literal" in piece) {
      tokens.push(piece);
      continue;
    }
    const found = piece.code.match(/AM\/PM|A\/P|y+|m+|d+|h+|s+|[^ymdhsAa]+|./gi) ?? [];
    for (const token of found) tokens.push({ token });
  }
  const codeAt = (index: number, step: number): string => {
    for (let i = index + step; i >= 0 && i < tokens.length; i += step) {
      const entry = tokens[i];
      if (entry && "token" in entry && /^[ymdhs]/i.test(entry.token))
        return entry.token.toLowerCase();
    }
    return "";
  };
  const pad = (n: number) => String(n).padStart(2, "0");
  return tokens
    .map((entry, index) => {
      if ("literal" in entry) return entry.literal;
      const token = entry.token;
      const lower = token.toLowerCase();
      if (lower === "am/pm") return parts.hours < 12 ? "AM" : "PM";
      if (lower === "a/p") return parts.hours < 12 ? "A" : "P";
      if (lower.startsWith("y"))
        return lower.length <= 2 ? pad(parts.year % 100) : String(parts.year);
      if (lower.startsWith("d")) {
        if (lower.length === 1) return String(parts.day);
        if (lower.length === 2) return pad(parts.day);
        const name = WEEKDAYS[parts.weekday] ?? "";
        return lower.length === 3 ? name.slice(0, 3) : name;
      }
      if (lower.startsWith("h")) {
        const hours = twelveHour ? parts.hours % 12 || 12 : parts.hours;
        return lower.length === 1 ? String(hours) : pad(hours);
      }
      if (lower.startsWith("s"))
        return lower.length === 1 ? String(parts.seconds) : pad(parts.seconds);
      if (lower.startsWith("m")) {
        // "m" after an hour or before a second is minutes.
        const minutes = codeAt(index, -1).startsWith("h") || codeAt(index, 1).startsWith("s");
        if (minutes && lower.length <= 2)
          return lower.length === 1 ? String(parts.minutes) : pad(parts.minutes);
        if (lower.length === 1) return String(parts.month + 1);
        if (lower.length === 2) return pad(parts.month + 1);
        const name = MONTHS[parts.month] ?? "";
        return lower.length === 3 ? name.slice(0, 3) : lower.length === 5 ? name.charAt(0) : name;
      }
      return token;
    })
    .join("");
}

/**
 * A number as a format shows it.
 * @example formatNumber(46112, "yyyy-mm-dd") // "2026-03-31"
 * @example formatNumber(0.955, "0.0%") // "95.5%"
 * @example formatNumber(1200000, "#,##0.##") // "1,200,000"
 */
export function formatNumber(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format.trim())) return generalNumber(value);
  const all = sections(format);
  let section = all[0] ?? "";
  let shown = value;
  if (value < 0 && all.length >= 2) {
    section = all[1] ?? section;
    shown = -value;
  } else if (value === 0 && all.length >= 3) section = all[2] ?? section;
  const parts = pieces(section);
  const code = parts.map((piece) => ("code" in piece ? piece.code : "")).join("");
  // A number in a text-formatted ("@") cell shows as General.
  if (code.includes("@")) return generalNumber(value);
  if (/general/i.test(code)) {
    return parts
      .map((piece) =>
        "literal" in piece ? piece.literal : piece.code.replace(/general/i, generalNumber(shown))
      )
      .join("");
  }
  if (!/[#0?]/.test(code) && DATE_CODE.test(code)) {
    return shown < 0 ? "#".repeat(8) : fillDate(parts, shown);
  }
  if (!/[#0?]/.test(code))
    return parts.map((piece) => ("literal" in piece ? piece.literal : piece.code)).join("");
  const sign = shown < 0 ? "-" : "";
  const magnitude = Math.abs(shown);
  let filled = false;
  const text = parts
    .map((piece) => {
      if ("literal" in piece) return piece.literal;
      if (filled || !/[#0?]/.test(piece.code)) return piece.code;
      filled = true;
      return fillNumber(piece.code, magnitude);
    })
    .join("");
  return sign + text;
}

/** Text as a format's text section shows it ("@" stands for the text). */
export function formatText(value: string, format: string | undefined): string {
  if (!format) return value;
  const fourth = sections(format)[3];
  if (fourth === undefined) return value;
  return pieces(fourth)
    .map((piece) => ("literal" in piece ? piece.literal : piece.code.replace(/@/g, value)))
    .join("");
}
