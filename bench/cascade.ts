/**
 * Generated goal cascades for the benchmark: a tree of fan-out 10 (company → team → region → customer → position →
 * individual), sum targets that add up, realistic cell values (text numbers, percentages, date serials, Chinese
 * words), and a sprinkling of the problems the audit looks for, so that every rule does real work.
 */
import { CellValue } from "../src/domain";

const HEADER = [
  "目标编号",
  "上级目标",
  "层级",
  "责任人",
  "目标描述",
  "指标",
  "单位",
  "方向",
  "周期",
  "开始日期",
  "截止日期",
  "基线",
  "目标值",
  "实际值",
  "权重",
];
const LEVEL_WORDS = ["公司", "团队", "区域", "客户", "岗位", "个人"];
const FAN_OUT = 10;
/** Excel serials of 2026-01-01 and 2026-12-31. */
const START = 46023;
const DEADLINE = 46387;

/** The generated attainment of a goal: spread over off track, at risk and on track. */
function attainmentOf(index: number): number {
  const bucket = index % 70;
  if (bucket < 7) return 0.8 + bucket / 70;
  if (bucket < 17) return 0.9 + (bucket - 7) / 110;
  return 1 + (bucket - 17) / 350;
}

/** A goal table of `size` goals with its header row, as a reader gets it from a sheet. */
export function generateCascade(size: number): CellValue[][] {
  const depth = new Uint8Array(size);
  const target = new Float64Array(size);
  const hasChild = new Uint8Array(size);
  for (let index = 1; index < size; index++) {
    const parent = Math.floor((index - 1) / FAN_OUT);
    depth[index] = Math.min((depth[parent] as number) + 1, LEVEL_WORDS.length - 1);
    hasChild[parent] = 1;
  }
  // Leaves hold the work; parents ask for exactly what their children add up to.
  for (let index = size - 1; index >= 0; index--) {
    if (!hasChild[index]) target[index] = 1000 + (index % 97) * 10;
    if (index > 0) target[Math.floor((index - 1) / FAN_OUT)]! += target[index] as number;
  }
  const rows: CellValue[][] = [HEADER];
  for (let index = 0; index < size; index++) {
    const parent = index === 0 ? null : `G${Math.floor((index - 1) / FAN_OUT)}`;
    const leaf = !hasChild[index];
    const goalTarget = target[index] as number;
    // About 1 goal in 500 hangs from an id that does not exist, 1 in 700 has no owner, 1 in 400 copies its
    // parent's text; mid-year, 1 goal in 10 is off track (80–89 % of its target), 1 in 7 at risk (90–99 %), the
    // rest on track (100–115 %). Excel hands numbers over as numbers, but
    // imported sheets hold some as text: 1 target in 50 is text such as "1,234", 1 weight in 50 is "100%".
    const orphan = index > 0 && index % 499 === 0;
    rows.push([
      `G${index}`,
      orphan ? `X${index}` : parent,
      leaf ? "个人" : (LEVEL_WORDS[depth[index] as number] as string),
      index % 701 === 0 ? null : `员工${index}`,
      index % 401 === 0 && index > 0
        ? "全年解决客户工单"
        : `全年解决客户工单${goalTarget}件（单元${index}）`,
      "工单解决量",
      "件",
      "越高越好",
      "2026",
      START,
      DEADLINE,
      Math.round(goalTarget * 0.9),
      index % 50 === 7 ? goalTarget.toLocaleString("en-US") : goalTarget,
      Math.round(goalTarget * attainmentOf(index)),
      index % 50 === 11 ? "100%" : 1,
    ]);
  }
  return rows;
}
