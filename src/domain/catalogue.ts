import { Finding, FindingCode, ParamValue, Severity } from "./findings";
import { HEADERS } from "./headers";
import { Field, Status } from "./model";
import { Issue, IssueCode } from "./result";

/** The two languages every word of the product exists in. */
export type Lang = "en" | "zh";

/** A text in both languages the product speaks. */
export type Bilingual = { en: string; zh: string };

/**
 * The language for a locale tag such as Office's display language ("zh-CN", "en-US") or $LANG.
 * @example langOf("zh-CN") // "zh"
 */
export function langOf(locale: string | null | undefined): Lang {
  return locale && /^zh\b|^zh[-_]/i.test(locale.trim()) ? "zh" : "en";
}

/** Short names of the finding codes, for summaries, legends and group headers. */
export const CODE_TITLES: Record<FindingCode, Bilingual> = {
  MISSING_COLUMN: { en: "Missing column", zh: "缺少列" },
  DUPLICATE_COLUMN: { en: "Two columns for one field", zh: "同一字段有两列" },
  BAD_VALUE: { en: "Unreadable value", zh: "无法读取的值" },
  DUPLICATE_ID: { en: "Duplicate id", zh: "编号重复" },
  ORPHAN: { en: "Orphan goal (cascade gap)", zh: "无上级目标（目标断层）" },
  CYCLE: { en: "Parent loop", zh: "上级循环" },
  NO_EXECUTOR: { en: "Nobody executes (cascade gap)", zh: "上级目标无人执行（目标断层）" },
  UNDER_ALLOCATED: { en: "Children fall short (cascade gap)", zh: "下级目标不足（目标断层）" },
  OVER_ALLOCATED: { en: "Children over-allocated", zh: "下级目标超额分解" },
  CHILD_LESS_AMBITIOUS: { en: "Child less ambitious", zh: "下级目标低于上级" },
  UNIT_MISMATCH: { en: "Unit mismatch", zh: "单位不一致" },
  DUPLICATE_OF_PARENT: {
    en: "Copies its parent (duplicated target)",
    zh: "照搬上级目标（目标重复）",
  },
  DUPLICATE_SIBLING: {
    en: "Identical siblings (duplicated target)",
    zh: "同级目标完全相同（目标重复）",
  },
  DEADLINE_AFTER_PARENT: { en: "Deadline after parent's", zh: "期限晚于上级" },
  SMART_S: { en: "Not specific (S)", zh: "不具体（S）" },
  SMART_M: { en: "Not measurable (M)", zh: "不可衡量（M）" },
  SMART_A: { en: "Not achievable (A)", zh: "不可实现（A）" },
  SMART_R: { en: "Not aligned (R)", zh: "不相关（R）" },
  SMART_T: { en: "No time limit (T)", zh: "无时限（T）" },
  MISSING_OWNER: { en: "No owner", zh: "无责任人" },
  WEIGHTS_NOT_100: { en: "Weights not 100%", zh: "权重合计不为 100%" },
  OFF_TRACK: { en: "Off track", zh: "落后" },
  AT_RISK: { en: "At risk", zh: "预警" },
  SCALE_MISMATCH: { en: "Scale mismatch", zh: "数值尺度不一致" },
  DIRECTION_INFERRED: { en: "Direction inferred", zh: "推断的方向" },
  DATE_ORDER_ASSUMED: { en: "Date order assumed", zh: "假定的日期顺序" },
};

export const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  fatal: { en: "fatal", zh: "致命" },
  error: { en: "error", zh: "错误" },
  warning: { en: "warning", zh: "警告" },
  info: { en: "info", zh: "提示" },
};

/** Severity as a sheet or a page shows it to people (the pane's words); the CLI's lines keep SEVERITY_NAMES. */
export const SEVERITY_TITLES: Record<Severity, Bilingual> = {
  fatal: { en: "Fatal", zh: "致命" },
  error: { en: "Error", zh: "错误" },
  warning: { en: "Warning", zh: "警告" },
  info: { en: "Note", zh: "提示" },
};

export const STATUS_NAMES: Record<Status, Bilingual> = {
  onTrack: { en: "On track", zh: "达标" },
  atRisk: { en: "At risk", zh: "预警" },
  offTrack: { en: "Off track", zh: "落后" },
};

/** What a BAD_VALUE cell was expected to hold. */
export const EXPECTED_NAMES: Record<string, Bilingual> = {
  number: { en: "a number", zh: "数字" },
  date: { en: "a date", zh: "日期" },
  period: {
    en: "a period (2026, FY26, 2026-Q1, Q1 2026, H1 2026, 2026-03, Jan 2026)",
    zh: "周期（如 2026、2026年度、2026-Q1、2026年第1季度、2026年上半年、2026-03、2026年3月）",
  },
  level: {
    en: "a level (Company, Team, Region, Customer, Position, Individual)",
    zh: "层级（公司、团队、区域、客户、岗位、个人）",
  },
  direction: { en: "a direction (higher, lower)", zh: "方向（越高越好、越低越好）" },
  rollup: {
    en: "a roll-up (sum, average, weighted, min, max, none)",
    zh: "汇总方式（求和、平均、加权、最小、最大、无）",
  },
  boolean: { en: "yes or no", zh: "是或否" },
  text: { en: "text", zh: "文本" },
};

/** The name of a field's column in a language: its canonical header. */
export function fieldName(field: Field, lang: Lang): string {
  return HEADERS[field][lang][0] as string;
}

/** Message templates keyed by code, or code.variant where a code has several wordings. */
const FINDING_MESSAGES: Record<string, Bilingual> = {
  MISSING_COLUMN: {
    en: "The goal table has no “{column}” column. Accepted headers: {accepted}.",
    zh: "目标表缺少“{column}”列。可用的表头：{accepted}。",
  },
  DUPLICATE_COLUMN: {
    en: "Columns {first} (“{firstHeader}”) and {second} (“{secondHeader}”) both name the {column} column: {first} is read, {second} is ignored. Rename or remove one of them.",
    zh: "列 {first}（“{firstHeader}”）与列 {second}（“{secondHeader}”）都对应“{column}”列：读取 {first}，忽略 {second}。请重命名或删除其中一列。",
  },
  BAD_VALUE: {
    en: "Cell {cell} ({column}): “{value}” cannot be read as {expected}.",
    zh: "单元格 {cell}（{column}）：“{value}”无法读取为{expected}。",
  },
  "BAD_VALUE.error": {
    en: "Cell {cell} ({column}) holds the error {value}.",
    zh: "单元格 {cell}（{column}）是错误值 {value}。",
  },
  "BAD_VALUE.uncalculated": {
    en: "Cell {cell} ({column}) holds the formula {value} with no calculated value: open and save the file in Excel.",
    zh: "单元格 {cell}（{column}）的公式 {value} 没有计算结果：请在 Excel 中打开并保存该文件。",
  },
  "BAD_VALUE.unit": {
    en: "Cell {cell} ({column}): “{value}” is in {written}, but the Unit column says {unit}: write the number in {unit}, or correct the unit.",
    zh: "单元格 {cell}（{column}）：“{value}”的单位是{written}，但单位列写的是{unit}：请按{unit}填写数值，或更正单位。",
  },
  "BAD_VALUE.noYear": {
    en: "Cell {cell} ({column}): “{value}” names no year, and the goal has no start or deadline to take it from: write it with its year, such as 2026-Q1.",
    zh: "单元格 {cell}（{column}）：“{value}”没有写年份，该目标也没有开始日期或截止日期可推断年份：请写明年份，如 2026-Q1。",
  },
  "BAD_VALUE.noId": {
    en: "Row {row} has values but no goal id in {cell}: every goal needs an id.",
    zh: "第 {row} 行有内容但单元格 {cell} 没有目标编号：每个目标都需要编号。",
  },
  DUPLICATE_ID: {
    en: "Goal id “{id}” is already used in row {firstRow}.",
    zh: "目标编号“{id}”与第 {firstRow} 行重复。",
  },
  ORPHAN: {
    en: "Parent “{parent}” does not exist: the goal hangs from nothing (cascade gap).",
    zh: "上级目标“{parent}”不存在：目标悬空（目标断层）。",
  },
  CYCLE: {
    en: "The parent chain loops back on itself: {chain}.",
    zh: "上级目标链形成循环：{chain}。",
  },
  NO_EXECUTOR: {
    en: "Nobody executes this goal: it sits above the lowest level ({lowest}) but has no child goal (cascade gap).",
    zh: "上级目标无人执行：该目标高于最低层级（{lowest}），却没有任何下级目标（目标断层）。",
  },
  UNDER_ALLOCATED: {
    en: "The children's targets ({method}: {children}) fall short of this goal's target {target} by {gap} (cascade gap).",
    zh: "下级目标（{method}：{children}）比本目标的目标值 {target} 差 {gap}：下级目标值不应低于上级目标（目标断层）。",
  },
  OVER_ALLOCATED: {
    en: "The children's targets add up to {children}, {excess} beyond this goal's {target}: more than the {limit} stretch.",
    zh: "下级目标合计 {children}，超出本目标 {target} 达 {excess}，超过 {limit} 的加码上限。",
  },
  CHILD_LESS_AMBITIOUS: {
    en: "Target {target} is less ambitious than the parent's {parentTarget} (goal {parent}).",
    zh: "目标值 {target} 低于上级目标（{parent}）的 {parentTarget}。",
  },
  UNIT_MISMATCH: {
    en: "Unit “{unit}” differs from the parent's “{parentUnit}” for the same KPI “{kpi}”.",
    zh: "同一指标“{kpi}”的单位“{unit}”与上级目标的“{parentUnit}”不一致。",
  },
  "DUPLICATE_OF_PARENT.text": {
    en: "The goal repeats its parent's (goal {parent}) word for word: say what this level contributes (duplicated target).",
    zh: "目标描述与上级目标（{parent}）完全相同：应写出本层级的具体贡献（目标重复）。",
  },
  "DUPLICATE_OF_PARENT.target": {
    en: "Target {target} copies the parent's (goal {parent}) unchanged although siblings share it (duplicated target).",
    zh: "目标值 {target} 原样照搬上级目标（{parent}），而同级还有其他目标分担（目标重复）。",
  },
  DUPLICATE_SIBLING: {
    en: "Identical to sibling goal {other} (row {otherRow}): same goal, KPI, period and target (duplicated target).",
    zh: "与同级目标 {other}（第 {otherRow} 行）的描述、指标、周期和目标值完全相同（目标重复）。",
  },
  DEADLINE_AFTER_PARENT: {
    en: "Deadline {deadline} is after the parent's {parentDeadline} (goal {parent}).",
    zh: "截止日期 {deadline} 晚于上级目标（{parent}）的 {parentDeadline}。",
  },
  "SMART_S.empty": {
    en: "The goal has no description: say what is to be achieved.",
    zh: "目标没有描述：请写明要达成什么。",
  },
  "SMART_S.short": {
    en: "“{text}” is too short to be specific.",
    zh: "“{text}”过于简短，不够具体。",
  },
  "SMART_S.vague": {
    en: "“{text}” is only vague words (improve, better, 提升 …): name what is to change.",
    zh: "“{text}”只有空泛的词语（提升、加强、努力……）：请写明改变的对象。",
  },
  "SMART_M.noTarget": {
    en: "No numeric target: the goal cannot be measured.",
    zh: "没有数值目标：目标无法衡量。",
  },
  "SMART_M.noMetric": {
    en: "Neither a KPI nor a unit: say how the goal is measured.",
    zh: "既没有指标也没有单位：请说明如何衡量。",
  },
  "SMART_A.tooLow": {
    en: "Target {target} is no better than the baseline {baseline}: it sets no challenge.",
    zh: "目标值 {target} 不优于基线 {baseline}：目标设定过低，缺乏挑战。",
  },
  "SMART_A.tooHigh": {
    en: "Target {target} is {stretch} better than the baseline {baseline}, beyond the {limit} stretch limit.",
    zh: "目标值 {target} 比基线 {baseline} 提高 {stretch}，超过 {limit} 的上限：目标设定过高。",
  },
  SMART_R: {
    en: "The goal is below the top level but names no parent: it is not aligned with any goal above.",
    zh: "该目标不在最高层级，却没有上级目标：与上级目标不相关。",
  },
  "SMART_T.noDeadline": {
    en: "No deadline or period: say by when.",
    zh: "没有截止日期或周期：请写明期限。",
  },
  "SMART_T.beforeStart": {
    en: "Deadline {deadline} is before the start {start}.",
    zh: "截止日期 {deadline} 早于开始日期 {start}。",
  },
  MISSING_OWNER: {
    en: "No owner: every goal needs a named person responsible.",
    zh: "没有责任人：每个目标都必须落实到责任人。",
  },
  WEIGHTS_NOT_100: {
    en: "{owner}'s weights for {period} add up to {total}, not 100%.",
    zh: "{owner} 在 {period} 的权重合计为 {total}，不是 100%。",
  },
  "WEIGHTS_NOT_100.unreadable": {
    en: "{owner}'s weights for {period} that could be read add up to {total}, not 100%; the weights in row {rows} cannot be read and are left out.",
    zh: "{owner} 在 {period} 可读取的权重合计为 {total}，不是 100%；第 {rows} 行的权重无法读取，未计入。",
  },
  OFF_TRACK: {
    en: "Off track: actual {actual} against target {target} ({attainment} attained).",
    zh: "落后：实际值 {actual}，目标值 {target}（达成率 {attainment}）。",
  },
  "OFF_TRACK.pace": {
    en: "Off track: actual {actual} against {expected} expected by {asOf} ({attainment} of pace).",
    zh: "落后：实际值 {actual}，截至 {asOf} 应达 {expected}（进度达成 {attainment}）。",
  },
  AT_RISK: {
    en: "At risk: actual {actual} against target {target} ({attainment} attained).",
    zh: "预警：实际值 {actual}，目标值 {target}（达成率 {attainment}）。",
  },
  "AT_RISK.pace": {
    en: "At risk: actual {actual} against {expected} expected by {asOf} ({attainment} of pace).",
    zh: "预警：实际值 {actual}，截至 {asOf} 应达 {expected}（进度达成 {attainment}）。",
  },
  SCALE_MISMATCH: {
    en: "The target {target} and the actual {actual} are on different scales (one a fraction such as 0.95, the other a percentage figure such as 95): no attainment is computed. Write both the same way, such as 95% and 64%.",
    zh: "目标值 {target} 与实际值 {actual} 的尺度不同（一个是 0.95 这样的小数，一个是 95 这样的百分数）：不计算达成率。请用同一种写法，如 95% 和 64%。",
  },
  DATE_ORDER_ASSUMED: {
    en: "The dates in the {column} column never show which part is the day (first such cell {cell}: “{value}”), so they are read month first (MM/DD/YYYY). If they are day first, audit with --date-order dmy, or choose Day first under the task pane's Options.",
    zh: "“{column}”列的日期无法看出哪一部分是日（第一个这样的单元格 {cell}：“{value}”），按月在前（月/日/年）读取。如果是日在前，请使用 --date-order dmy 审核，或在任务窗格的“选项”中选择“日在前”。",
  },
  "DIRECTION_INFERRED.sign": {
    en: "No direction given: the target “{target}” is an upper bound, so lower is taken as better. Fill in the Direction column to confirm.",
    zh: "未填写方向：目标值“{target}”是上限，按越低越好处理。请填写“方向”列以确认。",
  },
  "DIRECTION_INFERRED.words": {
    en: "No direction given: “{text}” measures {word}, so lower is taken as better. Fill in the Direction column to confirm.",
    zh: "未填写方向：“{text}”衡量的是{word}，按越低越好处理。请填写“方向”列以确认。",
  },
};

const ISSUE_MESSAGES: Record<IssueCode, Bilingual> = {
  TARGET_ZERO: {
    en: "The target is 0: percent variance and attainment are undefined.",
    zh: "目标值为 0：无法计算偏差率和达成率。",
  },
  NOT_A_NUMBER: {
    en: "{argument}: “{value}” is not a number.",
    zh: "{argument}：“{value}”不是数字。",
  },
  BAD_DIRECTION: {
    en: "{argument}: “{value}” is not a direction (higher, lower, ↑, ↓, 越高越好, 越低越好).",
    zh: "{argument}：“{value}”不是方向（higher、lower、↑、↓、越高越好、越低越好）。",
  },
  BAD_METHOD: {
    en: "{argument}: “{value}” is not a roll-up method (sum, average, weighted, min, max, none).",
    zh: "{argument}：“{value}”不是汇总方式（求和、平均、加权、最小、最大、无）。",
  },
  BAD_DATE: { en: "{argument}: “{value}” is not a date.", zh: "{argument}：“{value}”不是日期。" },
  BAD_PROFILE: {
    en: "{argument}: the profile needs non-negative weights with a positive total.",
    zh: "{argument}：季节性分布必须是非负数且合计大于 0。",
  },
  DEADLINE_BEFORE_START: {
    en: "The deadline {deadline} is before the start {start}.",
    zh: "截止日期 {deadline} 早于开始日期 {start}。",
  },
  NEGATIVE_WEIGHT: {
    en: "{argument}: weight {value} is negative; weights must be 0 or more.",
    zh: "{argument}：权重 {value} 为负数，权重必须大于或等于 0。",
  },
  BAD_DECIMALS: {
    en: "{argument}: decimals must be a whole number from 0 to 10, not {value}.",
    zh: "{argument}：小数位数必须是 0 到 10 的整数，而不是 {value}。",
  },
  TOTAL_PRECISION: {
    en: "The total {value} has more than {decimals} decimals: the parts could not add up exactly. Allow more decimals.",
    zh: "总数 {value} 的小数位多于 {decimals} 位：各部分无法精确相加。请增加小数位数。",
  },
  LOCKED_EXCEED: {
    en: "The locked parts ({locked}) leave nothing to spread, or there is nobody to spread {rest} over.",
    zh: "锁定的部分（{locked}）之外没有可分配的对象，剩余的 {rest} 无法分配。",
  },
  NOTHING_TO_SCORE: {
    en: "No goal to score: every goal is exempt, has no attainment or has zero weight.",
    zh: "没有可评分的目标：所有目标都免于考核、没有达成率或权重为 0。",
  },
  SHAPE_MISMATCH: {
    en: "{argument} has {actual} cells but {expected} are needed to match {other}.",
    zh: "{argument} 有 {actual} 个单元格，需要 {expected} 个才能与 {other} 对应。",
  },
  UNKNOWN_ID: { en: "Unknown goal id “{value}”.", zh: "未知的目标编号“{value}”。" },
  NO_TARGET: {
    en: "Goal {value} has no target to allocate: enter its target first.",
    zh: "目标 {value} 没有可分解的目标值：请先填写其目标值。",
  },
  BAD_OPTION: { en: "Option {argument}: {value}.", zh: "选项 {argument}：{value}。" },
  BAD_LABELS: {
    en: "{argument}: give three labels separated by commas, such as “On track,At risk,Off track”.",
    zh: "{argument}：请给出以逗号分隔的三个标签，例如“达标,预警,落后”。",
  },
  BLANK_ARGUMENT: {
    en: "{argument} is blank: {expected} is needed.",
    zh: "{argument} 为空：需要{expected}。",
  },
  BAD_BOOLEAN: {
    en: "{argument}: “{value}” is not yes or no (TRUE/FALSE, yes/no, 是/否).",
    zh: "{argument}：“{value}”不是“是”或“否”（TRUE/FALSE、yes/no、是/否）。",
  },
  BAD_COUNT: {
    en: "{argument}: give the weights as a range, or a whole number of parts from 1 to 100000, not {value}.",
    zh: "{argument}：请给出权重区域，或 1 到 100000 之间的份数，而不是 {value}。",
  },
  DUPLICATE_GOAL_ID: {
    en: "The id “{value}” appears more than once; ids must be unique.",
    zh: "编号“{value}”出现了不止一次，编号必须唯一。",
  },
  PARENT_LOOP: {
    en: "The parent chain of “{value}” loops back to itself.",
    zh: "“{value}”的上级链条循环回到了自身。",
  },
  NEEDS_COLUMN: {
    en: "The goal table needs a “{column}” column for this.",
    zh: "目标表需要“{column}”列才能执行此操作。",
  },
  INPUT_ERROR: {
    en: "{argument} holds the error {value}.",
    zh: "{argument} 含有错误值 {value}。",
  },
  NOT_SINGLE: {
    en: "{argument} takes one value, not a range.",
    zh: "{argument} 只能是一个值，不能是区域。",
  },
  BAD_PERIODS: {
    en: "{value} periods cannot hold the {reported} reported: the deadline must not come before the last report.",
    zh: "{value} 个周期容纳不下已填报的 {reported} 个周期：截止日期不能早于最后一次填报。",
  },
  NO_PERIOD_REPORTED: {
    en: "No period is reported yet: nothing to forecast from.",
    zh: "尚无任何周期填报实际值，无法预测。",
  },
  NO_PERIOD_LEFT: {
    en: "All {value} periods are reported: no period is left to need anything.",
    zh: "全部 {value} 个周期均已填报，没有剩余周期。",
  },
  PLAN_NEEDED: {
    en: "The method plan needs a plan: give one value per period, or choose linear, trend or auto.",
    zh: "“计划”方法需要计划值：请为每个周期给出一个值，或选择线性、趋势或自动。",
  },
  PERIOD_GAP: {
    en: "{argument}: period {value} is blank but a later period is reported. Enter its actual (0 if none).",
    zh: "{argument}：第 {value} 个周期为空，但之后的周期已填报。请填写该周期的实际值（没有则填 0）。",
  },
  BAD_REPORTED: {
    en: "{argument}: give the number of periods reported, a whole number from 1 to {expected}, not {value}.",
    zh: "{argument}：请给出已填报的周期数，即 1 到 {expected} 之间的整数，而不是 {value}。",
  },
  BAD_FORECAST_METHOD: {
    en: "{argument}: “{value}” is not a forecast method (linear, plan, trend, auto).",
    zh: "{argument}：“{value}”不是预测方法（线性、计划、趋势、自动）。",
  },
  BAD_SERIES_ROLLUP: {
    en: "{argument}: “{value}” is not sum or average; a forecast adds up periods or averages them.",
    zh: "{argument}：“{value}”不是合计或平均；预测只能对各周期求和或取平均。",
  },
  NOT_A_LINE: {
    en: "{argument} must be one row or one column of periods, not {rows} × {columns} cells.",
    zh: "{argument} 必须是一行或一列周期，而不是 {rows} × {columns} 个单元格。",
  },
  SPREAD_NO_PERIOD: {
    en: "This goal has no period, nor a start and deadline within one year: give it a period (such as 2026) to spread it.",
    zh: "该目标没有周期，开始日期和截止日期也不在同一年内：请先填写周期（如 2026）再拆分。",
  },
  SPREAD_MONTH: {
    en: "This goal's period, {value}, is a month: there is no smaller period to spread it into.",
    zh: "该目标的周期 {value} 是一个月，无法再拆分为更小的周期。",
  },
  SPREAD_QUARTER: {
    en: "This goal's period, {value}, is a quarter: spread it into months instead.",
    zh: "该目标的周期 {value} 是一个季度：请改为拆分到月。",
  },
  AUDIT_NOT_LOADED: {
    en: "GOAL.AUDIT could not load its audit: reload the add-in (close and reopen the workbook), then recalculate.",
    zh: "GOAL.AUDIT 无法加载审核功能：请重新加载加载项（关闭并重新打开工作簿），然后重新计算。",
  },
  ROWS_FROM_TABLE: {
    en: "Rows are counted from the table's header row (row 1): this Excel does not tell add-ins where the table is.",
    zh: "行号从表头行（第 1 行）开始计：此版本的 Excel 不向加载项提供表格的位置。",
  },
};

/**
 * Fills `{name}` placeholders.
 * @example interpolate("Row {row}", { row: 5 }) // "Row 5"
 */
export function interpolate(
  template: string,
  params: Record<string, string | number> | undefined
): string {
  return fill(template, (name) => {
    const value = params?.[name];
    return value === undefined ? undefined : String(value);
  });
}

/** Templates split at their placeholders once: text, name, text, name, …, text. */
const TEMPLATE_PARTS = new Map<string, string[]>();

/** A template with each `{name}` replaced by `value(name)`, or left as it is where that gives undefined. */
function fill(template: string, value: (name: string) => string | undefined): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    TEMPLATE_PARTS.set(template, parts);
  }
  let out = parts[0] as string;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k] as string;
    out += (value(name) ?? `{${name}}`) + (parts[k + 1] as string);
  }
  return out;
}

/**
 * The sentence for a finding in a language.
 * @example findingMessage({ code: "MISSING_OWNER", ... }, "zh") // "没有责任人：…"
 */
export function findingMessage(
  finding: Pick<Finding, "code" | "variant" | "params">,
  lang: Lang
): string {
  // Every code has a message for each of its wordings (messages.test.ts); the code itself is the last resort, so
  // that the functions bundle need not carry the codes' titles.
  const template = (finding.variant && FINDING_MESSAGES[`${finding.code}.${finding.variant}`]) ||
    FINDING_MESSAGES[finding.code] || { en: finding.code, zh: finding.code };
  return fill(template[lang], (name) => paramText(finding.params, name, lang));
}

/** The sentence for a failed computation. */
export function issueMessage(issue: Issue, lang: Lang): string {
  return fill(ISSUE_MESSAGES[issue.code][lang], (name) => paramText(issue.params, name, lang));
}

/**
 * A param as words of a language, formatted only when its message shows it: `{en, zh}` words encoded as "en|zh"
 * under a key ending in "$" give the language's half; amounts and shares are formatted; undefined when absent.
 */
function paramText(
  params: Record<string, ParamValue> | undefined,
  name: string,
  lang: Lang
): string | undefined {
  if (!params) return undefined;
  const value = params[name];
  if (value === undefined) {
    const words = params[`${name}$`];
    if (typeof words !== "string") return undefined;
    const [en, zh] = words.split("\u0001");
    return (lang === "zh" ? zh : en) ?? words;
  }
  if (typeof value === "object")
    return "share" in value ? formatPercent(value.share) : formatNumber(value.amount, value.unit);
  return String(value);
}

/**
 * Encodes a word in both languages as one param value (see `findingMessage`); its key must end in "$".
 * @example bilingual({ en: "sum", zh: "求和" })
 */
export function bilingual(word: Bilingual): string {
  return `${word.en}\u0001${word.zh}`;
}

const CURRENCY_SIGNS: ReadonlySet<string> = new Set(["$", "¥", "€", "£"]);

/**
 * A number for a message: at most four decimals, percentages for rates.
 * @example formatNumber(0.955, "%") // "95.5%"
 */
export function formatNumber(value: number, unit?: string | null): string {
  if (unit === "%" && Math.abs(value) <= 1.5) return `${trimNumber(value * 100)}%`;
  // A currency sign goes before the number, as the target was written: $1200, -¥300.
  if (unit && CURRENCY_SIGNS.has(unit))
    return `${value < 0 ? "-" : ""}${unit}${trimNumber(Math.abs(value))}`;
  return (
    trimNumber(value) +
    (unit && unit !== "%" && unit.length <= 6 ? ` ${unit}` : unit === "%" ? "%" : "")
  );
}

/**
 * A share as a percentage.
 * @example formatPercent(0.875) // "87.5%"
 */
export function formatPercent(value: number): string {
  return `${trimNumber(value * 100, 1)}%`;
}

const INTEGER_DIGITS = /\B(?=(\d{3})+$)/g;

/**
 * Rounded to `decimals`, trailing zeros dropped, thousands grouped as en-US writes them. Written by hand: an audit
 * formats a few numbers per finding, and `toLocaleString` builds a formatter on every call.
 */
function trimNumber(value: number, decimals = 4): string {
  // Whole numbers, most of what findings show, need no rounding.
  if (Number.isSafeInteger(value)) {
    const magnitude = Math.abs(value);
    const digits = String(magnitude);
    return `${value < 0 ? "-" : ""}${magnitude < 1000 ? digits : digits.replace(INTEGER_DIGITS, ",")}`;
  }
  const rounded = Number(value.toFixed(decimals));
  const magnitude = Math.abs(rounded);
  // Beyond 1e21 String() switches to exponent notation; such a goal value is already a finding of its own.
  if (!(magnitude < 1e21)) return String(rounded);
  const [whole = "0", fraction] = String(magnitude).split(".");
  const sign = rounded < 0 ? "-" : "";
  return `${sign}${whole.replace(INTEGER_DIGITS, ",")}${fraction ? `.${fraction}` : ""}`;
}
