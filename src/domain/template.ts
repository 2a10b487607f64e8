import { Lang } from "./catalogue";
import { HEADERS } from "./headers";
import { dayFromParts, serialFromDay } from "./dates";
import { CellValue, Field } from "./model";

/** One column of the goal-table template: its field, header, format and drop-down choices. */
export interface TemplateColumn {
  field: Field;
  header: string;
  /** Excel number format, for numbers and dates. */
  numberFormat?: string;
  /** Drop-down choices (data validation), in the user's language. */
  choices?: string[];
  /** Column width in characters. */
  width: number;
}

export interface GoalTemplate {
  columns: TemplateColumn[];
  /** Example rows, one per column, that the user overwrites. */
  rows: CellValue[][];
}

const LEVEL_WORDS: Record<Lang, string[]> = {
  en: ["Company", "Team", "Region", "Customer", "Position", "Individual"],
  zh: ["公司", "团队", "区域", "客户", "岗位", "个人"],
};
const DIRECTION_CHOICES: Record<Lang, string[]> = {
  en: ["higher", "lower"],
  zh: ["越高越好", "越低越好"],
};
const ROLLUP_CHOICES: Record<Lang, string[]> = {
  en: ["sum", "average", "weighted", "min", "max", "none"],
  zh: ["求和", "平均", "加权", "最小", "最大", "无"],
};
const EXEMPT_CHOICES: Record<Lang, string[]> = { en: ["no", "yes"], zh: ["否", "是"] };

const DATE_FORMAT = "yyyy-mm-dd";
const NUMBER_FORMAT = "#,##0.##";

/** The template's columns, in DESIGN §2 order. */
const LAYOUT: Array<{ field: Field; width: number; numberFormat?: string }> = [
  { field: "id", width: 10 },
  { field: "parent", width: 10 },
  { field: "level", width: 10 },
  { field: "owner", width: 10 },
  { field: "goal", width: 36 },
  { field: "kpi", width: 16 },
  { field: "unit", width: 8 },
  { field: "direction", width: 10 },
  { field: "rollup", width: 10 },
  { field: "period", width: 10 },
  { field: "start", width: 12, numberFormat: DATE_FORMAT },
  { field: "deadline", width: 12, numberFormat: DATE_FORMAT },
  { field: "baseline", width: 12, numberFormat: NUMBER_FORMAT },
  { field: "target", width: 12, numberFormat: NUMBER_FORMAT },
  { field: "actual", width: 12, numberFormat: NUMBER_FORMAT },
  { field: "weight", width: 8, numberFormat: "0%" },
  { field: "exempt", width: 8 },
];

/** Example goals: a company goal, a team goal under it, and two people under the team. */
const EXAMPLES: Record<Lang, Array<Partial<Record<Field, CellValue>>>> = {
  en: [
    {
      id: "C1",
      level: "Company",
      owner: "Zhang Wei",
      goal: "Resolve 1.2M customer tickets in 2026",
      kpi: "Tickets resolved",
      unit: "tickets",
      direction: "higher",
      rollup: "sum",
      target: 1_200_000,
      weight: 1,
      exempt: "no",
    },
    {
      id: "T1",
      parent: "C1",
      level: "Team",
      owner: "Li Na",
      goal: "Phone team resolves 1.2M tickets",
      kpi: "Tickets resolved",
      unit: "tickets",
      direction: "higher",
      rollup: "sum",
      target: 1_200_000,
      weight: 1,
      exempt: "no",
    },
    {
      id: "P1",
      parent: "T1",
      level: "Individual",
      owner: "Wang Fang",
      goal: "Resolve 600k phone tickets",
      kpi: "Tickets resolved",
      unit: "tickets",
      direction: "higher",
      rollup: "sum",
      target: 600_000,
      weight: 1,
      exempt: "no",
    },
    {
      id: "P2",
      parent: "T1",
      level: "Individual",
      owner: "Chen Jie",
      goal: "Resolve 600k phone tickets within SLA",
      kpi: "Tickets resolved",
      unit: "tickets",
      direction: "higher",
      rollup: "sum",
      target: 600_000,
      weight: 1,
      exempt: "no",
    },
  ],
  zh: [
    {
      id: "C1",
      level: "公司",
      owner: "张伟",
      goal: "2026年解决客户工单120万件",
      kpi: "工单解决量",
      unit: "件",
      direction: "越高越好",
      rollup: "求和",
      target: 1_200_000,
      weight: 1,
      exempt: "否",
    },
    {
      id: "T1",
      parent: "C1",
      level: "团队",
      owner: "李娜",
      goal: "电话客服部解决工单120万件",
      kpi: "工单解决量",
      unit: "件",
      direction: "越高越好",
      rollup: "求和",
      target: 1_200_000,
      weight: 1,
      exempt: "否",
    },
    {
      id: "P1",
      parent: "T1",
      level: "个人",
      owner: "王芳",
      goal: "解决电话工单60万件",
      kpi: "工单解决量",
      unit: "件",
      direction: "越高越好",
      rollup: "求和",
      target: 600_000,
      weight: 1,
      exempt: "否",
    },
    {
      id: "P2",
      parent: "T1",
      level: "个人",
      owner: "陈杰",
      goal: "在时限内解决电话工单60万件",
      kpi: "工单解决量",
      unit: "件",
      direction: "越高越好",
      rollup: "求和",
      target: 600_000,
      weight: 1,
      exempt: "否",
    },
  ],
};

/**
 * The goal-table template in a language (DESIGN §2): every column with its header, format and drop-down
 * choices, and example rows for a planning year (dates as Excel serials) that the user overwrites.
 * @example goalTemplate("zh", 2027).columns[0].header // "目标编号"
 */
export function goalTemplate(lang: Lang, year: number): GoalTemplate {
  const startSerial = serialFromDay(dayFromParts(year, 1, 1) ?? 0);
  const deadlineSerial = serialFromDay(dayFromParts(year, 12, 31) ?? 0);
  const columns = LAYOUT.map(({ field, width, numberFormat }): TemplateColumn => {
    const choices =
      field === "level"
        ? LEVEL_WORDS[lang]
        : field === "direction"
          ? DIRECTION_CHOICES[lang]
          : field === "rollup"
            ? ROLLUP_CHOICES[lang]
            : field === "exempt"
              ? EXEMPT_CHOICES[lang]
              : undefined;
    return {
      field,
      header: HEADERS[field][lang][0] as string,
      width,
      ...(numberFormat ? { numberFormat } : {}),
      ...(choices ? { choices } : {}),
    };
  });
  const rows = EXAMPLES[lang].map((example) =>
    columns.map(({ field }) =>
      field === "start"
        ? startSerial
        : field === "deadline"
          ? deadlineSerial
          : field === "period"
            ? String(year)
            : field === "goal" && typeof example.goal === "string"
              ? example.goal.replace("2026", String(year))
              : (example[field] ?? null)
    )
  );
  return { columns, rows };
}
