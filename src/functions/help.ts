/**
 * Help for the GOAL.* functions in English and Chinese: the English text is also in each function's JSDoc (the
 * metadata generator reads it from there and a test keeps the two equal); the build writes the Chinese into
 * functions-zh.json, which the manifest serves to Excel in Chinese.
 */

export interface ParameterHelp {
  name: string;
  zhName: string;
  en: string;
  zh: string;
}

export interface FunctionHelp {
  en: string;
  zh: string;
  parameters: ParameterHelp[];
}

const BLANK_EN = "Blank counts as 0, as in Excel's arithmetic.";
const BLANK_ZH = "空白单元格按 0 计算（与 Excel 算术一致）。";
const DIRECTION: ParameterHelp = {
  name: "direction",
  zhName: "方向",
  en: "higher (default) or lower is better: higher, lower, ↑, ↓, 越高越好, 越低越好.",
  zh: "越高越好（默认）或越低越好：higher、lower、↑、↓、越高越好、越低越好。",
};

/** The parameters GOAL.FORECAST and GOAL.NEEDED share (DESIGN §8). */
const ACTUALS: ParameterHelp = {
  name: "actuals",
  zhName: "实际值",
  en: "One row or column with the actual of each period, first to deadline; the periods reported are those up to the last non-blank one (trailing 0s count as blank: Excel on the desktop passes 0 for an empty cell).",
  zh: "一行或一列，依次为从第一个周期到截止周期的实际值；已填报的周期为最后一个非空单元格及之前的周期（末尾的 0 视为空白：Excel 桌面版将空单元格传为 0）。",
};
const SERIES_ROLLUP: ParameterHelp = {
  name: "rollup",
  zhName: "汇总方式",
  en: "How the periods combine: sum (default, a volume) or average (a rate, a duration, a score); 合计 or 平均.",
  zh: "各周期的汇总方式：合计（默认，适用于数量）或平均（适用于比率、时长、得分）；也可写 sum 或 average。",
};
const REPORTED: ParameterHelp = {
  name: "reported",
  zhName: "已填报周期数",
  en: "Number of periods reported (default: up to the last non-blank actual).",
  zh: "已填报的周期数（默认：到最后一个非空实际值为止）。",
};
/** Every function, in the order of DESIGN §5, then §8's. */
export const FUNCTION_HELP = {
  VARIANCE: {
    en: "Favourable-positive variance of actual against target (or the percent variance). Ranges spill.",
    zh: "实际值相对目标值的偏差（有利为正），或偏差率。参数为区域时结果溢出。",
    parameters: [
      {
        name: "actual",
        zhName: "实际值",
        en: `Actual value or range. ${BLANK_EN}`,
        zh: `实际值或区域。${BLANK_ZH}`,
      },
      {
        name: "target",
        zhName: "目标值",
        en: `Target value or range. ${BLANK_EN}`,
        zh: `目标值或区域。${BLANK_ZH}`,
      },
      DIRECTION,
      {
        name: "as_percent",
        zhName: "按百分比",
        en: "TRUE for the variance as a share of |target| (#DIV/0! when the target is 0).",
        zh: "为 TRUE 时返回偏差占目标值绝对值的比例（目标值为 0 时返回 #DIV/0!）。",
      },
    ],
  },
  ATTAINMENT: {
    en: "Attainment: 1 + percent variance (actual/target when higher is better). Ranges spill.",
    zh: "达成率：1 + 偏差率（越高越好时即实际值/目标值）。参数为区域时结果溢出。",
    parameters: [
      {
        name: "actual",
        zhName: "实际值",
        en: `Actual value or range. ${BLANK_EN}`,
        zh: `实际值或区域。${BLANK_ZH}`,
      },
      {
        name: "target",
        zhName: "目标值",
        en: "Target value or range; 0 gives #DIV/0!.",
        zh: "目标值或区域；为 0 时返回 #DIV/0!。",
      },
      DIRECTION,
      {
        name: "cap",
        zhName: "上限",
        en: "Largest attainment returned, e.g. 1.2 (none by default; blank or 0 is none).",
        zh: "达成率上限，例如 1.2（默认不设上限；空白或 0 表示不设上限）。",
      },
    ],
  },
  STATUS: {
    en: "On track, At risk or Off track by attainment, or your own three labels. Ranges spill.",
    zh: "按达成率判断达标、预警或落后，也可使用自定义的三个标签。参数为区域时结果溢出。",
    parameters: [
      {
        name: "actual",
        zhName: "实际值",
        en: `Actual value or range. ${BLANK_EN}`,
        zh: `实际值或区域。${BLANK_ZH}`,
      },
      {
        name: "target",
        zhName: "目标值",
        en: "Target value or range; 0 gives #DIV/0!.",
        zh: "目标值或区域；为 0 时返回 #DIV/0!。",
      },
      DIRECTION,
      {
        name: "at_risk",
        zhName: "预警线",
        en: "Attainment from which a goal is At risk rather than Off track (default 0.9; blank or 0 is the default).",
        zh: "达成率不低于此值为预警，否则为落后（默认 0.9；空白或 0 即默认值）。",
      },
      {
        name: "labels",
        zhName: "标签",
        en: 'Three labels separated by commas, e.g. "达标,预警,落后", or "zh" for those.',
        zh: "以逗号分隔的三个标签，例如“达标,预警,落后”；填“zh”即使用这三个中文标签。",
      },
    ],
  },
  PACE: {
    en: "Value expected by a date: baseline + (target − baseline) × elapsed share of start…deadline, optionally seasonal.",
    zh: "截至某日应达到的值：基线 +（目标值 − 基线）× 已过时间占比，可按季节性分布。",
    parameters: [
      {
        name: "target",
        zhName: "目标值",
        en: "Target at the deadline; 0 is a target of 0.",
        zh: "截止日期时的目标值；0 即目标为 0。",
      },
      {
        name: "start",
        zhName: "开始日期",
        en: "Start date (a blank is an error).",
        zh: "开始日期（不能为空）。",
      },
      {
        name: "deadline",
        zhName: "截止日期",
        en: "Deadline (a blank is an error).",
        zh: "截止日期（不能为空）。",
      },
      {
        name: "as_of",
        zhName: "截至日期",
        en: "Date to measure the pace at; pass it in rather than TODAY() in many cells.",
        zh: "计算进度的日期；大量单元格中请传入日期而不是 TODAY()。",
      },
      {
        name: "baseline",
        zhName: "基线",
        en: "Value at the start (default 0).",
        zh: "开始时的值（默认 0）。",
      },
      {
        name: "profile",
        zhName: "季节性分布",
        en: "Weights of equal parts of the window, e.g. 12 monthly weights. Trailing blank or 0 cells are left out (the desktop passes 0 for a blank).",
        zh: "时间段各等分的权重，例如 12 个月的权重。末尾的空白或 0 单元格不计（Excel 桌面版将空白传为 0）。",
      },
    ],
  },
  ALLOCATE: {
    en: "Splits a total over weights (or into a count of even parts) so the parts add up exactly. Spills.",
    zh: "按权重（或平均分为若干份）分解总数，各部分合计精确等于总数。结果溢出。",
    parameters: [
      {
        name: "total",
        zhName: "总数",
        en: "The total to split (one value).",
        zh: "要分解的总数（一个值）。",
      },
      {
        name: "weights_or_count",
        zhName: "权重或份数",
        en: "A range of weights (blank = 0; all 0 = even), or a number of even parts.",
        zh: "权重区域（空白为 0；全部为 0 时平均分配），或平均分配的份数。",
      },
      {
        name: "decimals",
        zhName: "小数位数",
        en: "Decimals of each part (default 0: whole units; one value).",
        zh: "每部分的小数位数（默认 0：整数；一个值）。",
      },
    ],
  },
  ROLLUP: {
    en: "Each goal's rolled-up value from its children (sum by default), as a column beside the ids.",
    zh: "按上下级关系汇总每个目标的下级值（默认求和），结果为与编号对应的一列。",
    parameters: [
      { name: "ids", zhName: "目标编号", en: "Goal ids.", zh: "目标编号。" },
      {
        name: "parent_ids",
        zhName: "上级编号",
        en: "Parent id of each goal (blank for a top goal).",
        zh: "每个目标的上级编号（顶层目标为空）。",
      },
      {
        name: "values",
        zhName: "值",
        en: `Value of each goal; goals without children keep theirs. ${BLANK_EN}`,
        zh: `每个目标的值；没有下级的目标保留自身的值。${BLANK_ZH}`,
      },
      {
        name: "method",
        zhName: "汇总方式",
        en: "sum (default), average, weighted, min, max or none; one word or one per goal.",
        zh: "求和（默认）、平均、加权、最小、最大或不汇总；可统一填写，也可逐行填写。",
      },
      {
        name: "weights",
        zhName: "权重",
        en: "Weights for the weighted method.",
        zh: "加权汇总使用的权重。",
      },
    ],
  },
  SMART: {
    en: 'SMART check: "SMART", or the passing letters with "-" for each failure (e.g. "SM-R-").',
    zh: "SMART 检查：全部通过返回“SMART”，否则未通过的字母显示为“-”（例如“SM-R-”）。",
    parameters: [
      {
        name: "goal",
        zhName: "目标描述",
        en: "Goal text (S: specific, not only vague words).",
        zh: "目标描述（S：具体，不能只有空泛的词）。",
      },
      {
        name: "target",
        zhName: "目标值",
        en: "Numeric target (M). Blank or 0 is no target (Excel desktop passes 0 for a blank cell).",
        zh: "数字目标值（M）。空白或 0 视为没有目标值（Excel 桌面版将空白单元格传为 0）。",
      },
      { name: "deadline", zhName: "截止日期", en: "Deadline (T).", zh: "截止日期（T）。" },
      {
        name: "owner",
        zhName: "责任人",
        en: "Responsible person: when given and blank, A fails (nobody to achieve it).",
        zh: "责任人：提供此参数但为空时 A 不通过（无人负责实现）。",
      },
      {
        name: "baseline",
        zhName: "基线",
        en: "Last actual (A: the target must beat it in the goal's direction, by at most the 50 % stretch limit). Blank or 0 is no baseline.",
        zh: "上期实际值（A：目标须按方向优于基线，且提升不超过 50% 的上限）。空白或 0 视为没有基线。",
      },
      {
        name: "parent",
        zhName: "上级目标",
        en: "Parent goal id (R): leave the argument out for a top goal.",
        zh: "上级目标编号（R）：顶层目标不填此参数。",
      },
      {
        name: "kpi",
        zhName: "指标",
        en: "KPI name (M: when given, it must not be blank).",
        zh: "指标名称（M：提供此参数时不能为空）。",
      },
      {
        ...DIRECTION,
        en: `${DIRECTION.en} For A against the baseline.`,
        zh: `${DIRECTION.zh}用于 A 与基线的比较。`,
      },
    ],
  },
  SCORE: {
    en: "Weighted score: Σ weight × min(attainment, cap) / Σ weight over goals that are not exempt.",
    zh: "加权得分：未免于考核的目标按权重计算 Σ 权重 × min(达成率, 上限) / Σ 权重。",
    parameters: [
      {
        name: "attainments",
        zhName: "达成率",
        en: "Attainments; an empty cell or 0 is a goal not scored yet (Excel on the desktop passes 0 for an empty cell).",
        zh: "达成率；空单元格或 0 表示尚未评分的目标（Excel 桌面版将空单元格传为 0）。",
      },
      {
        name: "weights",
        zhName: "权重",
        en: "Weights (equal when left out).",
        zh: "权重（不填时权重相同）。",
      },
      {
        name: "exempt",
        zhName: "免于考核",
        en: "Yes/no per goal: exempt goals leave and the others are renormalised.",
        zh: "每个目标是否免于考核：免于考核的目标不计分，其余权重重新归一。",
      },
      {
        name: "cap",
        zhName: "上限",
        en: "Largest attainment counted (default 1.2).",
        zh: "计入的达成率上限（默认 1.2）。",
      },
    ],
  },
  AUDIT: {
    en: "Audits a goal table (range with its header row): one row per finding with row, id, code and message.",
    zh: "审核目标表（含表头的区域）：每项发现一行，包括行号、编号、代码和说明。",
    parameters: [
      {
        name: "table",
        zhName: "目标表",
        en: "The goal table with its header row (ID, Goal, Target … or 目标编号, 目标描述, 目标值 …). A 0 reads as empty (Excel on the desktop passes 0 for every empty cell), except a lower-is-better target of 0.",
        zh: "含表头的目标表（目标编号、目标描述、目标值……）。值为 0 的单元格视为空白（Excel 桌面版将空单元格传为 0），越低越好目标的目标值 0 除外。",
      },
      {
        name: "language",
        zhName: "语言",
        en: 'Language of the messages: "en" or "zh" (default: Excel\'s).',
        zh: "说明的语言：“en”或“zh”（默认与 Excel 相同）。",
      },
      {
        name: "as_of",
        zhName: "截至日期",
        en: "Date to judge actuals against the pace to date.",
        zh: "按截至该日的进度判断实际值。",
      },
    ],
  },
  FORECAST: {
    en: "Forecast at the deadline from the periods reported: linear, by the plan, or by the trend.",
    zh: "根据已填报的周期预测截止时的结果：线性、按计划或按趋势。",
    parameters: [
      ACTUALS,
      {
        name: "plan",
        zhName: "计划",
        en: "The plan of each period, as many cells as actuals (the children's period targets, or the target spread by season).",
        zh: "每个周期的计划值，单元格数与实际值相同（下级各期目标，或按季节性拆分的目标）。",
      },
      {
        name: "method",
        zhName: "方法",
        en: "linear, plan, trend or auto (default: plan when a plan is given, else linear); 线性, 计划, 趋势, 自动.",
        zh: "线性、计划、趋势或自动（默认：给出计划时按计划，否则线性）；也可写 linear、plan、trend、auto。",
      },
      SERIES_ROLLUP,
      REPORTED,
    ],
  },
  NEEDED: {
    en: "What each remaining period needs for the goal to reach its target at the deadline.",
    zh: "为在截止时达成目标，剩余每个周期需要完成的值。",
    parameters: [
      ACTUALS,
      {
        name: "target",
        zhName: "目标值",
        en: "The goal's target at the deadline (for an average, the mean to reach over all periods).",
        zh: "截止时的目标值（平均时为全部周期需达到的平均值）。",
      },
      SERIES_ROLLUP,
      REPORTED,
    ],
  },
} satisfies Record<string, FunctionHelp>;

export type FunctionName = keyof typeof FUNCTION_HELP;

/** The function names without the namespace, in DESIGN order. */
export const FUNCTION_NAMES = Object.keys(FUNCTION_HELP) as FunctionName[];

/** Shape of a custom-functions metadata file (functions.json), as far as the Chinese copy needs it. */
export interface FunctionsMetadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: Array<{ name: string; description?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
}

/**
 * The Chinese metadata: the generated English metadata with Chinese descriptions and parameter names. Function
 * names stay as users type them everywhere (=GOAL.VARIANCE), so a workbook reads the same in every language.
 */
export function chineseMetadata(english: FunctionsMetadata): FunctionsMetadata {
  return {
    ...english,
    functions: english.functions.map((fn) => {
      const help = (FUNCTION_HELP as Record<string, FunctionHelp>)[fn.id];
      if (!help) throw new Error(`functions.json lists ${fn.id}, which has no help text`);
      return {
        ...fn,
        description: help.zh,
        parameters: fn.parameters.map((parameter) => {
          const text = help.parameters.find((p) => p.name === parameter.name);
          if (!text) throw new Error(`${fn.id}: parameter ${parameter.name} has no help text`);
          return { ...parameter, name: text.zhName, description: text.zh };
        }),
      };
    }),
  };
}
