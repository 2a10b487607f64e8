/**
 * The sample customer-service cascade (company → team → member, year → quarter → month) with Chinese headers,
 * clean, and the same cascade with deliberate problems. `npm run samples` writes them to samples/.
 */
export type SampleRow = {
  id: string;
  parent?: string;
  level: string;
  owner?: string;
  goal: string;
  kpi: string;
  unit: string;
  direction?: string;
  period?: string;
  start?: string;
  deadline?: string;
  baseline?: number;
  target: number;
  actual?: number;
  weight?: number;
};

export const SAMPLE_HEADERS: Array<[keyof SampleRow, string]> = [
  ["id", "目标编号"],
  ["parent", "上级目标"],
  ["level", "层级"],
  ["owner", "责任人"],
  ["goal", "目标描述"],
  ["kpi", "指标"],
  ["unit", "单位"],
  ["direction", "方向"],
  ["period", "周期"],
  ["start", "开始日期"],
  ["deadline", "截止日期"],
  ["baseline", "基线"],
  ["target", "目标值"],
  ["actual", "实际值"],
  ["weight", "权重"],
];

const YEAR = { period: "2026", start: "2026-01-01", deadline: "2026-12-31" };
const higher = "越高越好";
const lower = "越低越好";

/** Year goal for a member or team with the three KPIs of the seeds: tickets, satisfaction, first response. */
function tickets(
  id: string,
  parent: string | undefined,
  level: string,
  owner: string,
  who: string,
  target: number,
  baseline: number
): SampleRow {
  return {
    id,
    parent,
    level,
    owner,
    goal: `${who}全年解决客户工单${target / 10000}万件`,
    kpi: "工单解决量",
    unit: "件",
    direction: higher,
    ...YEAR,
    baseline,
    target,
    weight: 0.4,
  };
}
function satisfaction(
  id: string,
  parent: string | undefined,
  level: string,
  owner: string,
  who: string,
  target: number,
  baseline: number
): SampleRow {
  return {
    id,
    parent,
    level,
    owner,
    goal: `${who}客户满意度达到${Math.round(target * 1000) / 10}%`,
    kpi: "客户满意度",
    unit: "%",
    direction: higher,
    ...YEAR,
    baseline,
    target,
    weight: 0.35,
  };
}
function response(
  id: string,
  parent: string | undefined,
  level: string,
  owner: string,
  who: string,
  target: number,
  baseline: number
): SampleRow {
  return {
    id,
    parent,
    level,
    owner,
    goal: `${who}首次响应时长不超过${target}秒`,
    kpi: "首次响应时长",
    unit: "秒",
    direction: lower,
    ...YEAR,
    baseline,
    target,
    weight: 0.25,
  };
}

function quarter(
  id: string,
  parent: string,
  owner: string,
  who: string,
  q: number,
  target: number,
  actual?: number
): SampleRow {
  const ends = ["03-31", "06-30", "09-30", "12-31"];
  const starts = ["01-01", "04-01", "07-01", "10-01"];
  return {
    id,
    parent,
    level: "团队",
    owner,
    goal: `${who}第${q}季度解决客户工单${target / 10000}万件`,
    kpi: "工单解决量",
    unit: "件",
    direction: higher,
    period: `2026年第${q}季度`,
    start: `2026-${starts[q - 1]}`,
    deadline: `2026-${ends[q - 1]}`,
    target,
    ...(actual !== undefined ? { actual } : {}),
  };
}
function month(
  id: string,
  parent: string,
  owner: string,
  who: string,
  m: number,
  target: number,
  actual?: number
): SampleRow {
  const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return {
    id,
    parent,
    level: "团队",
    owner,
    goal: `${who}${m}月解决客户工单${target / 10000}万件`,
    kpi: "工单解决量",
    unit: "件",
    direction: higher,
    period: `2026年${m}月`,
    start: `2026-${mm}-01`,
    deadline: `2026-${mm}-${last}`,
    target,
    ...(actual !== undefined ? { actual } : {}),
  };
}

/** The clean cascade: every rule passes. */
export function cleanCascade(): SampleRow[] {
  return [
    tickets("C1", undefined, "公司", "陈总", "客服中心", 1_200_000, 1_050_000),
    satisfaction("C2", undefined, "公司", "陈总", "客服中心", 0.95, 0.92),
    response("C3", undefined, "公司", "陈总", "客服中心", 30, 38),

    tickets("T1", "C1", "团队", "王经理", "电话客服部", 650_000, 580_000),
    satisfaction("T2", "C2", "团队", "王经理", "电话客服部", 0.95, 0.93),
    response("T3", "C3", "团队", "王经理", "电话客服部", 30, 36),
    tickets("T4", "C1", "团队", "刘经理", "在线客服部", 550_000, 470_000),
    satisfaction("T5", "C2", "团队", "刘经理", "在线客服部", 0.96, 0.94),
    response("T6", "C3", "团队", "刘经理", "在线客服部", 25, 32),

    quarter("T1-Q1", "T1", "王经理", "电话客服部", 1, 150_000, 152_300),
    quarter("T1-Q2", "T1", "王经理", "电话客服部", 2, 160_000),
    quarter("T1-Q3", "T1", "王经理", "电话客服部", 3, 165_000),
    quarter("T1-Q4", "T1", "王经理", "电话客服部", 4, 175_000),
    month("T1-M01", "T1-Q1", "王经理", "电话客服部", 1, 48_000, 48_900),
    month("T1-M02", "T1-Q1", "王经理", "电话客服部", 2, 50_000, 50_400),
    month("T1-M03", "T1-Q1", "王经理", "电话客服部", 3, 52_000, 53_000),

    tickets("P101", "T1", "个人", "张伟", "张伟", 220_000, 198_000),
    satisfaction("P102", "T2", "个人", "张伟", "张伟", 0.95, 0.93),
    response("P103", "T3", "个人", "张伟", "张伟", 30, 35),
    tickets("P111", "T1", "个人", "李娜", "李娜", 215_000, 190_000),
    satisfaction("P112", "T2", "个人", "李娜", "李娜", 0.955, 0.94),
    response("P113", "T3", "个人", "李娜", "李娜", 28, 33),
    tickets("P121", "T1", "个人", "王芳", "王芳", 215_000, 192_000),
    satisfaction("P122", "T2", "个人", "王芳", "王芳", 0.95, 0.925),
    response("P123", "T3", "个人", "王芳", "王芳", 30, 37),

    tickets("P201", "T4", "个人", "赵磊", "赵磊", 275_000, 236_000),
    satisfaction("P202", "T5", "个人", "赵磊", "赵磊", 0.96, 0.945),
    response("P203", "T6", "个人", "赵磊", "赵磊", 25, 31),
    tickets("P211", "T4", "个人", "孙丽", "孙丽", 275_000, 234_000),
    satisfaction("P212", "T5", "个人", "孙丽", "孙丽", 0.965, 0.95),
    response("P213", "T6", "个人", "孙丽", "孙丽", 24, 30),
  ];
}

/** A deliberate problem: which row (by goal id) should carry which code. */
export interface PlantedProblem {
  id: string;
  code: string;
  what: string;
}

/** The same cascade with deliberate problems; `problems` lists them. */
export function problemCascade(): { rows: SampleRow[]; problems: PlantedProblem[] } {
  const rows = cleanCascade();
  const problems: PlantedProblem[] = [];
  const edit = (id: string, change: Partial<SampleRow>, code: string, what: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`sample has no goal ${id}`);
    Object.assign(row, change);
    problems.push({ id, code, what });
  };
  // 目标断层: the online team's members share out only 51万 of its 55万.
  edit("P201", { target: 250_000, goal: "赵磊全年解决客户工单25万件" }, "UNDER_ALLOCATED", "");
  problems.pop();
  edit("P211", { target: 260_000, goal: "孙丽全年解决客户工单26万件" }, "UNDER_ALLOCATED", "");
  problems.pop();
  problems.push({
    id: "T4",
    code: "UNDER_ALLOCATED",
    what: "members' tickets add up to 51万, short of the team's 55万",
  });
  // 目标断层: a parent id that exists nowhere (typo T7 for T1).
  edit("P121", { parent: "T7" }, "ORPHAN", "parent T7 does not exist");
  // 目标重复: a member copies the team's goal word for word.
  edit(
    "P122",
    { goal: "电话客服部客户满意度达到95%" },
    "DUPLICATE_OF_PARENT",
    "copies the team goal T2 word for word"
  );
  // 目标重复: two peers with completely identical goals.
  edit("P203", { goal: "在线客服首次响应时长不超过25秒" }, "DUPLICATE_SIBLING", "");
  problems.pop();
  edit(
    "P213",
    { goal: "在线客服首次响应时长不超过25秒", target: 25, baseline: 31 },
    "DUPLICATE_SIBLING",
    "same goal, KPI, period and target as P203"
  );
  // Vague goal (SMART S).
  edit("P112", { goal: "进一步提升工作质量" }, "SMART_S", "only vague words, no object");
  // No owner on a quarter of the phone team's year.
  edit("T1-Q3", { owner: undefined }, "MISSING_OWNER", "no 责任人");
  // Too-high target against the baseline (SMART A).
  edit(
    "P101",
    { target: 320_000, baseline: 198_000, goal: "张伟全年解决客户工单32万件" },
    "SMART_A",
    "target 62% above baseline, beyond the 50% stretch"
  );
  // Weights that do not add up: 王芳 40% + 35% + 30%.
  edit("P123", { weight: 0.3 }, "WEIGHTS_NOT_100", "王芳's weights add up to 105%");
  // Off track and at risk in the first quarter.
  edit("T1-M02", { actual: 41_000 }, "OFF_TRACK", "February actual 4.1万 against 5万");
  edit("T1-M03", { actual: 49_500 }, "AT_RISK", "March actual 95% of target");
  // Nobody executes: a new team goal with no member goal under it.
  rows.splice(9, 0, {
    id: "T7-QA",
    parent: "C2",
    level: "团队",
    owner: "周经理",
    goal: "质检部客户满意度抽检覆盖率达到98%",
    kpi: "抽检覆盖率",
    unit: "%",
    direction: higher,
    ...YEAR,
    baseline: 0.9,
    target: 0.98,
    weight: 1,
  });
  problems.push({
    id: "T7-QA",
    code: "NO_EXECUTOR",
    what: "a team goal with no member goal under it",
  });
  // A training goal with no deadline and no period (SMART T).
  rows.push({
    id: "P214",
    parent: "T5",
    level: "个人",
    owner: "孙丽",
    goal: "孙丽完成客户投诉处理培训并通过考核",
    kpi: "培训考核得分",
    unit: "分",
    direction: higher,
    target: 90,
  });
  problems.push({ id: "P214", code: "SMART_T", what: "no deadline and no period" });
  // A member goal aligned with nothing above it (SMART R).
  rows.push({
    id: "P215",
    level: "个人",
    owner: "孙丽",
    goal: "孙丽全年完成客户回访1200次",
    kpi: "回访次数",
    unit: "次",
    direction: higher,
    ...YEAR,
    target: 1200,
  });
  problems.push({ id: "P215", code: "SMART_R", what: "an individual goal with no parent" });
  // Duplicate id: a second row reuses P203.
  rows.push({
    ...response("P203", "T6", "个人", "孙丽", "孙丽", 24, 30),
    goal: "孙丽首次响应时长不超过24秒",
    weight: undefined,
  });
  problems.push({ id: "P203", code: "DUPLICATE_ID", what: "the id P203 is used twice (last row)" });
  return { rows, problems };
}
