import { dayFromDate, dayFromParts, dayFromSerial } from "./dates";
import { CellError, CellValue, Direction, Level, LEVELS, RollupMethod } from "./model";
import { normalizeText, simplifiedChinese, toNfkc } from "./text";

/** What a reader returns for a cell that holds something it cannot read. */
export const UNREADABLE: unique symbol = Symbol("unreadable");
export type Read<T> = T | null | typeof UNREADABLE;

const ERROR_LITERALS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#GETTING_DATA",
]);

/**
 * The error a cell holds (#N/A …), or null when it holds a value. Error text typed into a CSV counts too.
 * @example cellErrorOf({ error: "#N/A" }) // "#N/A"
 */
export function cellErrorOf(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) return (value as CellError).error;
  if (
    typeof value === "string" &&
    value.length <= 13 &&
    value.includes("#") &&
    ERROR_LITERALS.has(value.trim().toUpperCase())
  ) {
    return value.trim().toUpperCase();
  }
  return null;
}

/**
 * True for an empty cell: nothing, or only white space.
 * @example isBlank("  ") // true
 */
export function isBlank(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * Text of a cell, trimmed (numbers as Excel shows them plainly); null for a blank cell.
 * @example readText(" Team A ") // "Team A"
 */
export function readText(value: CellValue): Read<string> {
  if (typeof value === "string") {
    // Most cells hold text: trim it once, then the same tests as below (blank, then an error typed as text).
    const text = value.trim();
    if (text === "") return null;
    return cellErrorOf(value) !== null ? UNREADABLE : text;
  }
  if (value === null || value === undefined) return null;
  if (cellErrorOf(value)) return UNREADABLE;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : UNREADABLE;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    const day = dayFromDate(value);
    return day === null ? UNREADABLE : new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return UNREADABLE;
}

const MULTIPLIERS: Record<string, number> = {
  "%": 0.01,
  "‰": 0.001,
  万: 1e4,
  亿: 1e8,
  k: 1e3,
  K: 1e3,
  M: 1e6,
};
const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/;
const NUMBER_TEXT = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*(%|‰|万|亿|k|K|M)?$/i;

/**
 * A number as a person means it: 1200, "1,200", "95%", "９５", "1.2万", "(300)", "¥1,000".
 * @example readNumber("95%") // 0.95
 */
export function readNumber(value: CellValue): Read<number> {
  if (typeof value === "number") return Number.isFinite(value) ? value : UNREADABLE;
  if (isBlank(value)) return null;
  if (typeof value === "boolean" || value instanceof Date) return UNREADABLE;
  if (typeof value !== "string") return UNREADABLE;
  // Plain decimal text, the common case of a number stored as text, needs none of the work below.
  if (PLAIN_DECIMAL.test(value)) return Number(value);
  let text = toNfkc(value).trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  // A currency sign may follow the minus sign ("-¥300", as Excel shows negative currency).
  text = text.replace(/^([+-]?)\s*[¥$€£]\s*/, "$1").replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  // "1.2M" is a million, "1.2m" is not a number we guess at.
  const match = NUMBER_TEXT.exec(text);
  if (!match || match[4] === "m") return UNREADABLE;
  const [, sign, digits, exponent, suffix] = match;
  // "(-300)" says minus twice: neither reading is what the person surely meant.
  if (negative && sign) return UNREADABLE;
  let number = Number(`${digits}${exponent ? `e${exponent}` : ""}`);
  if (suffix) {
    const multiplier = MULTIPLIERS[suffix] ?? MULTIPLIERS[suffix.toLowerCase()];
    if (multiplier === undefined) return UNREADABLE;
    number *= multiplier;
    // 95% is 0.95, not 0.9500000000000001.
    number = Number(number.toPrecision(15));
  }
  if (sign === "-") number = -number;
  if (negative) number = -number;
  return Number.isFinite(number) ? number : UNREADABLE;
}

/** A target as written in a plan: its number, the bound a sign or word gives it, and a unit written with it. */
export interface Quantity {
  number: number;
  /** "min" for ≥, >, 不低于, at least, 以上; "max" for ≤, <, 不超过, at most, 以内. */
  bound: "min" | "max" | null;
  /** A unit written after the number ("30秒", "1.2万件"), or null. */
  unit: string | null;
}

const MIN_WORDS = /^(?:≥|>=|>|⩾|不低于|不少于|不小于|至少|最少|at least|min\.?|minimum)\s*/i;
const MAX_WORDS =
  /^(?:≤|<=|<|⩽|不超过|不高于|不多于|不大于|至多|最多|at most|max\.?|maximum|under|below)\s*/i;
const MIN_AFTER = /\s*(?:以上|或以上|及以上|or more|and above|\+)$/i;
const MAX_AFTER = /\s*(?:以内|以下|之内|或以下|及以下|内|or less|or fewer|and below)$/i;
/** Units written after a number in plans (durations, counts, money, scores). */
const UNIT_AFTER =
  /\s*(秒钟?|分钟|分|小时|个?工作日|天|日|周|个月|月|年|件|个|次|美元|欧元|英镑|元|块|人次|人|单|张|通|户|笔|项|篇|条|台|usd|eur|gbp|cny|rmb|jpy|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|pts|points?|tickets?|calls?|cases?|orders?)$/i;
/** A currency sign before a number ("$1,200", "-¥300"): the goal's unit when its unit column says none. */
const CURRENCY_BEFORE = /^[(]?\s*[+-]?\s*([¥$€£])/;

/**
 * A target as written in plans: a number (readNumber) with a sign or word before or after it that bounds it, and a
 * unit after it. Traditional characters read as their simplified forms.
 * @example readQuantity("≤30秒") // { number: 30, bound: "max", unit: "秒" }
 * @example readQuantity("不低于95%") // { number: 0.95, bound: "min", unit: null }
 * @example readQuantity("1.2万件") // { number: 12000, bound: null, unit: "件" }
 */
export function readQuantity(value: CellValue): Read<Quantity> {
  const plain = readNumber(value);
  if (plain !== UNREADABLE) {
    if (plain === null) return null;
    return { number: plain, bound: null, unit: typeof value === "string" ? signUnit(value) : null };
  }
  if (typeof value !== "string") return UNREADABLE;
  let text = simplifiedChinese(toNfkc(value).trim());
  let bound: Quantity["bound"] = null;
  const before = MIN_WORDS.exec(text) ?? MAX_WORDS.exec(text);
  if (before) {
    bound = MIN_WORDS.test(text) ? "min" : "max";
    text = text.slice(before[0].length);
  }
  const after = MIN_AFTER.exec(text) ?? MAX_AFTER.exec(text);
  if (after) {
    const kind = MIN_AFTER.test(text) ? "min" : "max";
    // "≥30 以内" says two things: not a target we guess at.
    if (bound !== null && bound !== kind) return UNREADABLE;
    bound = kind;
    text = text.slice(0, after.index);
  }
  let unit: string | null = null;
  const written = UNIT_AFTER.exec(text);
  if (written && written.index > 0) {
    unit = written[1] as string;
    text = text.slice(0, written.index);
  }
  if (bound === null && unit === null) return UNREADABLE;
  const number = readNumber(text.trim());
  if (number === null || number === UNREADABLE) return UNREADABLE;
  return { number, bound, unit: unit ?? signUnit(text) };
}

/** The unit a number's own sign gives it: "%" for "85%", the currency of "$1,200" / "-¥300", else null. */
function signUnit(text: string): string | null {
  const normal = toNfkc(text).trim();
  if (/%$/.test(normal)) return "%";
  const currency = CURRENCY_BEFORE.exec(normal);
  return currency ? (currency[1] as string) : null;
}

/**
 * A number as readQuantity reads it, its bound and unit set aside: an actual of "28秒" is 28.
 * @example readMeasure("28秒") // 28
 */
export function readMeasure(value: CellValue): Read<number> {
  const quantity = readQuantity(value);
  return quantity === null || quantity === UNREADABLE ? quantity : quantity.number;
}

const ISO_DATE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's serials for 1900-01-01 … 9999-12-31. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2958465;

/**
 * A date as days since 1970-01-01: an Excel serial, a Date, ISO text (2026-03-31, 2026/3/31) or Chinese
 * text (2026年3月31日). Day-first text such as 31/03/2026 is ambiguous and unreadable on purpose.
 * @example readDate("2026年3月31日") // 20543
 */
export function readDate(value: CellValue): Read<number> {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= MIN_SERIAL && value <= MAX_SERIAL
      ? dayFromSerial(value)
      : UNREADABLE;
  }
  if (value instanceof Date) return dayFromDate(value) ?? UNREADABLE;
  if (typeof value !== "string") return UNREADABLE;
  const text = toNfkc(value).trim();
  const match = ISO_DATE.exec(text) ?? CHINESE_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (match)
    return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])) ?? UNREADABLE;
  if (/^\d+(\.\d+)?$/.test(text)) return readDate(Number(text));
  return UNREADABLE;
}

/** A reader of words from a table of them (case, width and Traditional characters folded); null when blank. */
export function lookup<T>(table: Record<string, T>) {
  // A Map, so that text such as "constructor" finds nothing rather than Object's prototype.
  const words = new Map(Object.entries(table));
  return (value: CellValue): Read<T> => {
    // A blank cell reads as null text.
    const text = readText(value);
    if (text === null || text === UNREADABLE) return text;
    const normal = normalizeText(text);
    // Traditional Chinese words (團隊, 個人, 越低越好) read as their simplified forms.
    const found = words.get(text) ?? words.get(normal) ?? words.get(simplifiedChinese(normal));
    return found === undefined ? UNREADABLE : found;
  };
}

/** Words accepted for a direction, in English and Chinese. */
export const DIRECTION_WORDS: Record<string, Direction> = {
  higher: "higher",
  high: "higher",
  up: "higher",
  max: "higher",
  maximize: "higher",
  "higher is better": "higher",
  "↑": "higher",
  越高越好: "higher",
  越大越好: "higher",
  越多越好: "higher",
  高: "higher",
  正向: "higher",
  lower: "lower",
  low: "lower",
  down: "lower",
  min: "lower",
  minimize: "lower",
  "lower is better": "lower",
  "↓": "lower",
  越低越好: "lower",
  越小越好: "lower",
  越少越好: "lower",
  低: "lower",
  反向: "lower",
};

/**
 * A direction word (higher/↑/越高越好, lower/↓/越低越好).
 * @example readDirection("越低越好") // "lower"
 */
export const readDirection = lookup(DIRECTION_WORDS);

/** Words accepted for a roll-up method. */
export const ROLLUP_WORDS: Record<string, RollupMethod> = {
  sum: "sum",
  total: "sum",
  求和: "sum",
  总和: "sum",
  合计: "sum",
  累加: "sum",
  汇总: "sum",
  average: "average",
  avg: "average",
  mean: "average",
  平均: "average",
  平均值: "average",
  weighted: "weighted",
  "weighted average": "weighted",
  加权: "weighted",
  加权平均: "weighted",
  min: "min",
  minimum: "min",
  最小: "min",
  最小值: "min",
  max: "max",
  maximum: "max",
  最大: "max",
  最大值: "max",
  none: "none",
  无: "none",
  不汇总: "none",
};

/**
 * A roll-up method word (sum, average, weighted, min, max, none, or their Chinese).
 * @example readRollup("加权平均") // "weighted"
 */
export const readRollup = lookup(ROLLUP_WORDS);

const LEVEL_WORDS: Record<string, number> = {};
const LEVEL_SYNONYMS: Record<Level, string[]> = {
  company: ["company", "公司", "集团", "corporate"],
  team: ["team", "团队", "部门", "department"],
  region: ["region", "区域", "地区"],
  customer: ["customer", "客户", "account"],
  position: ["position", "岗位", "role", "职位"],
  individual: ["individual", "个人", "person", "employee", "员工"],
  objective: ["objective", "objectives", "okr objective", "目标", "okr目标"],
  keyResult: ["key result", "key results", "keyresult", "kr", "krs", "关键结果", "关键成果"],
  initiative: ["initiative", "initiatives", "project", "projects", "举措", "项目", "行动计划"],
  deliverable: ["deliverable", "milestone", "task", "交付", "交付成果", "交付物", "里程碑", "任务"],
};
LEVELS.forEach((level, index) => {
  for (const word of LEVEL_SYNONYMS[level]) LEVEL_WORDS[word] = index;
});

/**
 * A cascade level as its index in LEVELS (0 = company … 5 = individual, 6 = objective … 9 = deliverable).
 * @example readLevel("团队") // 1
 */
export const readLevel = lookup(LEVEL_WORDS);

const BOOLEAN_WORDS: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  "1": true,
  是: true,
  对: true,
  "√": true,
  "✓": true,
  no: false,
  n: false,
  false: false,
  "0": false,
  否: false,
  不: false,
  "×": false,
};

/** The word reader, made once (not on every cell). */
const readBooleanWord = lookup(BOOLEAN_WORDS);

/**
 * A yes/no cell: TRUE/FALSE, yes/no, 是/否, 1/0.
 * @example readBoolean("是") // true
 */
export function readBoolean(value: CellValue): Read<boolean> {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : UNREADABLE;
  return readBooleanWord(value);
}

/** Units that mark a rate, a duration or a score: their roll-up defaults to the average (DESIGN §2). */
const AVERAGED_UNITS = new Set([
  "%",
  "‰",
  "s",
  "sec",
  "secs",
  "second",
  "seconds",
  "min",
  "mins",
  "minute",
  "minutes",
  "h",
  "hr",
  "hrs",
  "hour",
  "hours",
  "day",
  "days",
  "d",
  "秒",
  "分钟",
  "小时",
  "天",
  "日",
  "分",
  "point",
  "points",
  "pt",
  "pts",
  "score",
  "星",
  "百分比",
]);

/**
 * The roll-up a goal gets when its table does not say: average for rates, durations and scores, else sum.
 * @example defaultRollup("%") // "average"
 */
export function defaultRollup(unit: string | null): RollupMethod {
  return unit !== null && AVERAGED_UNITS.has(normalizeText(unit)) ? "average" : "sum";
}

/** The first alignment of an OKR tool's "Aligned To" cell: "Title (weight: 14.29%, Id: 123)". */
const ALIGNMENT =
  /^\s*(.*?)[\s,;(]*(?:weight\s*[:：]\s*(\d+(?:\.\d+)?)\s*%[\s,;]*)?\bid\s*[:：]\s*([^\s,;)]+)/isu;

/**
 * The first parent an OKR export's alignment cell names — the title, the id after "Id:", the alignment weight as a
 * share — or null when the text names no "Id:" (then it is a plain parent id or text).
 * @example readAlignment("Delight customers (weight: 14.29%, Id: 123)") // { title: "Delight customers", id: "123", weight: 0.1429 }
 */
export function readAlignment(
  text: string
): { title: string; id: string; weight: number | null } | null {
  if (!/\bid\s*[:：]/i.test(text)) return null;
  const match = ALIGNMENT.exec(text);
  if (!match) return null;
  const weight = match[2] === undefined ? null : Number(match[2]) / 100;
  return { title: (match[1] as string).trim(), id: match[3] as string, weight };
}

/** Units that name one measure, by the measure: a target's unit is checked against the unit column by these. */
const UNIT_FAMILIES: Record<string, string[]> = {
  seconds: ["s", "sec", "secs", "second", "seconds", "秒", "秒钟"],
  minutes: ["min", "mins", "minute", "minutes", "分钟"],
  hours: ["h", "hr", "hrs", "hour", "hours", "小时"],
  days: ["d", "day", "days", "天", "日"],
  points: ["pt", "pts", "point", "points", "分"],
  percent: ["%", "percent", "pct", "百分比"],
  yuan: ["¥", "元", "块", "cny", "rmb", "人民币", "jpy", "円"],
  dollars: ["$", "usd", "美元"],
  euros: ["€", "eur", "欧元"],
  pounds: ["£", "gbp", "英镑"],
};
const FAMILY_OF_UNIT = new Map<string, string>();
for (const [family, units] of Object.entries(UNIT_FAMILIES))
  for (const unit of units) FAMILY_OF_UNIT.set(unit, family);

/**
 * True when two units surely name different measures (秒 and 分钟, $ and 元); false when they agree or when either
 * is not one we know (件 and tickets may well be one thing).
 * @example unitsDisagree("s", "分钟") // true
 */
export function unitsDisagree(written: string, column: string): boolean {
  const first = FAMILY_OF_UNIT.get(simplifiedChinese(normalizeText(written)));
  const second = FAMILY_OF_UNIT.get(simplifiedChinese(normalizeText(column)));
  return first !== undefined && second !== undefined && first !== second;
}
